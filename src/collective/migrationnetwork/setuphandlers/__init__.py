"""Install and uninstall handlers."""

from collective.migrationnetwork import logger
from collective.migrationnetwork.roles.groups import sync_groups
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
    """Run after the default profile: the groups (the secretariat,
    newsletter editors, one per organisation and network). The site's
    languages, front page and navigation are left as they are: the portal
    profile (``setuphandlers.portal``) sets those up."""
    portal = api.portal.get()
    sync_groups(portal)
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
    """Run after the uninstall profile (see ``setuphandlers.removal``)."""
    from collective.migrationnetwork.setuphandlers.removal import after_uninstall

    after_uninstall(context)
    reindex_text(api.portal.get())
