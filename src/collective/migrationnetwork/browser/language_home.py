"""A language root's home page: the network at work, from the catalogue.

Latest published practices and news, upcoming trainings, the network in
numbers (``stats.network_stats``), the newsletter sign-up and the map of
members (the ``members-map-panel`` fragment). Every figure and item comes
from catalogue brains: rendering it wakes no content object.
"""

from collective.migrationnetwork import dates
from collective.migrationnetwork.search.core import root_path
from collective.migrationnetwork.stats import network_stats
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView


LATEST = 4


class LanguageHomeView(BrowserView):
    def _search(self, **query):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.searchResults(
            path=root_path(self.context), review_state="published", **query
        )[:LATEST]

    @staticmethod
    def _item(brain):
        return {
            "title": brain.Title,
            "description": brain.Description,
            "url": brain.getURL(),
        }

    def latest_practices(self):
        return [
            self._item(brain)
            for brain in self._search(
                portal_type="Practice", sort_on="effective", sort_order="descending"
            )
        ]

    def latest_news(self):
        return [
            self._item(brain)
            for brain in self._search(
                portal_type="News Item", sort_on="effective", sort_order="descending"
            )
        ]

    def upcoming_trainings(self):
        result = []
        language = api.portal.get_current_language(self.context)
        for brain in self._search(
            portal_type="Training",
            end={"query": DateTime(), "range": "min"},
            sort_on="start",
        ):
            item = self._item(brain)
            start = dates.localize(brain.start)
            end = dates.localize(brain.end, start.tzinfo) if start else None
            item["when"] = dates.format_range(start, end, language) if start else ""
            item["start_iso"] = dates.iso(start) if start else ""
            result.append(item)
        return result

    def numbers(self):
        figures = network_stats(self.context)
        organisations = figures["organisations"]
        return {
            "members": organisations["total"],
            "by_country": organisations["by_country"]["values"],
            "by_kind": organisations["by_kind"]["values"],
            "practices": figures["practices"]["total"],
            "trainings": figures["trainings"]["total"],
        }

    def section_url(self, name):
        section = self.context.get(name)
        return section.absolute_url() if section is not None else None
