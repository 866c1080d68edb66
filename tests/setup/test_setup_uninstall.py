from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.interfaces import IBrowserLayer
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

import pytest


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, portal, installer):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        installer.uninstall_product(PACKAGE_NAME)
        self.portal = portal

    def test_product_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IBrowserLayer not in browser_layers

    def test_registry_records_removed(self):
        registry = api.portal.get_tool("portal_registry")
        left = [key for key in registry.records if key.startswith(PACKAGE_NAME)]
        assert left == []

    def test_controlpanel_removed(self):
        controlpanel = api.portal.get_tool("portal_controlpanel")
        ids = [action.getId() for action in controlpanel.listActions()]
        assert "migrationnetwork-settings" not in ids

    def test_reinstall(self, installer):
        installer.install_product(PACKAGE_NAME)
        assert installer.is_product_installed(PACKAGE_NAME) is True
        assert self.portal.get("el") is not None

    def test_site_root_view_restored(self):
        assert self.portal.getLayout() == "language-switcher"
        fti = api.portal.get_tool("portal_types")["Plone Site"]
        assert "network-home" not in fti.view_methods
