"""Creation of the portal's Plone site, shared by scripts and tests."""

from Acquisition import aq_base
from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork import logger
from plone import api
from plone.distribution.api import site as site_api
from zope.component.hooks import setSite

import transaction


SITE_DEFAULTS = {
    "title": "Migration Network",
    "description": "Integration and voluntary return of third-country nationals",
    "setup_content": False,
    "default_language": "el",
    "portal_timezone": "Europe/Athens",
}


def ensure_admin(app, login, password):
    """Make sure the Zope root has a Manager ``login`` with ``password``."""
    users = app.acl_users
    if users.getUserById(login) is None:
        users._doAddUser(login, password, ["Manager"], [])
    elif hasattr(aq_base(users), "plugins"):
        # The Zope root's PAS: PlonePAS's _doChangeUser needs plugins that
        # only a Plone site's PAS has, so its own plugins are asked.
        users.users.updateUserPassword(login, password)
        users.roles.assignRoleToPrincipal("Manager", login)
    else:
        users._doChangeUser(login, password, ["Manager"], [])
    return users.getUserById(login)


def create_site(app, site_id="Plone", delete_existing=False, title=None):
    """Return the site ``site_id``, creating it if needed.

    A new site is a Classic UI Plone site with the add-on installed, Greek and
    English language roots and the Europe/Athens time zone.
    """
    if site_id in app.objectIds():
        if not delete_existing:
            logger.info("Site %s exists; keeping it", site_id)
            return app[site_id]
        logger.info("Deleting site %s", site_id)
        app.manage_delObjects([site_id])
        transaction.commit()
    answers = dict(SITE_DEFAULTS, site_id=site_id)
    if title:
        answers["title"] = title
    site = site_api.create(app, "classic", answers)
    setSite(site)
    api.addon.install(PACKAGE_NAME)
    logger.info("Created site %s", site_id)
    return site
