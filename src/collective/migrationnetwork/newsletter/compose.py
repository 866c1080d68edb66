"""An issue as a mail in one language: subject, HTML (CSS inlined) and
plain text, with placeholders for the subscriber's own links.

The mail of each language is rendered once, when the issue is sent (or
previewed); ``personalise`` puts each subscriber's links in. Only what an
anonymous visitor may see is shown: a featured item that is not public is
left out. Each featured item is given in the subscriber's language when it
has a translation in it.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_base
from chameleon import PageTemplateFile
from collective.migrationnetwork import _
from collective.migrationnetwork import dates
from collective.migrationnetwork.newsletter import mail
from collective.migrationnetwork.notifications.mail import site_title
from dataclasses import dataclass
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from zope.i18n import translate
from zope.i18nmessageid import Message

import html as html_module
import os


PREFERENCES = "__NEWSLETTER_PREFERENCES_URL__"
UNSUBSCRIBE = "__NEWSLETTER_UNSUBSCRIBE_URL__"

issue_template = PageTemplateFile(
    os.path.join(os.path.dirname(__file__), "templates", "issue.pt")
)

SECTIONS = (
    ("featured", _("label_featured", default="Featured items")),
    ("section_practices", _("label_section_practices", default="New practices")),
    ("section_trainings", _("label_section_trainings", default="Upcoming trainings")),
)
FOOTER = _(
    "mail_newsletter_footer",
    default="You receive this newsletter of ${site} because you subscribed to it.",
)
PREFERENCES_LABEL = _(
    "mail_newsletter_preferences_link", default="My newsletter preferences"
)
UNSUBSCRIBE_LABEL = _("mail_newsletter_unsubscribe_link", default="Unsubscribe")
ONLINE_LABEL = _("mail_newsletter_online_link", default="Read it on the web")
ISSUE_LABEL = _("mail_newsletter_issue", default="Issue ${number}")


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    html: str
    text: str
    url: str

    def personalise(self, preferences_url, unsubscribe_url):
        """``(html, text)`` with the subscriber's links."""
        html = self.html.replace(
            PREFERENCES, html_module.escape(preferences_url, quote=True)
        ).replace(UNSUBSCRIBE, html_module.escape(unsubscribe_url, quote=True))
        text = self.text.replace(PREFERENCES, preferences_url).replace(
            UNSUBSCRIBE, unsubscribe_url
        )
        return html, text


def is_public(obj):
    return "Anonymous" in (rolesForPermissionOn("View", obj) or ())


def translation(obj, language):
    """``obj`` in ``language`` if it has that translation, else ``obj``."""
    try:
        found = ITranslationManager(obj).get_translation(language)
    except TypeError:
        found = None
    return found if found is not None else obj


def _targets(issue, name):
    for relation in getattr(aq_base(issue), name, None) or ():
        if relation is None or relation.isBroken():
            continue
        obj = relation.to_object
        if obj is not None:
            yield obj


def items(issue, name, language, public_only=True):
    found = []
    for obj in _targets(issue, name):
        obj = translation(obj, language)
        if public_only and not is_public(obj):
            continue
        found.append(
            {
                "title": obj.Title(),
                "description": obj.Description(),
                "url": obj.absolute_url(),
            }
        )
    return found


def _introduction(issue):
    text = getattr(aq_base(issue), "introduction", None)
    if text is None:
        return ""
    try:
        return text.output_relative_to(issue) or ""
    except Exception:  # noqa: BLE001 - a broken transform: the raw text
        return text.raw or ""


def _plain(html):
    """The text of an HTML fragment (Plone's html_to_text transform)."""
    transforms = api.portal.get_tool("portal_transforms")
    data = transforms.convertTo("text/plain", html, mimetype="text/html")
    return (data.getData() if data is not None else "").strip()


SENDABLE = ("approved", "sent")


def issue_translation(issue, language):
    """The translation of ``issue`` in ``language`` if it is approved (or
    sent), else ``issue`` itself."""
    found = translation(issue, language)
    if found is not issue and api.content.get_state(found, None) not in SENDABLE:
        return issue
    return found


def render(issue, language, public_only=True):
    """The mail of ``issue`` for a subscriber of ``language``."""
    source = issue_translation(issue, language)
    site = site_title()

    def tr(message, **mapping):
        return translate(
            Message(message, mapping=dict(site=site, **mapping)),
            target_language=language,
        )

    number = getattr(aq_base(source), "issue_number", None)
    date = getattr(aq_base(source), "issue_date", None)
    heading = tr(ISSUE_LABEL, number=number) if number else ""
    introduction = _introduction(source)
    sections = [
        {"title": tr(title), "items": items(source, name, language, public_only)}
        for name, title in SECTIONS
    ]
    sections = [section for section in sections if section["items"]]
    parts = {
        "language": language,
        "site": site,
        "title": source.Title(),
        "description": source.Description(),
        "heading": heading,
        "date": dates.format_date(date, language) if date else "",
        "introduction": introduction,
        "sections": sections,
        "url": source.absolute_url(),
        "online_label": tr(ONLINE_LABEL),
        "footer": tr(FOOTER),
        "preferences_url": PREFERENCES,
        "preferences_label": tr(PREFERENCES_LABEL),
        "unsubscribe_url": UNSUBSCRIBE,
        "unsubscribe_label": tr(UNSUBSCRIBE_LABEL),
    }
    subject = f"[{site}] {source.Title()}"
    html = mail.inline_css(issue_template(**parts))
    return Rendered(language, subject, html, _text(parts, introduction), parts["url"])


def _text(parts, introduction):
    lines = [parts["title"]]
    if parts["heading"] or parts["date"]:
        lines.append(" · ".join(p for p in (parts["heading"], parts["date"]) if p))
    lines.append("=" * min(len(parts["title"]), 72))
    lines.append("")
    if parts["description"]:
        lines += [parts["description"], ""]
    if introduction:
        lines += [_plain(introduction), ""]
    for section in parts["sections"]:
        lines += [section["title"], "-" * min(len(section["title"]), 72)]
        for item in section["items"]:
            lines.append(f"* {item['title']}")
            if item["description"]:
                lines.append(f"  {item['description']}")
            lines.append(f"  {item['url']}")
        lines.append("")
    lines += [
        f"{parts['online_label']}: {parts['url']}",
        "",
        "-- ",
        parts["footer"],
        f"{parts['preferences_label']}: {PREFERENCES}",
        f"{parts['unsubscribe_label']}: {UNSUBSCRIBE}",
        "",
    ]
    return "\n".join(lines)


def languages_of(issue):
    """The languages an issue can be sent in: the site's languages."""
    from collective.migrationnetwork.notifications.mail import site_languages

    return site_languages()


def portal_url():
    return api.portal.get().absolute_url()


def subscriber_links(subscriber, base_url=None):
    """``(preferences_url, unsubscribe_url)`` of a subscriber."""
    from collective.migrationnetwork.newsletter import tokens

    token = tokens.make_token(subscriber, tokens.MANAGE)
    return (
        mail.link(mail.PREFERENCES_VIEW, token, subscriber.language, base_url),
        mail.link(mail.UNSUBSCRIBE_VIEW, token, subscriber.language, base_url),
    )
