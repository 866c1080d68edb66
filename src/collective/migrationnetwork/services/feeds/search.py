"""How feeds search: the parameters of @network-search, with a feed's own
defaults, and every row for the exports."""

from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.search import parse_params

import dataclasses


# The most rows an export (CSV, iCalendar) holds. A search that matches
# more is refused unless it asks for a page (b_start, b_size), so that a
# spreadsheet never lacks rows without saying so.
EXPORT_LIMIT = 10000
# What a feed lists when the searcher names no type.
FEED_TYPES = ("Practice", "Training", "Newsletter")
# Newest first: publication date, then creation (unset publication dates
# sort last).
NEWEST_FIRST = (["effective", "created"], "descending")


def feed_search(context, form):
    """One batch of a search, newest first unless sorted otherwise."""
    params = parse_params(form)
    if not params.portal_type:
        params = dataclasses.replace(params, portal_type=FEED_TYPES)
    return network_search(context, params, facets=(), sort=NEWEST_FIRST)


def export_search(context, form, portal_types=None, sort=None):
    """Every row of a search (or the page that ``b_start``/``b_size`` ask
    for). ``portal_types`` restricts the types an export may hold."""
    params = parse_params(form, default_b_size=EXPORT_LIMIT, max_b_size=EXPORT_LIMIT)
    if portal_types is not None:
        for name in params.portal_type:
            if name not in portal_types:
                raise SearchParameterError(
                    "portal_type",
                    f"this feed holds {', '.join(portal_types)} only",
                    name,
                )
        params = dataclasses.replace(
            params, portal_type=params.portal_type or portal_types
        )
    result = network_search(context, params, facets=(), sort=sort)
    if form.get("b_size") is None and result.items_total > EXPORT_LIMIT:
        raise SearchParameterError(
            "b_size",
            f"{result.items_total} items match, more than an export holds "
            f"({EXPORT_LIMIT}): narrow the search, or ask for pages with "
            "b_start and b_size",
        )
    return result
