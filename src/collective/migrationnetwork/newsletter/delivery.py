"""The mail of a newsletter to one subscriber, made when it is sent.

The send job (``sending``) puts one outbox record per recipient, naming
this builder; the outbox's deliverer asks it for the mail when the record
is due. The mail is made then, from the job's rendering of the
subscriber's language, with the subscriber's own links, the
``List-Unsubscribe`` headers (RFC 8058) and a Message-ID that is the same
at every attempt. A subscriber who unsubscribed meanwhile is skipped.
"""

from collective.migrationnetwork.newsletter.compose import subscriber_links
from collective.migrationnetwork.newsletter.mail import build
from collective.migrationnetwork.newsletter.sending import get_job
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.notifications.delivery import TransientFailure
from collective.migrationnetwork.notifications.mail import sender
from collective.migrationnetwork.notifications.outbox import IMessageBuilder
from plone.app.uuid.utils import uuidToObject
from plone.uuid.interfaces import IUUID
from zope.interface import implementer


BUILDER = "newsletter"


def message_for(job, subscriber, language, from_, key=None):
    rendered = job.rendered_for(language)
    preferences, unsubscribe = subscriber_links(subscriber, job.base_url)
    html, text = rendered.personalise(preferences, unsubscribe)
    domain = from_[1].rpartition("@")[2] or "localhost"
    return build(
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
        key=key,
    )


def _issue(site, data):
    issue = site.unrestrictedTraverse(data.get("issue", ""), None)
    if issue is not None and IUUID(issue, None) == data.get("uid"):
        return issue
    # Moved or renamed since it was sent.
    return uuidToObject(data.get("uid"), unrestricted=True) if data.get("uid") else None


@implementer(IMessageBuilder)
class NewsletterBuilder:
    def __call__(self, site, record):
        issue = _issue(site, record.data)
        job = get_job(issue) if issue is not None else None
        if job is None:
            return None, "the issue is gone"
        subscriber = get_store(site).get(record.to)
        if subscriber is None or subscriber.state != CONFIRMED:
            return None, "unsubscribed"
        from_ = sender()
        if from_ is None:
            raise TransientFailure("the site has no sender address (Site Setup > Mail)")
        language = job.recipients.get(record.to, subscriber.language)
        if subscriber.language in job.rendered:
            language = subscriber.language
        message = message_for(job, subscriber, language, from_, key=record.key)
        return from_[1], message.as_bytes()
