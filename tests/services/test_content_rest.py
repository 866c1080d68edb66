"""The content types through the REST API: create, read, refuse bad input."""

from accounts import ADMIN

import pytest


@pytest.fixture
def admin(http):
    return http(auth=ADMIN, json=True)


@pytest.fixture
def anon(http):
    return http(json=True)


PRACTICE = {
    "@type": "Practice",
    "title": "Language cafe",
    "description": "Weekly conversation groups",
    "kind": "good_practice",
    "status": "ongoing",
    "start_date": "2024-02-01",
    "end_date": "2025-06-30",
    "place": "Athens",
    "context": {"data": "<p>Many newcomers</p>", "content-type": "text/html"},
    "objectives": {"data": "<p>Practise Greek</p>", "content-type": "text/html"},
    "thematic_areas": ["language_learning", "social_inclusion"],
    "target_groups": ["third_country_nationals"],
    "countries": ["GR"],
    "geographic_scope": "local",
    "funding_sources": ["amif", "municipal"],
    "budget": "12000.50",
    "evaluation_kind": "participatory",
    "indicators": [{"name": "Participants", "value": "120", "unit": "people"}],
    "gcm_objectives": ["gcm16"],
}


def test_create_practice_with_fields_and_read_back(admin, functional_sample):
    response = admin.post("/el/organisations/athens", json=PRACTICE)
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    data = admin.get(url).json()
    for field in (
        "kind",
        "status",
        "start_date",
        "end_date",
        "place",
        "geographic_scope",
    ):
        value = data[field]
        token = value["token"] if isinstance(value, dict) else value
        assert token == PRACTICE[field], field
    assert {t["token"] for t in data["thematic_areas"]} == set(
        PRACTICE["thematic_areas"]
    )
    assert data["indicators"] == PRACTICE["indicators"]
    assert "Many newcomers" in data["context"]["data"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("end_date", "2020-01-01"),
        ("budget", "-5"),
        ("kind", "not_a_kind"),
        ("thematic_areas", ["housing", "unknown_area"]),
        ("countries", ["XX"]),
    ],
)
def test_bad_practice_refused_with_field_named(admin, functional_sample, field, value):
    payload = dict(PRACTICE, title="Refused practice", **{field: value})
    payload["start_date"] = "2024-02-01"
    response = admin.post("/el/organisations/athens", json=payload)
    assert response.status_code == 400, response.text
    body = response.text
    assert field in body
    # Nothing half-written.
    listing = admin.get("/el/organisations/athens").json()["items"]
    assert "Refused practice" not in [i["title"] for i in listing]


@pytest.mark.parametrize(
    ("portal_type", "path", "field", "value"),
    [
        ("Organisation", "/el/organisations", "email", "not-an-email"),
        ("Organisation", "/el/organisations", "website", "not a url"),
        ("Organisation", "/el/organisations", "latitude", 123.0),
        ("Training", "/el/organisations/athens", "capacity", -1),
        ("Training", "/el/organisations/athens", "online_url", "nope"),
        ("Newsletter", "/el/newsletters", "issue_number", 0),
    ],
)
def test_bad_values_refused(admin, functional_sample, portal_type, path, field, value):
    base = {
        "Organisation": {"kind": "ngo", "country": "GR"},
        "Training": {
            "kind": "webinar",
            "format": "online",
            "start": "2030-01-01T10:00:00+02:00",
            "end": "2030-01-01T12:00:00+02:00",
        },
        "Newsletter": {},
    }[portal_type]
    payload = {"@type": portal_type, "title": "Refused item", field: value, **base}
    response = admin.post(path, json=payload)
    assert response.status_code == 400, response.text
    assert field in response.text


def test_contact_points_hidden_from_anonymous_rest(anon, admin, functional_sample):
    assert "contact_points" not in anon.get("/el/organisations/athens").json()
    data = admin.get("/el/organisations/athens").json()
    assert data["contact_points"][0]["email"] == "kem@athens.example"


@pytest.mark.parametrize(
    "name",
    [
        "organisation_kinds",
        "practice_kinds",
        "training_kinds",
        "training_formats",
        "audiences",
        "funding_sources",
        "gcm_objectives",
        "thematic_areas",
        "target_groups",
        "countries",
    ],
)
def test_vocabularies_reachable_anonymously(anon, name):
    response = anon.get(
        f"/el/@vocabularies/collective.migrationnetwork.{name}?b_size=300"
    )
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert items
    assert all(item["token"].isascii() for item in items)


@pytest.mark.parametrize(
    ("lang", "token", "title"),
    [("el", "housing", "Στέγαση"), ("en", "housing", "Housing")],
)
def test_editable_vocabulary_titles_per_language(anon, lang, token, title):
    response = anon.get(
        f"/{lang}/@vocabularies/collective.migrationnetwork.thematic_areas",
        headers={"Accept-Language": lang},
    )
    titles = {i["token"]: i["title"] for i in response.json()["items"]}
    assert titles[token] == title


@pytest.mark.parametrize(
    "portal_type", ["Network", "Organisation", "Practice", "Training", "Newsletter"]
)
def test_types_schema(admin, portal_type):
    response = admin.get(f"/@types/{portal_type}")
    assert response.status_code == 200
    properties = response.json()["properties"]
    assert "title" in properties
    assert response.json()["fieldsets"]
