"""The checks every value from outside goes through, in one place.

Forms (z3c.form validators), REST (field deserializers, the newsletter and
membership services) and the request body check call these functions; each
raises an ``InvalidInput`` (a ``zope.schema`` ``ValidationError``) whose
``doc()`` is a translatable message, so that a caller names the field and
answers 400, or shows the message beside the field.
"""

from collective.migrationnetwork import _
from email_validator import EmailNotValidError
from email_validator import validate_email as parse_email
from urllib.parse import urlsplit
from zope.schema import ValidationError

import math
import re


# Web addresses: the schemes a link may carry; ``mailto:`` only where the
# value is an address to write to.
WEB_SCHEMES = ("http", "https")
MAIL_SCHEMES = ("mailto",)

# RFC 5321: 254 characters for a whole address a mail server accepts.
EMAIL_MAX_LENGTH = 254

# Lone surrogates (not text in any encoding) and control characters other
# than tab, line feed and carriage return (C0, DEL and C1).
BAD_CHARACTERS = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class InvalidInput(ValidationError):
    """A refused value; the first argument is the message for people."""

    def doc(self):
        return self.args[0]


class NotWebAddress(InvalidInput):
    pass


class NotEmailAddress(InvalidInput):
    pass


class NotFiniteNumber(InvalidInput):
    pass


class BadCharacters(InvalidInput):
    pass


class RepeatedParameter(InvalidInput):
    pass


ERROR_URL = _(
    "error_url_scheme",
    default="Give the full address, starting with https:// (or http://).",
)
ERROR_EMAIL = _(
    "error_email_invalid",
    default="This is not an e-mail address (like name@example.org).",
)
ERROR_NUMBER = _("error_number_not_finite", default="Give a number.")
ERROR_CHARACTERS = _(
    "error_bad_characters",
    default="This text holds characters that are not allowed "
    "(control characters or broken ones).",
)


def bad_characters(value):
    """True if the string ``value`` holds a lone surrogate or a control
    character other than tab and line breaks."""
    return BAD_CHARACTERS.search(value) is not None


def check_text(value):
    """Refuse a string with lone surrogates or control characters."""
    if isinstance(value, str) and bad_characters(value):
        raise BadCharacters(ERROR_CHARACTERS)
    return True


def web_url(value, schemes=WEB_SCHEMES):
    """``value`` if it is an absolute address with one of ``schemes``
    (http and https by default) and a host; raises ``NotWebAddress``.

    ``javascript:``, ``data:``, ``vbscript:`` and relative addresses are
    URIs too, but never a link that a page may render.
    """
    if not isinstance(value, str) or value != value.strip() or not value:
        raise NotWebAddress(ERROR_URL)
    if bad_characters(value) or any(char.isspace() for char in value):
        raise NotWebAddress(ERROR_URL)
    try:
        parts = urlsplit(value)
    except ValueError as error:
        raise NotWebAddress(ERROR_URL) from error
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        raise NotWebAddress(ERROR_URL)
    if scheme in MAIL_SCHEMES:
        validate_email(parts.path)
    elif not parts.hostname:
        raise NotWebAddress(ERROR_URL)
    return value


def is_web_url(value, schemes=WEB_SCHEMES):
    """True if ``value`` may be rendered as a link (see ``web_url``)."""
    try:
        web_url(value, schemes)
    except InvalidInput:
        return False
    return True


def safe_href(value, schemes=WEB_SCHEMES):
    """``value`` if it may be rendered as a link, else None."""
    return value if is_web_url(value, schemes) else None


def http_url(value):
    """A field constraint: an http(s) address."""
    web_url(value)
    return True


def validate_email(value):
    """The address ``value`` normalised (trimmed, domain in lower case, local
    part in Unicode NFC), or ``NotEmailAddress``.

    The syntax is checked by ``email-validator`` (RFC 5322 and 6531, length
    limits, no control, bidirectional or zero-width characters, domain
    labels that a mail server can resolve); the domain is not looked up.
    """
    if not isinstance(value, str):
        raise NotEmailAddress(ERROR_EMAIL)
    value = value.strip()
    if not value or len(value) > EMAIL_MAX_LENGTH or bad_characters(value):
        raise NotEmailAddress(ERROR_EMAIL)
    try:
        parsed = parse_email(value, check_deliverability=False, strict=True)
    except (EmailNotValidError, UnicodeError) as error:
        raise NotEmailAddress(ERROR_EMAIL) from error
    return parsed.normalized


def email_address(value):
    """A field constraint: an e-mail address ``validate_email`` accepts."""
    validate_email(value)
    return True


def finite_number(value):
    """Refuse NaN and the infinities (JSON cannot carry them)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise NotFiniteNumber(ERROR_NUMBER)
    is_finite = getattr(value, "is_finite", None)  # decimal.Decimal
    if is_finite is not None and not is_finite():
        raise NotFiniteNumber(ERROR_NUMBER)
    return True


def single(form, name, default=None):
    """The one value of the request parameter ``name``; a parameter given
    twice raises ``RepeatedParameter``."""
    value = form.get(name, default)
    if isinstance(value, (list, tuple)):
        raise RepeatedParameter(
            _(
                "error_parameter_repeated",
                default="Give the parameter ${name} once.",
                mapping={"name": name},
            )
        )
    return value


ERROR_TILE_URL = _(
    "error_tile_url",
    default="Give the full address of the tiles, starting with https:// "
    "(or http://), with {z}, {x} and {y} where the zoom level and the "
    "tile's column and row go.",
)
TILE_PLACEHOLDERS = ("{z}", "{x}", "{y}")


def tile_url(value):
    """A field constraint: a map tile server's address template, an http(s)
    address with the {z}, {x} and {y} placeholders (and maybe {s}, {r})."""
    if not isinstance(value, str) or not all(p in value for p in TILE_PLACEHOLDERS):
        raise NotWebAddress(ERROR_TILE_URL)
    example = value
    for placeholder, filler in (
        *zip(TILE_PLACEHOLDERS, "000", strict=True),
        ("{s}", "a"),
        ("{r}", ""),
    ):
        example = example.replace(placeholder, filler)
    if "{" in example or "}" in example or not is_web_url(example):
        raise NotWebAddress(ERROR_TILE_URL)
    return True
