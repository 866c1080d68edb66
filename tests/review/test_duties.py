"""Separation of duties (issue #14, step 3): nobody endorses or publishes
what their own organisation's team wrote, or what they created or changed
last; when no coordinator is left, the item goes to the secretariat."""

from collective.migrationnetwork.review.duties import conflicts
from collective.migrationnetwork.review.duties import may_review
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import add_editor
from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from roles.helpers import PASSWORD
from roles.helpers import make_people
from roles.helpers import make_user
from roles.helpers import mock_mailhost
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


NICOSIA = "/el/organisations/nicosia-university"
ATHENS = "/el/organisations/athens"
PRACTICE = {
    "@type": "Practice",
    "id": "own-work",
    "title": "Own work",
    "kind": "good_practice",
    "status": "ongoing",
    "countries": ["CY"],
}


@pytest.fixture
def site(functional, functional_sample):
    portal = functional["portal"]
    make_people(functional_sample)
    make_user("secretary-two", "Second Secretary")
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname=SECRETARIAT_GROUP, username="secretary-two")
        make_user("siteadmin", "Site Administrator")
    setRoles(portal, "siteadmin", ["Site Administrator", "Member"])
    mock_mailhost(portal)
    transaction.commit()
    return {"portal": portal, **functional_sample}


def rest(http, userid):
    return http(auth=(userid, PASSWORD), json=True)


def item(path):
    transaction.begin()
    return api.portal.get().unrestrictedTraverse(path.lstrip("/"))


def state(path):
    return api.content.get_state(item(path))


def last_history(path):
    return item(path).workflow_history["network_review_workflow"][-1]


def write_and_submit(http, userid, organisation):
    session = rest(http, userid)
    created = session.post(organisation, json=PRACTICE)
    assert created.status_code == 201, created.text
    submitted = session.post(f"{organisation}/own-work/@workflow/submit", json={})
    assert submitted.status_code == 200, submitted.text
    return f"{organisation}/own-work"


def test_coordinator_who_joined_the_team_cannot_endorse_own_work(site, http):
    """Step 3 as the tester did it: a coordinator adds themselves to a
    member's team, writes a practice, submits and endorses it."""
    coordinator = rest(http, "coordinator-cyprus")
    joined = coordinator.post(f"{NICOSIA}/@team", json={"user": "coordinator-cyprus"})
    assert joined.status_code == 201, joined.text
    path = write_and_submit(http, "coordinator-cyprus", NICOSIA)
    assert state(path) == "pending_coordinator"  # coordinator-cities may

    answer = coordinator.post(f"{path}/@workflow/endorse", json={"comment": "Mine"})
    assert answer.status_code == 400, answer.text
    assert state(path) == "pending_coordinator"
    transitions = coordinator.get(f"{path}/@workflow").json()["transitions"]
    assert "endorse" not in [t["@id"].rsplit("/", 1)[1] for t in transitions]

    other = rest(http, "coordinator-cities").post(
        f"{path}/@workflow/endorse", json={"comment": "Fine"}
    )
    assert other.status_code == 200, other.text
    assert state(path) == "pending_network"


def test_no_eligible_coordinator_sends_the_item_to_the_secretariat(site, http):
    with api.env.adopt_roles(["Manager"]):
        add_editor(site["athens"], "coordinator-cities")
    transaction.commit()
    path = write_and_submit(http, "editor-athens", ATHENS)

    assert state(path) == "pending_network"
    entry = last_history(path)
    assert entry["action"] == "skip_endorsement"
    assert entry["actor"] == "editor-athens"
    assert entry["comments"].startswith("Παράλειψη έγκρισης")
    assert "coordinator-cities" in entry["comments"]
    history = rest(http, "secretary").get(f"{path}/@history").json()
    assert any(e.get("action") == "skip_endorsement" for e in history)
    published = rest(http, "secretary").post(
        f"{path}/@workflow/publish", json={"comment": "Ok"}
    )
    assert published.status_code == 200, published.text


def test_an_eligible_coordinator_keeps_the_endorsement(site, http):
    path = write_and_submit(http, "editor-athens", ATHENS)
    assert state(path) == "pending_coordinator"
    assert last_history(path)["action"] == "submit"


def test_secretary_in_the_team_cannot_publish_another_can(site, http):
    with api.env.adopt_roles(["Manager"]):
        add_editor(site["athens"], "secretary")
    transaction.commit()
    path = write_and_submit(http, "editor-athens", ATHENS)
    endorsed = rest(http, "coordinator-cities").post(
        f"{path}/@workflow/endorse", json={"comment": "Fine"}
    )
    assert endorsed.status_code == 200, endorsed.text

    refused = rest(http, "secretary").post(f"{path}/@workflow/publish", json={})
    assert refused.status_code == 400, refused.text
    assert state(path) == "pending_network"
    published = rest(http, "secretary-two").post(f"{path}/@workflow/publish", json={})
    assert published.status_code == 200, published.text
    assert state(path) == "published"


def test_site_administrators_are_not_bound(site, http):
    with api.env.adopt_roles(["Manager"]):
        add_editor(site["athens"], "siteadmin")
    transaction.commit()
    path = write_and_submit(http, "siteadmin", ATHENS)
    answer = rest(http, "siteadmin").post(f"{path}/@workflow/publish", json={})
    assert answer.status_code == 200, answer.text


# The rule, one reason at a time


@pytest.fixture
def practice(portal, sample):
    make_people(sample)
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=sample["nicosia"],
            type="Practice",
            id="rule",
            title="Rule",
            kind="good_practice",
            status="ongoing",
            countries=["CY"],
        )


def reasons(obj, userid):
    return [str(reason) for reason in conflicts(obj, userid)]


def test_a_coordinator_outside_the_work_may_review(practice):
    assert reasons(practice, "coordinator-cyprus") == []
    assert may_review(practice, api.user.get(userid="coordinator-cyprus"))


def test_team_membership_is_a_conflict(practice):
    with api.env.adopt_roles(["Manager"]):
        add_editor(practice.aq_parent, "coordinator-cyprus")
    assert reasons(practice, "coordinator-cyprus") == ["duty_team"]
    assert not may_review(practice, api.user.get(userid="coordinator-cyprus"))


def test_the_creator_is_a_conflict(practice):
    practice.setCreators(["coordinator-cyprus"])
    assert reasons(practice, "coordinator-cyprus") == ["duty_creator"]


def test_the_last_modifier_is_a_conflict(portal, practice):
    login(portal, "coordinator-cyprus")
    notify(ObjectModifiedEvent(practice))
    assert reasons(practice, "coordinator-cyprus") == ["duty_modifier"]
    login(portal, "coordinator-cities")
    notify(ObjectModifiedEvent(practice))
    assert reasons(practice, "coordinator-cyprus") == []
    assert reasons(practice, "coordinator-cities") == ["duty_modifier"]


@pytest.mark.parametrize("type_", ["Network", "Organisation", "Newsletter"])
def test_other_types_are_not_bound(portal, sample, type_):
    obj = {"Network": sample["cities"], "Organisation": sample["athens"]}.get(
        type_, portal
    )
    assert may_review(obj, api.user.get_current())
