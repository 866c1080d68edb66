"""Profile 1009 brings a site of 1008 to the dashboard: permissions, link,
setting, indexes and metadata filled."""

from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.upgrades import v1009
from plone import api


PROFILE = f"{PACKAGE_NAME}:default"
SETTING = "collective.migrationnetwork.stale_profile_months"


def test_upgrade_1009_fills_what_the_dashboard_reads(portal, sample):
    catalog = api.portal.get_tool("portal_catalog")
    for name in v1009.DATE_INDEXES + v1009.FIELD_INDEXES:
        catalog.delIndex(name)
    for name in v1009.COLUMNS:
        catalog.delColumn(name)
    registry = api.portal.get_tool("portal_registry")
    del registry.records[SETTING]
    portal.manage_permission("collective.migrationnetwork: View network dashboard", [])
    v1009.upgrade(portal.portal_setup)
    assert {"review_published", "profile_verified", "relation_intid"} <= set(
        catalog.indexes()
    )
    assert api.portal.get_registry_record(SETTING) == 12
    roles = {
        r["name"]
        for r in portal.rolesOfPermission(
            "collective.migrationnetwork: View network dashboard"
        )
        if r["selected"]
    }
    assert {"Reviewer", "Network Coordinator"} <= roles
    [mentoring] = catalog.unrestrictedSearchResults(UID=sample["mentoring"].UID())
    assert mentoring.review_published is not None
    assert isinstance(mentoring.relation_intid, int)
    [athens] = catalog.unrestrictedSearchResults(UID=sample["athens"].UID())
    assert athens.profile_verified.Date() == "2026/01/15"
    assert "network-dashboard" in portal.portal_actions.user.objectIds()
