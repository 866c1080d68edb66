from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.interfaces import IBrowserLayer
from plone import api

import pytest


class TestSetupInstall:
    @pytest.fixture(autouse=True)
    def _setup(self, portal):
        self.portal = portal

    def test_addon_installed(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is True

    def test_browserlayer(self, browser_layers):
        assert IBrowserLayer in browser_layers

    def test_latest_version(self, profile_last_version):
        assert profile_last_version(f"{PACKAGE_NAME}:default") == "1012"

    def test_rest_api_permission_for_anonymous(self):
        roles = [
            r["name"]
            for r in self.portal.rolesOfPermission("plone.restapi: Use REST API")
            if r["selected"]
        ]
        assert "Anonymous" in roles

    def test_languages(self):
        assert api.portal.get_registry_record("plone.default_language") == "el"
        assert set(api.portal.get_registry_record("plone.available_languages")) >= {
            "el",
            "en",
        }

    @pytest.mark.parametrize("lang", ["el", "en"])
    def test_language_root_folders(self, lang):
        root = self.portal.get(lang)
        assert root is not None
        assert root.portal_type == "LRF"
        assert root.Language() == lang

    def test_settings_record(self):
        assert api.portal.get_registry_record(
            "collective.migrationnetwork.cors_allowed_origins"
        ) == ["*"]

    def test_uninstall_profile_hidden(self):
        from plone.base.interfaces import INonInstallable
        from zope.component import getAllUtilitiesRegisteredFor

        hidden = set()
        for util in getAllUtilitiesRegisteredFor(INonInstallable):
            hidden.update(util.getNonInstallableProfiles())
        assert f"{PACKAGE_NAME}:uninstall" in hidden


def right_column(portal):
    from plone.portlets.interfaces import IPortletAssignmentMapping
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    manager = getUtility(IPortletManager, name="plone.rightcolumn")
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


def test_no_events_portlet_waking_trainings(portal):
    assert "events" not in right_column(portal)


def test_upgrade_removes_the_events_portlet(portal):
    from plone.app.event.portlets.portlet_events import Assignment

    right_column(portal)["events"] = Assignment()
    portal.portal_setup.setLastVersionForProfile(f"{PACKAGE_NAME}:default", "1001")
    portal.portal_setup.upgradeProfile(f"{PACKAGE_NAME}:default")
    assert "events" not in right_column(portal)
