"""Building the newsletter's mails (multipart: plain text and HTML with
inlined CSS) and the addresses their links lead to."""

from collective.migrationnetwork.notifications.mail import POLICY
from collective.migrationnetwork.notifications.mail import sender
from collective.migrationnetwork.notifications.mail import site_title
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from plone import api
from urllib.parse import quote

import css_inline


# Classic UI pages the links of the mails open (on a language root).
CONFIRM_VIEW = "@@newsletter-confirm"
PREFERENCES_VIEW = "@@newsletter-preferences"
UNSUBSCRIBE_VIEW = "@@newsletter-unsubscribe"

_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def inline_css(html):
    """``html`` with the rules of its <style> elements moved into style
    attributes, as mail programs want them."""
    return _inliner.inline(html)


def language_root_url(language, portal_url=None):
    portal = api.portal.get()
    base = portal_url or portal.absolute_url()
    return f"{base}/{language}" if language in portal.objectIds() else base


def link(view, token, language, portal_url=None):
    return f"{language_root_url(language, portal_url)}/{view}?token={quote(token)}"


def build(to, subject, html, text, language, headers=None, from_=None):
    """A multipart message to ``to`` (an address)."""
    name, address = from_ or sender() or (site_title(), "noreply@localhost")
    message = MIMEMultipart("alternative", policy=POLICY)
    message["Subject"] = Header(subject, "utf-8")
    message["From"] = formataddr((name, address))
    message["To"] = to
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=address.rpartition("@")[2] or None)
    message["Content-Language"] = language
    for key, value in (headers or {}).items():
        message[key] = value
    message.attach(MIMEText(text, "plain", "utf-8", policy=POLICY))
    message.attach(MIMEText(html, "html", "utf-8", policy=POLICY))
    return message
