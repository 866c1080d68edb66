"""RSS 2.0 of a search: one item per result, newest first."""

from collective.migrationnetwork.search.summary import Summarizer
from collective.migrationnetwork.search.summary import timestamp
from collective.migrationnetwork.services.feeds.common import FeedView
from collective.migrationnetwork.services.feeds.common import feed_title
from collective.migrationnetwork.services.feeds.common import home_url
from collective.migrationnetwork.services.feeds.common import location
from collective.migrationnetwork.services.feeds.search import feed_search
from DateTime import DateTime
from email.utils import format_datetime
from plone import api
from xml.etree import ElementTree

import datetime


ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"
ElementTree.register_namespace("atom", ATOM)
ElementTree.register_namespace("dc", DC)


def sub(parent, tag, text=None, **attributes):
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def published(brain):
    """When an item was published, or else created."""
    return timestamp(brain.effective) or timestamp(brain.created)


def when_and_where(summary, result):
    """ "<date> <time> <zone> · <place>" of a training: the wall-clock time
    where it takes place, the date in the format of the search's
    language."""
    if not summary.get("start"):
        return ""
    start = datetime.datetime.fromisoformat(summary["start"])
    day = api.portal.get_localized_time(DateTime(start.year, start.month, start.day))
    parts = [f"{day} {start:%H:%M} {start.tzname() or ''}".strip()]
    place = location(summary, result)
    if place:
        parts.append(place)
    return " · ".join(parts)


def categories(summary):
    """Titles of the item's kind, thematic areas and countries."""
    kind = summary.get("kind")
    found = [kind["title"]] if kind else []
    for name in ("thematic_areas", "countries"):
        found.extend(term["title"] for term in summary.get(name) or ())
    return found


def item(channel, brain, summary, result):
    element = sub(channel, "item")
    sub(element, "title", summary["title"])
    sub(element, "link", summary["@id"])
    description = summary["description"]
    if summary["@type"] == "Training":
        description = " — ".join(
            part for part in (when_and_where(summary, result), description) if part
        )
    if description:
        sub(element, "description", description)
    sub(element, "guid", summary["@id"], isPermaLink="true")
    date = published(brain)
    if date is not None:
        sub(element, "pubDate", format_datetime(date))
    organisation = summary.get("organisation")
    if organisation and organisation["title"]:
        sub(element, f"{{{DC}}}creator", organisation["title"])
    for category in categories(summary):
        sub(element, "category", category)


def render_rss(context, result, url):
    """The RSS 2.0 document (bytes, UTF-8) of ``result``."""
    root = api.portal.get_navigation_root(context)
    rss = ElementTree.Element("rss", {"version": "2.0"})
    channel = sub(rss, "channel")
    sub(channel, "title", feed_title(context, result))
    sub(channel, "link", home_url(context, result))
    sub(channel, "description", root.Description() or feed_title(context, result))
    sub(channel, "language", result.language)
    sub(channel, f"{{{ATOM}}}link", href=url, rel="self", type="application/rss+xml")
    now = datetime.datetime.now(datetime.timezone.utc)
    sub(channel, "lastBuildDate", format_datetime(now))
    sub(channel, "generator", "collective.migrationnetwork")
    for brain, summary in Summarizer(context, result.batch, result.language):
        item(channel, brain, summary, result)
    ElementTree.indent(rss)
    return ElementTree.tostring(rss, encoding="utf-8", xml_declaration=True)


class RSSFeed(FeedView):
    content_type = "application/rss+xml; charset=utf-8"

    def search(self, form):
        return feed_search(self.context, form)

    def render(self, result):
        return render_rss(self.context, result, self.url)
