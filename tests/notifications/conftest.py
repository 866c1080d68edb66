"""People, groups and mail hosts for the notification tests.

Every test here runs on the functional layer (a database of its own per
test) because mail leaves only when a transaction commits.
"""

from collective.migrationnetwork.notifications import delivery
from collective.migrationnetwork.notifications import testing
from collective.migrationnetwork.notifications.deliverer import Deliverer
from collective.migrationnetwork.roles.groups import NEWSLETTER_EDITORS_GROUP
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import coordinators_group_id
from collective.migrationnetwork.roles.groups import editors_group_id
from plone import api

import os
import pytest
import sys
import transaction


# Helpers of this folder (smtp_server.py) are imported by name.
sys.path.insert(0, os.path.dirname(__file__))

PASSWORD = "a-long-secret-1"  # noqa: S105

# userid -> (full name, language, e-mail)
USERS = {
    "eleni": ("Ελένη Παπαδάκη", "el", "eleni@athens.example"),
    "john": ("John Smith", "en", "john@athens.example"),
    "silent": ("No Mail", "en", ""),
    "nikos": ("Νίκος Γεωργίου", "el", "nikos@cities.example"),
    "anna": ("Anna Berg", "en", "anna@cities.example"),
    "sofia": ("Σοφία Αντωνίου", "el", "sofia@secretariat.example"),
    "mark": ("Mark Jones", "en", "mark@secretariat.example"),
    "petros": ("Πέτρος Ιωάννου", "el", "petros@news.example"),
}
EDITORS = ("eleni", "john", "silent")
COORDINATORS = ("nikos", "anna")
SECRETARIAT = ("sofia", "mark")
NEWSLETTER_EDITORS = ("petros",)


@pytest.fixture
def users():
    """USERS: userid -> (full name, language, e-mail)."""
    return USERS


def ensure_group(groupid, members, roles=()):
    """The group (created if the roles package has not made it yet) with
    ``members`` added."""
    if api.group.get(groupname=groupid) is None:
        api.group.create(groupname=groupid, title=groupid)
    if roles:
        api.group.grant_roles(groupname=groupid, roles=list(roles))
    for userid in members:
        api.group.add_user(groupname=groupid, username=userid)
    return groupid


@pytest.fixture
def mailbox(functional):
    """The site's MailHost records what it is given (``testing.SENT``);
    reading the mailbox delivers the outbox first (what is committed)."""
    testing.install_mailhost(
        functional["portal"], testing.RecordingMailHost("MailHost")
    )
    transaction.commit()
    del testing.SENT[:]
    yield testing.Mailbox(functional["portal"])
    del testing.SENT[:]


@pytest.fixture
def people(functional, functional_sample):
    """The users of USERS; editors of ``athens``, coordinators of the cities
    network, the secretariat and the newsletter editors, with the local
    roles the roles package gives (granted here too, so that these tests
    do not depend on it)."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        for userid, (fullname, language, email) in USERS.items():
            api.user.create(
                username=userid,
                email=email or "nobody@invalid.example",
                password=PASSWORD,
                properties={"fullname": fullname, "language": language},
            )
            if not email:
                api.user.get(userid=userid).setMemberProperties({"email": ""})
        athens = functional_sample["athens"]
        editors = ensure_group(editors_group_id(athens), EDITORS)
        api.group.grant_roles(
            groupname=editors, obj=athens, roles=["Contributor", "Editor", "Reader"]
        )
        coordinators = ensure_group(
            coordinators_group_id(functional_sample["cities"]), COORDINATORS
        )
        api.group.grant_roles(groupname=coordinators, obj=athens, roles=["Coordinator"])
        ensure_group(SECRETARIAT_GROUP, SECRETARIAT, roles=["Reviewer"])
        newsletter_editors = ensure_group(NEWSLETTER_EDITORS_GROUP, NEWSLETTER_EDITORS)
        api.group.grant_roles(
            groupname=newsletter_editors,
            obj=portal["el"]["newsletters"],
            roles=["Contributor", "Editor", "Reader"],
        )
    transaction.commit()
    return functional_sample


def run_transition(userid, obj, transition, comment="", roles=None):
    with api.env.adopt_user(username=userid):
        if roles:
            with api.env.adopt_roles(roles):
                api.content.transition(obj=obj, transition=transition, comment=comment)
        else:
            api.content.transition(obj=obj, transition=transition, comment=comment)


@pytest.fixture
def act():
    """``act(userid, obj, transition, comment="", roles=None)`` runs a
    transition as ``userid`` (with ``roles`` instead of the user's own if
    given); not committed."""
    return run_transition


@pytest.fixture
def mails(mailbox):
    """``mails()``: what the MailHost was given so far, parsed, by address."""

    def read():
        found = {}
        for raw in mailbox:
            message = testing.parse(raw)
            found.setdefault(message["To"].addresses[0].addr_spec, []).append(message)
        return found

    return read


@pytest.fixture
def practice(people):
    """A draft practice of athens written by eleni (its creator)."""
    with api.env.adopt_user(username="eleni"):
        obj = api.content.create(
            container=people["athens"],
            type="Practice",
            id="language-cafe",
            title="Γλωσσικό καφέ",
            kind="tool",
            status="planned",
        )
    transaction.commit()
    return obj


@pytest.fixture
def newsletter(people, functional):
    """A draft newsletter written by petros."""
    with api.env.adopt_user(username="petros"):
        obj = api.content.create(
            container=functional["portal"]["el"]["newsletters"],
            type="Newsletter",
            id="issue-1",
            title="Τεύχος 1",
        )
    transaction.commit()
    return obj


@pytest.fixture
def quick_retries(monkeypatch):
    """Retries after tenths of a second instead of minutes."""
    monkeypatch.setattr(delivery, "RETRY_DELAY", 0.2)
    monkeypatch.setattr(delivery, "MAX_RETRY_DELAY", 1.0)
    monkeypatch.setattr(delivery, "MAX_PAUSE", 0.5)


@pytest.fixture
def deliverer(functional, quick_retries):
    """A deliverer thread on the test's database, as a web process runs
    one; stopped afterwards."""
    thread = Deliverer(functional["portal"]._p_jar.db(), interval=0.05)
    thread.start()
    yield thread
    thread.stop()
    assert not thread.is_alive()
