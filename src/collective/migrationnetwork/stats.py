"""Figures for a dashboard of the network, from the catalogue alone.

    from collective.migrationnetwork.stats import network_stats

    figures = network_stats(language_root)

Every count is the size of a set of catalogue record ids, intersected with
an index's postings (``search.counting``); trainings by month read the
``start`` metadata of brains. No content object is woken. The catalogue
filters by the current user's permissions, so anonymous clients count only
what they may see (published items, active organisations); members
additionally get each type's figures by review state.

Registrations of trainings come from their own store
(``registrations.stats``): counts only, never names.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.registrations.stats import registration_figures
from collective.migrationnetwork.search.core import root_path
from collective.migrationnetwork.search.counting import count_values
from collective.migrationnetwork.search.counting import result_rids
from collective.migrationnetwork.search.facets import FACETS
from collective.migrationnetwork.search.facets import value_titles
from dataclasses import dataclass
from DateTime import DateTime
from plone import api
from plone.base.i18nl10n import monthname_english
from plone.base.i18nl10n import monthname_msgid
from zope.i18n import translate

import datetime
import pytz


MONTHS_BACK = 12
MONTHS_AHEAD = 12


@dataclass(frozen=True)
class Group:
    """The figures of one type: ``breakdowns`` maps a key of the answer to
    the catalogue index it counts."""

    key: str
    portal_type: str
    title: object
    breakdowns: tuple


GROUPS = (
    Group(
        "organisations",
        "Organisation",
        _("section_organisations", default="Organisations"),
        (("by_country", "countries"), ("by_kind", "kind"), ("by_network", "networks")),
    ),
    Group(
        "practices",
        "Practice",
        _("section_practices", default="Practices"),
        (("by_thematic_area", "thematic_areas"), ("by_status", "status")),
    ),
    Group(
        "trainings",
        "Training",
        _("section_trainings", default="Trainings"),
        (("by_format", "format"), ("by_thematic_area", "thematic_areas")),
    ),
)

REVIEW_STATE_LABEL = _("stats_review_state", default="Review state")
BY_MONTH_LABEL = _("stats_trainings_by_month", default="Trainings by month")


def stats_root(context):
    """The language root to count in: the context's navigation root, or,
    on the site root, the root of the current language when there is one."""
    root = api.portal.get_navigation_root(context)
    portal = api.portal.get()
    if root is portal:
        language = api.portal.get_current_language(context)
        root = portal.get(language, root) if language else root
    return root


def value_list(counts, titles):
    """``[{token, title, count}]``, largest first, then by title."""
    values = [
        {"token": token, "title": titles.get(token) or token, "count": count}
        for token, count in counts.items()
    ]
    return sorted(values, key=lambda value: (-value["count"], value["title"].lower()))


def breakdown(root, catalog, rids, group, index_name, language):
    counts = count_values(catalog._catalog.getIndex(index_name), rids)
    titles = value_titles(
        root, index_name, (group.portal_type,), tokens=list(counts), language=language
    )
    if FACETS[index_name].content_type:
        # A network the user may not see is not named, nor counted apart.
        counts = {token: n for token, n in counts.items() if token in titles}
    return {
        "title": translate(FACETS[index_name].label, target_language=language),
        "values": value_list(counts, titles),
    }


def state_breakdown(catalog, rids, portal_type, language):
    counts = count_values(catalog._catalog.getIndex("review_state"), rids)
    workflow_tool = api.portal.get_tool("portal_workflow")
    titles = {
        state: translate(
            workflow_tool.getTitleForStateOnType(state, portal_type),
            domain="plone",
            target_language=language,
        )
        for state in counts
    }
    return {
        "title": translate(REVIEW_STATE_LABEL, target_language=language),
        "values": value_list(counts, titles),
    }


def month_starts(now, timezone):
    """The first instants of the months of the window, and of the month
    after it (its end)."""
    local = now.astimezone(timezone)
    index = local.year * 12 + local.month - 1 - MONTHS_BACK
    starts = []
    for offset in range(MONTHS_BACK + MONTHS_AHEAD + 1):
        year, month = divmod(index + offset, 12)
        starts.append(timezone.localize(datetime.datetime(year, month + 1, 1)))
    return starts


def month_title(start, language):
    name = translate(
        monthname_msgid(start.month),
        domain="plonelocales",
        target_language=language,
        default=monthname_english(start.month),
    )
    return f"{name} {start.year}"


def local_time(value, timezone):
    """A start from the catalogue's metadata (a datetime as plone.app.event
    stores it, or a DateTime) in ``timezone``; naive values are taken to be
    in it already."""
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if not isinstance(value, datetime.datetime):
        return None
    if value.tzinfo is None:
        return timezone.localize(value)
    return value.astimezone(timezone)


def trainings_by_month(catalog, path, now, timezone, language):
    """Trainings by the month they start in, from the past ``MONTHS_BACK``
    months to the next ``MONTHS_AHEAD`` (the current month included)."""
    starts = month_starts(now, timezone)
    counts = {start.strftime("%Y-%m"): 0 for start in starts[:-1]}
    brains = catalog.searchResults(
        portal_type="Training",
        path=path,
        start={
            "query": [DateTime(starts[0]), DateTime(starts[-1]) - 1.0 / 86400],
            "range": "min:max",
        },
    )
    for brain in brains:
        start = local_time(brain.start, timezone)
        if start is None:
            continue
        key = start.strftime("%Y-%m")
        if key in counts:
            counts[key] += 1
    return {
        "title": translate(BY_MONTH_LABEL, target_language=language),
        "values": [
            {
                "token": start.strftime("%Y-%m"),
                "title": month_title(start, language),
                "count": counts[start.strftime("%Y-%m")],
            }
            for start in starts[:-1]
        ],
    }


def group_figures(root, catalog, group, language, member):
    path = root_path(root)
    rids = result_rids(
        catalog.searchResults(portal_type=group.portal_type, path=path), catalog
    )
    figures = {
        "title": translate(group.title, target_language=language),
        "total": len(rids),
    }
    for key, index_name in group.breakdowns:
        figures[key] = breakdown(root, catalog, rids, group, index_name, language)
    if member:
        figures["by_state"] = state_breakdown(
            catalog, rids, group.portal_type, language
        )
    return figures


def network_stats(context, language=None, now=None):
    """The dashboard's figures for the language root of ``context`` (see
    ``stats_root``), as a JSON-ready dict.

    ``language`` is the language of the titles (default: the current one);
    ``now`` (an aware datetime) fixes the window of trainings by month.
    """
    root = stats_root(context)
    language = language or api.portal.get_current_language(root)
    member = not api.user.is_anonymous()
    catalog = api.portal.get_tool("portal_catalog")
    timezone = pytz.timezone(
        api.portal.get_registry_record("plone.portal_timezone", default=None) or "UTC"
    )
    now = now or datetime.datetime.now(pytz.utc)
    result = {
        "root": root.absolute_url(),
        "language": language,
        "members_figures": member,
        "timezone": timezone.zone,
    }
    for group in GROUPS:
        result[group.key] = group_figures(root, catalog, group, language, member)
    trainings = result["trainings"]
    path = root_path(root)
    trainings["by_month"] = trainings_by_month(catalog, path, now, timezone, language)
    upcoming = catalog.searchResults(
        portal_type="Training", path=path, end={"query": DateTime(now), "range": "min"}
    )
    trainings["upcoming"] = len(upcoming)
    result["registrations"] = registration_figures(catalog, path)
    return result
