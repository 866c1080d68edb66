"""1008 -> 1009: the network dashboard.

- the permissions of the dashboard and of *Ask to update*, the role
  ``Network Coordinator`` (``rolemap.xml``) and the personal bar's link
  (``actions.xml``);
- the setting of when a profile goes stale (``IDashboardSettings``);
- the catalogue gets the indexes and metadata of ``dashboard/indexers.py``
  and every Practice, Training and Organisation is indexed again so that
  the dashboard reads them: when each was published and submitted, a
  practice's relation id, a profile's verification.

The catalogue's import step is not run: it would empty ``plone_lexicon``.
"""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork import logger
from collective.migrationnetwork.dashboard.settings import IDashboardSettings
from collective.migrationnetwork.upgrades.v1008 import reindex
from plone import api
from plone.registry.interfaces import IRegistry
from types import SimpleNamespace
from zope.component import getUtility


PROFILE = "profile-collective.migrationnetwork:default"
DATE_INDEXES = ("review_published", "profile_verified")
FIELD_INDEXES = ("relation_intid",)
COLUMNS = (
    "review_published",
    "review_submitted",
    "relation_intid",
    "profile_verified",
    "profile_update_asked",
)
ITEM_INDEXES = ("review_published", "relation_intid")
ORGANISATION_INDEXES = ("profile_verified",)


def add_indexes(catalog):
    indexes = catalog.indexes()
    for name in DATE_INDEXES:
        if name not in indexes:
            catalog.addIndex(name, "DateIndex")
            catalog._catalog.getIndex(name).index_naive_time_as_local = True
    for name in FIELD_INDEXES:
        if name not in indexes:
            catalog.addIndex(
                name, "FieldIndex", extra=SimpleNamespace(indexed_attrs=[name])
            )
    for name in COLUMNS:
        if name not in catalog.schema():
            catalog.addColumn(name)


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "rolemap")
    setup_tool.runImportStepFromProfile(PROFILE, "actions")
    getUtility(IRegistry).registerInterface(IDashboardSettings, prefix=SETTINGS_PREFIX)
    catalog = api.portal.get_tool("portal_catalog")
    add_indexes(catalog)
    items = reindex(catalog, "Practice", ITEM_INDEXES)
    items += reindex(catalog, "Training", ITEM_INDEXES)
    organisations = reindex(catalog, "Organisation", ORGANISATION_INDEXES)
    logger.info(
        "Network dashboard: %d items and %d organisations indexed again",
        items,
        organisations,
    )
