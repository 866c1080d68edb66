"""``<link rel="alternate">`` to the feeds in the head of the sections
practices/, trainings/ and newsletters/ of a language root, carrying the
filters of the listing shown (so a feed reader subscribes to what the
visitor sees)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork import _
from collective.migrationnetwork.services.feeds.common import SECTIONS
from html import escape
from plone.app.layout.viewlets.common import ViewletBase
from plone.base.interfaces import INavigationRoot
from urllib.parse import urlencode
from zope.i18n import translate


FEEDS = {
    "Practice": ("rss", "csv"),
    "Training": ("rss", "ics", "csv"),
    "Newsletter": ("rss", "csv"),
}
FORMATS = {
    "rss": (
        "application/rss+xml",
        lambda section: _(
            "feed_link_rss", default="${section} (RSS)", mapping={"section": section}
        ),
    ),
    "ics": (
        "text/calendar",
        lambda section: _(
            "feed_link_ical",
            default="${section} (iCalendar)",
            mapping={"section": section},
        ),
    ),
    "csv": (
        "text/csv",
        lambda section: _(
            "feed_link_csv", default="${section} (CSV)", mapping={"section": section}
        ),
    ),
}
# A calendar holds past and upcoming trainings alike.
NOT_IN = {"ics": ("when",)}


def section_type(context):
    """The type that ``context`` lists, when it is a feed section of a
    language root."""
    parent = aq_parent(aq_inner(context))
    if not INavigationRoot.providedBy(parent):
        return None
    for portal_type, (section_id, _title) in SECTIONS.items():
        if portal_type in FEEDS and context.getId() == section_id:
            return portal_type
    return None


class FeedLinks(ViewletBase):
    def update(self):
        super().update()
        self.links = []
        portal_type = section_type(self.context)
        if portal_type is None:
            return
        root_url = aq_parent(aq_inner(self.context)).absolute_url()
        section = translate(SECTIONS[portal_type][1], context=self.request)
        for extension in FEEDS[portal_type]:
            media_type, title = FORMATS[extension]
            pairs = [("portal_type", portal_type)] + [
                pair
                for pair in self.filter_pairs()
                if pair[0] not in NOT_IN.get(extension, ())
            ]
            self.links.append(
                {
                    "type": media_type,
                    "title": translate(title(section), context=self.request),
                    "href": f"{root_url}/network-search.{extension}?{urlencode(pairs)}",
                }
            )

    def filter_pairs(self):
        """The listing's filters, when the view is a listing that has
        searched."""
        query_pairs = getattr(self.view, "query_pairs", None)
        if query_pairs is None or getattr(self.view, "result", None) is None:
            return []
        try:
            return list(query_pairs())
        except (AttributeError, TypeError):
            return []

    def render(self):
        return "\n".join(
            f'<link rel="alternate" type="{link["type"]}" '
            f'title="{escape(link["title"])}" href="{escape(link["href"])}" />'
            for link in self.links
        )
