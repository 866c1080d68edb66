"""Faceted listing pages of the sections practices/, trainings/ and
organisations/ of a language root.

Server-rendered and usable without JavaScript: a GET form with a full-text
box and, per facet, checkboxes that show each value's count. The search and
the counts are ``network_search``'s, the same that ``@network-search``
answers with; everything shown comes from catalogue metadata.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork import dates
from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.search import parse_params
from collective.migrationnetwork.search import value_titles
from plone.memoize.view import memoize
from Products.Five import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate

import dataclasses


WHEN_OPTIONS = (
    ("upcoming", _("label_upcoming", default="Upcoming")),
    ("past", _("label_past", default="Past")),
)


def _text(value):
    """Catalogue metadata as text: ``Missing.Value`` and None become ''."""
    return value if isinstance(value, str) else ""


class ListingView(BrowserView):
    """Base of the listings; subclasses say which type and which facets."""

    portal_types = ()
    facet_names = ()
    default_when = None
    show_dates = False
    show_organisation = True

    def __call__(self):
        self.update()
        return self.index()

    def update(self):
        self.error = None
        try:
            self.result = network_search(
                self.context, self.search_params(self.request.form), self.facet_names
            )
        except SearchParameterError as error:
            self.error = error
            self.request.response.setStatus(400)
            self.result = network_search(
                self.context, self.search_params({}), self.facet_names
            )

    def search_params(self, form):
        params = parse_params(form, ignore_unknown=True)
        filters = {
            name: tokens
            for name, tokens in params.filters.items()
            if name in self.facet_names
        }
        return dataclasses.replace(
            params,
            portal_type=self.portal_types,
            filters=filters,
            when=params.when or self.default_when,
        )

    @property
    def params(self):
        return self.result.params

    def translate(self, message):
        return translate(message, context=self.request)

    def form_action(self):
        return self.request.get("ACTUAL_URL") or self.context.absolute_url()

    def error_message(self):
        if self.error is None:
            return None
        return self.translate(
            _(
                "error_search_parameter",
                default="The filter “${parameter}” cannot be used as given; "
                "all results are shown instead.",
                mapping={"parameter": self.error.parameter},
            )
        )

    def query_pairs(self, skip=None):
        """The current search as (name, value) pairs, without paging;
        ``skip`` is a (name, value) pair to leave out."""
        params, pairs = self.params, []
        if params.text:
            pairs.append(("SearchableText", params.text))
        if self.default_when and params.when:
            pairs.append(("when", params.when))
        for name in self.facet_names:
            pairs.extend((name, token) for token in params.filters.get(name, ()))
        return [pair for pair in pairs if pair != skip]

    def url(self, pairs):
        query = urlencode(pairs)
        return self.form_action() + (f"?{query}" if query else "")

    def facets(self):
        """The facets for the form, each value with its count."""
        result = []
        for facet in self.result.facets.values():
            values = [
                {
                    "token": value.token,
                    "title": value.title,
                    "count": value.count,
                    "active": value.active,
                    "id": f"facet-{facet.name}-{value.token}",
                }
                for value in facet.values
            ]
            result.append(
                {
                    "name": facet.name,
                    "label": self.translate(facet.label),
                    "entries": values,
                }
            )
        return result

    def active_filters(self):
        """Each active filter value with the address that removes it."""
        result = []
        for facet in self.result.facets.values():
            for value in facet.active:
                result.append(
                    {
                        "label": self.translate(facet.label),
                        "title": value.title,
                        "remove_url": self.url(
                            self.query_pairs((facet.name, value.token))
                        ),
                    }
                )
        if self.params.text:
            result.append(
                {
                    "label": self.translate(
                        _("label_search_text", default="Words to search for")
                    ),
                    "title": self.params.text,
                    "remove_url": self.url(
                        self.query_pairs(("SearchableText", self.params.text))
                    ),
                }
            )
        return result

    def clear_url(self):
        pairs = [("when", self.params.when)] if self.default_when else []
        return self.url(pairs)

    def when_options(self):
        if not self.default_when:
            return []
        return [
            {
                "value": value,
                "title": self.translate(title),
                "checked": self.params.when == value,
                "url": self.url(
                    [("when", value)]
                    + [p for p in self.query_pairs() if p[0] != "when"]
                ),
            }
            for value, title in WHEN_OPTIONS
        ]

    @property
    def batch(self):
        return self.result.batch

    def batch_navigation(self):
        navigation = self.context.restrictedTraverse("@@batchnavigation")
        return navigation(self.batch)

    @memoize
    def titles(self, name):
        return value_titles(self.context, name, self.portal_types)

    def items(self):
        return [self.summary(brain) for brain in self.batch]

    def summary(self, brain):
        """What a result shows, from the brain's metadata only."""
        titles = self.titles
        return {
            "title": _text(brain.Title) or brain.getId,
            "url": brain.getURL(),
            "language": self.other_language(brain),
            "description": _text(brain.Description),
            "organisation": _text(brain.organisation_title)
            if self.show_organisation
            else "",
            "countries": ", ".join(
                titles("countries").get(code, code) for code in brain.countries or ()
            ),
            "kind": titles("kind").get(_text(brain.kind), ""),
            "format": titles("format").get(_text(brain.format), "")
            if self.show_dates
            else "",
            "dates": self.dates(brain) if self.show_dates else None,
        }

    def other_language(self, brain):
        """The code of the item's language when it is not the listing's
        (an untranslated item found by the language fallback), else ''."""
        language = _text(brain.Language)
        return language if language and language != self.result.language else ""

    def dates(self, brain):
        """When a training takes place, from the brain's start and end (in
        the training's own time zone, which the metadata keeps)."""
        start = dates.localize(brain.start)
        if start is None:
            return None
        end = dates.localize(brain.end, start.tzinfo)
        return {
            "when": dates.format_range(start, end, self.result.language),
            "start_iso": dates.iso(start),
            "end_iso": dates.iso(end),
        }


class PracticesListing(ListingView):
    portal_types = ("Practice",)
    facet_names = (
        "thematic_areas",
        "target_groups",
        "countries",
        "kind",
        "networks",
        "status",
    )


class TrainingsListing(ListingView):
    portal_types = ("Training",)
    facet_names = (
        "format",
        "kind",
        "thematic_areas",
        "audience",
        "countries",
        "networks",
    )
    default_when = "upcoming"
    show_dates = True


class OrganisationsListing(ListingView):
    portal_types = ("Organisation",)
    facet_names = ("kind", "countries", "networks", "thematic_areas")
    show_organisation = False


class ResourcesListing(ListingView):
    """The documents that networks, organisations and practices publish
    (memoranda, reports, newsletters in PDF): their Files."""

    portal_types = ("File",)
    facet_names = ("networks", "thematic_areas")

    def search_params(self, form):
        # Files have no workflow (no review state): none is archived, and
        # leaving out the archived would leave out every file.
        params = super().search_params(form)
        return dataclasses.replace(params, include_archived=True)
