"""Mail leaves only with a committed transaction, and a mail failure never
undoes or blocks the transition."""

from collective.migrationnetwork.notifications import subscribers
from collective.migrationnetwork.notifications import testing
from collective.migrationnetwork.notifications.outbox import PENDING
from collective.migrationnetwork.notifications.outbox import SENT
from collective.migrationnetwork.notifications.outbox import Outbox
from collective.migrationnetwork.notifications.outbox import get_outbox
from plone import api

import logging
import time
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


def committed_outbox(portal):
    """``{address: status}`` of the outbox as committed (another
    connection's view)."""
    db = portal._p_jar.db()
    tm = transaction.TransactionManager()
    connection = db.open(transaction_manager=tm)
    try:
        site = connection.root()["Application"][portal.getId()]
        outbox = get_outbox(site, create=False)
        if outbox is None:
            return {}
        return {record.to: record.status for record in outbox.messages.values()}
    finally:
        tm.abort()
        connection.close()


def test_outbox_gets_mail_only_at_commit(functional, people, practice, act, mailbox):
    portal = functional["portal"]
    act("eleni", practice, "submit")
    transaction.abort()
    assert committed_outbox(portal) == {}
    act("eleni", practice, "submit")
    assert committed_outbox(portal) == {}  # not before the commit
    transaction.commit()
    assert committed_outbox(portal) == {
        "nikos@cities.example": PENDING,
        "anna@cities.example": PENDING,
    }


def test_failing_mail_host_does_not_break_the_transition(
    functional, practice, act, caplog, quick_retries
):
    caplog.set_level(logging.INFO)
    portal = functional["portal"]
    testing.install_mailhost(portal, testing.FailingMailHost("MailHost"))
    transaction.commit()
    act("eleni", practice, "submit")
    transaction.commit()  # raises nothing
    assert state(practice) == "pending_coordinator"
    assert testing.deliver_outbox(portal) == 0
    transaction.begin()
    records = list(get_outbox().messages.values())
    assert [r.status for r in records] == [PENDING, PENDING]
    assert [r.attempts for r in records] == [1, 1]
    assert all("SMTPServerDisconnected" in r.reason for r in records)
    assert "SMTPServerDisconnected" in caplog.text
    # The server is back: the retry goes out.
    testing.install_mailhost(portal, testing.RecordingMailHost("MailHost"))
    transaction.commit()
    del testing.SENT[:]
    time.sleep(0.3)
    assert testing.deliver_outbox(portal) == 2
    transaction.begin()
    assert {r.status for r in get_outbox().messages.values()} == {SENT}
    del testing.SENT[:]


def test_unusable_outbox_does_not_break_the_transition(
    practice, mailbox, act, caplog, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("outbox broken")

    monkeypatch.setattr(Outbox, "add", broken)
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
