"""The send job of an issue, recorded by the ``send`` transition.

The transition only records what is to be done: the mail of each language,
rendered once, and the recipients (the confirmed subscribers in the issue's
segment, each with a language). The job lives in an annotation of the issue;
each recipient gets a record in the site's outbox (``notifications.outbox``),
in the same transaction, which the deliverer sends once it is committed (the
mail itself is made then, by ``delivery.NewsletterBuilder``). The request
returns at once.

The outbox's records are the one truth of the delivery: the report counts
them, and ``retry_failed`` puts the failed ones back, so that those who got
the mail never get it twice.
"""

from BTrees.OOBTree import OOBTree
from collective.migrationnetwork import logger
from collective.migrationnetwork.newsletter import compose
from collective.migrationnetwork.newsletter.segments import Segment
from collective.migrationnetwork.newsletter.segments import recipients
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import now
from collective.migrationnetwork.notifications.outbox import PENDING
from collective.migrationnetwork.notifications.outbox import OutboxMessage
from collective.migrationnetwork.notifications.outbox import get_outbox
from DateTime import DateTime
from datetime import datetime
from datetime import timezone
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations

import hashlib
import uuid


JOB_KEY = "collective.migrationnetwork.newsletter.job"

QUEUED = "queued"
SENDING = "sending"
FINISHED = "finished"


class SendJob(Persistent):
    """What an issue's sending is to do; what was done is in the outbox,
    in the records of the job's ``group``."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.state = QUEUED
        self.started = now()
        self.finished = None
        self.group = f"newsletter.{uuid.uuid4().hex[:12]}"
        self.rendered = PersistentMapping()  # language -> dict
        self.recipients = OOBTree()  # email -> language

    covered_by = None
    # Jobs recorded before the outbox kept their own trees (no group).
    group = None

    def counts(self):
        if self.group is None:
            return {
                name: len(getattr(self, name, ()))
                for name in ("sent", "failed", "skipped", "pending")
            }
        return get_outbox().counts(self.group)

    def report(self):
        counts = self.counts()
        finished = None
        if not counts[PENDING]:
            group = get_outbox().groups.get(self.group) if self.group else None
            if group is not None and group.finished:
                finished = datetime.fromtimestamp(group.finished, timezone.utc)
            else:
                finished = self.finished
        return {
            "state": SENDING if counts[PENDING] else FINISHED,
            "recipients": len(self.recipients),
            "sent": counts["sent"],
            "failed": counts["failed"],
            "skipped": counts["skipped"],
            "pending": counts[PENDING],
            "started": self.started.isoformat() if self.started else None,
            "finished": finished.isoformat() if finished else None,
        }

    def failures(self):
        """``{address: reason}`` of the deliveries that failed."""
        return {
            record.to: record.reason
            for record in get_outbox().records(self.group, "failed")
        }

    def rendered_for(self, language):
        data = self.rendered.get(language)
        if data is None:
            data = next(iter(self.rendered.values()))
        return compose.Rendered(**data)


def record_key(job, email):
    """The outbox key (and Message-ID) of the job's mail to ``email``."""
    digest = hashlib.sha256(email.encode("utf-8")).hexdigest()[:16]
    return f"{job.group}.{digest}"


def get_job(issue):
    return IAnnotations(issue).get(JOB_KEY)


def delivery_job(issue):
    """The job that delivers ``issue``: its own, or that of the translation
    it was sent with."""
    job = get_job(issue)
    if job is not None and job.covered_by:
        other = api.portal.get().unrestrictedTraverse(job.covered_by, None)
        return get_job(other) if other is not None else None
    return job


def path_of(obj):
    return "/".join(obj.getPhysicalPath())


def translations(issue):
    """The other translations of ``issue``."""
    try:
        found = ITranslationManager(issue).get_translations()
    except TypeError:
        return []
    return [obj for code, obj in found.items() if obj is not None and obj != issue]


