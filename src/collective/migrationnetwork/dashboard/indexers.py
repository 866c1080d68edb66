"""What the dashboard needs from the items, indexed once when they change.

- ``review_published`` (DateIndex and metadata): when the item was last
  published (the last ``publish`` of its workflow history);
- ``review_submitted`` (metadata): when the review that ended in that
  publication began (the last ``submit`` before it), so that the median
  days from submission to publication are read from brains;
- ``relation_intid`` (metadata, Practices): the item's id in the relation
  catalogue, so that the ``inspired_by`` relations (relation catalogue
  tokens) are mapped to catalogue records without loading an object;
- ``profile_verified`` (DateIndex and metadata, Organisations): the oldest
  verification date of its contact points (the profile's own confirmation
  when it has none);
- ``profile_update_asked`` (metadata, Organisations): when its editors were
  last asked to confirm the profile.
"""

from Acquisition import aq_base
from collective.migrationnetwork.content.organisation import IOrganisation
from collective.migrationnetwork.content.practice import IPractice
from collective.migrationnetwork.indexers.review import review_history
from DateTime import DateTime
from plone.indexer import indexer
from zope.annotation.interfaces import IAnnotations
from zope.component import queryUtility
from zope.interface import Interface
from zope.intid.interfaces import IIntIds

import datetime


PROFILE_KEY = "collective.migrationnetwork.dashboard.profile"
PUBLISH = "publish"
SUBMIT = "submit"


def _publication(obj):
    """``(submitted, published)`` times of the last publication."""
    history = review_history(obj)
    for position in range(len(history) - 1, -1, -1):
        if history[position].get("action") == PUBLISH:
            submitted = None
            for entry in reversed(history[:position]):
                if entry.get("action") == SUBMIT:
                    submitted = entry.get("time")
                    break
            return submitted, history[position].get("time")
    return None, None


@indexer(Interface)
def review_published(obj):
    published = _publication(obj)[1]
    if published is None:
        raise AttributeError("review_published")
    return published


@indexer(Interface)
def review_submitted(obj):
    submitted, published = _publication(obj)
    if published is None or submitted is None:
        raise AttributeError("review_submitted")
    return submitted


@indexer(IPractice)
def relation_intid(obj):
    intids = queryUtility(IIntIds)
    found = intids.queryId(aq_base(obj)) if intids is not None else None
    if found is None:
        raise AttributeError("relation_intid")
    return found


def profile_record(organisation):
    """``{"confirmed": date, "asked": DateTime}`` of the profile (an
    annotation, read and written by ``stale.py``)."""
    return IAnnotations(organisation).get(PROFILE_KEY) or {}


def as_datetime(value):
    if isinstance(value, datetime.datetime):
        return DateTime(value)
    if isinstance(value, datetime.date):
        return DateTime(value.year, value.month, value.day)
    return value


@indexer(IOrganisation)
def profile_verified(obj):
    dates = [
        row.get("verified")
        for row in getattr(aq_base(obj), "contact_points", None) or ()
        if isinstance(row, dict)
    ]
    confirmed = profile_record(obj).get("confirmed")
    if dates and all(dates):
        return as_datetime(min(dates))
    if not dates and confirmed:
        return as_datetime(confirmed)
    # A contact point never verified: the profile never was as a whole.
    raise AttributeError("profile_verified")


@indexer(IOrganisation)
def profile_update_asked(obj):
    asked = profile_record(obj).get("asked")
    if asked is None:
        raise AttributeError("profile_update_asked")
    return asked
