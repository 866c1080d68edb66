"""The send job of an issue, recorded by the ``send`` transition.

The transition only records what is to be done: the mail of each language,
rendered once, and the recipients (the confirmed subscribers in the issue's
segment, each with a language). The job lives in an annotation of the issue
and the issue is listed among the active jobs of the subscriber store, so
that a process started later finds it and delivers what is left (see
``delivery``). Delivery begins when the transaction commits; the request
returns at once.

The job keeps, per recipient, whether the mail was sent or failed (and
why); ``retry_failed`` puts the failed ones back, so that those who got the
mail never get it twice.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collective.migrationnetwork import logger
from collective.migrationnetwork.newsletter import compose
from collective.migrationnetwork.newsletter.segments import Segment
from collective.migrationnetwork.newsletter.segments import recipients
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import now
from DateTime import DateTime
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from zope.annotation.interfaces import IAnnotations

import time
import transaction


JOB_KEY = "collective.migrationnetwork.newsletter.job"

QUEUED = "queued"
SENDING = "sending"
FINISHED = "finished"


# Seconds after which a job marked as being sent, whose worker has not
# committed since, is taken to be abandoned (its process stopped).
STALE = 120


class JobBusy(Exception):
    """The job is being delivered; it cannot be retried now."""


class SendJob(Persistent):
    def __init__(self, base_url):
        self.base_url = base_url
        self.state = QUEUED
        self.started = now()
        self.finished = None
        self.runs = 0
        self.rendered = PersistentMapping()  # language -> dict
        self.recipients = OOBTree()  # email -> language
        self.pending = OOTreeSet()
        self.sent = OOBTree()  # email -> datetime
        self.failed = OOBTree()  # email -> error
        self.skipped = OOBTree()  # email -> reason

    covered_by = None
    worker = None
    heartbeat = 0.0

    def busy(self, worker=None):
        """Another worker is sending it and was alive recently."""
        return (
            self.state == SENDING
            and self.worker != worker
            and time.time() - self.heartbeat < STALE
        )

    def report(self):
        return {
            "state": self.state,
            "recipients": len(self.recipients),
            "sent": len(self.sent),
            "failed": len(self.failed),
            "skipped": len(self.skipped),
            "pending": len(self.pending),
            "started": self.started.isoformat() if self.started else None,
            "finished": self.finished.isoformat() if self.finished else None,
        }

    def rendered_for(self, language):
        data = self.rendered.get(language)
        if data is None:
            data = next(iter(self.rendered.values()))
        return compose.Rendered(**data)


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


def _active(store):
    active = getattr(store, "active_jobs", None)
    if active is None:
        active = store.active_jobs = OOTreeSet()
    return active


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
        job.pending.add(subscriber.email)
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
    if not job.pending:
        job.state = FINISHED
        job.finished = job.started
        return job
    _active(store).add(path_of(issue))
    _deliver_after_commit(issue)
    return job


def retry_failed(issue):
    """Put the failed deliveries of the issue's job back in the queue;
    returns how many."""
    job = get_job(issue)
    if job is not None and job.covered_by:
        other = api.portal.get().unrestrictedTraverse(job.covered_by, None)
        return retry_failed(other) if other is not None else 0
    if job is None or not job.failed:
        return 0
    if job.busy():
        raise JobBusy()
    count = 0
    for email in list(job.failed.keys()):
        job.pending.add(email)
        del job.failed[email]
        count += 1
    job.state = QUEUED
    job.finished = None
    _active(get_store()).add(path_of(issue))
    _deliver_after_commit(issue)
    return count


def _deliver_after_commit(issue):
    from collective.migrationnetwork.newsletter import delivery

    site_path = path_of(api.portal.get())
    issue_path = path_of(issue)
    db = aq_base(api.portal.get())._p_jar.db()

    def hook(succeeded):
        if succeeded:
            delivery.start(db, site_path, issue_path)

    transaction.get().addAfterCommitHook(hook)


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
