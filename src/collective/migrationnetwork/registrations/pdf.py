"""The layout of certificates of attendance (reportlab): A4 landscape,
one page per certificate, whatever the lengths of its texts.

Fonts: the PDF's standard fonts have no Greek, so the text is set in
Roboto, which every Plone site has (plonetheme.barceloneta, a dependency
of Products.CMFPlone, ships its TrueType files; Latin, Greek, Cyrillic),
else DejaVu Sans where the system has it. Names and titles come from
people: ``clean`` escapes them for reportlab's paragraph markup and drops
control characters, so ``<b>&`` prints as typed.
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications.mail import site_title
from importlib import resources
from pathlib import Path
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

import io
import unicodedata


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
    """A PDF of ``pages`` (``certificate.facts`` dicts), one page each."""
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
