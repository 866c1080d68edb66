"""Profile 1007: every language root of the portal shows the home page."""

from collective.migrationnetwork.setuphandlers.portal import is_portal
from collective.migrationnetwork.setuphandlers.portal import set_language_home_views
from plone import api


def upgrade(context):
    portal = api.portal.get()
    if is_portal(portal):
        set_language_home_views(portal)
