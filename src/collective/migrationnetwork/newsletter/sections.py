"""The automatic sections of an issue, filled from the catalogue:
practices published since the last sent issue (of the same language), and
trainings still to come."""

from DateTime import DateTime
from plone import api
from plone.uuid.interfaces import IUUID
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent


LIMIT = 10
FAR_PAST = DateTime("1970/01/01")


def _published(brain):
    """When an item came out: its effective date, else its creation."""
    effective = brain.effective
    if effective is None or effective.year() <= 1000:
        return brain.created
    return effective


def last_sent(issue):
    """The date of the last issue sent before this one, in its language."""
    catalog = api.portal.get_tool("portal_catalog")
    own = IUUID(issue, None)
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Newsletter",
        review_state="sent",
        Language=issue.Language(),
        sort_on="effective",
        sort_order="descending",
    ):
        if own != brain.UID:
            return _published(brain)
    return None


def new_practices(issue, limit=LIMIT):
    since = last_sent(issue) or FAR_PAST
    brains = api.content.find(
        portal_type="Practice",
        review_state="published",
        Language=issue.Language(),
        sort_on="effective",
        sort_order="descending",
    )
    found = [b for b in brains if _published(b) > since]
    return [b.getObject() for b in found[:limit]]


def upcoming_trainings(issue, limit=LIMIT):
    brains = api.content.find(
        portal_type="Training",
        review_state="published",
        Language=issue.Language(),
        end={"query": DateTime(), "range": "min"},
        sort_on="start",
    )
    return [b.getObject() for b in brains[:limit]]


def fill(issue):
    """Fill both sections; returns the number of items of each."""
    intids = getUtility(IIntIds)
    practices = new_practices(issue)
    trainings = upcoming_trainings(issue)
    issue.section_practices = [RelationValue(intids.getId(o)) for o in practices]
    issue.section_trainings = [RelationValue(intids.getId(o)) for o in trainings]
    notify(ObjectModifiedEvent(issue))
    return len(practices), len(trainings)
