"""Delivering send jobs in the background, with a report per recipient.

One worker thread per database takes jobs (site path, issue path) from a
queue. For each job it opens a connection of its own, takes the pending
recipients in small batches, mails each one over SMTP (one connection kept
open for the batch, with the SMTP settings of Site Setup > Mail) and
records in the job, at each commit, who was sent the mail and whose
delivery failed and why. A subscriber who unsubscribed meanwhile is
skipped.

After ``MAX_CONSECUTIVE_FAILURES`` failures in a row for a reason that is
the server's rather than the recipient's (connection refused, a 4xx
answer), the run stops: the rest are recorded as failed, to be retried by
an editor (``sending.retry_failed``) once the server is back.

``resume`` runs at start-up (IDatabaseOpenedWithRoot) and takes up the
jobs that a stopped process left: what was sent stays sent.
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.newsletter.compose import subscriber_links
from collective.migrationnetwork.newsletter.mail import build
from collective.migrationnetwork.newsletter.sending import FINISHED
from collective.migrationnetwork.newsletter.sending import JOB_KEY
from collective.migrationnetwork.newsletter.sending import SENDING
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import now
from collective.migrationnetwork.notifications.mail import sender
from collective.migrationnetwork.notifications.mail import site_title
from collective.migrationnetwork.notifications.queue import make_mailer
from Products.CMFCore.interfaces import ISiteRoot
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations
from zope.component import hooks

import contextlib
import itertools
import os
import queue
import smtplib
import socket
import threading
import time
import transaction


BATCH = 20
MAX_CONSECUTIVE_FAILURES = 3
SMTP_TIMEOUT = 30

_lock = threading.Lock()
_workers = {}  # id(db) -> Worker


class PermanentFailure(Exception):
    """The server refused this recipient for good (5xx)."""


class SMTPConnection:
    """One SMTP connection, opened when first needed and reused."""

    def __init__(self, settings):
        self.settings = settings
        self.smtp = None

    def _open(self):
        s = self.settings
        if s["implicit_tls"]:
            smtp = smtplib.SMTP_SSL(s["hostname"], s["port"], timeout=SMTP_TIMEOUT)
        else:
            smtp = smtplib.SMTP(s["hostname"], s["port"], timeout=SMTP_TIMEOUT)
        smtp.ehlo()
        if not s["implicit_tls"] and (s["force_tls"] or smtp.has_extn("starttls")):
            smtp.starttls()
            smtp.ehlo()
        if s["username"]:
            smtp.login(s["username"], s["password"] or "")
        return smtp

    def send(self, mfrom, to, data):
        try:
            if self.smtp is None:
                self.smtp = self._open()
            self.smtp.sendmail(mfrom, [to], data)
        except smtplib.SMTPRecipientsRefused as error:
            code = next(iter(error.recipients.values()))[0]
            self.close()
            if 500 <= code < 600:
                raise PermanentFailure(f"{code} {error.recipients[to][1]!r}") from error
            raise
        except smtplib.SMTPResponseException as error:
            self.close()
            if 500 <= error.smtp_code < 600 and not isinstance(
                error, smtplib.SMTPAuthenticationError
            ):
                raise PermanentFailure(
                    f"{error.smtp_code} {error.smtp_error!r}"
                ) from error
            raise
        except Exception:
            self.close()
            raise

    def close(self):
        if self.smtp is not None:
            with contextlib.suppress(Exception):  # the connection is gone
                self.smtp.quit()
            self.smtp = None


def worker_id():
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def settings_of(site):
    mailer = make_mailer(site.MailHost)
    return {
        "hostname": mailer.hostname,
        "port": int(mailer.port),
        "username": mailer.username,
        "password": mailer.password,
        "force_tls": bool(mailer.force_tls),
        "implicit_tls": bool(mailer.implicit_tls),
    }


def message_for(job, subscriber, language, from_):
    rendered = job.rendered_for(language)
    preferences, unsubscribe = subscriber_links(subscriber, job.base_url)
    html, text = rendered.personalise(preferences, unsubscribe)
    domain = from_[1].rpartition("@")[2] or "localhost"
    message = build(
        subscriber.email,
        rendered.subject,
        html,
        text,
        rendered.language,
        headers={
            "List-Id": f"<newsletter.{domain}>",
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "bulk",
            "Auto-Submitted": "auto-generated",
        },
        from_=from_,
    )
    return message


def deliver(site, issue, connection=None):
    """Deliver what is pending in the job of ``issue``, committing after
    each batch. Returns the job's report."""
    job = IAnnotations(issue)[JOB_KEY]
    store = get_store(site)
    from_ = sender() or (site_title(), "noreply@localhost")
    connection = connection or SMTPConnection(settings_of(site))
    me = worker_id()
    if job.busy(me):
        # Another process delivers it (a cluster that started at once).
        return job.report()
    # Claimed at commit: of two processes, one gets a conflict and stops.
    job.state = SENDING
    job.worker = me
    job.heartbeat = time.time()
    job.runs += 1
    transaction.commit()
    consecutive = 0
    last_error = None
    try:
        while job.pending:
            batch = list(itertools.islice(job.pending, BATCH))
            for email in batch:
                job.pending.remove(email)
                subscriber = store.get(email)
                if subscriber is None or subscriber.state != CONFIRMED:
                    job.skipped[email] = "unsubscribed"
                    continue
                language = job.recipients.get(email, subscriber.language)
                if subscriber.language in job.rendered:
                    language = subscriber.language
                message = message_for(job, subscriber, language, from_)
                try:
                    connection.send(from_[1], email, message.as_bytes())
                except PermanentFailure as error:
                    job.failed[email] = str(error)
                    consecutive = 0
                    continue
                except Exception as error:  # noqa: BLE001 - any other failure
                    last_error = f"{type(error).__name__}: {error}"
                    job.failed[email] = last_error
                    consecutive += 1
                    if consecutive >= MAX_CONSECUTIVE_FAILURES:
                        break
                    continue
                consecutive = 0
                job.sent[email] = now()
            job.heartbeat = time.time()
            transaction.commit()
            if consecutive >= MAX_CONSECUTIVE_FAILURES:
                logger.warning(
                    "Newsletter %s: the mail server fails (%s); the rest of "
                    "the run is left for a retry",
                    "/".join(issue.getPhysicalPath()),
                    last_error,
                )
                for email in list(job.pending):
                    job.pending.remove(email)
                    job.failed[email] = f"not attempted: {last_error}"
                break
    finally:
        connection.close()
    job.state = FINISHED
    job.worker = None
    job.finished = now()
    active = getattr(store, "active_jobs", None)
    path = "/".join(issue.getPhysicalPath())
    if active is not None and path in active:
        active.remove(path)
    transaction.commit()
    return job.report()


