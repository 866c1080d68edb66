"""Certificates of attendance: one PDF page per attended registrant
(reportlab), in the registrant's language.

A page says who attended what: the training's title (its translation in
the registrant's language when there is one), its dates, its duration in
hours (or days for whole-day events), its organisers (the organisation
that leads it and the co-organisers), the person's name, and the
verification address of ``verification``.

Fonts: the PDF's standard fonts have no Greek, so the text is set in
Roboto, which every Plone site has (plonetheme.barceloneta, a dependency
of Products.CMFPlone, ships its TrueType files; Latin, Greek, Cyrillic),
else DejaVu Sans where the system has it. Every text that comes from
people (names, titles) is escaped for reportlab's paragraph markup and
stripped of control characters, so ``<b>&`` prints as typed.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.dates import format_date
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.dates import localize
from collective.migrationnetwork.dates import zone_of
from collective.migrationnetwork.notifications.mail import mail_language
from collective.migrationnetwork.notifications.mail import site_title
from collective.migrationnetwork.registrations.store import now
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.registrations.verification import is_attended
from collective.migrationnetwork.registrations.verification import verify_url
from importlib import resources
from pathlib import Path
from plone.app.multilingual.interfaces import ITranslationManager
from plone.event.interfaces import IEventAccessor
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepInFrame
from reportlab.platypus import PageBreak
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from xml.sax.saxutils import escape
from zope.i18n import translate
from zope.i18nmessageid import Message

import datetime
import io
import unicodedata


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

FONT = "CertificateSans"
FONT_BOLD = "CertificateSans-Bold"
FONT_FILES = (
    # (package or directory, regular, bold)
    (
        "plonetheme.barceloneta",
        "theme/roboto/roboto-regular.ttf",
        "theme/roboto/roboto-bold.ttf",
    ),
    ("/usr/share/fonts/truetype/dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)
GREEK_SAMPLE = "ΑΒΓΔΩαβγδωάέήίόύώ"


def _font_path(where, name):
    if where.startswith("/"):
        path = Path(where) / name
    else:
        try:
            path = Path(str(resources.files(where).joinpath(name)))
        except ModuleNotFoundError:
            return None
    return path if path.is_file() else None


def _has_greek(font):
    glyphs = font.face.charToGlyph
    return all(ord(char) in glyphs for char in GREEK_SAMPLE)


def fonts():
    """``(regular, bold)``: the names of the fonts the certificates use,
    registered with reportlab on the first call."""
    registered = pdfmetrics.getRegisteredFontNames()
    if FONT in registered and FONT_BOLD in registered:
        return FONT, FONT_BOLD
    for where, regular, bold in FONT_FILES:
        paths = _font_path(where, regular), _font_path(where, bold)
        if None in paths:
            continue
        faces = TTFont(FONT, str(paths[0])), TTFont(FONT_BOLD, str(paths[1]))
        if not _has_greek(faces[0]):
            continue
        for face in faces:
            pdfmetrics.registerFont(face)
        return FONT, FONT_BOLD
    logger.warning("No TrueType font with Greek found: certificates lack Greek.")
    return "Helvetica", "Helvetica-Bold"


def clean(text):
    """``text`` safe for a reportlab paragraph: control characters out,
    markup characters escaped."""
    text = "".join(
        " " if unicodedata.category(char)[0] == "C" else char for char in str(text)
    )
    return escape(" ".join(text.split()))


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


def _styles(regular, bold):
    def style(name, font, size, leading, space=0, color=colors.black):
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading,
            alignment=TA_CENTER,
            spaceAfter=space,
            textColor=color,
        )

    grey = colors.HexColor("#555555")
    return {
        "heading": style("heading", bold, 30, 36, 10 * mm, colors.HexColor("#00507a")),
        "text": style("text", regular, 14, 18, 4 * mm),
        "name": style("name", bold, 24, 30, 4 * mm),
        "title": style("title", bold, 18, 23, 4 * mm),
        "details": style("details", regular, 12, 16, 2 * mm),
        "small": style("small", regular, 9, 12, 1 * mm, grey),
    }


def _page(parts, styles, width, height):
    body = [
        Paragraph(clean(parts["heading"]), styles["heading"]),
        Paragraph(clean(parts["certifies"]), styles["text"]),
        Paragraph(clean(parts["name"]), styles["name"]),
        Paragraph(clean(parts["attended"]), styles["text"]),
        Paragraph(clean(parts["title"]), styles["title"]),
        Paragraph(clean(parts["when"]), styles["details"]),
    ]
    for name in ("duration", "organisers"):
        if parts[name]:
            body.append(Paragraph(clean(parts[name]), styles["details"]))
    body += [
        Spacer(1, 12 * mm),
        Paragraph(clean(parts["issued"]), styles["small"]),
        Paragraph(clean(parts["verify"]), styles["small"]),
    ]
    # Whatever the lengths, one page per person.
    return KeepInFrame(width, height, body, mode="shrink")


def _border(canvas, document):
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#00507a"))
    canvas.setLineWidth(2)
    width, height = document.pagesize
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.restoreState()


def render(pages, title=""):
    """A PDF of ``pages`` (``facts`` dicts), one page each."""
    regular, bold = fonts()
    styles = _styles(regular, bold)
    output = io.BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=landscape(A4),
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=22 * mm,
        title=title,
        author=site_title(),
        creator="collective.migrationnetwork",
    )
    story = []
    for number, parts in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.append(_page(parts, styles, document.width, document.height))
    document.build(story, onFirstPage=_border, onLaterPages=_border)
    return output.getvalue()


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
