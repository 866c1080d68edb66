"""An Organisation's place as catalogue metadata (``geo.py``).

Only organisations have one: without these indexers a Practice would store
its organisation's coordinates, acquired. A value that is not a finite
number in range is not stored, so that the map and the GeoJSON answer
never carry it.
"""

from Acquisition import aq_base
from collective.migrationnetwork.content.organisation import IOrganisation
from collective.migrationnetwork.geo import coordinate
from plone.indexer import indexer
from zope.interface import Interface


def _coordinate(obj, name, limit):
    if not IOrganisation.providedBy(obj):
        raise AttributeError(name)
    value = coordinate(getattr(aq_base(obj), name, None), limit)
    if value is None:
        raise AttributeError(name)
    return value


@indexer(Interface)
def latitude(obj):
    return _coordinate(obj, "latitude", 90)


@indexer(Interface)
def longitude(obj):
    return _coordinate(obj, "longitude", 180)
