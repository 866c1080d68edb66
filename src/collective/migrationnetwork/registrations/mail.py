"""The mails of registrations, through the portal's one mail path
(``notifications.mail.build_message`` and ``queue``: the outbox).

In the registrant's language: the confirmation (or the waiting list
position, or the wait for approval) with the training's iCalendar
attached and the signed link to *my registration*; the promotion from the
waiting list; the organisers' decision; the link again when someone
registers an address twice; a reminder a day before the start, queued
with the confirmation to be built and sent when it is due (an outbox
record has one key: it is sent once), skipped if the registration is no
longer confirmed. The online link is in the mails of confirmed
registrants only.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.notifications.mail import build_message
from collective.migrationnetwork.notifications.mail import html_template
from collective.migrationnetwork.notifications.mail import mail_language
from collective.migrationnetwork.notifications.mail import queue
from collective.migrationnetwork.notifications.mail import sender
from collective.migrationnetwork.notifications.mail import site_title
from collective.migrationnetwork.notifications.messages import FOOTER
from collective.migrationnetwork.notifications.messages import GREETING
from collective.migrationnetwork.notifications.messages import GREETING_ANONYMOUS
from collective.migrationnetwork.notifications.outbox import IMessageBuilder
from collective.migrationnetwork.notifications.outbox import OutboxMessage
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.registrations.links import my_registration_url
from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import DECLINED
from collective.migrationnetwork.registrations.store import PENDING
from collective.migrationnetwork.registrations.store import WAITING
from collective.migrationnetwork.registrations.store import WITHDRAWN
from collective.migrationnetwork.registrations.store import registrations_by_key
from collective.migrationnetwork.registrations.store import training_key
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from plone import api
from plone.app.event.ical.exporter import calendar_from_event
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import implementer

import datetime
import time


GROUP = "registrations"
REMINDER_BUILDER = "collective.migrationnetwork.registration-reminder"
REMINDER_BEFORE = datetime.timedelta(days=1)

SUBJECTS = {
    CONFIRMED: _(
        "mail_registration_confirmed_subject",
        default="Registration confirmed: ${title}",
    ),
    WAITING: _(
        "mail_registration_waiting_subject", default="On the waiting list: ${title}"
    ),
    PENDING: _(
        "mail_registration_pending_subject", default="Registration received: ${title}"
    ),
    DECLINED: _(
        "mail_registration_declined_subject",
        default="Registration not accepted: ${title}",
    ),
    WITHDRAWN: _(
        "mail_registration_withdrawn_subject",
        default="Registration withdrawn: ${title}",
    ),
    "promoted": _(
        "mail_registration_promoted_subject", default="A place is yours: ${title}"
    ),
    "link": _("mail_registration_link_subject", default="Your registration: ${title}"),
    "reminder": _("mail_registration_reminder_subject", default="Tomorrow: ${title}"),
}
BODIES = {
    CONFIRMED: _(
        "mail_registration_confirmed_body",
        default="Your registration for ${title} (${when}) is confirmed. The "
        "calendar file is attached.",
    ),
    WAITING: _(
        "mail_registration_waiting_body",
        default="${title} (${when}) is full: you are number ${position} on the "
        "waiting list. We will write to you as soon as a place is yours.",
    ),
    PENDING: _(
        "mail_registration_pending_body",
        default="We have received your registration for ${title} (${when}). "
        "The organisers will review it and we will write to you with their answer.",
    ),
    DECLINED: _(
        "mail_registration_declined_body",
        default="The organisers of ${title} (${when}) could not accept your registration.",
    ),
    WITHDRAWN: _(
        "mail_registration_withdrawn_body",
        default="Your registration for ${title} (${when}) has been withdrawn.",
    ),
    "promoted": _(
        "mail_registration_promoted_body",
        default="A place became free at ${title} (${when}) and it is yours: "
        "your registration is now confirmed. The calendar file is attached.",
    ),
    "link": _(
        "mail_registration_link_body",
        default="Someone, probably you, registered this address again for "
        "${title} (${when}). Your registration stays as it was; you can see "
        "it, change your needs or withdraw with the link below.",
    ),
    "reminder": _(
        "mail_registration_reminder_body",
        default="A reminder: ${title} starts tomorrow (${when}).",
    ),
}
ONLINE_LINK = _("mail_registration_online_link", default="Join online: ${url}")
LINK_LABEL = _("mail_registration_link_label", default="My registration")


def _parts(training, registration, kind, position=None):
    language = mail_language(registration.language)
    site = site_title()
    mapping = {
        "title": training.Title(),
        "when": format_event(training, language),
        "position": position,
        "site": site,
    }

    def tr(message, **extra):
        return translate(
            Message(message, mapping=dict(mapping, **extra)), target_language=language
        )

    paragraphs = [tr(BODIES[kind])]
    online = getattr(training, "online_url", None)
    if online and registration.status == CONFIRMED:
        paragraphs.append(tr(ONLINE_LINK, url=online))
    return {
        "language": language,
        "site": site,
        "subject": f"[{site}] {tr(SUBJECTS[kind])}",
        "greeting": tr(GREETING, name=registration.name)
        if registration.name
        else tr(GREETING_ANONYMOUS),
        "paragraphs": paragraphs,
        "comment": "",
        "comment_label": "",
        "url": my_registration_url(training, registration),
        "link_label": tr(LINK_LABEL),
        "footer": tr(FOOTER),
    }


def plain_text(parts):
    """The plain-text part of a registration mail; an organisers' message
    (``comment``) as they wrote it, after the paragraphs."""
    lines = [parts["greeting"], ""]
    for paragraph in parts["paragraphs"]:
        lines += [paragraph, ""]
    if parts.get("comment"):
        lines += [parts["comment"], ""]
    lines += [f"{parts['link_label']}: {parts['url']}", "", "-- ", parts["footer"], ""]
    return "\n".join(lines)


def with_calendar(message, training):
    """``message`` (multipart/alternative) inside a multipart/mixed with the
    training's iCalendar attached."""
    mixed = MIMEMultipart("mixed", policy=message.policy)
    for name, value in message.items():
        if name.lower() not in (
            "content-type",
            "mime-version",
            "content-transfer-encoding",
        ):
            mixed[name] = value
    for name in list(mixed.keys()):
        if name.lower() not in ("content-type", "mime-version"):
            del message[name]
    mixed.attach(message)
    part = MIMEBase("text", "calendar", method="PUBLISH", charset="utf-8")
    part.set_payload(calendar_from_event(training).to_ical())
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename="training.ics")
    mixed.attach(part)
    return mixed


