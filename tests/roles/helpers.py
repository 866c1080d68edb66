"""Helpers of the roles tests: people of the sample network."""

from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import add_coordinator
from collective.migrationnetwork.roles.groups import add_editor
from plone import api


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


def mock_mailhost(portal):
    """Mail goes to a list, ``portal.MailHost.messages``."""
    from plone.app.testing.utils import MockMailHost

    _mail_settings()
    portal.MailHost = MockMailHost("MailHost")
    return portal.MailHost


def dead_mailhost(portal):
    """Mail goes to a port where no server listens: sending fails."""
    from Products.MailHost.MailHost import MailHost

    _mail_settings()
    # Port 9 (discard): nothing listens there.
    portal.MailHost = MailHost("MailHost", smtp_host="127.0.0.1", smtp_port=9)
    return portal.MailHost


def _mail_settings():
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    api.portal.set_registry_record("plone.email_from_name", "Migration network")
