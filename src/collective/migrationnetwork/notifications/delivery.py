"""The deliverer: sends what is due in the outbox, one message at a time.

Exactly one deliverer works on a site at a time, whatever the number of
processes on its database: the one that holds the site's **lease**, a small
record in the database (holder, expiry) that its holder renews while it
works. A process whose lease expired, or that is known to be dead (same
host, its process id gone), is replaced by the next one that looks. Every
web process runs a ``Deliverer`` thread (started when the database opens,
never in ``zconsole``: the site-creation step of ``make start`` claims
nothing), so that a deployment of several processes keeps delivering when
one of them stops.

For each message the deliverer makes the mail (stored, or built by the
record's builder), hands it to the site's MailHost (``send(...,
immediate=True)``, Products.MailHost's public API; the SMTP server is that
of Site Setup > Mail) and commits the outcome of that one message:

- sent: done;
- refused for good (a 5xx answer): failed, with the server's answer;
- failed for a reason that may pass (connection refused, time-out, 4xx,
  refused login): tried again after ``RETRY_DELAY`` seconds, then twice as
  long each time up to ``MAX_RETRY_DELAY``, and failed after
  ``MAX_ATTEMPTS`` attempts. After ``PAUSE_AFTER`` such failures in a row
  the deliverer pauses (the server is down) instead of spending everyone's
  attempts.

A process killed while sending leaves the message in flight pending: it
is sent again by the next deliverer, with the same Message-ID. Nothing else
is sent twice.
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications.outbox import PENDING
from collective.migrationnetwork.notifications.outbox import IMessageBuilder
from collective.migrationnetwork.notifications.outbox import get_outbox
from email.parser import HeaderParser
from persistent import Persistent
from plone import api
from Products.CMFCore.interfaces import ISiteRoot
from Products.MailHost.MailHost import MailHostError
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations
from zope.component import hooks
from zope.component import queryUtility

import atexit
import os
import smtplib
import socket
import sys
import threading
import time
import transaction
import uuid


LEASE_KEY = "collective.migrationnetwork.outbox.lease"

# Seconds a lease lasts; renewed when less than half of it is left, and
# always longer than a send may take (zope.sendmail's time-out is 10 s).
LEASE = 60.0
# Seconds between two looks at the outbox when nothing is due.
INTERVAL = 2.0
RETRY_DELAY = 60.0
MAX_RETRY_DELAY = 3600.0
MAX_ATTEMPTS = 7
PAUSE_AFTER = 3
MAX_PAUSE = 300.0
# Tries to record the outcome of a sent message when the commit conflicts.
RECORD_TRIES = 5

# This process, for the lease: host, process id and a token, so that a
# process that got the id of a dead one is told apart from it.
TOKEN = uuid.uuid4().hex[:12]


def identity():
    return f"{socket.gethostname()}:{os.getpid()}:{TOKEN}"


class TransientFailure(Exception):
    """A delivery failed for a reason that may pass."""


class PermanentFailure(Exception):
    """The server refused the message for good."""


def classify(error):
    """``error`` of a send as a TransientFailure or a PermanentFailure."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
        reason = "; ".join(
            f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
            for code, text in error.recipients.values()
        )
        if codes and all(400 <= code < 500 for code in codes):
            return TransientFailure(reason)
        return PermanentFailure(reason)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        # The site's settings are wrong, not the message.
        return TransientFailure(f"SMTP login refused: {error.smtp_code}")
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        reason = f"{error.smtp_code} {text}"
        if 500 <= error.smtp_code < 600:
            return PermanentFailure(reason)
        return TransientFailure(reason)
    if isinstance(error, MailHostError):
        return PermanentFailure(str(error))
    return TransientFailure(f"{type(error).__name__}: {error}")


def mailhost_transport(site):
    """Send ``data`` from ``mfrom`` to ``to`` through the site's MailHost,
    at once (outside any transaction's commit). The MailHost writes the
    addresses it is given as the To and From headers: it is given the
    message's own, with the names."""
    mailhost = site.MailHost

    def send(mfrom, to, data):
        if isinstance(data, bytes):
            # MIME parts are base64 and headers encoded: ASCII.
            data = data.decode("utf-8")
        headers = HeaderParser().parsestr(data, headersonly=True)
        mailhost.send(
            data,
            mto=[headers.get("To") or to],
            mfrom=headers.get("From") or mfrom,
            immediate=True,
        )

    return send


# The lease


class Lease(Persistent):
    holder = None
    expires = 0.0


def get_lease(site):
    annotations = IAnnotations(site)
    lease = annotations.get(LEASE_KEY)
    if lease is None:
        lease = annotations[LEASE_KEY] = Lease()
    return lease


