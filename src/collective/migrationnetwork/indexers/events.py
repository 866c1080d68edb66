"""Keep the items of an organisation indexed with its current data."""

from plone import api


# What an item takes from its organisation.
INHERITED = ("networks", "organisation_title", "countries")


def reindex_contents(organisation, event):
    """The organisation's networks, title or country changed: its Practices
    and Trainings take them from it, so their entries are refreshed."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(organisation.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(
        path={"query": path, "depth": -1},
        portal_type=["Practice", "Training"],
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=list(INHERITED))
