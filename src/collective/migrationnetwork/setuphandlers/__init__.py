"""Install and uninstall handlers."""

from collective.migrationnetwork import logger
from collective.migrationnetwork.multilingual import setup_language_roots
from collective.migrationnetwork.roles.groups import sync_groups
from collective.migrationnetwork.sections import ensure_sections
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the site-creation screen."""
        return ["collective.migrationnetwork:uninstall"]

    def getNonInstallableProducts(self):
        return []


def post_install(context):
    """Run after the default profile: language roots, the front door and
    the groups (the secretariat, newsletter editors, one per organisation
    and network)."""
    portal = api.portal.get()
    setup_language_roots(portal)
    ensure_sections(portal)
    sync_groups(portal)
    portal.setLayout("network-home")
    # Imported here: the accounts package imports the notifications.
    from collective.migrationnetwork.accounts.email_change import record_all

    record_all(portal)
    reindex_text(portal)
    logger.info("Installed collective.migrationnetwork")


# The indexes that read plone_lexicon, whose pipeline the profiles change
# (importing it clears the lexicon's words).
TEXT_INDEXES = ("SearchableText", "Title", "Description")


def reindex_text(portal):
    """Index the text of every item again with the current lexicon."""
    catalog = api.portal.get_tool("portal_catalog")
    names = [name for name in TEXT_INDEXES if name in catalog.indexes()]
    for name in names:
        catalog.manage_clearIndex([name])
    catalog.manage_reindexIndex(ids=names)
    logger.info("Reindexed %s with the lexicon's pipeline", ", ".join(names))


def uninstall(context):
    """Run after the uninstall profile: give the site root its default view."""
    portal = api.portal.get()
    if portal.getLayout() == "network-home":
        portal.setLayout("language-switcher")
    reindex_text(portal)
