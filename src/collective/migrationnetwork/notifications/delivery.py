"""The deliverer: sends what is due in the outbox, one message at a time.

Only the holder of the site's lease (``lease.py``) delivers; the thread
of each process that looks is in ``deliverer.py``.

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
from collective.migrationnetwork.notifications.lease import hold_lease
from collective.migrationnetwork.notifications.lease import identity
from collective.migrationnetwork.notifications.outbox import PENDING
from collective.migrationnetwork.notifications.outbox import IMessageBuilder
from collective.migrationnetwork.notifications.outbox import get_outbox
from email.parser import HeaderParser
from Products.MailHost.MailHost import MailHostError
from ZODB.POSException import ConflictError
from zope.component import queryUtility

import smtplib
import time
import transaction


RETRY_DELAY = 60.0
MAX_RETRY_DELAY = 3600.0
MAX_ATTEMPTS = 7
PAUSE_AFTER = 3
MAX_PAUSE = 300.0
# Tries to record the outcome of a sent message when the commit conflicts.
RECORD_TRIES = 5
# Share of the time a deliverer thread works while it has mail to send: it
# rests as long again after each mail (0.5), so that the web requests of
# its process keep their speed during a newsletter (docs/performance.md).
DUTY = 0.5


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


def deliver_due(site, me=None, tm=None, transport=None, stop=None, duty=1.0):
    """Send what is due in the site's outbox while ``me`` holds its lease,
    working ``duty`` of the time (1: without a rest).

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
        started = time.monotonic()
        outcome, reason, delay = _send_one(site, record, transport)
        _record(tm, outbox, record.key, outcome, reason, delay)
        if duty < 1.0:
            rest = (time.monotonic() - started) * (1.0 - duty) / duty
            if stop is not None:
                stop.wait(rest)
            else:
                time.sleep(rest)
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
