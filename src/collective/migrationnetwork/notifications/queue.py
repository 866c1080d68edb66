"""Delivery of the mail queue: Products.MailHost's maildir queue, with a
processor that retries.

A MailHost with ``smtp_queue`` set writes each message into a maildir
(``smtp_queue_directory``) when the transaction commits (zope.sendmail's
QueuedMailDelivery) and starts zope.sendmail's QueueProcessorThread the
first time the process sends a mail. That thread, as released (zope.sendmail
7.3, Products.MailHost 6.1):

- leaves its ``.sending-`` link beside a message whose delivery failed for a
  reason that may pass (connection refused, time-out, a 4xx answer) and
  skips every message with such a link for three hours
  (``zope.sendmail.queue.MAX_SEND_TIME``), restarts included: the retry
  comes three hours later;
- discards a message refused with a 5xx answer (kept as ``.rejected-``),
  a refused login included;
- starts only when the process sends its first mail, so that mail left in
  the queue by a stopped process waits for the next one;
- keeps the SMTP settings it was started with.

``QueueProcessor`` is that thread with retries: a delivery that failed for a
passing reason is released at once and tried again after ``RETRY_DELAY``
seconds, then twice as long each time up to ``MAX_RETRY_DELAY``; a refused
login is retried too (it is the site's settings that are wrong, not the
message). In Plone the SMTP server is the one of Site Setup > Mail (the registry),
whatever the MailHost object says (see ``make_mailer``).
``ensure_processor`` runs it for a MailHost, registered where
Products.MailHost keeps its threads (``queue_threads``, by queue directory)
so that the MailHost does not start the stock thread beside it, and
restarts it when the SMTP settings changed. ``start_processors`` runs at
start-up for every site whose MailHost queues, so that what is left in the
queue goes out.

The environment variable ``MAILHOST_QUEUE_ONLY`` (Products.MailHost's) keeps
every processor from starting: mail then stays in the queue for another
process (zope.sendmail's ``zope-sendmail`` script) to deliver.
"""

from Acquisition import aq_base
from collective.migrationnetwork import logger
from Products.CMFCore.interfaces import ISiteRoot
from Products.MailHost.MailHost import MailBase
from Products.MailHost.MailHost import queue_threads
from zope.component import hooks
from zope.sendmail.mailer import SMTPMailer
from zope.sendmail.queue import QueueProcessorThread

import os
import smtplib
import time
import transaction


# Seconds between two passes over the queue.
INTERVAL = 3.0
# Seconds before the first retry of a failed delivery; doubled at each
# failure, up to MAX_RETRY_DELAY.
RETRY_DELAY = 60.0
MAX_RETRY_DELAY = 3600.0
# Seconds to wait for a stopped processor to end.
STOP_TIMEOUT = 15.0


class TransientError(Exception):
    """A delivery failed for a reason that may pass."""


class _WatchedMailer:
    """An SMTPMailer that tells its processor when a delivery failed for a
    reason that may pass, and never reuses a connection left open by a
    failure."""

    def __init__(self, mailer, on_transient):
        self.mailer = mailer
        self.on_transient = on_transient

    def _close(self):
        try:
            self.mailer.abort()
        except Exception:  # the connection is broken already
            self.mailer.connection = None

    def send(self, fromaddr, toaddrs, message):
        try:
            self.mailer.send(fromaddr, toaddrs, message)
        except smtplib.SMTPAuthenticationError as error:
            self._close()
            self.on_transient(error)
            # Not an SMTPResponseException: the stock thread would discard
            # the message as refused.
            raise TransientError(f"SMTP login refused: {error}") from error
        except smtplib.SMTPRecipientsRefused as error:
            self._close()
            codes = [code for code, _text in error.recipients.values()]
            if codes and all(400 <= code < 500 for code in codes):
                # Every recipient deferred (greylisting, full mailbox): later.
                self.on_transient(error)
                raise smtplib.SMTPResponseException(codes[0], str(error)) from error
            raise
        except smtplib.SMTPResponseException as error:
            self._close()
            if not 500 <= error.smtp_code <= 599:
                self.on_transient(error)
            raise
        except Exception as error:
            self._close()
            self.on_transient(error)
            raise


