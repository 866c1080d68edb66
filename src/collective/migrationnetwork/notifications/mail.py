"""Composing the portal's mails and putting them in the outbox.

``build_message`` is the one place that makes a MIME message (multipart:
plain text and HTML) for every mail of the portal: notifications here,
subscription mails and newsletters in ``newsletter``. ``queue`` puts a
message in the site's outbox (``outbox.py``) in the current transaction:
it leaves only if the transaction commits, delivered in the background by
``delivery.py``.

A notification is one e-mail per recipient, in the recipient's language,
linking to the item. An error of the mail system is logged and never
reaches the request, nor rolls back the transaction.
"""

from Acquisition import aq_base
from chameleon import PageTemplateFile
from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications import messages
from collective.migrationnetwork.notifications.outbox import OutboxMessage
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.notifications.outbox import new_key
from dataclasses import dataclass
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr
from email.utils import formatdate
from email.utils import parseaddr
from plone import api
from ZODB.POSException import ConflictError
from zope.i18n import translate
from zope.i18nmessageid import Message

import os


LANGUAGES = ("el", "en")

# SMTP wants CRLF line ends: smtplib sends bytes as they are, and servers
# refuse bare LF (aiosmtpd answers "Line too long", recent Postfix may
# reject it as smuggling).
POLICY = compat32.clone(linesep="\r\n")

# Chameleon, python expressions; the parts come translated.
html_template = PageTemplateFile(
    os.path.join(os.path.dirname(__file__), "templates", "notification.pt")
)


@dataclass(frozen=True)
class Recipient:
    """Someone to mail: an address, a name to greet, a language (``el``,
    ``en``; empty when unknown), and the user id when a member."""

    email: str
    name: str = ""
    language: str = ""
    userid: str = ""


def _code(language):
    return (language or "").strip().lower().replace("_", "-").split("-")[0]


def site_languages():
    """The site's languages, as two-letter codes."""
    try:
        available = api.portal.get_registry_record("plone.available_languages")
    except api.exc.InvalidParameterError:
        available = None
    codes = [_code(code) for code in available or ()]
    return tuple(code for code in codes if code) or LANGUAGES


def mail_language(*candidates):
    """The first of ``candidates`` (the member's language, the item's
    language, ...) that the site speaks, else the site's default language."""
    speaks = site_languages()
    for candidate in candidates:
        code = _code(candidate)
        if code in speaks:
            return code
    return _code(api.portal.get_default_language()) or speaks[0]


def content_language(obj):
    language = getattr(aq_base(obj), "Language", None) if obj is not None else None
    return language() if callable(language) else ""


def sender():
    """``(name, address)`` of the site's sender, or None if no address is
    set (Site Setup -> Mail)."""
    address = api.portal.get_registry_record("plone.email_from_address", default="")
    if not address:
        return None
    name = api.portal.get_registry_record("plone.email_from_name", default="") or ""
    return name, address


def site_title():
    return (
        api.portal.get_registry_record("plone.site_title", default="")
        or api.portal.get().Title()
    )


def _parts(kind, recipient, values, comment, url):
    """The translated parts of the mail: a dict for the template."""
    language = recipient.language or mail_language()
    texts = messages.KINDS[kind]
    mapping = dict(values)
    mapping.setdefault("site", site_title())

    def tr(message, **extra):
        # zope.i18n takes the mapping of a Message, not the argument.
        message = Message(message, mapping=dict(mapping, **extra))
        return translate(message, target_language=language)

    greeting = (
        tr(messages.GREETING, name=recipient.name)
        if recipient.name
        else tr(messages.GREETING_ANONYMOUS)
    )
    return {
        "language": language,
        "site": mapping["site"],
        "subject": f"[{mapping['site']}] {tr(texts['subject'])}",
        "greeting": greeting,
        "paragraphs": [tr(texts["body"])],
        "comment": (comment or "").strip(),
        "comment_label": tr(texts.get("comment_label", messages.COMMENT_LABEL)),
        "url": url or "",
        "link_label": tr(texts.get("link_label", messages.LINK_LABEL)),
        "footer": tr(messages.FOOTER),
    }


def _plain_text(parts):
    lines = [parts["greeting"], ""]
    for paragraph in parts["paragraphs"]:
        lines += [paragraph, ""]
    if parts["comment"]:
        lines.append(parts["comment_label"])
        lines += [f"> {line}" for line in parts["comment"].splitlines()]
        lines.append("")
    if parts["url"]:
        lines += [f"{parts['link_label']}: {parts['url']}", ""]
    lines += ["-- ", parts["footer"], ""]
    return "\n".join(lines)


def compose(kind, recipient, values, comment="", url="", from_=None):
    """The e-mail of ``kind`` (a key of ``messages.KINDS``) for
    ``recipient``: a multipart message, plain text and HTML.

    ``values`` fills the messages' placeholders; ``comment`` is quoted under
    the kind's label; ``url`` is the link (the item, or where to set a
    password); ``from_`` is ``(name, address)``, by default the site's."""
    parts = _parts(kind, recipient, values, comment, url)
    return build_message(
        (recipient.name, recipient.email),
        parts["subject"],
        _plain_text(parts),
        html_template(**parts),
        parts["language"],
        headers={
            # RFC 3834: an automatic message; no auto-replies, please.
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
            "X-Notification-Kind": kind,
        },
        from_=from_,
    )


def message_id(key, from_address):
    """The Message-ID of the mail whose outbox key is ``key``: the same at
    every attempt, so that a receiving server can drop a second copy."""
    domain = from_address.rpartition("@")[2] or "localhost"
    return f"<{key}@{domain}>"


def one_line(text):
    """``text`` with every run of white space (line breaks included) made
    one space: what goes into a header never starts another one."""
    return " ".join((text or "").split())


def build_message(
    to, subject, text, html, language, headers=None, from_=None, key=None
):
    """A multipart message (plain text and HTML) to ``to`` (an address, or
    ``(name, address)``), from ``from_`` (``(name, address)``, by default
    the site's sender, Site Setup > Mail), with a Message-ID made of ``key``
    (a new one by default)."""
    from_ = from_ or sender()
    if from_ is None:
        raise ValueError("The site has no sender address (Site Setup > Mail)")
    name, address = from_
    if isinstance(to, str):
        to = ("", to)
    message = MIMEMultipart("alternative", policy=POLICY)
    message["Subject"] = Header(one_line(subject), "utf-8")
    message["From"] = formataddr((one_line(name), address))
    message["To"] = formataddr((one_line(to[0]), to[1]))
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = message_id(key or new_key(), address)
    message["Content-Language"] = language
    for header, value in (headers or {}).items():
        message[header] = value
    message.attach(MIMEText(text, "plain", "utf-8", policy=POLICY))
    message.attach(MIMEText(html, "html", "utf-8", policy=POLICY))
    return message


def queue(message, group="notifications"):
    """Put ``message`` in the site's outbox, in the current transaction.

    Returns True if it was queued (False: an error, logged)."""
    mto = parseaddr(message["To"])[1]
    mfrom = parseaddr(message["From"])[1]
    try:
        if not mto or not mfrom:
            raise ValueError(
                f"no address: To {message['To']!r}, From {message['From']!r}"
            )
        key = message["Message-ID"].strip().strip("<>").rpartition("@")[0]
        get_outbox().add(
            OutboxMessage(key, mto, group=group, mfrom=mfrom, raw=message.as_bytes())
        )
    except ConflictError:
        raise
    except Exception:
        logger.exception(
            "Could not queue the notification %r to %s", message["Subject"], mto
        )
        return False
    return True
