"""Sites made before the newsletter get its permission from the upgrade
step to profile 1002 (which re-imports the rolemap)."""

from collective.migrationnetwork.newsletter.manage import MANAGE_SUBSCRIBERS
from collective.migrationnetwork.upgrades import v1002
from plone import api


def roles_of(portal, permission):
    return {
        role["name"]
        for role in portal.rolesOfPermission(permission)
        if role["selected"]
    }


def test_upgrade_grants_manage_subscribers(portal):
    expected = {"Manager", "Site Administrator", "Reviewer", "Editor"}
    assert roles_of(portal, MANAGE_SUBSCRIBERS) == expected
    # A site of profile 1001: the permission's default (Manager only).
    portal.manage_permission(MANAGE_SUBSCRIBERS, roles=["Manager"], acquire=True)
    assert roles_of(portal, MANAGE_SUBSCRIBERS) == {"Manager"}
    v1002.upgrade(api.portal.get_tool("portal_setup"))
    assert roles_of(portal, MANAGE_SUBSCRIBERS) == expected
