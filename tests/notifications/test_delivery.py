"""The outbox's deliverer against a real SMTP server (aiosmtpd): each
outcome committed on its own, retries with back-off for what may pass,
failures for what will not, and one deliverer at a time (the lease)."""

from collective.migrationnetwork.notifications import delivery
from collective.migrationnetwork.notifications import lease
from collective.migrationnetwork.notifications.deliverer import enabled
from collective.migrationnetwork.notifications.mail import build_message
from collective.migrationnetwork.notifications.mail import queue
from collective.migrationnetwork.notifications.outbox import FAILED
from collective.migrationnetwork.notifications.outbox import PENDING
from collective.migrationnetwork.notifications.outbox import SENT
from collective.migrationnetwork.notifications.outbox import get_outbox
from plone import api
from smtp_server import Server

import os
import pytest
import smtplib
import socket
import sys
import time
import transaction


@pytest.fixture
def smtp():
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def site(functional, smtp, quick_retries):
    portal = functional["portal"]
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp.port)
    api.portal.set_registry_record(
        "plone.email_from_address", "portal@migration.example"
    )
    api.portal.set_registry_record("plone.email_from_name", "Migration Network")
    transaction.commit()
    return portal


def put(*addresses):
    """Queue one mail per address, committed; return their keys."""
    keys = []
    for address in addresses:
        message = build_message(
            ("Reader", address), "Subject", "Text", "<p>HTML</p>", "en"
        )
        assert queue(message, group="test")
        keys.append(message["Message-ID"].strip("<>").rpartition("@")[0])
    transaction.commit()
    return keys


def statuses(keys):
    transaction.begin()
    outbox = get_outbox()
    return [outbox.get(key).status for key in keys]


def test_each_mail_once_with_its_headers(site, smtp):
    smtp.start()
    keys = put("a@example.org", "b@example.org")
    assert delivery.deliver_due(site) == (2, 0)
    assert statuses(keys) == [SENT, SENT]
    assert sorted(r for rs, _ in smtp.messages for r in rs) == [
        "a@example.org",
        "b@example.org",
    ]
    content = smtp.messages[0][1].decode()
    assert "From: Migration Network <portal@migration.example>" in content
    assert "To: Reader <a@example.org>" in content
    # Nothing is due any more: nothing more is sent.
    assert delivery.deliver_due(site) == (0, 0)
    assert len(smtp.messages) == 2


def test_each_outcome_is_committed_before_the_next_send(site, smtp):
    """A process that dies after two sends has recorded both."""
    smtp.start()
    keys = put("a@example.org", "b@example.org", "c@example.org")
    transport = delivery.mailhost_transport(site)
    calls = []

    def dying(mfrom, to, data):
        if len(calls) == 2:
            raise SystemExit("killed")
        calls.append(to)
        transport(mfrom, to, data)

    with pytest.raises(SystemExit):
        delivery.deliver_due(site, transport=dying)
    transaction.abort()
    assert statuses(keys) == [SENT, SENT, PENDING]
    assert delivery.deliver_due(site) == (1, 0)
    assert len(smtp.messages) == 3


@pytest.mark.parametrize(
    ("command", "reply"),
    [("RCPT", "450 4.2.0 Mailbox busy"), ("DATA", "451 4.3.0 Try again later")],
)
def test_a_deferral_is_retried_after_a_delay(site, smtp, command, reply):
    smtp.handler.replies[command] = [reply]
    smtp.start()
    (key,) = put("a@example.org")
    assert delivery.deliver_due(site) == (0, 1)
    transaction.begin()
    record = get_outbox().get(key)
    assert (record.status, record.attempts) == (PENDING, 1)
    assert reply.split()[0] in record.reason
    # Not due before its delay.
    assert delivery.deliver_due(site) == (0, 0)
    time.sleep(delivery.RETRY_DELAY + 0.05)
    assert delivery.deliver_due(site) == (1, 0)
    assert statuses([key]) == [SENT]
    assert len(smtp.messages) == 1


