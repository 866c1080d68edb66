"""1009 -> 1010 (any site below 1010): the portal layer becomes a profile of its own.

Until 1010 the default profile also set up the languages, the language
roots with their sections, the site root's view, the *Join the network*
tab and the portlets. They now belong to the ``portal`` profile, which the
``migrationnetwork`` distribution applies, so that the add-on can be added
to any Plone site without taking it over. A site made by an earlier
release is such a portal: the step records the portal profile as applied,
so that adding a language keeps making its sections and uninstalling
gives the root its view back. Nothing in the site changes.
"""

from collective.migrationnetwork import logger
from plone import api


def upgrade(setup_tool):
    from collective.migrationnetwork.setuphandlers.portal import PORTAL_PROFILE
    from collective.migrationnetwork.setuphandlers.portal import is_portal

    portal = api.portal.get()
    recorded = setup_tool.getLastVersionForProfile(PORTAL_PROFILE) != "unknown"
    if is_portal(portal) and not recorded:
        version = setup_tool.getVersionForProfile(PORTAL_PROFILE)
        setup_tool.setLastVersionForProfile(PORTAL_PROFILE, version)
        logger.info("Upgrade 1010: recorded the portal layer as applied")