def _is_dead(holder):
    """True if ``holder`` is a process of this host that is gone."""
    try:
        host, pid, token = holder.split(":")
        pid = int(pid)
    except ValueError:
        return False
    if host != socket.gethostname():
        return False
    if pid == os.getpid():
        return token != TOKEN
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def hold_lease(site, me, tm):
    """True if ``me`` holds the site's lease (taking or renewing it and
    committing if needed)."""
    lease = get_lease(site)
    now = time.time()
    if lease.holder == me and lease.expires - now > LEASE / 2:
        return True
    if (
        lease.holder not in (None, me)
        and lease.expires > now
        and not _is_dead(lease.holder)
    ):
        return False
    if lease.holder != me:
        logger.info(
            "Mail of %s: delivered by %s (was %s)", site.getId(), me, lease.holder
        )
    lease.holder = me
    lease.expires = now + LEASE
    try:
        tm.commit()
    except ConflictError:
        tm.abort()
        return False
    return True


def release_lease(site, me, tm):
    """Give up the site's lease if ``me`` holds it (a clean stop)."""
    lease = IAnnotations(site).get(LEASE_KEY)
    if lease is not None and lease.holder == me:
        lease.holder = None
        lease.expires = 0.0
        tm.commit()


# Delivering


def build(site, record):
    """``(from address, bytes)`` of a record, or ``(None, reason)``."""
    if record.raw is not None:
        return record.mfrom, record.raw
    builder = queryUtility(IMessageBuilder, name=record.builder)
    if builder is None:
        raise PermanentFailure(f"no builder {record.builder!r}")
    return builder(site, record)


def _record(tm, outbox, key, outcome, reason, delay):
    """Commit the outcome of one message, again if the commit conflicts
    (the mail is out: what happened must be recorded)."""
    for attempt in range(RECORD_TRIES):
        record = outbox.get(key)
        if record is None or record.status != PENDING:
            tm.abort()
            return
        if outcome == "sent":
            outbox.mark_sent(record)
        elif outcome == "skipped":
            outbox.mark_skipped(record, reason)
        elif outcome == "failed":
            outbox.mark_failed(record, reason)
        else:
            outbox.defer(record, reason, delay)
        try:
            tm.commit()
            return
        except ConflictError:
            tm.abort()
            if attempt == RECORD_TRIES - 1:
                raise
            tm.begin()


def retry_delay(attempts):
    return min(RETRY_DELAY * 2 ** max(attempts - 1, 0), MAX_RETRY_DELAY)


def _due(outbox):
    """The pending records that are due, oldest first, read afresh; each
    once in a pass."""
    seen = set()
    while True:
        keys = [key for key in outbox.due_keys(limit=50) if key not in seen]
        if not keys:
            return
        seen.update(keys)
        for key in keys:
            record = outbox.get(key)
            if record is not None and record.status == PENDING:
                yield record


def deliver_due(site, me=None, tm=None, transport=None, stop=None):
    """Send what is due in the site's outbox while ``me`` holds its lease.

    Returns ``(sent, transient failures in a row at the end)``."""
    me = me or identity()
    tm = tm or transaction.manager
    transport = transport or mailhost_transport(site)
    outbox = get_outbox(site, create=False)
    sent = in_a_row = 0
    if outbox is None or not outbox.pending():
        return sent, in_a_row
    for record in _due(outbox):
        if (stop is not None and stop.is_set()) or not hold_lease(site, me, tm):
            break
        outcome, reason, delay = _send_one(site, record, transport)
        _record(tm, outbox, record.key, outcome, reason, delay)
        if outcome == "sent":
            sent += 1
            in_a_row = 0
        elif outcome == "deferred" or reason.startswith("not sent: "):
            in_a_row += 1
            if in_a_row >= PAUSE_AFTER:
                break
    return sent, in_a_row


def _send_one(site, record, transport):
    """``(outcome, reason, delay)`` of sending ``record``."""
    try:
        mfrom, data = build(site, record)
    except ConflictError:
        raise
    except TransientFailure as error:
        return "deferred", str(error), retry_delay(record.attempts + 1)
    except Exception as error:  # noqa: BLE001 - a broken mail is failed
        logger.exception("Mail %s could not be made", record.key)
        return "failed", f"could not be made: {error}", 0
    if mfrom is None:
        return "skipped", data, 0
    try:
        transport(mfrom, record.to, data)
    except Exception as error:  # noqa: BLE001 - every failure is recorded
        failure = classify(error)
        if isinstance(failure, PermanentFailure):
            logger.warning("Mail %s to %s refused: %s", record.key, record.to, failure)
            return "failed", str(failure), 0
        if record.attempts + 1 >= MAX_ATTEMPTS:
            logger.warning(
                "Mail %s to %s failed %d times: %s",
                record.key,
                record.to,
                record.attempts + 1,
                failure,
            )
            return "failed", f"not sent: {failure}", 0
        delay = retry_delay(record.attempts + 1)
        logger.info(
            "Mail %s to %s not sent (%s); again in %d s",
            record.key,
            record.to,
            failure,
            delay,
        )
        return "deferred", str(failure), delay
    return "sent", "", 0


