"""Site creation (and every ``make start``) sets up the mail: the SMTP
server from the environment, a sender, and a MailHost that does not queue
(the outbox is the one queue)."""

from collective.migrationnetwork.sitesetup import configure_mail
from plone import api

import os
import pytest


def record(name):
    return api.portal.get_registry_record(name)


@pytest.mark.parametrize(
    ("environ", "host", "port"),
    [
        ({}, "localhost", 25),
        (
            {"SMTP_HOST": "mail.example.org", "SMTP_PORT": "2525"},
            "mail.example.org",
            2525,
        ),
    ],
)
def test_new_site(portal, environ, host, port):
    api.portal.set_registry_record("plone.email_from_address", "")
    api.portal.set_registry_record("plone.email_from_name", "")
    configure_mail(portal, new=True, environ=environ)
    mailhost = portal.MailHost
    assert not mailhost.smtp_queue
    assert (record("plone.smtp_host"), record("plone.smtp_port")) == (host, port)
    assert (mailhost.smtp_host, mailhost.smtp_port) == (host, port)
    assert record("plone.email_from_address") == "noreply@localhost"
    assert record("plone.email_from_name") == portal.Title()


def test_existing_site_keeps_site_setup_unless_told(portal):
    api.portal.set_registry_record("plone.smtp_host", "relay.example.org")
    api.portal.set_registry_record("plone.smtp_port", 587)
    api.portal.set_registry_record("plone.email_from_address", "office@network.example")
    configure_mail(portal, environ={})
    assert record("plone.smtp_host") == "relay.example.org"
    assert record("plone.smtp_port") == 587
    assert record("plone.email_from_address") == "office@network.example"
    configure_mail(portal, environ={"SMTP_HOST": "smtp.example.org"})
    assert record("plone.smtp_host") == "smtp.example.org"
    assert record("plone.smtp_port") == 587


def test_a_queueing_mailhost_of_an_earlier_release_stops_queueing(portal):
    portal.MailHost.smtp_queue = True
    configure_mail(portal, environ={})
    assert not portal.MailHost.smtp_queue


def test_sender_from_the_environment(portal):
    api.portal.set_registry_record("plone.email_from_address", "")
    api.portal.set_registry_record("plone.email_from_name", "")
    configure_mail(
        portal,
        new=True,
        environ={
            "EMAIL_FROM_ADDRESS": "secretariat@network.example",
            "EMAIL_FROM_NAME": "Δίκτυο",
        },
    )
    assert record("plone.email_from_address") == "secretariat@network.example"
    assert record("plone.email_from_name") == "Δίκτυο"


def test_mail_left_in_the_queue_of_an_earlier_release_moves_to_the_outbox(
    functional, tmp_path
):
    from collective.migrationnetwork.notifications.outbox import get_outbox
    from zope.sendmail.delivery import QueuedMailDelivery

    import transaction

    portal = functional["portal"]
    queue = tmp_path / "mailqueue"
    message = (
        b"From: Portal <portal@migration.example>\r\nTo: Eleni <eleni@athens.example>\r\n"
        b"Subject: Waiting\r\nMessage-ID: <old.1@migration.example>\r\n\r\nHello\r\n"
    )
    # What the earlier release's MailHost queued (zope.sendmail's delivery).
    QueuedMailDelivery(str(queue)).send(
        "portal@migration.example", ["eleni@athens.example"], message
    )
    transaction.commit()
    assert len(os.listdir(queue / "new")) == 1
    portal.MailHost.smtp_queue = True
    portal.MailHost.smtp_queue_directory = str(queue)
    configure_mail(portal, environ={})
    transaction.commit()
    record = get_outbox().get("old.1")
    assert (record.to, record.mfrom, record.status) == (
        "eleni@athens.example",
        "portal@migration.example",
        "pending",
    )
    assert b"Subject: Waiting" in record.raw
    assert os.listdir(queue / "new") == []
    assert not portal.MailHost.smtp_queue
