"""The local-role provider: Coordinator from the networks (and the networks
above them), the team's roles from the editors group; changes take effect
at once, in permission checks and in the catalogue."""

from collective.migrationnetwork.roles.groups import EDITOR_ROLES
from collective.migrationnetwork.roles.groups import add_coordinator
from collective.migrationnetwork.roles.groups import coordinator_group_ids
from collective.migrationnetwork.roles.groups import coordinators_group_id
from collective.migrationnetwork.roles.groups import editors_group_id
from collective.migrationnetwork.roles.groups import remove_coordinator
from collective.migrationnetwork.roles.localroles import OrganisationRoles
from content_builders import relation
from plone import api
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


ENDORSE = "collective.migrationnetwork: Endorse content"

# (coordinator, organisation): may they review its submitted practices?
CELLS = {
    ("coordinator-cities", "athens"): True,
    ("coordinator-cities", "nicosia"): True,  # cyprus is below cities
    ("coordinator-cities", "cardet"): False,
    ("coordinator-cyprus", "athens"): False,
    ("coordinator-cyprus", "nicosia"): True,
    ("coordinator-cyprus", "cardet"): False,
    ("member", "athens"): False,
    ("member", "nicosia"): False,
    ("member", "cardet"): False,
}


def transitions(obj, userid):
    with api.env.adopt_user(username=userid):
        workflow = api.portal.get_tool("portal_workflow")
        return {t["id"] for t in workflow.getTransitionsFor(obj)}


def found(userid, **query):
    with api.env.adopt_user(username=userid):
        return {brain.getId for brain in api.content.find(**query)}


def pending(userid):
    """Paths, below the organisations, of what ``userid`` finds pending."""
    with api.env.adopt_user(username=userid):
        return {
            "/".join(brain.getPath().split("/")[-2:])
            for brain in api.content.find(
                portal_type="Practice", review_state="pending_coordinator"
            )
        }


def set_networks(organisation, *networks):
    organisation.networks = [relation(network) for network in networks]
    notify(
        ObjectModifiedEvent(
            organisation, Attributes(organisation.__class__, "IOrganisation.networks")
        )
    )


@pytest.mark.parametrize(("userid", "org"), sorted(CELLS))
def test_coordinator_cells(sample, people, submitted, userid, org):
    allowed = CELLS[(userid, org)]
    practice = submitted[org]
    roles = api.user.get_roles(username=userid, obj=sample[org])
    assert ("Coordinator" in roles) is allowed
    assert api.user.has_permission(ENDORSE, username=userid, obj=practice) is allowed
    assert ("endorse" in transitions(practice, userid)) is allowed
    assert (f"{sample[org].getId()}/proposal" in pending(userid)) is allowed


@pytest.mark.parametrize(("userid", "org"), [k for k, v in CELLS.items() if v])
def test_coordinator_endorses(sample, people, submitted, userid, org):
    practice = submitted[org]
    with api.env.adopt_user(username=userid):
        api.content.transition(practice, transition="endorse", comment="Good")
    assert api.content.get_state(practice) == "pending_network"


@pytest.mark.parametrize("org", ["athens", "nicosia", "cardet"])
def test_editor_roles_on_own_organisation_only(sample, people, org):
    owner = {"athens": "editor-athens", "nicosia": "editor-nicosia"}.get(org)
    for userid in ("editor-athens", "editor-nicosia"):
        roles = set(api.user.get_roles(username=userid, obj=sample[org]))
        assert (set(EDITOR_ROLES) <= roles) is (userid == owner)
        assert "Coordinator" not in roles


