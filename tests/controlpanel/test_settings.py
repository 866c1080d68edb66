"""The add-on's settings, in the Classic UI control panel and through REST."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.restapi.testing import RelativeSession

import pytest


@pytest.fixture
def manager(functional):
    session = RelativeSession(functional["portal"].absolute_url())
    session.headers.update({"Accept": "application/json"})
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    yield session
    session.close()


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


def test_controlpanel_view_refused_to_anonymous(functional):
    session = RelativeSession(functional["portal"].absolute_url())
    response = session.get("/@@migrationnetwork-settings", allow_redirects=False)
    assert response.status_code in (302, 401)


def test_controlpanel_through_rest(manager):
    response = manager.patch(
        "/@controlpanels/migrationnetwork-settings",
        json={"cors_allowed_origins": ["https://www.athens.gr"]},
    )
    assert response.status_code == 204
    data = manager.get("/@controlpanels/migrationnetwork-settings").json()
    assert data["data"]["cors_allowed_origins"] == ["https://www.athens.gr"]
