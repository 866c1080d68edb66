"""Composing a notification and handing it to the site's MailHost.

A notification is one e-mail per recipient (multipart: plain text and
HTML), in the recipient's language, linking to the item. It is handed to
the MailHost only when the transaction commits:

- a MailHost that queues (``smtp_queue``, what the site's setup configures)
  takes it into its maildir queue through zope.sendmail, whose data manager
  moves the message into the queue when the transaction commits and drops
  it when the transaction aborts; the queue processor of ``queue.py``
  delivers it in the background and retries;
- any other MailHost (direct SMTP, or the test MockMailHost) gets it in an
  after-commit hook, and only if the commit succeeded.

Either way an error of the mail system is logged and never reaches the
request, nor rolls back the transaction.
"""

from Acquisition import aq_base
from chameleon import PageTemplateFile
from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications import messages
from collective.migrationnetwork.notifications.queue import ensure_processor
from dataclasses import dataclass
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from plone import api
from ZODB.POSException import ConflictError
from zope.i18n import translate
from zope.i18nmessageid import Message

import os
import transaction


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
    name, address = from_ or sender()
    parts = _parts(kind, recipient, values, comment, url)
    message = MIMEMultipart("alternative", policy=POLICY)
    message["Subject"] = Header(parts["subject"], "utf-8")
    message["From"] = formataddr((name, address))
    message["To"] = formataddr((recipient.name, recipient.email))
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=address.rpartition("@")[2] or None)
    message["Content-Language"] = parts["language"]
    # RFC 3834: an automatic message; no auto-replies, please.
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    message["X-Notification-Kind"] = kind
    message.attach(MIMEText(_plain_text(parts), "plain", "utf-8", policy=POLICY))
    message.attach(MIMEText(html_template(**parts), "html", "utf-8", policy=POLICY))
    return message


def _send_after_commit(succeeded, mailhost, message, mto, mfrom):
    if not succeeded:
        return
    try:
        mailhost.send(message, mto=mto, mfrom=mfrom, immediate=True)
    except Exception:
        logger.exception(
            "Could not send the notification %r to %s", message["Subject"], mto
        )


def queue(message):
    """Hand ``message`` to the site's MailHost when the transaction commits.

    Returns True if it was accepted for delivery at commit (False: an error,
    logged)."""
    mailhost = api.portal.get_tool("MailHost")
    mto = [message["To"]]
    mfrom = message["From"]
    try:
        if getattr(aq_base(mailhost), "smtp_queue", False):
            ensure_processor(mailhost)
            # zope.sendmail's QueuedMailDelivery: into the queue at commit.
            mailhost.send(message, mto=mto, mfrom=mfrom, immediate=False)
        else:
            transaction.get().addAfterCommitHook(
                _send_after_commit, args=(mailhost, message, mto, mfrom)
            )
    except ConflictError:
        raise
    except Exception:
        logger.exception(
            "Could not queue the notification %r to %s", message["Subject"], mto
        )
        return False
    return True
