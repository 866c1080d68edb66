"""Approving and declining applications, through REST as reviewers do."""

from accounts import ADMIN
from collective.migrationnetwork.membership.application import get_application
from collective.migrationnetwork.membership.events import IMembershipApproved
from collective.migrationnetwork.membership.events import IMembershipDeclined
from collective.migrationnetwork.roles.groups import editors
from collective.migrationnetwork.roles.groups import editors_group_id
from collective.migrationnetwork.workflows import make_public
from membership.helpers import PASSWORD
from membership.helpers import application
from plone import api
from urllib.parse import urlparse

import pytest
import transaction


COORDINATOR = ("coordinator-cities", PASSWORD)
OTHER_COORDINATOR = ("coordinator-cyprus", PASSWORD)
SECRETARY = ("secretary", PASSWORD)


@pytest.fixture
def applied(http, functional, functional_people):
    """The URL of a new application to the cities network."""
    uid = functional["portal"]["el"]["networks"]["cities-network"].UID()
    response = http(json=True).post("/el/@join-network", json=application(uid))
    assert response.status_code == 201, response.text
    return response.json()["@id"]


def organisation(functional, url):
    transaction.begin()
    path = urlparse(url).path.split("/plone/", 1)[1]
    return functional["portal"].unrestrictedTraverse(path)


def of(events, interface):
    return [e for e in events if interface.providedBy(e)]


def transition(http, who, url, name, comment=None):
    body = {"comment": comment} if comment is not None else {}
    return http(auth=who, json=True).post(f"{url}/@workflow/{name}", json=body)


@pytest.mark.parametrize(
    "who", [COORDINATOR, SECRETARY], ids=["coordinator", "secretariat"]
)
def test_approve_invites_the_applicant_as_first_editor(
    http, functional, applied, events, who
):
    response = transition(http, who, applied, "approve", comment="Welcome!")
    assert response.status_code == 200, response.text
    org = organisation(functional, applied)
    assert api.content.get_state(org) == "active"
    # Now public.
    assert http(json=True).get(applied).status_code == 200
    member = api.user.get(userid=get_application(org)["userid"])
    assert member.getProperty("email") == "eleni@larissa.example"
    assert member.getProperty("fullname") == "Eleni Applicant"
    assert member.getId() in editors(org)
    assert member.getId() in [
        u.getId() for u in api.user.get_users(groupname=editors_group_id(org))
    ]
    assert org.joined is not None
    [event] = of(events, IMembershipApproved)
    assert event.object.getId() == org.getId()
    assert event.userid == member.getId()
    assert event.email == "eleni@larissa.example"
    assert event.language == "el"
    assert event.comment == "Welcome!"
    assert "/el/passwordreset/" in event.set_password_url


def test_the_set_password_link_works_and_makes_an_editor(
    http, functional, applied, events
):
    transition(http, COORDINATOR, applied, "approve")
    [event] = of(events, IMembershipApproved)
    browser = http()
    form = browser.get(event.set_password_url)
    assert form.status_code == 200
    assert 'name="password"' in form.text
    transaction.begin()
    login = api.user.get(userid=event.userid).getUserName()
    parsed = urlparse(event.set_password_url)
    done = browser.post(
        parsed.path.split("/plone", 1)[1],
        data={
            "userid": login,
            "password": "A new secret 123",
            "password2": "A new secret 123",
            "form.submitted": "1",
        },
    )
    assert done.status_code == 200
    # The applicant logs in and edits the organisation's profile.
    editor = http(auth=(login, "A new secret 123"), json=True)
    response = editor.patch(applied, json={"city": "Larissa, Thessaly"})
    assert response.status_code == 204, response.text
    assert organisation(functional, applied).city == "Larissa, Thessaly"


def test_approve_never_binds_an_existing_account(http, functional, applied, events):
    """Step 4 of issue #14: the address of the application already belongs
    to an account; approving invites its owner instead of binding it."""
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="Eleni@Larissa.example",
            username="eleni",
            password=PASSWORD,
        )
    transaction.commit()
    response = transition(http, SECRETARY, applied, "approve")
    assert response.status_code == 200, response.text
    assert of(events, IMembershipApproved) == []
    org = organisation(functional, applied)
    assert api.content.get_state(org) == "active"
    assert editors(org) == []
    assert get_application(org)["invited"] == "eleni"
    assert "userid" not in get_application(org)
    transaction.begin()
    assert [
        u.getId()
        for u in api.user.get_users()
        if (u.getProperty("email") or "").lower() == "eleni@larissa.example"
    ] == ["eleni"]


@pytest.mark.parametrize(
    "who",
    [OTHER_COORDINATOR, ("member", PASSWORD), None],
    ids=["cyprus", "member", "anonymous"],
)
@pytest.mark.parametrize("name", ["approve", "decline"])
def test_others_cannot_approve_or_decline(http, functional, applied, events, who, name):
    response = transition(http, who, applied, name, comment="Why not")
    assert response.status_code in (401, 403), response.text
    assert api.content.get_state(organisation(functional, applied)) == "applied"
    assert events[1:] == []


def test_decline_without_a_reason_is_refused(http, functional, applied, events):
    response = transition(http, COORDINATOR, applied, "decline")
    assert response.status_code == 400, response.text
    assert api.content.get_state(organisation(functional, applied)) == "applied"
    assert of(events, IMembershipDeclined) == []


def test_decline_with_a_reason_tells_the_applicant(http, functional, applied, events):
    reason = "Your organisation works outside the network's area."
    response = transition(http, COORDINATOR, applied, "decline", comment=reason)
    assert response.status_code == 200, response.text
    org = organisation(functional, applied)
    assert api.content.get_state(org) == "declined"
    [event] = of(events, IMembershipDeclined)
    assert event.reason == reason
    assert event.email == "eleni@larissa.example"
    assert event.name == "Eleni Applicant"
    assert event.language == "el"
    # Nobody was made a user, nor an editor.
    assert "userid" not in get_application(org)
    assert editors(org) == []
    assert http(json=True).get(applied).status_code == 401


def test_an_organisation_without_application_approves_quietly(portal, events):
    users_before = {u.getId() for u in api.user.get_users()}
    with api.env.adopt_roles(["Manager"]):
        org = api.content.create(
            container=portal["el"]["organisations"],
            type="Organisation",
            id="made-by-the-secretariat",
            title="Made by the secretariat",
            kind="ngo",
            country="GR",
        )
        make_public(org)
        assert api.content.get_state(org) == "active"
    assert {u.getId() for u in api.user.get_users()} == users_before
    assert events == []


def test_approving_as_admin_works_too(http, functional, applied, events):
    assert transition(http, ADMIN, applied, "approve").status_code == 200
    assert len(of(events, IMembershipApproved)) == 1