def create_job(issue):
    """Record the send job of ``issue`` and have it delivered after commit.

    One job serves every translation of an issue: each subscriber gets the
    translation in their language. A translation sent after the first
    gets a job that refers to it and mails nobody twice. Returns the job."""
    store = get_store()
    for other in translations(issue):
        if get_job(other) is not None:
            job = SendJob(api.portal.get().absolute_url())
            job.covered_by = path_of(other)
            job.state = FINISHED
            job.finished = job.started
            IAnnotations(issue)[JOB_KEY] = job
            return job
    segment = Segment.of_issue(issue)
    job = SendJob(api.portal.get().absolute_url())
    found = recipients(store, segment)
    for subscriber in found:
        job.recipients[subscriber.email] = subscriber.language
    for language in sorted({s.language for s in found}):
        rendered = compose.render(issue, language)
        job.rendered[language] = {
            "language": rendered.language,
            "subject": rendered.subject,
            "html": rendered.html,
            "text": rendered.text,
            "url": rendered.url,
        }
    IAnnotations(issue)[JOB_KEY] = job
    if not found:
        job.state = FINISHED
        job.finished = job.started
        return job
    outbox = get_outbox()
    for subscriber in found:
        outbox.add(_record(job, issue, subscriber.email))
    return job


def _record(job, issue, email, status=PENDING, reason=""):
    record = OutboxMessage(
        record_key(job, email),
        email,
        group=job.group,
        builder="newsletter",
        data={"issue": path_of(issue), "uid": IUUID(issue, None)},
        bulk=True,
    )
    record.status = status
    record.reason = reason
    return record


def adopt_legacy_jobs(site):
    """Jobs recorded before the outbox (their own trees of pending, sent,
    failed and skipped recipients, delivered by a worker thread of their
    own) become outbox records, so that what they left pending is
    delivered and their failures can be retried. Run at every start;
    returns how many jobs were adopted."""
    store = get_store(site, create=False)
    active = getattr(store, "active_jobs", None) if store is not None else None
    catalog = site.portal_catalog
    outbox = get_outbox(site)
    adopted = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Newsletter"):
        issue = brain._unrestrictedGetObject()
        job = get_job(issue)
        if job is None or job.group is not None or job.covered_by:
            continue
        job.group = f"newsletter.{uuid.uuid4().hex[:12]}"
        for name, status in (
            ("sent", "sent"),
            ("failed", "failed"),
            ("skipped", "skipped"),
        ):
            for email, value in getattr(job, name, {}).items():
                reason = value if isinstance(value, str) else ""
                outbox.add(_record(job, issue, email, status, reason))
        for email in getattr(job, "pending", ()):
            outbox.add(_record(job, issue, email))
        for name in ("pending", "sent", "failed", "skipped", "worker", "heartbeat"):
            job.__dict__.pop(name, None)
        job._p_changed = True
        adopted += 1
    if active is not None:
        del store.active_jobs
    if adopted:
        logger.info("Newsletter: %d send jobs moved to the outbox", adopted)
    return adopted


def retry_failed(issue):
    """Put the failed deliveries of the issue's job back in the outbox;
    returns how many. Always possible: a record being sent is pending, not
    failed, so that nobody is mailed twice by a retry."""
    job = get_job(issue)
    if job is not None and job.covered_by:
        other = api.portal.get().unrestrictedTraverse(job.covered_by, None)
        return retry_failed(other) if other is not None else 0
    if job is None or job.group is None:
        return 0
    count = get_outbox().retry(job.group)
    if count:
        job.state = SENDING
        job.finished = None
    return count


def on_transition(issue, event):
    """IAfterTransitionEvent of a Newsletter: ``send`` records the job."""
    transition = getattr(event, "transition", None)
    if transition is None or transition.id != "send":
        return
    if not issue.effective_date:
        issue.setEffectiveDate(DateTime())
        issue.reindexObject(idxs=["effective", "EffectiveDate"])
    job = create_job(issue)
    if getattr(job, "covered_by", None):
        return
    # The approved translations are sent with it (the job serves them).
    for other in translations(issue):
        if api.content.get_state(obj=other, default=None) == "approved":
            try:
                api.content.transition(obj=other, transition="send")
            except api.exc.InvalidParameterError:
                logger.warning("Could not mark %s as sent", path_of(other))