def test_a_refusal_fails_at_once_with_the_reason(site, smtp):
    smtp.handler.replies["RCPT"] = ["550 5.1.1 No such user"]
    smtp.start()
    (key,) = put("nobody@example.org")
    delivery.deliver_due(site)
    transaction.begin()
    record = get_outbox().get(key)
    assert (record.status, record.attempts) == (FAILED, 1)
    assert "550" in record.reason
    # The secretariat can put it back.
    assert get_outbox().retry("test") == 1
    transaction.commit()
    assert delivery.deliver_due(site) == (1, 0)


def test_retry_delays_double_up_to_the_maximum(monkeypatch):
    monkeypatch.setattr(delivery, "RETRY_DELAY", 60.0)
    monkeypatch.setattr(delivery, "MAX_RETRY_DELAY", 3600.0)
    assert [delivery.retry_delay(n) for n in range(1, 9)] == [
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]


def test_given_up_after_max_attempts(site, smtp, monkeypatch):
    monkeypatch.setattr(delivery, "MAX_ATTEMPTS", 2)
    monkeypatch.setattr(delivery, "RETRY_DELAY", 0.0)
    (key,) = put("a@example.org")  # the server is not started
    delivery.deliver_due(site)
    delivery.deliver_due(site)
    transaction.begin()
    record = get_outbox().get(key)
    assert (record.status, record.attempts) == (FAILED, 2)
    assert record.reason.startswith("not sent: ")


def test_a_server_that_is_down_pauses_the_deliverer(site, smtp):
    """After PAUSE_AFTER failures in a row the others are not tried: their
    attempts are kept for when the server is back."""
    keys = put(*(f"r{i}@example.org" for i in range(6)))
    assert delivery.deliver_due(site) == (0, delivery.PAUSE_AFTER)
    transaction.begin()
    attempts = [get_outbox().get(key).attempts for key in keys]
    assert attempts == [1] * delivery.PAUSE_AFTER + [0] * (6 - delivery.PAUSE_AFTER)


def test_one_deliverer_at_a_time(site, smtp):
    smtp.start()
    put("a@example.org")
    held = lease.get_lease(site)
    held.holder = "another-host:123:abc"
    held.expires = time.time() + 60
    transaction.commit()
    assert delivery.deliver_due(site, "here:1:x") == (0, 0)
    assert smtp.messages == []
    # It stopped renewing: taken over.
    held.expires = time.time() - 1
    transaction.commit()
    assert delivery.deliver_due(site, "here:1:x") == (1, 0)
    assert lease.get_lease(site).holder == "here:1:x"


def test_a_dead_process_of_this_host_is_taken_over_at_once(site, smtp):
    smtp.start()
    put("a@example.org")
    held = lease.get_lease(site)
    # A process id that is not running (pid_max is at most 2**22).
    held.holder = f"{socket.gethostname()}:{2**22 + 7}:abc"
    held.expires = time.time() + 60
    transaction.commit()
    assert delivery.deliver_due(site) == (1, 0)
    # This process, by an earlier token (the id was reused): dead too.
    assert lease.is_dead(f"{socket.gethostname()}:{os.getpid()}:other")
    assert not lease.is_dead(lease.identity())


def test_the_deliverer_thread_delivers_and_releases_its_lease(site, smtp, deliverer):
    smtp.start()
    keys = put("a@example.org", "b@example.org")
    from smtp_server import wait_until

    assert wait_until(lambda: statuses(keys) == [SENT, SENT])
    deliverer.stop()
    transaction.begin()
    assert lease.get_lease(site).holder is None


def test_scripts_do_not_deliver(monkeypatch):
    monkeypatch.delitem(sys.modules, "Zope2.utilities.zconsole", raising=False)
    assert enabled({})
    assert not enabled({"MAIL_DELIVERY": "0"})
    monkeypatch.setitem(sys.modules, "Zope2.utilities.zconsole", object())
    assert not enabled({})
    assert enabled({"MAIL_DELIVERY": "1"})