def run_job(db, site_path, issue_path):
    """Open a connection of ``db`` and deliver the job of ``issue_path``."""
    # The thread's own transaction manager, which ``transaction.commit``
    # uses.
    conn = db.open()
    try:
        root = conn.root()["Application"]
        site = root.unrestrictedTraverse(site_path)
        with hooks.site(site):
            issue = site.unrestrictedTraverse(issue_path)
            job = IAnnotations(issue).get(JOB_KEY)
            if job is None or not job.pending:
                return None
            return deliver(site, issue)
    except ConflictError:
        transaction.abort()
        raise
    finally:
        transaction.abort()
        conn.close()


class Worker(threading.Thread):
    def __init__(self, db):
        super().__init__(name="newsletter delivery", daemon=True)
        self.db = db
        self.jobs = queue.Queue()
        self.stopping = False

    def run(self):
        while not self.stopping:
            try:
                item = self.jobs.get(timeout=0.5)
            except queue.Empty:
                continue
            if item is None:
                break
            for _attempt in range(3):
                try:
                    run_job(self.db, *item)
                    break
                except ConflictError:
                    logger.info("Newsletter delivery %s: conflict, again", item[1])
                except Exception:
                    logger.exception("Newsletter delivery of %s failed", item[1])
                    break

    def stop(self, wait=True):
        self.stopping = True
        self.jobs.put(None)
        if wait:
            self.join(10)


def start(db, site_path, issue_path):
    """Have the job of ``issue_path`` delivered in the background."""
    with _lock:
        worker = _workers.get(id(db))
        if worker is None or not worker.is_alive() or worker.stopping:
            worker = _workers[id(db)] = Worker(db)
            worker.start()
        worker.jobs.put((site_path, issue_path))
    return worker


def stop_all(wait=True):
    with _lock:
        workers = list(_workers.values())
        _workers.clear()
    for worker in workers:
        worker.stop(wait)


def resume(event):
    """At start-up: deliver what the jobs of every site have pending."""
    db = event.database
    conn = db.open(transaction_manager=transaction.TransactionManager())
    try:
        app = conn.root().get("Application")
        for site in app.objectValues() if app is not None else ():
            if not ISiteRoot.providedBy(site):
                continue
            store = get_store(site, create=False)
            for path in list(getattr(store, "active_jobs", None) or ()):
                start(db, "/".join(site.getPhysicalPath()), path)
    except Exception:
        logger.exception("Could not look for newsletter jobs to resume")
    finally:
        conn.close()
