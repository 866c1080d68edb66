"""Anonymous clients (member websites) talk to the REST API over HTTP."""

import pytest
import transaction


@pytest.fixture
def anon(http):
    return http(json=True)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_anonymous_search_answers_json(anon, lang):
    response = anon.get(f"/{lang}/@search")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert "items" in response.json()


def test_cors_any_origin_by_default(anon):
    response = anon.get("/el/@search", headers={"Origin": "https://www.athens.gr"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_cors_preflight_allows_get_only(anon):
    ok = anon.options(
        "/el/@search",
        headers={
            "Origin": "https://www.athens.gr",
            "Access-Control-Request-Method": "GET",
        },
    )
    assert ok.status_code == 200
    assert ok.headers["Access-Control-Allow-Methods"] == "GET"
    refused = anon.options(
        "/el",
        headers={
            "Origin": "https://www.athens.gr",
            "Access-Control-Request-Method": "DELETE",
        },
    )
    assert "Access-Control-Allow-Origin" not in refused.headers
    assert "Access-Control-Allow-Methods" not in refused.headers


def test_cors_origins_from_settings(functional, anon):
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record(
            "collective.migrationnetwork.cors_allowed_origins",
            ["https://www.athens.gr", "https://www.nicosia.org.cy/"],
        )
    transaction.commit()
    allowed = anon.get("/el/@search", headers={"Origin": "https://www.nicosia.org.cy"})
    assert (
        allowed.headers["Access-Control-Allow-Origin"] == "https://www.nicosia.org.cy"
    )
    assert allowed.headers["Vary"] == "Origin"
    other = anon.get("/el/@search", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
