"""Certificates of attendance: what one says, in the registrant's
language, and the PDFs of one registrant or of every attended one (laid
out by ``pdf``, a page each).

A page says who attended what: the training's title (its translation in
the registrant's language when there is one), its dates, its duration in
hours (or days for whole-day events), its organisers (the organisation
that leads it and the co-organisers), the person's name, and the
verification address of ``verification``.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork import _
from collective.migrationnetwork.dates import format_date
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.dates import localize
from collective.migrationnetwork.dates import zone_of
from collective.migrationnetwork.notifications.mail import mail_language
from collective.migrationnetwork.notifications.mail import site_title
from collective.migrationnetwork.registrations.pdf import render
from collective.migrationnetwork.registrations.store import now
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.registrations.verification import is_attended
from collective.migrationnetwork.registrations.verification import verify_url
from plone.app.multilingual.interfaces import ITranslationManager
from plone.event.interfaces import IEventAccessor
from zope.i18n import translate
from zope.i18nmessageid import Message

import datetime


HEADING = _("certificate_heading", default="Certificate of attendance")
CERTIFIES = _("certificate_certifies", default="This is to certify that")
ATTENDED = _("certificate_attended", default="attended")
DURATION_HOURS = _("certificate_duration_hours", default="Duration: ${hours} hours")
DURATION_HOUR = _("certificate_duration_hour", default="Duration: 1 hour")
DURATION_DAYS = _("certificate_duration_days", default="Duration: ${days} days")
DURATION_DAY = _("certificate_duration_day", default="Duration: 1 day")
ORGANISED_BY = _("certificate_organised_by", default="Organised by: ${organisers}")
VERIFY_AT = _("certificate_verify_at", default="Check this certificate at: ${url}")
ISSUED = _("certificate_issued", default="Issued by ${site} on ${date}")
DOCUMENT_TITLE = _(
    "certificate_document_title", default="Certificate of attendance: ${title}"
)


def in_language(obj, language):
    """The translation of ``obj`` in ``language``, else ``obj``."""
    try:
        translation = ITranslationManager(obj).get_translation(language)
    except TypeError:  # not translatable
        translation = None
    return translation or obj


def organisers(training, language):
    """The titles of the organisation that leads ``training`` and of its
    co-organisers, in ``language`` where they are translated."""
    found = []
    parent = aq_parent(aq_inner(training))
    if getattr(parent, "portal_type", None) == "Organisation":
        found.append(parent)
    for relation in getattr(training, "co_organisers", None) or ():
        target = getattr(relation, "to_object", None)
        if target is not None:
            found.append(target)
    titles = []
    for organisation in found:
        title = in_language(organisation, language).Title()
        if title and title not in titles:
            titles.append(title)
    return titles


def _hours(start, end):
    if end.date() == start.date():
        seconds = (end - start).total_seconds()
    else:
        # A course over several days, the same hours each day.
        day = datetime.datetime.combine(start.date(), end.time(), start.tzinfo)
        daily = (day - start).total_seconds()
        days = (end.date() - start.date()).days + 1
        seconds = daily * days if daily > 0 else (end - start).total_seconds()
    return round(seconds / 1800) / 2  # to the half hour


def duration(training):
    """``("hours", 2.5)``, ``("days", 3)`` or None (open end, no end)."""
    accessor = IEventAccessor(training)
    zone = zone_of(training)
    start, end = localize(accessor.start, zone), localize(accessor.end, zone)
    if start is None or end is None or accessor.open_end or end <= start:
        return None
    if accessor.whole_day:
        return ("days", (end.date() - start.date()).days + 1)
    hours = _hours(start, end)
    return ("hours", hours) if hours > 0 else None


def _number(value, language):
    text = f"{value:g}"
    return text.replace(".", ",") if language == "el" else text


def duration_text(training, language):
    found = duration(training)
    if found is None:
        return ""
    kind, value = found
    if kind == "days":
        message = DURATION_DAY if value == 1 else DURATION_DAYS
        return _tr(message, language, days=value)
    message = DURATION_HOUR if value == 1 else DURATION_HOURS
    return _tr(message, language, hours=_number(value, language))


def _tr(message, language, **mapping):
    return translate(Message(message, mapping=mapping), target_language=language)


def facts(training, registration):
    """What the certificate of ``registration`` says, as plain text."""
    language = mail_language(registration.language)
    translation = in_language(training, language)
    names = organisers(training, language)
    return {
        "language": language,
        "heading": _tr(HEADING, language),
        "certifies": _tr(CERTIFIES, language),
        "name": registration.name,
        "attended": _tr(ATTENDED, language),
        "title": translation.Title(),
        "when": format_event(training, language),
        "duration": duration_text(training, language),
        "organisers": _tr(ORGANISED_BY, language, organisers=", ".join(names))
        if names
        else "",
        "verify": _tr(VERIFY_AT, language, url=verify_url(translation, registration)),
        "issued": _tr(
            ISSUED,
            language,
            site=site_title(),
            date=format_date(now(), language, zone_of(training)),
        ),
    }


def certificate(training, registration):
    """The PDF certificate of one attended ``registration``."""
    if not is_attended(registration):
        raise ValueError("not attended")
    parts = facts(training, registration)
    return render(
        [parts], title=_tr(DOCUMENT_TITLE, parts["language"], title=parts["title"])
    )


def attended(training):
    """The attended registrations of ``training``, by name."""
    store = registrations_of(training, create=False)
    found = [
        record for record in (store.values() if store else ()) if is_attended(record)
    ]
    return sorted(found, key=lambda record: (record.name.casefold(), record.id))


def certificates(training, language=None):
    """One PDF of every attended registrant's certificate, a page each, or
    None when nobody attended."""
    records = attended(training)
    if not records:
        return None
    pages = [facts(training, record) for record in records]
    language = mail_language(language)
    title = _tr(DOCUMENT_TITLE, language, title=in_language(training, language).Title())
    return render(pages, title=title)


def filename(training, suffix=""):
    return f"certificate{suffix}-{training.getId()}.pdf"
