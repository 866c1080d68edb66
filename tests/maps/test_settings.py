"""The map's tile server: a setting of the add-on's control panel,
OpenStreetMap's by default, checked before it is stored."""

from accounts import ADMIN

import pytest


PANEL = "/@controlpanels/migrationnetwork-settings"
TILE_URL = "collective.migrationnetwork.map_tile_url"


@pytest.fixture
def manager(functional, http):
    return http(auth=ADMIN, json=True)


def test_defaults_are_openstreetmap(manager):
    data = manager.get(PANEL).json()["data"]
    assert data["map_tile_url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert data["map_tile_attribution"] == "© OpenStreetMap contributors"
    assert data["map_tile_attribution_url"] == "https://www.openstreetmap.org/copyright"


def test_a_tile_server_of_its_own(manager):
    url = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    response = manager.patch(PANEL, json={"map_tile_url": url})
    assert response.status_code == 204
    assert manager.get(PANEL).json()["data"]["map_tile_url"] == url


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("map_tile_url", "javascript:alert(1)//{z}/{x}/{y}"),
        ("map_tile_url", "https://tiles.example.org/{z}/{x}.png"),
        ("map_tile_url", "//tiles.example.org/{z}/{x}/{y}.png"),
        ("map_tile_url", "https://tiles.example.org/{z}/{x}/{y}.png?key={key}"),
        ("map_tile_attribution_url", "javascript:alert(1)"),
        ("map_tile_attribution", "OSM\x00"),
    ],
)
def test_bad_values_are_refused(manager, field, value):
    before = manager.get(PANEL).json()["data"][field]
    response = manager.patch(PANEL, json={field: value})
    assert response.status_code == 400, response.text
    assert field in response.text
    assert manager.get(PANEL).json()["data"][field] == before


def test_classic_form_shows_the_tile_settings(manager):
    response = manager.get(
        "/@@migrationnetwork-settings", headers={"Accept": "text/html"}
    )
    assert response.status_code == 200
    assert "form.widgets.map_tile_url" in response.text


def test_panel_falls_back_to_the_default_for_a_value_stored_around_the_form(
    portal, monkeypatch
):
    """A record written around the form's checks (a script, an old
    export) is not given to the browser."""
    from collective.migrationnetwork.browser.maps import panel

    stored = {TILE_URL: "javascript:alert(1)"}
    stored["collective.migrationnetwork.map_tile_attribution_url"] = "javascript:x"
    monkeypatch.setattr(
        panel.api.portal,
        "get_registry_record",
        lambda name, default=None: stored.get(name, default),
    )
    settings = panel.tile_settings()
    assert settings["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert settings["attribution_url"] == ""
    assert settings["attribution"] == "© OpenStreetMap contributors"