class QueueProcessor(QueueProcessorThread):
    """zope.sendmail's queue processor, retrying failed deliveries."""

    def __init__(self, mailer, queue_path, interval=None):
        super().__init__(interval=INTERVAL if interval is None else interval)
        self.name = f"mail queue {queue_path}"
        self.settings = mailer_settings(mailer)
        self.retry_delay = RETRY_DELAY
        self.max_retry_delay = MAX_RETRY_DELAY
        self._retries = {}  # message file -> (failures, time of next attempt)
        self._failure = None
        self.setMailer(_WatchedMailer(mailer, self._failed))
        self.setQueuePath(queue_path)

    def _failed(self, error):
        self._failure = error

    def _process_one_file(self, filename):
        failures, next_attempt = self._retries.get(filename, (0, 0))
        if time.time() < next_attempt:
            return
        self._failure = None
        super()._process_one_file(filename)
        if self._failure is None:
            if failures:
                self.log.info("%s delivered after %d failures", filename, failures)
            self._retries.pop(filename, None)
            return
        # Release the message: the stock thread would leave its link and
        # skip it for MAX_SEND_TIME.
        head, tail = os.path.split(filename)
        self._unlink_if_exists(os.path.join(head, ".sending-" + tail))
        failures += 1
        delay = min(self.retry_delay * 2 ** (failures - 1), self.max_retry_delay)
        self._retries[filename] = (failures, time.time() + delay)
        self.log.warning(
            "Mail %s not delivered (%s: %s); attempt %d failed, next in %d s",
            filename,
            type(self._failure).__name__,
            self._failure,
            failures,
            delay,
        )

    def pending(self):
        """How many messages wait for a retry."""
        return len(self._retries)


def make_mailer(mailhost):
    """The SMTPMailer of a MailHost, as Products.MailHost makes it.

    In Plone the SMTP server, port, user and password are those of Site
    Setup > Mail (the ``plone.smtp_*`` records): Products.CMFPlone's
    ``patches/sendmail.py`` makes every SMTPMailer read them, so this must
    run with the site set."""
    return SMTPMailer(
        hostname=str(mailhost.smtp_host),
        port=int(mailhost.smtp_port),
        username=mailhost.smtp_uid or None,
        password=mailhost.smtp_pwd or None,
        force_tls=bool(getattr(mailhost, "force_tls", False)),
        implicit_tls=bool(getattr(mailhost, "implicit_tls", False)),
    )


def mailer_settings(mailer):
    """What a mailer connects to, and how."""
    return {
        "hostname": mailer.hostname,
        "port": int(mailer.port),
        "username": mailer.username,
        "password": mailer.password,
        "force_tls": mailer.force_tls,
        "implicit_tls": mailer.implicit_tls,
    }


def _key(mailhost):
    # The key under which Products.MailHost looks for the queue's thread.
    return os.path.realpath(mailhost.smtp_queue_directory)


def _stop(thread, wait):
    thread.stop()
    if wait:
        thread.join(STOP_TIMEOUT)


def ensure_processor(mailhost):
    """Make sure a ``QueueProcessor`` with the MailHost's current settings
    delivers its queue; return it (None if the MailHost does not queue, or
    if ``MAILHOST_QUEUE_ONLY`` is set)."""
    if not getattr(aq_base(mailhost), "smtp_queue", False):
        return None
    if os.environ.get("MAILHOST_QUEUE_ONLY"):
        return None
    key = _key(mailhost)
    mailer = make_mailer(mailhost)
    settings = mailer_settings(mailer)
    with MailBase.lock:
        current = queue_threads.get(key)
        if (
            isinstance(current, QueueProcessor)
            and current.is_alive()
            and not current._stopped
            and current.settings == settings
        ):
            return current
        if current is not None:
            # The stock thread, or ours with old settings. Two processors
            # on one queue never send a message twice (zope.sendmail links
            # each message while sending it), so no need to wait.
            _stop(current, wait=False)
            del queue_threads[key]
        processor = QueueProcessor(mailer, mailhost.smtp_queue_directory)
        processor.start()
        queue_threads[key] = processor
    logger.info(
        "Mail queue %s: delivering to %s:%s",
        key,
        settings["hostname"],
        settings["port"],
    )
    return processor


def stop_processor(mailhost, wait=True):
    """Stop the processor of the MailHost's queue, if one runs."""
    with MailBase.lock:
        thread = queue_threads.pop(_key(mailhost), None)
    if thread is not None:
        _stop(thread, wait)
    return thread


def _queued_sites(app):
    for site in app.objectValues():
        if not ISiteRoot.providedBy(site):
            continue
        mailhost = getattr(aq_base(site), "MailHost", None)
        if mailhost is not None and getattr(mailhost, "smtp_queue", False):
            yield site


def start_processors(event):
    """At start-up (IDatabaseOpenedWithRoot): deliver the queue of every
    site whose MailHost queues, what previous runs left in it included."""
    if os.environ.get("MAILHOST_QUEUE_ONLY"):
        return
    connection = event.database.open(
        transaction_manager=transaction.TransactionManager()
    )
    try:
        app = connection.root().get("Application")
        for site in _queued_sites(app) if app is not None else ():
            try:
                with hooks.site(site):
                    ensure_processor(site.MailHost)
            except Exception:
                logger.exception("Could not start the mail queue of %s", site.getId())
    except Exception:
        logger.exception("Could not look for mail queues to deliver")
    finally:
        connection.close()
