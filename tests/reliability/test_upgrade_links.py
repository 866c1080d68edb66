"""Upgrade 1004 clears the stored links that are not http(s) addresses."""

from collective.migrationnetwork.upgrades import v1004
from plone import api

import logging
import pytest


@pytest.mark.parametrize(
    ("item", "field"),
    [("athens", "website"), ("webinar", "online_url"), ("webinar", "event_url")],
)
@pytest.mark.parametrize(
    "value", ["javascript:alert(13)", "JaVaScRiPt:alert(13)", "data:text/html,x"]
)
def test_upgrade_clears_script_links_and_logs_them(
    portal, sample, caplog, item, field, value
):
    obj = sample[item]
    setattr(obj, field, value)
    with caplog.at_level(logging.INFO, logger="collective.migrationnetwork"):
        count = v1004.upgrade(api.portal.get_tool("portal_setup"))
    assert getattr(obj, field) is None
    assert count == 1
    path = "/".join(obj.getPhysicalPath())
    assert any(
        field in r.getMessage() and path in r.getMessage() and value in r.getMessage()
        for r in caplog.records
    )


def test_upgrade_keeps_web_addresses(portal, sample):
    sample["athens"].website = "https://www.cityofathens.gr"
    assert sample["webinar"].online_url == "https://meet.example/webinar"
    assert v1004.upgrade(api.portal.get_tool("portal_setup")) == 0
    assert sample["athens"].website == "https://www.cityofathens.gr"
    assert sample["webinar"].online_url == "https://meet.example/webinar"


def test_profile_upgrades_from_1003_to_1004(portal, sample):
    setup = api.portal.get_tool("portal_setup")
    profile = "collective.migrationnetwork:default"
    assert int(setup.getVersionForProfile(profile)) >= 1004
    sample["athens"].website = "javascript:alert(13)"
    setup.setLastVersionForProfile(profile, "1003")
    setup.upgradeProfile(profile, dest="1004")
    assert setup.getLastVersionForProfile(profile) == ("1004",)
    assert sample["athens"].website is None