def message_of(registration, parts, kind):
    """The mail of ``parts`` to ``registration``'s person, marked as a
    registration mail of ``kind``."""
    return build_message(
        (registration.name, registration.email),
        parts["subject"],
        plain_text(parts),
        html_template(**parts),
        parts["language"],
        headers={
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
            "X-Registration-Mail": kind,
        },
    )


def compose(training, registration, kind, position=None, calendar=False):
    message = message_of(
        registration, _parts(training, registration, kind, position), kind
    )
    return with_calendar(message, training) if calendar else message


def _send(training, registration, kind, position=None, calendar=False):
    try:
        message = compose(training, registration, kind, position, calendar)
    except ValueError as error:  # no sender address
        logger.warning("Registration mail not sent: %s", error)
        return False
    return queue(message, group=GROUP)


def send_status(training, registration, store, promoted=False):
    """The mail of the registration's status (the promotion's when
    ``promoted``); a confirmed registration's reminder is queued."""
    if registration.erased:
        return  # no address any more
    status = registration.status
    kind = "promoted" if promoted and status == CONFIRMED else status
    position = store.waiting_position(registration)
    _send(training, registration, kind, position, calendar=status == CONFIRMED)
    if status == CONFIRMED:
        queue_reminder(training, registration)


def send_link(training, registration):
    if registration.erased:
        return
    store = registrations_by_key(training_key(training))
    _send(training, registration, "link", store.waiting_position(registration))


# The reminder


def reminder_key(registration):
    return f"registration-reminder.{registration.id}.{registration.nonce}"


def queue_reminder(training, registration):
    from collective.migrationnetwork.registrations.registering import training_start

    start = training_start(training)
    address = sender()
    if start is None or address is None or registration.erased:
        return None
    due = (start - REMINDER_BEFORE).timestamp()
    if due <= time.time():
        return None  # less than a day ahead: the confirmation is the reminder
    record = OutboxMessage(
        reminder_key(registration),
        registration.email,
        group=GROUP,
        mfrom=address[1],
        builder=REMINDER_BUILDER,
        data={"training": api.content.get_uuid(training), "id": registration.id},
    )
    record.next_attempt = due
    outbox = get_outbox()
    kept = outbox.add(record)
    if kept is not record and kept.status == "pending" and kept.next_attempt != due:
        # The start moved: the one reminder moves with it.
        outbox.due.remove((kept.next_attempt, kept.key))
        kept.next_attempt = due
        outbox.due.add((due, kept.key))
    return kept


@implementer(IMessageBuilder)
class ReminderBuilder:
    """Builds the reminder of an outbox record when it is due."""

    def __call__(self, site, record):
        with api.env.adopt_roles(["Manager"]):
            training = api.content.get(UID=record.data.get("training"))
        if training is None:
            return None, "training removed"
        store = registrations_by_key(training_key(training), portal=site)
        registration = store.get(record.data.get("id")) if store else None
        if registration is None or registration.status != CONFIRMED:
            return None, "no longer confirmed"
        if registration.erased:
            return None, "erased"
        from collective.migrationnetwork.registrations.registering import training_start

        start = training_start(training)
        if start is None or start.timestamp() < time.time():
            return None, "training started"
        message = compose(training, registration, "reminder")
        return record.mfrom, message.as_bytes()


def reschedule_reminders(training, event):
    """The start of ``training`` changed maybe: every confirmed
    registration's one reminder is due a day before the new start."""
    from collective.migrationnetwork.registrations.store import registrations_of

    store = registrations_of(training, create=False)
    if store is None or get_outbox(create=False) is None:
        return
    for registration in store.values(CONFIRMED):
        queue_reminder(training, registration)
