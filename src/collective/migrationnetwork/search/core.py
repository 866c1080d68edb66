"""``network_search``: the one search behind the listings and @network-search.

OR within a facet, AND across facets. The count of a facet's values honours
every other active filter but not the facet's own, so that each value shows
what choosing it would give. Everything comes from the catalogue: result
brains (metadata) and index structures; no content object is woken.
"""

from BTrees.IIBTree import intersection
from collective.migrationnetwork.search.counting import count_values
from collective.migrationnetwork.search.counting import filter_rids
from collective.migrationnetwork.search.counting import result_rids
from collective.migrationnetwork.search.dates import search_active
from collective.migrationnetwork.search.facets import FACETS
from collective.migrationnetwork.search.facets import value_titles
from collective.migrationnetwork.search.fallback import fallback_enabled
from collective.migrationnetwork.search.fallback import fallback_query
from collective.migrationnetwork.search.params import CONTENT_TYPES
from collective.migrationnetwork.search.params import SearchParameterError
from collective.migrationnetwork.search.params import SearchParams
from collective.migrationnetwork.search.params import check_facet_names
from collective.migrationnetwork.search.params import parse_params
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from plone import api
from plone.base.utils import munge_search_term
from plone.batching import Batch
from Products.ZCTextIndex.ParseTree import ParseError


@dataclass(frozen=True)
class FacetValue:
    token: str
    title: str
    count: int
    active: bool = False


@dataclass(frozen=True)
class FacetResult:
    name: str
    label: object
    values: tuple = ()

    @property
    def active(self):
        return tuple(value for value in self.values if value.active)


@dataclass
class SearchResult:
    """``items`` holds the brains of the requested batch only; ``language``
    is the language that titles are given in."""

    items: object
    items_total: int
    params: SearchParams
    facets: dict = field(default_factory=dict)
    language: str = ""

    @property
    def batch(self):
        return Batch(self.items, self.params.b_size, self.params.b_start)


def root_path(context):
    """Path of the context's language root (its navigation root)."""
    return "/".join(api.portal.get_navigation_root(context).getPhysicalPath())


def search_language(context):
    """The language of the context's language root, which titles are given
    in whatever the browser prefers; the current language elsewhere."""
    root = api.portal.get_navigation_root(context)
    language = getattr(root, "Language", lambda: "")()
    return language or api.portal.get_current_language(context)


def base_query(context, params):
    """Everything but the facet filters and the sorting."""
    query = {
        "path": root_path(context),
        "portal_type": list(params.portal_type or CONTENT_TYPES),
    }
    if not params.include_archived:
        query["review_state"] = {"not": "archived"}
    text = munge_search_term(params.text) if params.text else ""
    if text:
        query["SearchableText"] = text
    now = DateTime()
    if params.when == "upcoming":
        query["end"] = {"query": now, "range": "min"}
    elif params.when == "past":
        query["end"] = {"query": now, "range": "max"}
    if params.start_from or params.start_to:
        query["start"] = start_range(params.start_from, params.start_to)
    return query


def start_range(start_from, start_to):
    if start_from and start_to:
        return {"query": [start_from, start_to], "range": "min:max"}
    if start_from:
        return {"query": start_from, "range": "min"}
    return {"query": start_to, "range": "max"}


def filter_queries(params):
    return {name: {"query": list(tokens)} for name, tokens in params.filters.items()}


def sorting(params, default=None):
    """Sort and batch arguments; relevance when searching text.

    ``default`` is a ``(sort_on, sort_order)`` pair for a caller that orders
    differently when the searcher does not choose (a feed: newest first).
    """
    sort_on, order = params.sort_on, params.sort_order
    if sort_on is None and not params.text and default is not None:
        sort_on, order = default[0], order or default[1]
    elif sort_on is None and not params.text:
        if params.when in ("upcoming", "past"):
            sort_on = "start"
            order = order or ("descending" if params.when == "past" else None)
        else:
            sort_on = "sortable_title"
    query = {"b_start": params.b_start, "b_size": params.b_size}
    if sort_on:
        query["sort_on"] = sort_on
        query["sort_order"] = order or "ascending"
    return query


