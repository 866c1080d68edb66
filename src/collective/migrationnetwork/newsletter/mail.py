"""Building the newsletter's mails (multipart: plain text and HTML with
inlined CSS) and the addresses their links lead to."""

from collective.migrationnetwork.notifications.mail import build_message
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


def build(to, subject, html, text, language, headers=None, from_=None, key=None):
    """A multipart message to ``to`` (an address): notifications' one
    builder, ``build_message``."""
    return build_message(
        to, subject, text, html, language, headers=headers, from_=from_, key=key
    )
