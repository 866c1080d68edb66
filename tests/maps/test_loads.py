"""The map of members and the GeoJSON answer wake no content object,
measured as the search's loads are (tests/search/test_network_search_loads.py)."""

from search.test_network_search_loads import content_oids  # noqa: F401
from search.test_network_search_loads import recorder  # noqa: F401
from search.test_network_search_loads import woken

import pytest


@pytest.fixture
def placed_oids(functional_placed):
    return content_oids(functional_placed.values())


@pytest.fixture
def context_oids(functional_placed):
    """The Network whose page embeds the panel is its context, which
    traversal wakes; its members are not."""
    return content_oids([functional_placed["cities"]])


@pytest.mark.parametrize(
    ("path", "params", "accept"),
    [
        ("@network-search", [("format", "geojson")], "application/json"),
        ("@@members-map-panel", [], "text/html"),
        ("@@members-map-panel", [("kind", "municipality")], "text/html"),
        ("networks/cities-network/@@members-map-panel", [], "text/html"),
    ],
)
def test_map_loads_no_content_object(  # noqa: PLR0913
    recorder,  # noqa: F811
    placed_oids,
    context_oids,
    http,
    path,
    params,
    accept,
):
    session = http()
    url = f"/el/{path}"
    session.get(url, params=params, headers={"Accept": accept})  # warm up
    response, loads = recorder.record(
        lambda: session.get(url, params=params, headers={"Accept": accept})
    )
    assert response.status_code == 200, response.text
    assert "Municipality of Athens" in response.text
    assert len(loads) > 0
    exempt = context_oids if path.startswith("networks/") else set()
    others = {oid: record for oid, record in loads.items() if oid not in exempt}
    assert woken(others, placed_oids) == []
