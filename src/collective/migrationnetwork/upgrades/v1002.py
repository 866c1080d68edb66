"""1001 -> 1002: newsletter subscriptions, translation status, fixes of #3.

The step re-imports the profile's definitions and fills the catalogue
indexes that did not exist before, so sites made with profile 1001 get the
same indexes, registry records, actions and workflows as new sites.
"""

from collective.migrationnetwork import logger
from plone import api


PROFILE = "profile-collective.migrationnetwork:default"
STEPS = (
    "rolemap",
    "typeinfo",
    "workflow",
    "catalog",
    "actions",
    "controlpanel",
    "plone.app.registry",
    "portlets",
)
# Indexes whose indexer changed in 1002: ``format`` held the MIME type of
# every item that is not a Training.
REINDEX = ("format",)


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    indexes_before = set(catalog.indexes())
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step)
    # The site root's view, the portlets and the Join tab are the portal
    # layer's since 1010.
    from collective.migrationnetwork.setuphandlers.portal import PORTAL_PROFILE
    from collective.migrationnetwork.setuphandlers.portal import is_portal

    if is_portal(api.portal.get()):
        for step in ("typeinfo", "actions", "portlets"):
            setup_tool.runImportStepFromProfile(f"profile-{PORTAL_PROFILE}", step)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    for name in sorted((set(catalog.indexes()) - indexes_before) | set(REINDEX)):
        catalog.manage_reindexIndex(ids=[name])
        logger.info("Upgrade 1002: filled the new index %s", name)
    # Imported here: the roles package imports content modules.
    from collective.migrationnetwork.multilingual.status import (
        record_existing_translations,
    )
    from collective.migrationnetwork.roles.groups import sync_groups

    sync_groups(api.portal.get())
    recorded = record_existing_translations(api.portal.get())
    logger.info("Upgrade 1002: recorded the source of %s translations", recorded)
