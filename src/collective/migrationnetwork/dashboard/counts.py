"""Small helpers: counting values of brains' metadata, with titles."""

from collective.migrationnetwork.search.facets import value_titles
from collective.migrationnetwork.stats import value_list
from DateTime import DateTime
from plone import api
from zope.i18n import translate

import statistics


DAY = 1.0


def count_metadata(brains, column):
    """``{value: n}`` over the metadata ``column`` (a value or a list)."""
    counts = {}
    for brain in brains:
        value = getattr(brain, column, None)
        if value is None or value == "":
            continue
        for item in value if isinstance(value, (list, tuple)) else (value,):
            counts[item] = counts.get(item, 0) + 1
    return counts


def titled(root, counts, facet, portal_types, language):
    """``[{token, title, count}]`` with the facet's vocabulary titles."""
    titles = value_titles(
        root, facet, portal_types, tokens=list(counts), language=language
    )
    return value_list(counts, titles)


def state_titles(counts, portal_type, language):
    workflow = api.portal.get_tool("portal_workflow")
    titles = {
        state: translate(
            workflow.getTitleForStateOnType(state, portal_type),
            domain="plone",
            target_language=language,
        )
        for state in counts
    }
    return value_list(counts, titles)


def metadata_date(brain, column):
    """A date column of a brain, None when the item has no value (the
    catalogue's ``Missing.Value``)."""
    value = getattr(brain, column, None)
    return value if isinstance(value, DateTime) else None


def days_between(start, end):
    """Whole days from ``start`` to ``end`` (DateTime or datetime)."""
    if start is None or end is None:
        return None
    return max(0, int(DateTime(end) - DateTime(start)))


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def iso(value):
    return DateTime(value).ISO8601() if value is not None else None
