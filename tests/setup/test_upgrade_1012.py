"""Profile 1012: a site of 1011 gets the permission to erase personal data
(the secretariat, Site Administrators, Managers) and the retention period
of registrations, 24 months, in the add-on's control panel."""

from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.registrations.settings import retention_months
from collective.migrationnetwork.sitesetup import upgrade

import pytest


PROFILE = f"{PACKAGE_NAME}:default"
PERMISSION = "collective.migrationnetwork: Erase personal data"
RECORD = f"{PACKAGE_NAME}.registration_retention_months"


def roles_of(portal, permission):
    return {
        role["name"]
        for role in portal.rolesOfPermission(permission)
        if role["selected"]
    }


@pytest.fixture
def site_of_1011(portal):
    """What 1011 had: no retention record, the permission held by Manager
    only (Zope's default for a new permission)."""
    del portal.portal_registry.records[RECORD]
    portal.manage_permission(PERMISSION, ["Manager"], acquire=0)
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1011")
    return portal


def test_the_site_had_neither(site_of_1011):
    assert RECORD not in site_of_1011.portal_registry.records
    assert roles_of(site_of_1011, PERMISSION) == {"Manager"}
    # The job runs on such a site too, with the default.
    assert retention_months() == 24


def test_upgrade_gives_the_permission_and_the_setting(site_of_1011):
    assert upgrade(site_of_1011) is True
    setup_tool = site_of_1011.portal_setup
    assert setup_tool.getLastVersionForProfile(PROFILE) == ("1012",)
    assert roles_of(site_of_1011, PERMISSION) == {
        "Manager",
        "Site Administrator",
        "Reviewer",
    }
    assert site_of_1011.portal_registry[RECORD] == 24
    assert upgrade(site_of_1011) is False


def test_running_the_step_again_keeps_a_chosen_period(site_of_1011):
    upgrade(site_of_1011)
    site_of_1011.portal_registry[RECORD] = 36
    site_of_1011.portal_setup.setLastVersionForProfile(PROFILE, "1011")
    upgrade(site_of_1011)
    assert site_of_1011.portal_registry[RECORD] == 36
    assert retention_months() == 36


def test_the_control_panel_shows_the_period(site_of_1011):
    from collective.migrationnetwork.controlpanel.settings import IControlPanel

    upgrade(site_of_1011)
    assert "registration_retention_months" in IControlPanel.names(all=True)