def test_other_mail_goes_before_a_newsletter(site, smtp):
    """Mail queued while a newsletter is being sent does not wait for all
    of it."""
    from collective.migrationnetwork.notifications.outbox import OutboxMessage

    smtp.start()
    outbox = get_outbox()
    for i in range(3):
        record = OutboxMessage(
            f"bulk.{i}",
            f"subscriber{i}@example.org",
            group="newsletter.test",
            mfrom="portal@migration.example",
            raw=b"From: portal@migration.example\r\nTo: s@example.org\r\n\r\nHi\r\n",
            bulk=True,
        )
        outbox.add(record)
    transaction.commit()
    time.sleep(0.01)
    put("reviewer@example.org")
    assert delivery.deliver_due(site) == (4, 0)
    assert smtp.messages[0][0] == ["reviewer@example.org"]
    assert get_outbox().next_due() is None


def test_the_backlog_and_its_retry_for_site_administrators(site, smtp, http):
    from accounts import ADMIN

    smtp.handler.replies["RCPT"] = ["550 5.1.1 No such user"]
    smtp.start()
    put("a@example.org", "b@example.org")
    delivery.deliver_due(site)  # the first refused, the second sent
    admin = http(auth=ADMIN, json=True)
    answer = admin.get("@mail-outbox")
    assert answer.status_code == 200, answer.text
    backlog = answer.json()
    assert backlog["pending"] == 0
    assert backlog["groups"]["test"]["failed"] == 1
    assert backlog["groups"]["test"]["sent"] == 1
    assert backlog["deliverer"]["holder"] == lease.identity()
    retried = admin.post("@mail-outbox/retry", json={"group": "test"})
    assert retried.status_code == 200, retried.text
    assert retried.json()["retried"] == 1
    assert retried.json()["backlog"]["pending"] == 1
    assert retried.json()["backlog"]["due"] == 1
    transaction.begin()
    assert delivery.deliver_due(site) == (1, 0)
    assert admin.post("@mail-outbox/retry", json={}).json()["retried"] == 0
    assert http(json=True).get("@mail-outbox").status_code == 401
    assert http(json=True).post("@mail-outbox/retry", json={}).status_code == 401


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (ConnectionRefusedError(111, "Connection refused"), delivery.TransientFailure),
        (smtplib.SMTPServerDisconnected("gone"), delivery.TransientFailure),
        (TimeoutError("timed out"), delivery.TransientFailure),
        (smtplib.SMTPAuthenticationError(535, b"bad login"), delivery.TransientFailure),
        (smtplib.SMTPResponseException(421, b"busy"), delivery.TransientFailure),
        (smtplib.SMTPDataError(554, b"spam"), delivery.PermanentFailure),
        (smtplib.SMTPSenderRefused(553, b"no", "a@b.c"), delivery.PermanentFailure),
        (
            smtplib.SMTPRecipientsRefused({"a@b.c": (450, b"greylisted")}),
            delivery.TransientFailure,
        ),
        (
            smtplib.SMTPRecipientsRefused({"a@b.c": (550, b"unknown")}),
            delivery.PermanentFailure,
        ),
    ],
)
def test_which_failures_may_pass(error, kind):
    assert isinstance(delivery.classify(error), kind)


def test_a_deliverer_thread_rests_as_long_as_it_works(site):
    """``duty``: the share of the time spent sending, so that the web
    requests of the process keep their speed during a newsletter."""
    put("a@example.org", "b@example.org", "c@example.org")

    def slow(mfrom, to, data):
        time.sleep(0.1)

    started = time.monotonic()
    assert delivery.deliver_due(site, transport=slow, duty=0.5) == (3, 0)
    assert time.monotonic() - started >= 0.6
