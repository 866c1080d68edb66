"""Profile 1008: a site made before the map gets the tile settings, the
place columns (filled for its organisations) and the resources section."""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork.upgrades import v1008
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


RECORDS = [
    f"{SETTINGS_PREFIX}.map_tile_{name}"
    for name in ("url", "attribution", "attribution_url")
]


def as_before_1008(portal):
    catalog = api.portal.get_tool("portal_catalog")
    for name in v1008.COLUMNS:
        catalog.delColumn(name)
    registry = getUtility(IRegistry)
    for name in RECORDS:
        del registry.records[name]
    return catalog


def test_upgrade_brings_the_map(placed, portal):
    catalog = as_before_1008(portal)
    (brain,) = catalog(UID=api.content.get_uuid(placed["athens"]))
    assert not hasattr(brain, "latitude")
    v1008.upgrade(api.portal.get_tool("portal_setup"))
    (brain,) = catalog(UID=api.content.get_uuid(placed["athens"]))
    assert (brain.latitude, brain.longitude) == (37.98, 23.73)
    assert api.portal.get_registry_record(RECORDS[0]) == (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    )
    # twice is the same
    v1008.upgrade(api.portal.get_tool("portal_setup"))
    assert list(catalog.schema()).count("latitude") == 1


def test_upgrade_keeps_a_chosen_tile_server(portal):
    api.portal.set_registry_record(
        RECORDS[0], "https://tiles.example.org/{z}/{x}/{y}.png"
    )
    v1008.upgrade(api.portal.get_tool("portal_setup"))
    assert api.portal.get_registry_record(RECORDS[0]) == (
        "https://tiles.example.org/{z}/{x}/{y}.png"
    )


def test_upgrade_adds_the_resources_section(portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(portal["el"]["resources"])
        v1008.upgrade(api.portal.get_tool("portal_setup"))
    assert portal["el"]["resources"].getLayout() == "resources-listing"
    assert portal["en"]["resources"].getLayout() == "resources-listing"
