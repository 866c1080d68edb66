"""Membership events mail the reviewers and the applicant."""

from collective.migrationnetwork.membership.events import ApplicationReceived
from collective.migrationnetwork.membership.events import MembershipApproved
from collective.migrationnetwork.membership.events import MembershipDeclined
from collective.migrationnetwork.notifications.testing import html_of
from collective.migrationnetwork.notifications.testing import text_of
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from plone import api
from zope.event import notify

import pytest
import transaction


APPLICANT = "maria@shelter.example"


@pytest.fixture
def application(people, functional, mailbox):
    """A new Organisation, as the Join form leaves it (state applied)."""
    with api.env.adopt_roles(["Manager"]):
        organisation = api.content.create(
            container=functional["portal"]["el"]["organisations"],
            type="Organisation",
            id="shelter",
            title="Shelter for All",
            kind="ngo",
            country="GR",
        )
    transaction.commit()
    del mailbox[:]
    return organisation


def applicant(network, language="en"):
    return {
        "name": "Maria Lopez",
        "email": APPLICANT,
        "phone": "+30 210 111 1111",
        "language": language,
        "message": "We run a shelter in Piraeus.",
        "network_uid": network.UID(),
        "consent": True,
    }


@pytest.mark.parametrize("language", ["el", "en"])
def test_application_received(application, people, mails, users, language):
    notify(ApplicationReceived(application, applicant(people["cities"], language)))
    transaction.commit()
    found = mails()
    reviewers = {users[u][2] for u in ("nikos", "anna", "sofia", "mark")}
    assert set(found) == reviewers | {APPLICANT}
    for address in reviewers:
        (message,) = found[address]
        assert message["X-Notification-Kind"] == "application_received"
        assert application.absolute_url() in text_of(message)
        assert "We run a shelter in Piraeus." in text_of(message)
        assert "Maria Lopez" in text_of(message)
        assert people["cities"].Title() in message["Subject"]
    (ack,) = found[APPLICANT]
    assert ack["X-Notification-Kind"] == "application_acknowledged"
    assert ack["Content-Language"] == language
    assert application.Title() in ack["Subject"]
    # The applicant cannot see the organisation yet: no link.
    assert application.absolute_url() not in text_of(ack)


def test_application_to_a_network_without_coordinators(
    application, people, mails, users
):
    notify(ApplicationReceived(application, applicant(people["cyprus"])))
    transaction.commit()
    assert set(mails()) == {users["sofia"][2], users["mark"][2], APPLICANT}


def test_coordinator_in_the_secretariat_is_mailed_once(
    application, people, mails, users
):
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname=SECRETARIAT_GROUP, username="anna")
    notify(ApplicationReceived(application, applicant(people["cities"])))
    transaction.commit()
    assert len(mails()[users["anna"][2]]) == 1


@pytest.mark.parametrize("language", ["el", "en"])
def test_membership_approved(application, mails, language):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="maria",
            email=APPLICANT,
            properties={"fullname": "Maria Lopez", "language": language},
        )
    url = "http://nohost/plone/passwordreset/0123abcd?userid=maria"
    with api.env.adopt_user(username="nikos"):
        notify(
            MembershipApproved(
                application,
                "maria",
                APPLICANT,
                language,
                url,
                comment="Welcome aboard!",
            )
        )
    transaction.commit()
    found = mails()
    assert set(found) == {APPLICANT}
    (message,) = found[APPLICANT]
    assert message["X-Notification-Kind"] == "membership_approved"
    assert message["Content-Language"] == language
    assert message["To"].addresses[0].display_name == "Maria Lopez"
    assert url in text_of(message)
    assert f'href="{url.replace("&", "&amp;")}"' in html_of(message)
    assert "Welcome aboard!" in text_of(message)


@pytest.mark.parametrize("language", ["el", "en"])
def test_membership_declined(application, mails, language):
    reason = "Το δίκτυο δέχεται μόνο φορείς από την Ελλάδα και την Κύπρο."
    with api.env.adopt_user(username="sofia"):
        notify(
            MembershipDeclined(application, APPLICANT, "Maria Lopez", language, reason)
        )
    transaction.commit()
    (message,) = mails()[APPLICANT]
    assert message["X-Notification-Kind"] == "membership_declined"
    assert message["Content-Language"] == language
    assert reason in text_of(message)
    assert reason in html_of(message)
    assert application.absolute_url() not in text_of(message)
