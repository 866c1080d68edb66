"""Where the member organisations are: their places, from the catalogue.

An Organisation's optional ``latitude`` and ``longitude`` are catalogue
metadata (``indexers/geo.py``), so that the map of members and the GeoJSON
answer of ``@network-search`` never wake an organisation. A place is used
only when both are finite numbers in range; anything else (one of the two,
NaN, a string that slipped in through a script) means "no place".
"""

from collective.migrationnetwork.search import SearchParams
from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.search.summary import Summarizer

import math


# Every organisation of a language root on one map, and in one GeoJSON
# page at most (the REST answer pages beyond it).
MAX_MEMBERS = 5000
# Six decimals: about 10 cm, more than an address gives.
PRECISION = 6


def coordinate(value, limit):
    """``value`` as a float if it is a finite number within ±``limit``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    if not math.isfinite(value) or not -limit <= value <= limit:
        return None
    return round(value, PRECISION)


def place(latitude, longitude):
    """``(latitude, longitude)`` when both make a place on Earth, else None."""
    lat, lon = coordinate(latitude, 90), coordinate(longitude, 180)
    if lat is None or lon is None:
        return None
    return lat, lon


def brain_place(brain):
    """The place of an Organisation's catalogue record, or None."""
    return place(getattr(brain, "latitude", None), getattr(brain, "longitude", None))


def organisations(context, network=None):
    """A ``SearchResult`` of every Organisation of the context's language
    root that the user may see (of ``network`` and its sub-networks when
    given), by title."""
    filters = {"networks": (network,)} if network else {}
    params = SearchParams(
        portal_type=("Organisation",),
        filters=filters,
        sort_on="sortable_title",
        b_size=MAX_MEMBERS,
    )
    return network_search(context, params, facets=())


def feature(brain, summary):
    """A GeoJSON Feature (RFC 7946) of an organisation, or None when it has
    no place. Positions are [longitude, latitude]."""
    found = brain_place(brain)
    if found is None:
        return None
    latitude, longitude = found
    return {
        "type": "Feature",
        "id": summary["UID"],
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": summary,
    }


def feature_collection(context, result):
    """The organisations of the batch of ``result`` that have a place, as a
    GeoJSON FeatureCollection; ``items_total`` (foreign member) counts the
    organisations found, placed or not."""
    features = [
        found
        for brain, summary in Summarizer(context, result.batch, result.language)
        if (found := feature(brain, summary)) is not None
    ]
    return {
        "type": "FeatureCollection",
        "features": features,
        "items_total": result.items_total,
    }
