"""Publication dates: an item published for later, or expired, is left out
of the results and the counts of those who may not see inactive content,
however the catalogue orders its indexes."""

from collective.migrationnetwork.search import network_search
from DateTime import DateTime
from plone import api
from plone.app.testing import logout

import pytest


def ids(result):
    return sorted(brain.getId for brain in result.items)


def counts(result, facet):
    return {value.token: value.count for value in result.facets[facet].values}


@pytest.fixture(params=["later", "expired"])
def dated(request, sample):
    """The published housing practice, published for tomorrow or expired
    yesterday."""
    housing = sample["housing"]
    if request.param == "later":
        housing.setEffectiveDate(DateTime() + 1)
    else:
        housing.setExpirationDate(DateTime() - 1)
    housing.reindexObject()
    return sample


FORMS = [
    {"portal_type": "Practice"},
    {"portal_type": "Practice", "thematic_areas": ["housing", "labour_market"]},
    {"portal_type": "Practice", "countries": ["CY", "GR"], "status": ["ongoing"]},
]


@pytest.mark.parametrize("form", FORMS)
def test_anonymous_visitors_do_not_get_it(portal, dated, form):
    logout()
    for _repeat in range(3):  # the catalogue learns its query plan
        result = network_search(
            portal["el"], form, facets=["thematic_areas", "countries"]
        )
        assert "housing-help" not in ids(result)
        # (an active filter is listed even when it counts nothing)
        assert counts(result, "countries").get("CY", 0) == 0
        assert counts(result, "thematic_areas").get("housing", 0) == 0


def test_those_who_may_see_inactive_content_do(portal, dated):
    with api.env.adopt_roles(["Manager"]):
        result = network_search(
            portal["el"], {"portal_type": "Practice"}, facets=["countries"]
        )
    assert "housing-help" in ids(result)
    assert counts(result, "countries")["CY"] == 1


def test_a_current_item_is_found(portal, sample):
    logout()
    result = network_search(portal["el"], {"portal_type": "Practice"})
    assert "housing-help" in ids(result)


@pytest.mark.parametrize("when", ["later", "expired"])
def test_titles_by_uid_leave_out_items_outside_their_dates(portal, sample, when):
    from collective.migrationnetwork.search.facets import content_titles

    athens = sample["athens"]
    if when == "later":
        athens.setEffectiveDate(DateTime() + 1)
    else:
        athens.setExpirationDate(DateTime() - 1)
    athens.reindexObject()
    uids = [athens.UID(), sample["cardet"].UID()]
    with api.env.adopt_roles(["Manager"]):
        assert set(content_titles(uids)) == set(uids)
    logout()
    assert set(content_titles(uids)) == {sample["cardet"].UID()}