def run(catalog, query):
    """The catalogue's answer; a full-text query it cannot parse is the
    searcher's error, not the server's."""
    try:
        return search_active(catalog, query)
    except ParseError as error:
        raise SearchParameterError(
            "SearchableText",
            f"cannot be searched for ({error})",
            query.get("SearchableText"),
        ) from None


def check_tokens(context, params, catalog):
    """Every filter value is a term of the facet's vocabulary, or for
    networks and organisations an item that the user may see (or at least
    indexed: a term that was removed but is still used stays searchable)."""
    for name, tokens in params.filters.items():
        index = catalog._catalog.getIndex(name)
        unindexed = [token for token in tokens if token not in index._index]
        if not unindexed:
            continue
        known = value_titles(context, name, params.portal_type, tokens=unindexed)
        for token in unindexed:
            if token not in known:
                raise SearchParameterError(name, "unknown value", token)


def facet_values(context, name, counts, params, language=None):
    """The values to show: those that give results, and the active ones."""
    active = params.filters.get(name, ())
    wanted = list(dict.fromkeys([*counts, *active]))
    titles = value_titles(
        context, name, params.portal_type, tokens=wanted, language=language
    )
    is_content = FACETS[name].content_type is not None
    if is_content:
        order = sorted(titles, key=lambda token: (titles[token] or "").lower())
    else:
        order = list(titles)
    # Unknown tokens: a term removed from a vocabulary but still used, or an
    # item the user may not see (shown only when it is an active filter).
    order += [
        token
        for token in wanted
        if token not in titles and (token in active or not is_content)
    ]
    return tuple(
        FacetValue(
            token=token,
            title=titles.get(token) or token,
            count=counts.get(token, 0),
            active=token in active,
        )
        for token in order
        if token in wanted
    )


def count_facets(context, catalog, base, filters, names, params, language=None):
    """Counts of each facet's values, honouring every active filter but the
    facet's own.

    One catalogue query gives the set of what the base query finds (no
    facet filter, no sorting); each active filter's set comes from its own
    index, as the catalogue would compute it. The set a facet is counted on
    is the intersection of the base set with the other filters' sets: one
    query however many filters are active, instead of one per filter.
    """
    if not names:
        return {}
    found = result_rids(run(catalog, base), catalog)
    chosen = {
        name: filter_rids(catalog, name, query) for name, query in filters.items()
    }
    rid_sets = {}

    def rids_without(name):
        key = name if name in chosen else None
        if key not in rid_sets:
            rids = found
            for other, other_rids in chosen.items():
                if other != key:
                    rids = intersection(rids, other_rids)
            rid_sets[key] = rids
        return rid_sets[key]

    facets = {}
    for name in names:
        counts = count_values(catalog._catalog.getIndex(name), rids_without(name))
        values = facet_values(context, name, counts, params, language)
        facets[name] = FacetResult(name=name, label=FACETS[name].label, values=values)
    return facets


def network_search(context, params, facets=None, sort=None):
    """Search the catalogue under the context's language root.

    ``params`` is a ``SearchParams`` or a mapping for ``parse_params``;
    ``facets`` names the facets to count (default: ``params.facets``);
    ``sort`` is the ``(sort_on, sort_order)`` to use when the searcher
    chose none. Returns a ``SearchResult``: the batch of brains, the total,
    the facets, titled in the language of the root. Raises
    ``SearchParameterError`` for bad input.
    """
    if not isinstance(params, SearchParams):
        params = parse_params(params)
    names = check_facet_names((params.facets or ()) if facets is None else facets)
    catalog = api.portal.get_tool("portal_catalog")
    language = search_language(context)
    check_tokens(context, params, catalog)
    base, filters = base_query(context, params), filter_queries(params)
    if fallback_enabled():
        base.update(
            fallback_query(catalog, language, base["path"], base["portal_type"]) or {}
        )
    items = run(catalog, {**base, **filters, **sorting(params, sort)})
    return SearchResult(
        items=items,
        items_total=getattr(items, "actual_result_count", len(items)),
        params=params,
        facets=count_facets(context, catalog, base, filters, names, params, language),
        language=language,
    )