def test_provider_roles(sample):
    athens, nicosia, cardet = (sample[k] for k in ("athens", "nicosia", "cardet"))
    cities, cyprus = (
        coordinators_group_id(sample["cities"]),
        coordinators_group_id(sample["cyprus"]),
    )
    assert coordinator_group_ids(athens) == [cities]
    assert coordinator_group_ids(nicosia) == [cyprus, cities]
    assert coordinator_group_ids(cardet) == []
    provider = OrganisationRoles(nicosia)
    assert provider.getRoles(cities) == ("Coordinator",)
    assert provider.getRoles(cyprus) == ("Coordinator",)
    assert provider.getRoles(editors_group_id(nicosia)) == tuple(sorted(EDITOR_ROLES))
    assert provider.getRoles(editors_group_id(athens)) == ()
    assert provider.getRoles("coordinator-cities") == ()
    assert dict(provider.getAllRoles()) == {
        editors_group_id(nicosia): tuple(sorted(EDITOR_ROLES)),
        cyprus: ("Coordinator",),
        cities: ("Coordinator",),
    }
    assert dict(OrganisationRoles(cardet).getAllRoles()) == {
        editors_group_id(cardet): tuple(sorted(EDITOR_ROLES))
    }


def test_parent_cycle_is_walked_once(sample, people, submitted):
    cities, cyprus = sample["cities"], sample["cyprus"]
    cities.parent_network = relation(cyprus)  # cities -> cyprus -> cities
    assert sorted(coordinator_group_ids(sample["athens"])) == sorted(
        [coordinators_group_id(cities), coordinators_group_id(cyprus)]
    )
    assert api.user.has_permission(
        ENDORSE, username="coordinator-cyprus", obj=submitted["athens"]
    )


def test_membership_change_takes_effect_at_once(sample, people, submitted):
    practice = submitted["athens"]
    assert not api.user.has_permission(ENDORSE, username="member", obj=practice)
    assert "athens/proposal" not in pending("member")

    add_coordinator(sample["cities"], "member")
    assert api.user.has_permission(ENDORSE, username="member", obj=practice)
    assert pending("member") == {"athens/proposal", "nicosia-university/proposal"}

    assert remove_coordinator(sample["cities"], "member") is True
    assert not api.user.has_permission(ENDORSE, username="member", obj=practice)
    assert pending("member") == set()
    assert remove_coordinator(sample["cities"], "member") is False


def test_networks_change_takes_effect_at_once(sample, people, submitted):
    cardet, practice = sample["cardet"], submitted["cardet"]
    userid = "coordinator-cyprus"
    assert not api.user.has_permission(ENDORSE, username=userid, obj=practice)
    assert "cardet/proposal" not in pending(userid)

    set_networks(cardet, sample["cyprus"])
    assert api.user.has_permission(ENDORSE, username=userid, obj=practice)
    assert "cardet/proposal" in pending(userid)
    # ... and the coordinators of the network above.
    assert "cardet/proposal" in pending("coordinator-cities")

    set_networks(cardet)
    assert not api.user.has_permission(ENDORSE, username=userid, obj=practice)
    assert "cardet/proposal" not in pending(userid)
    assert "cardet/proposal" not in pending("coordinator-cities")


def test_parent_network_change_takes_effect_at_once(sample, people, submitted):
    cyprus, practice = sample["cyprus"], submitted["nicosia"]
    assert api.user.has_permission(ENDORSE, username="coordinator-cities", obj=practice)
    cyprus.parent_network = None
    notify(ObjectModifiedEvent(cyprus, Attributes(cyprus.__class__, "parent_network")))
    assert not api.user.has_permission(
        ENDORSE, username="coordinator-cities", obj=practice
    )
    assert "nicosia-university/proposal" not in pending("coordinator-cities")
    assert "nicosia-university/proposal" in pending("coordinator-cyprus")


def test_anonymous_and_other_editors_do_not_find_submitted(sample, people, submitted):
    assert pending("editor-nicosia") == {"nicosia-university/proposal"}
    assert pending("editor-athens") == {"athens/proposal"}
    assert pending("secretary") == {
        "athens/proposal",
        "nicosia-university/proposal",
        "cardet/proposal",
    }
