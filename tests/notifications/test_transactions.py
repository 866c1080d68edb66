"""Mail leaves only with a committed transaction, and a mail failure never
undoes or blocks the transition."""

from collective.migrationnetwork.notifications import queue as mail_queue
from collective.migrationnetwork.notifications import subscribers
from collective.migrationnetwork.notifications import testing
from email.utils import parseaddr
from plone import api
from Products.MailHost.MailHost import MailHost

import logging
import os
import pathlib
import pytest
import transaction


def state(obj):
    transaction.begin()
    return api.content.get_state(obj)


def test_rolled_back_transition_sends_nothing(practice, mailbox, act):
    act("eleni", practice, "submit")
    transaction.abort()
    assert list(mailbox) == []
    assert state(practice) == "private"
    # The same transition, committed, is told.
    act("eleni", practice, "submit")
    transaction.commit()
    assert len(mailbox) == 2


@pytest.fixture
def queued_mailhost(functional, people, tmp_path, monkeypatch):
    """A real MailHost that queues, with no processor (mail stays in the
    queue)."""
    monkeypatch.setenv("MAILHOST_QUEUE_ONLY", "1")
    mailhost = MailHost("MailHost", smtp_host="127.0.0.1", smtp_port=1)
    mailhost.smtp_queue = True
    mailhost.smtp_queue_directory = str(tmp_path / "queue")
    testing.install_mailhost(functional["portal"], mailhost)
    transaction.commit()
    return mailhost


def queued_files(mailhost):
    directory = mailhost.smtp_queue_directory
    return {
        sub: [
            name
            for name in os.listdir(os.path.join(directory, sub))
            if not name.startswith(".")
        ]
        for sub in ("new", "cur", "tmp")
        if os.path.isdir(os.path.join(directory, sub))
    }


def test_queue_gets_mail_only_at_commit(queued_mailhost, practice, act):
    act("eleni", practice, "submit")
    transaction.abort()
    assert queued_files(queued_mailhost) == {"new": [], "cur": [], "tmp": []}
    act("eleni", practice, "submit")
    assert queued_files(queued_mailhost)["new"] == []  # not before the commit
    transaction.commit()
    files = queued_files(queued_mailhost)
    assert len(files["new"]) == 2
    assert files["tmp"] == []
    contents = [
        pathlib.Path(queued_mailhost.smtp_queue_directory, "new", name).read_bytes()
        for name in files["new"]
    ]
    # zope.sendmail's envelope: the first two lines.
    envelopes = {c.split(b"\n")[1].decode() for c in contents}
    assert {parseaddr(e.split(": ", 1)[1])[1] for e in envelopes} == {
        "nikos@cities.example",
        "anna@cities.example",
    }


def test_queue_only_keeps_the_processor_off(queued_mailhost, practice, act):
    act("eleni", practice, "submit")
    transaction.commit()
    assert mail_queue.ensure_processor(queued_mailhost) is None
    assert not queued_mailhost.queueThreadAlive()


def test_failing_mail_host_does_not_break_the_transition(
    functional, practice, act, caplog
):
    testing.install_mailhost(functional["portal"], testing.FailingMailHost("MailHost"))
    transaction.commit()
    act("eleni", practice, "submit")
    transaction.commit()  # raises nothing
    assert state(practice) == "pending_coordinator"
    assert caplog.text.count("Could not send the notification") == 2
    assert "SMTPServerDisconnected" in caplog.text


def test_unusable_queue_does_not_break_the_transition(
    queued_mailhost, practice, act, caplog
):
    # A file where the queue directory should be.
    open(queued_mailhost.smtp_queue_directory, "w").close()
    act("eleni", practice, "submit")
    transaction.commit()
    assert state(practice) == "pending_coordinator"
    assert "Could not queue the notification" in caplog.text


def test_error_while_composing_does_not_break_the_transition(
    practice, mailbox, act, caplog, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("template broken")

    monkeypatch.setattr(subscribers, "compose", broken)
    act("eleni", practice, "submit")
    transaction.commit()
    assert state(practice) == "pending_coordinator"
    assert list(mailbox) == []
    assert "Notification by transition_done failed" in caplog.text
    assert "template broken" in caplog.text


def test_site_without_sender_address_sends_nothing(
    functional, practice, mailbox, act, caplog
):
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    act("eleni", practice, "submit")
    transaction.commit()
    assert state(practice) == "pending_coordinator"
    assert list(mailbox) == []
    assert "the site has no sender address" in caplog.text


def test_nobody_to_tell_is_logged(people, mailbox, act, caplog):
    """A practice of nicosia-university (no coordinator, no secretariat
    member with an address in this test) submitted by a Manager."""
    caplog.set_level(logging.INFO)
    with api.env.adopt_roles(["Manager"]):
        for userid in ("sofia", "mark", "nikos", "anna"):
            api.user.get(userid=userid).setMemberProperties({"email": ""})
        practice = api.content.create(
            container=people["nicosia"], type="Practice", id="p", title="P", kind="tool"
        )
    transaction.commit()
    act("eleni", practice, "submit", roles=["Manager"])
    transaction.commit()
    assert list(mailbox) == []
    assert "Notification submitted: nobody to tell" in caplog.text
