"""Site creation (and every ``make start``) sets up the mail: a queue in the
instance, the SMTP server from the environment, a sender."""

from collective.migrationnetwork.sitesetup import configure_mail
from collective.migrationnetwork.sitesetup import mail_queue_directory
from plone import api

import logging
import os
import pytest


@pytest.fixture
def queue_dir(tmp_path):
    return str(tmp_path / "mailqueue")


def record(name):
    return api.portal.get_registry_record(name)


def is_maildir(path):
    return all(os.path.isdir(os.path.join(path, sub)) for sub in ("cur", "new", "tmp"))


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
def test_new_site(portal, queue_dir, environ, host, port):
    api.portal.set_registry_record("plone.email_from_address", "")
    api.portal.set_registry_record("plone.email_from_name", "")
    configure_mail(
        portal, new=True, environ=dict(environ, MAIL_QUEUE_DIRECTORY=queue_dir)
    )
    mailhost = portal.MailHost
    assert mailhost.smtp_queue is True
    assert mailhost.smtp_queue_directory == queue_dir
    assert is_maildir(queue_dir)
    assert (record("plone.smtp_host"), record("plone.smtp_port")) == (host, port)
    assert (mailhost.smtp_host, mailhost.smtp_port) == (host, port)
    assert record("plone.email_from_address") == "noreply@localhost"
    assert record("plone.email_from_name") == portal.Title()


def test_existing_site_keeps_site_setup_unless_told(portal, queue_dir):
    api.portal.set_registry_record("plone.smtp_host", "relay.example.org")
    api.portal.set_registry_record("plone.smtp_port", 587)
    api.portal.set_registry_record("plone.email_from_address", "office@network.example")
    configure_mail(portal, environ={"MAIL_QUEUE_DIRECTORY": queue_dir})
    assert record("plone.smtp_host") == "relay.example.org"
    assert record("plone.smtp_port") == 587
    assert record("plone.email_from_address") == "office@network.example"
    assert portal.MailHost.smtp_queue is True
    configure_mail(
        portal,
        environ={"MAIL_QUEUE_DIRECTORY": queue_dir, "SMTP_HOST": "smtp.example.org"},
    )
    assert record("plone.smtp_host") == "smtp.example.org"
    assert record("plone.smtp_port") == 587


def test_sender_from_the_environment(portal, queue_dir):
    api.portal.set_registry_record("plone.email_from_address", "")
    api.portal.set_registry_record("plone.email_from_name", "")
    configure_mail(
        portal,
        new=True,
        environ={
            "MAIL_QUEUE_DIRECTORY": queue_dir,
            "EMAIL_FROM_ADDRESS": "secretariat@network.example",
            "EMAIL_FROM_NAME": "Δίκτυο",
        },
    )
    assert record("plone.email_from_address") == "secretariat@network.example"
    assert record("plone.email_from_name") == "Δίκτυο"


def test_unusable_queue_directory(portal, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    portal.MailHost.smtp_queue = False
    with caplog.at_level(logging.ERROR):
        configure_mail(portal, environ={"MAIL_QUEUE_DIRECTORY": str(blocker)})
    assert portal.MailHost.smtp_queue is False
    assert "Mail is not queued" in caplog.text


def test_queue_directory_is_in_the_instance(monkeypatch, tmp_path):
    from App.config import getConfiguration

    monkeypatch.setattr(getConfiguration(), "clienthome", str(tmp_path), raising=False)
    assert mail_queue_directory({}) == str(tmp_path / "mailqueue")
    assert mail_queue_directory({"MAIL_QUEUE_DIRECTORY": "q"}) == os.path.abspath("q")
