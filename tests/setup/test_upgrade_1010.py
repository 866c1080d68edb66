"""Profile 1010: a site made by an earlier release (the portal layer was
part of the default profile) is recorded as a portal by the upgrade that
``make start`` runs, and nothing in it changes."""

from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.setuphandlers.portal import PORTAL_PROFILE
from collective.migrationnetwork.sitesetup import upgrade
from plone import api

import pytest


PROFILE = f"{PACKAGE_NAME}:default"


@pytest.fixture
def site_of_1005(portal):
    setup_tool = portal.portal_setup
    setup_tool.unsetLastVersionForProfile(PORTAL_PROFILE)
    setup_tool.setLastVersionForProfile(PROFILE, "1005")
    return portal


def test_start_records_the_portal_layer(site_of_1005):
    setup_tool = site_of_1005.portal_setup
    sections = sorted(site_of_1005["el"].objectIds())
    assert upgrade(site_of_1005) is True
    current = setup_tool.getVersionForProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (current,)
    assert setup_tool.getLastVersionForProfile(PORTAL_PROFILE) == ("1000",)
    assert site_of_1005.getLayout() == "network-home"
    assert sorted(site_of_1005["el"].objectIds()) == sections
    assert api.portal.get_registry_record("plone.default_language") == "el"
    assert upgrade(site_of_1005) is False


def test_a_language_added_after_the_upgrade_gets_its_sections(site_of_1005):
    upgrade(site_of_1005)
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.available_languages", ["el", "en", "it"])
    assert "organisations" in site_of_1005["it"].objectIds()


def test_a_site_without_the_portal_layer_stays_without(site_of_1005):
    site_of_1005.setLayout("listing_view")
    upgrade(site_of_1005)
    setup_tool = site_of_1005.portal_setup
    assert setup_tool.getLastVersionForProfile(PORTAL_PROFILE) == "unknown"
