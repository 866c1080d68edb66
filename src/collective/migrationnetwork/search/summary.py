"""Summaries of search results, from catalogue metadata only.

One summary per brain, the same for the REST answer and the feeds: the
item's address in its language root, its type, title, description and
state, its organisation (title, address and country), the facet values it
carries as ``{"token", "title"}`` pairs titled in the search's language,
and for trainings the dates and the place. Networks and organisations are
titled from their own catalogue records (one query for the whole batch);
no content object is woken.
"""

from collective.migrationnetwork.search.facets import content_titles
from collective.migrationnetwork.search.facets import value_titles
from collective.migrationnetwork.search.facets import visible_by_uid
from DateTime import DateTime
from plone import api

import datetime
import zoneinfo


# Facet values that items of each type carry as catalogue metadata (a
# column holds whatever an object has under that name: Dublin Core's
# ``format`` of a practice is a MIME type, so each type names its own).
# Lists are always given (maybe empty), single values only when set.
FIELDS = {
    "Practice": (
        "kind",
        "status",
        "thematic_areas",
        "target_groups",
        "countries",
        "networks",
    ),
    "Training": (
        "kind",
        "format",
        "audience",
        "thematic_areas",
        "countries",
        "networks",
    ),
    "Organisation": ("kind", "thematic_areas", "countries", "networks"),
    "Network": ("countries",),
    "Newsletter": (),
}
LIST_FIELDS = ("thematic_areas", "target_groups", "audience", "countries", "networks")
# Dates before this are the catalogue's stand-in for "not set".
UNSET_BEFORE = DateTime("1971-01-01T00:00:00+00:00")


def text(value):
    """Catalogue metadata as text: ``Missing.Value`` and None become ''."""
    return value if isinstance(value, str) else ""


def tokens(value):
    """Catalogue metadata as a tuple of tokens."""
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(value) if isinstance(value, (list, tuple)) else ()


def timestamp(value):
    """A ``DateTime`` of the catalogue as an aware UTC datetime, or None
    when unset."""
    if not isinstance(value, DateTime) or value < UNSET_BEFORE:
        return None
    return value.asdatetime().astimezone(datetime.timezone.utc)


def event_time(value):
    """A training's start or end as stored (aware, in the event's own time
    zone); naive values are taken to be in the portal's time zone."""
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if not isinstance(value, datetime.datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=portal_timezone())
    return value


def portal_timezone():
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.timezone.utc


def isoformat(value):
    return value.isoformat() if value is not None else None


class Summarizer:
    """Summaries of ``brains`` titled in ``language``.

    Built once for a batch (or an export), so that vocabularies are read
    once and networks and organisations are fetched with one catalogue
    query each.
    """

    def __init__(self, context, brains, language):
        self.context = context
        self.language = language
        self.brains = brains = list(brains)
        self._titles = {}
        network_uids = {uid for brain in brains for uid in tokens(brain.networks)}
        self.network_titles = content_titles(network_uids, "Network")
        organisation_uids = {text(brain.organisation) for brain in brains} - {""}
        self.organisations = {}
        if organisation_uids:
            self.organisations = {
                brain.UID: brain
                for brain in visible_by_uid(
                    organisation_uids, portal_type="Organisation"
                )
            }

    def titles(self, name, portal_type):
        key = (name, portal_type)
        if key not in self._titles:
            if name == "networks":
                self._titles[key] = self.network_titles
            else:
                self._titles[key] = value_titles(
                    self.context, name, (portal_type,), language=self.language
                )
        return self._titles[key]

    def term(self, name, portal_type, token):
        return {
            "token": token,
            "title": self.titles(name, portal_type).get(token) or token,
        }

    def organisation(self, brain):
        uid = text(brain.organisation)
        if not uid:
            return None
        found = self.organisations.get(uid)
        if found is None:
            # An organisation the user may not see: its name only.
            return {
                "@id": None,
                "UID": uid,
                "title": text(brain.organisation_title),
                "country": None,
            }
        countries = tokens(found.countries)
        return {
            "@id": found.getURL(),
            "UID": uid,
            "title": text(found.Title),
            "country": self.term("countries", "Organisation", countries[0])
            if countries
            else None,
        }

    def summary(self, brain):
        portal_type = brain.portal_type
        result = {
            "@id": brain.getURL(),
            "@type": portal_type,
            "UID": brain.UID,
            "title": text(brain.Title) or brain.getId,
            "description": text(brain.Description),
            "review_state": text(brain.review_state) or None,
            "language": text(brain.Language) or None,
            "created": isoformat(timestamp(brain.created)),
            "modified": isoformat(timestamp(brain.modified)),
            "effective": isoformat(timestamp(brain.effective)),
            "organisation": self.organisation(brain),
        }
        for name in FIELDS.get(portal_type, ()):
            values = tokens(getattr(brain, name, None))
            if name in LIST_FIELDS:
                result[name] = [self.term(name, portal_type, v) for v in values]
            elif values:
                result[name] = self.term(name, portal_type, values[0])
        if portal_type == "Training":
            result["start"] = isoformat(event_time(brain.start))
            result["end"] = isoformat(event_time(brain.end))
            result["location"] = text(brain.location) or None
        return result

    def __iter__(self):
        """``(brain, summary)`` pairs."""
        for brain in self.brains:
            yield brain, self.summary(brain)
