"""The organisers' message to every confirmed registrant of a training.

One mail per confirmed registrant, through the outbox like the other
registration mails (``registrations.mail``): the greeting, the line that
says who writes and the link to *my registration* in the registrant's
language, the organisers' subject and text as they wrote them. Each
sending is recorded on the training's registrations (when, by whom, the
subject, how many) for the *Registrations* tab and ``GET
@registrations-message``.

The subject goes into a mail header: a line break in it is refused, like
control characters anywhere; nothing is queued or recorded when the
message is refused.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.notifications.mail import mail_language
from collective.migrationnetwork.notifications.mail import queue
from collective.migrationnetwork.notifications.mail import site_title
from collective.migrationnetwork.notifications.messages import FOOTER
from collective.migrationnetwork.notifications.messages import GREETING
from collective.migrationnetwork.notifications.messages import GREETING_ANONYMOUS
from collective.migrationnetwork.registrations.links import my_registration_url
from collective.migrationnetwork.registrations.mail import GROUP
from collective.migrationnetwork.registrations.mail import LINK_LABEL
from collective.migrationnetwork.registrations.mail import message_of
from collective.migrationnetwork.registrations.registering import ERROR_REQUIRED
from collective.migrationnetwork.registrations.registering import ERROR_TEXT
from collective.migrationnetwork.registrations.registering import ERROR_TOO_LONG
from collective.migrationnetwork.registrations.registering import ERROR_UNKNOWN_FIELD
from collective.migrationnetwork.registrations.registering import RegistrationInvalid
from collective.migrationnetwork.registrations.registering import RegistrationRefused
from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import now
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.validation import bad_characters
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message


# The longest subject and text.
LIMITS = {"subject": 200, "text": 10000}
# How many sendings the training's registrations remember.
KEPT = 50
KIND = "message"

TITLES = {
    "subject": _("label_registration_message_subject", default="Subject"),
    "text": _("label_registration_message_text", default="Message"),
}

ERROR_LINE_BREAK = _(
    "error_registration_message_line_break",
    default="The subject must be one line.",
)
NOBODY = _(
    "registration_message_nobody",
    default="Nobody is confirmed yet: there is nobody to write to.",
)
NO_SENDER = _(
    "registration_message_no_sender",
    default="The site has no sender address for mails (Site Setup > Mail).",
)
MSG_SENT = _(
    "msg_registration_message_sent",
    default="Your message is on its way to ${count} confirmed registrants.",
)
INTRO = _(
    "mail_registration_message_intro",
    default="A message from the organisers of ${title} (${when}):",
)
LABEL = _("mail_registration_message_label", default="Message from the organisers")


def validate(data):
    """``(subject, text)`` of ``data``, trimmed; raises
    ``RegistrationInvalid`` naming every field in error."""
    errors = [
        (name, ERROR_UNKNOWN_FIELD) for name in sorted(set(data) - set(LIMITS))[:5]
    ]
    clean = {}
    for name, limit in LIMITS.items():
        value = data.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors.append((name, ERROR_TEXT))
            continue
        value = value.strip() if name == "subject" else value.strip("\r\n ")
        if name == "text":
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if not value:
            errors.append((name, ERROR_REQUIRED))
        elif len(value) > limit:
            errors.append((name, Message(ERROR_TOO_LONG, mapping={"max": limit})))
        elif name == "subject" and any(
            char in value for char in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
        ):
            errors.append((name, ERROR_LINE_BREAK))
        elif bad_characters(value):
            errors.append((name, ERROR_TEXT))
        clean[name] = value
    if errors:
        raise RegistrationInvalid(errors)
    return clean["subject"], clean["text"]


def _parts(training, registration, subject, text):
    language = mail_language(registration.language)
    site = site_title()
    mapping = {
        "title": training.Title(),
        "when": format_event(training, language),
        "site": site,
    }

    def tr(message, **extra):
        return translate(
            Message(message, mapping=dict(mapping, **extra)), target_language=language
        )

    return {
        "language": language,
        "site": site,
        "subject": f"[{site}] {subject}",
        "greeting": tr(GREETING, name=registration.name)
        if registration.name
        else tr(GREETING_ANONYMOUS),
        "paragraphs": [tr(INTRO)],
        "comment": text,
        "comment_label": tr(LABEL),
        "url": my_registration_url(training, registration),
        "link_label": tr(LINK_LABEL),
        "footer": tr(FOOTER),
    }


def compose(training, registration, subject, text):
    return message_of(registration, _parts(training, registration, subject, text), KIND)


def sender_of(userid):
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname", "") or userid) if user else userid


def send(training, data, userid):
    """Mail the message of ``data`` (``subject``, ``text``) to every
    confirmed registrant of ``training``; returns the record of the
    sending. Raises ``RegistrationInvalid`` (a field) or
    ``RegistrationRefused`` (nobody to write to, no sender address of the
    site); nothing is queued then."""
    subject, text = validate(data)
    store = registrations_of(training, create=False)
    recipients = list(store.values(CONFIRMED)) if store is not None else []
    if not recipients:
        raise RegistrationRefused(NOBODY, "nobody")
    try:
        messages = [compose(training, each, subject, text) for each in recipients]
    except ValueError as error:  # the site has no sender address
        logger.warning("Registrations message not sent: %s", error)
        raise RegistrationRefused(NO_SENDER, "no-sender") from error
    queued = sum(1 for message in messages if queue(message, group=GROUP))
    record = {
        "sent": now().isoformat(),
        "by": userid or "",
        "by_name": sender_of(userid),
        "subject": subject,
        "recipients": queued,
    }
    # A new tuple: the store object is written, like every change of it.
    store.messages = (record, *getattr(store, "messages", ()))[:KEPT]
    return record


def sent(training):
    """The sendings of ``training``'s registrations, newest first."""
    store = registrations_of(training, create=False)
    return [dict(record) for record in getattr(store, "messages", ())]


def sent_message(record):
    return Message(MSG_SENT, mapping={"count": record["recipients"]})
