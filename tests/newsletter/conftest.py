"""Fixtures of the newsletter tests: subscribers, people, an issue, and a
site whose mail goes to a real SMTP server on loopback (aiosmtpd, the
helpers of tests/notifications)."""

from collective.migrationnetwork.notifications import delivery
from collective.migrationnetwork.notifications.deliverer import Deliverer
from collective.migrationnetwork.roles.groups import NEWSLETTER_EDITORS_GROUP
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from plone import api

import os
import pytest
import sys
import transaction


HERE = os.path.dirname(__file__)
# Helpers imported by name: newsletter_helpers.py here, smtp_server.py of
# the notification tests.
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "notifications"))

PASSWORD = "a-long-secret-1"  # noqa: S105

# userid -> (full name, group, roles on the newsletters sections)
PEOPLE = {
    "petros": ("Πέτρος Ιωάννου", NEWSLETTER_EDITORS_GROUP),
    "sofia": ("Σοφία Αντωνίου", SECRETARIAT_GROUP),
    "member": ("Just a Member", None),
}


@pytest.fixture
def people(functional):
    """A newsletter editor (petros), the secretariat (sofia) and a plain
    member, with the roles the roles package gives."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        for userid, (fullname, group) in PEOPLE.items():
            api.user.create(
                username=userid,
                email=f"{userid}@staff.example",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            if group:
                if api.group.get(groupname=group) is None:
                    api.group.create(groupname=group, title=group)
                api.group.add_user(groupname=group, username=userid)
        api.group.grant_roles(groupname=SECRETARIAT_GROUP, roles=["Reviewer"])
        for language in ("el", "en"):
            api.group.grant_roles(
                groupname=NEWSLETTER_EDITORS_GROUP,
                obj=portal[language]["newsletters"],
                roles=["Contributor", "Editor", "Reader"],
            )
    transaction.commit()
    return PEOPLE


@pytest.fixture
def smtp():
    from smtp_server import Server

    server = Server()
    yield server
    server.stop()


@pytest.fixture
def mail_site(functional, smtp, monkeypatch):
    """The site's MailHost sending to ``smtp`` (not started yet), and a
    deliverer for its outbox, as a web process runs one; quick retries."""
    monkeypatch.setattr(delivery, "RETRY_DELAY", 0.2)
    monkeypatch.setattr(delivery, "MAX_RETRY_DELAY", 1.0)
    monkeypatch.setattr(delivery, "MAX_PAUSE", 0.5)
    portal = functional["portal"]
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp.port)
    api.portal.set_registry_record("plone.email_from_address", "news@migration.example")
    api.portal.set_registry_record("plone.email_from_name", "Migration Network")
    transaction.commit()
    deliverer = Deliverer(portal._p_jar.db(), interval=0.05)
    deliverer.start()
    yield portal
    deliverer.stop()


@pytest.fixture
def received(smtp):
    """``received(count)``: the messages the server got for subscribers
    (waiting for ``count`` of them at most a few seconds), parsed, by
    address; notifications to the staff (``@staff.example``) left out."""
    from collective.migrationnetwork.notifications.testing import parse
    from smtp_server import wait_until

    def ours():
        return [
            (address, content)
            for recipients, content in smtp.messages
            for address in recipients
            if not address.endswith("@staff.example")
        ]

    def read(count, timeout=10.0):
        wait_until(lambda: len(ours()) >= count, timeout=timeout)
        found = {}
        for address, content in ours():
            found.setdefault(address, []).append(parse(content))
        return found

    read.count = lambda: len(ours())
    return read
