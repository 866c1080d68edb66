"""The add-on's settings, in the Classic UI control panel and through REST."""

from accounts import ADMIN

import pytest


@pytest.fixture
def manager(http):
    return http(auth=ADMIN, json=True)


def test_controlpanel_listed(portal):
    from plone import api

    controlpanel = api.portal.get_tool("portal_controlpanel")
    assert "migrationnetwork-settings" in [
        a.getId() for a in controlpanel.listActions()
    ]


def test_controlpanel_view_for_manager(manager):
    response = manager.get(
        "/@@migrationnetwork-settings", headers={"Accept": "text/html"}
    )
    assert response.status_code == 200
    assert "cors_allowed_origins" in response.text


def test_controlpanel_view_refused_to_anonymous(http):
    response = http().get("/@@migrationnetwork-settings", allow_redirects=False)
    assert response.status_code in (302, 401)


def test_controlpanel_through_rest(manager):
    response = manager.patch(
        "/@controlpanels/migrationnetwork-settings",
        json={"cors_allowed_origins": ["https://www.athens.gr"]},
    )
    assert response.status_code == 204
    data = manager.get("/@controlpanels/migrationnetwork-settings").json()
    assert data["data"]["cors_allowed_origins"] == ["https://www.athens.gr"]
