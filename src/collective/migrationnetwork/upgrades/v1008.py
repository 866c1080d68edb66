"""1006 -> 1008: the map of members and the resources listing.

- the settings of the map's tile server (``INetworkSettings.map_tile_*``)
  are registered, with OpenStreetMap's as the default;
- the catalogue gets the metadata columns ``latitude`` and ``longitude``
  (``indexers/geo.py``), and every Organisation is indexed again so that
  its place is in them;
- every File is indexed again with the networks, organisation and
  thematic areas of what holds it (``indexers/resources.py``), and every
  language root gets its ``resources/`` section (``sections.py``).

The catalogue's import step is not run: it would empty ``plone_lexicon``.
"""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork import logger
from collective.migrationnetwork.interfaces import INetworkSettings
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


COLUMNS = ("latitude", "longitude")
FILE_INDEXES = ("networks", "organisation", "organisation_title", "thematic_areas")


def add_columns(catalog):
    for name in COLUMNS:
        if name not in catalog.schema():
            catalog.addColumn(name)


def reindex(catalog, portal_type, idxs):
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
        obj = brain._unrestrictedGetObject()
        catalog.reindexObject(obj, idxs=list(idxs), update_metadata=1)
        count += 1
    return count


def upgrade(setup_tool):
    from collective.migrationnetwork.sections import ensure_sections

    getUtility(IRegistry).registerInterface(INetworkSettings, prefix=SETTINGS_PREFIX)
    catalog = api.portal.get_tool("portal_catalog")
    add_columns(catalog)
    organisations = reindex(catalog, "Organisation", ("getId",))
    files = reindex(catalog, "File", FILE_INDEXES)
    ensure_sections(api.portal.get())
    logger.info(
        "Map of members: %d organisations and %d files indexed again",
        organisations,
        files,
    )
