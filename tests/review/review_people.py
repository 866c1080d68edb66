"""People of the sample network for the review tests, made as a site
administrator would: users, and their groups through roles.groups."""

from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import add_coordinator
from collective.migrationnetwork.roles.groups import add_editor
from plone import api

import datetime
import pytz


PASSWORD = "review-Secret-1"

# user id: (full name, (how they join, what))
PEOPLE = {
    "athens-editor": ("Maria Editor", ("editor", "athens")),
    "nicosia-editor": ("Andreas Editor", ("editor", "nicosia")),
    "cities-coordinator": ("Kostas Coordinator", ("coordinator", "cities")),
    "cyprus-coordinator": ("Eleni Coordinator", ("coordinator", "cyprus")),
    "secretary": ("Sofia Secretary", ("group", SECRETARIAT_GROUP)),
    "member": ("Nikos Member", None),
}


def auth(userid):
    return (userid, PASSWORD)


def make_people(sample):
    with api.env.adopt_roles(["Manager"]):
        for userid, (fullname, joins) in PEOPLE.items():
            api.user.create(
                email=f"{userid}@example.org",
                username=userid,
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            if joins is None:
                continue
            kind, target = joins
            if kind == "editor":
                add_editor(sample[target], userid)
            elif kind == "coordinator":
                add_coordinator(sample[target], userid)
            else:
                api.group.add_user(groupname=target, username=userid)
    return PEOPLE


def as_user(userid):
    """``with as_user("athens-editor"):`` runs the block as that user."""
    return api.env.adopt_user(username=userid)


EDITORS = {"athens": "athens-editor", "nicosia-university": "nicosia-editor"}


def as_editor_of(organisation):
    """The block runs as the organisation's editor (as a Manager for an
    organisation without one)."""
    userid = EDITORS.get(organisation.getId())
    if userid is None:
        return api.env.adopt_roles(["Manager"])
    return as_user(userid)


def practice(container, id_, title=None, **fields):
    """A draft Practice written by the organisation's editor."""
    with as_editor_of(container):
        return api.content.create(
            container=container,
            type="Practice",
            id=id_,
            title=title or id_.replace("-", " ").capitalize(),
            kind="good_practice",
            status="ongoing",
            countries=["GR"],
            **fields,
        )


def training(container, id_, title=None):
    now = datetime.datetime.now(pytz.timezone("Europe/Athens"))
    with as_editor_of(container):
        return api.content.create(
            container=container,
            type="Training",
            id=id_,
            title=title or id_.replace("-", " ").capitalize(),
            kind="webinar",
            format="online",
            start=now + datetime.timedelta(days=5),
            end=now + datetime.timedelta(days=5, hours=1),
        )


def transition(obj, userid, name, comment=""):
    """Run a transition as ``userid`` through the workflow tool (as the
    UI and REST do), with its comment."""
    with as_user(userid):
        api.portal.get_tool("portal_workflow").doActionFor(obj, name, comment=comment)
    return obj