# The thread of a process


def _sites(app):
    for site in app.objectValues() if app is not None else ():
        if ISiteRoot.providedBy(site):
            yield site


class Deliverer(threading.Thread):
    """Delivers the outboxes of every site of ``db`` whose lease it
    holds."""

    def __init__(self, db, interval=None):
        super().__init__(name="mail deliverer", daemon=True)
        self.db = db
        self.interval = INTERVAL if interval is None else interval
        self.me = identity()
        self.tm = transaction.TransactionManager()
        self.stopping = threading.Event()
        self.pause = 0.0

    def run(self):
        logger.info("Mail deliverer %s started", self.me)
        while not self.stopping.is_set():
            wait = self.interval
            try:
                failing = self.run_once()
            except Exception:
                logger.exception("Mail deliverer: a pass failed")
                failing = True
            if failing:
                self.pause = min(max(self.pause * 2, RETRY_DELAY), MAX_PAUSE)
                wait = max(wait, self.pause)
                logger.warning(
                    "Mail deliverer: the mail server fails; pausing %d s", wait
                )
            else:
                self.pause = 0.0
            self.stopping.wait(wait)
        self.release()

    def run_once(self):
        """One pass over every site; True if the mail server fails."""
        failing = False
        connection = self.db.open(transaction_manager=self.tm)
        try:
            self.tm.begin()
            for site in list(_sites(connection.root().get("Application"))):
                with hooks.site(site):
                    _sent, in_a_row = deliver_due(
                        site, self.me, self.tm, stop=self.stopping
                    )
                failing = failing or in_a_row >= PAUSE_AFTER
        finally:
            self.tm.abort()
            connection.close()
        return failing

    def release(self):
        try:
            connection = self.db.open(transaction_manager=self.tm)
        except Exception:  # noqa: BLE001 - the database is closed already
            return
        try:
            self.tm.begin()
            for site in list(_sites(connection.root().get("Application"))):
                release_lease(site, self.me, self.tm)
        except Exception:
            logger.exception("Mail deliverer: could not release the lease")
        finally:
            self.tm.abort()
            connection.close()

    def stop(self, wait=True, timeout=15.0):
        self.stopping.set()
        if wait and self.is_alive():
            self.join(timeout)


_lock = threading.Lock()
_deliverers = {}  # id(db) -> Deliverer


def enabled(environ=None):
    """``MAIL_DELIVERY``: ``0`` never delivers, ``1`` always; unset, every
    process delivers but those of ``zconsole`` (scripts, the console)."""
    environ = os.environ if environ is None else environ
    value = environ.get("MAIL_DELIVERY", "").strip().lower()
    if value in ("0", "off", "false", "no"):
        return False
    if value in ("1", "on", "true", "yes"):
        return True
    return "Zope2.utilities.zconsole" not in sys.modules


def start(db, interval=None):
    """Run a Deliverer for ``db`` in this process (one per database)."""
    with _lock:
        deliverer = _deliverers.get(id(db))
        if deliverer is None or not deliverer.is_alive():
            deliverer = _deliverers[id(db)] = Deliverer(db, interval)
            deliverer.start()
    return deliverer


def stop_all(wait=True):
    with _lock:
        deliverers = list(_deliverers.values())
        _deliverers.clear()
    for deliverer in deliverers:
        deliverer.stop(wait)


atexit.register(stop_all)


def start_at_startup(event):
    """IDatabaseOpenedWithRoot: deliver in this process unless told not to."""
    if enabled():
        start(event.database)
    else:
        logger.info("Mail is not delivered by this process (MAIL_DELIVERY)")


def backlog(site=None):
    """What waits in the outbox, for the README's status view."""
    site = site or api.portal.get()
    outbox = get_outbox(site, create=False)
    lease = IAnnotations(site).get(LEASE_KEY)
    now = time.time()
    info = {
        "pending": outbox.pending() if outbox is not None else 0,
        "due": len(outbox.due_keys(now)) if outbox is not None else 0,
        "next_due_in": None,
        "deliverer": None,
        "groups": {},
    }
    if outbox is not None:
        nxt = outbox.next_due()
        info["next_due_in"] = max(0.0, round(nxt - now, 1)) if nxt else None
        for name, group in outbox.groups.items():
            info["groups"][name] = dict(group.counts(), finished=group.finished)
    if lease is not None and lease.holder and lease.expires > now:
        info["deliverer"] = {"holder": lease.holder, "expires_in": lease.expires - now}
    return info
