from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.interfaces import IBrowserLayer
from lxml import etree
from pathlib import Path
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


PROFILES = (
    Path(__file__).parents[2] / "src" / "collective" / "migrationnetwork" / "profiles"
)


def names_in(path, tag, attribute):
    return {
        node.get(attribute)
        for node in etree.parse(str(path)).iter(tag)
        if node.get("remove") != "True"
    }


def actions_in(profile):
    tree = etree.parse(str(PROFILES / profile / "actions.xml"))
    return {
        (category.get("name"), action.get("name")): action
        for category in tree.getroot()
        if category.tag == "object"
        for action in category
        if action.tag == "object"
    }


# plone.app.iterate's buttons get the add-on's words; uninstalling gives
# them back Plone's.
RESTORED = sorted(
    key for key, node in actions_in("uninstall").items() if node.get("remove") != "True"
)


def added_actions():
    return sorted(set(actions_in("default")) - set(RESTORED))


@pytest.fixture
def uninstalled(portal, installer):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    installer.uninstall_product(PACKAGE_NAME)
    return portal


@pytest.mark.parametrize(
    "index", sorted(names_in(PROFILES / "default" / "catalog.xml", "index", "name"))
)
def test_indexes_removed(uninstalled, index):
    assert index not in uninstalled.portal_catalog.indexes()


@pytest.mark.parametrize(
    "column",
    sorted(names_in(PROFILES / "default" / "catalog.xml", "column", "value")),
)
def test_metadata_columns_removed(uninstalled, column):
    assert column not in uninstalled.portal_catalog.schema()


@pytest.mark.parametrize(("category", "action"), added_actions())
def test_actions_removed(uninstalled, category, action):
    assert action not in uninstalled.portal_actions[category].objectIds()


@pytest.mark.parametrize(("category", "action"), RESTORED)
def test_iterate_buttons_speak_plones_words_again(uninstalled, category, action):
    assert uninstalled.portal_actions[category][action].i18n_domain == "plone"
