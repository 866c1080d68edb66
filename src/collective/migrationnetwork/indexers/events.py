"""Keep the items of an organisation indexed with its current data."""

from plone import api
from zope.container.interfaces import IContainerModifiedEvent


# What an item takes from its organisation, and the fields it comes from.
INHERITED = ("networks", "organisation_title", "countries")
SOURCES = {
    "networks",
    "title",
    "country",
    "IOrganisation.networks",
    "IDublinCore.title",
}


def _changed(event):
    """Names of the changed fields, or None when the event does not say."""
    names = set()
    for description in getattr(event, "descriptions", ()) or ():
        attributes = getattr(description, "attributes", None)
        if attributes is None:
            return None
        names.update(attributes)
    return names or None


def reindex_contents(organisation, event):
    """The organisation's networks, title or country changed: its Practices
    and Trainings take them from it, so their entries are refreshed.

    Adding or removing an item (a container modification) or editing other
    fields changes nothing they inherit, so nothing is reindexed then.
    """
    if IContainerModifiedEvent.providedBy(event):
        return
    changed = _changed(event)
    if changed is not None and not changed & SOURCES:
        return
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(organisation.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(
        path={"query": path, "depth": -1},
        portal_type=["Practice", "Training"],
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=list(INHERITED))
