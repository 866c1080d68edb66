"""People of the sample network: a coordinator of each network, an editor
of each organisation, a member with no group, the secretariat."""

from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import add_coordinator
from collective.migrationnetwork.roles.groups import add_editor
from plone import api

import pytest


PASSWORD = "network-test"

# user id: (full name, how they join)
PEOPLE = {
    "coordinator-cities": ("Kostas Coordinator", ("coordinator", "cities")),
    "coordinator-cyprus": ("Eleni Coordinator", ("coordinator", "cyprus")),
    "editor-athens": ("Maria Editor", ("editor", "athens")),
    "editor-nicosia": ("Andreas Editor", ("editor", "nicosia")),
    "secretary": ("Sofia Secretary", ("group", SECRETARIAT_GROUP)),
    "member": ("Nikos Member", None),
}


def make_user(userid, fullname, email=None):
    with api.env.adopt_roles(["Manager"]):
        return api.user.create(
            email=email or f"{userid}@example.org",
            username=userid,
            password=PASSWORD,
            properties={"fullname": fullname},
        )


def make_people(objects):
    with api.env.adopt_roles(["Manager"]):
        for userid, (fullname, joins) in PEOPLE.items():
            make_user(userid, fullname)
            if joins is None:
                continue
            kind, target = joins
            if kind == "coordinator":
                add_coordinator(objects[target], userid)
            elif kind == "editor":
                add_editor(objects[target], userid)
            else:
                api.group.add_user(groupname=target, username=userid)
    return PEOPLE


@pytest.fixture
def people(sample):
    return make_people(sample)


def submit(container, id_="proposal", title="A proposal"):
    """A Practice in ``container``, submitted for review."""
    with api.env.adopt_roles(["Manager"]):
        practice = api.content.create(
            container=container,
            type="Practice",
            id=id_,
            title=title,
            kind="good_practice",
            status="ongoing",
            countries=["GR"],
        )
        api.content.transition(practice, transition="submit")
    return practice


@pytest.fixture
def submitted(sample):
    """A submitted Practice in each organisation of the sample."""
    return {key: submit(sample[key]) for key in ("athens", "nicosia", "cardet")}
