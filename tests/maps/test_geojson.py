"""@network-search?format=geojson: the organisations found, as a GeoJSON
FeatureCollection (RFC 7946) for member sites' maps."""

from plone import api

import pytest
import transaction


@pytest.fixture
def rest(functional_placed, http):
    return http(json=True)


def geojson(rest, status=200, lang="el", **params):
    response = rest.get(
        f"/{lang}/@network-search", params={"format": "geojson", **params}
    )
    assert response.status_code == status, response.text
    return response


def test_feature_collection_of_placed_organisations(rest, functional_placed):
    response = geojson(rest)
    assert response.headers["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert "crs" not in body  # RFC 7946: WGS 84 always, no crs member
    # CARDET has no place: counted, not a feature
    assert body["items_total"] == 3
    features = {f["properties"]["title"]: f for f in body["features"]}
    assert sorted(features) == ["Municipality of Athens", "University of Nicosia"]
    athens = features["Municipality of Athens"]
    assert athens["type"] == "Feature"
    assert athens["id"] == api.content.get_uuid(functional_placed["athens"])
    # [longitude, latitude]
    assert athens["geometry"] == {"type": "Point", "coordinates": [23.73, 37.98]}
    properties = athens["properties"]
    assert properties["@id"] == functional_placed["athens"].absolute_url()
    assert properties["kind"] == {"token": "municipality", "title": "Δήμος"}
    assert properties["countries"] == [{"token": "GR", "title": "Ελλάδα"}]


def test_only_public_data(rest, functional_placed):
    """No contact points (personal data), nothing unpublished."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            portal["el"]["organisations"],
            "Organisation",
            id="applicant",
            title="Applicant in draft",
            kind="ngo",
            country="GR",
            latitude=40.0,
            longitude=22.0,
        )
    transaction.commit()
    response = geojson(rest)
    assert "Applicant in draft" not in response.text
    assert "Maria Papadopoulou" not in response.text
    assert "kem@athens.example" not in response.text
    assert "contact_points" not in response.text


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"kind": "university"}, ["University of Nicosia"]),
        ({"countries": "GR"}, ["Municipality of Athens"]),
        ({"SearchableText": "Athens"}, ["Municipality of Athens"]),
        ({"portal_type": "Organisation", "kind": "ngo"}, []),
    ],
)
def test_filters_as_the_search(rest, functional_placed, params, titles):
    body = geojson(rest, **params).json()
    assert [f["properties"]["title"] for f in body["features"]] == titles


def test_networks_filter(rest, functional_placed):
    uid = api.content.get_uuid(functional_placed["cyprus"])
    body = geojson(rest, networks=uid).json()
    assert [f["properties"]["title"] for f in body["features"]] == [
        "University of Nicosia"
    ]


def test_pages(rest, functional_placed):
    body = geojson(rest, b_size="1").json()
    assert body["items_total"] == 3
    assert "next" in body["batching"]
    assert len(body["features"]) <= 1


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"portal_type": "Practice"}, "portal_type"),
        ({"kind": "no_such_kind"}, "kind"),
        ({"b_size": "0"}, "b_size"),
        ({"b_size": "100000"}, "b_size"),
        ({"colour": "red"}, "colour"),
        ({"networks": "not-a-uid"}, "networks"),
    ],
)
def test_bad_parameter_is_a_400_naming_it(rest, params, parameter):
    response = geojson(rest, status=400, **params)
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["error"]["parameter"] == parameter


def test_without_format_the_answer_is_the_usual_json(rest):
    response = rest.get("/el/@network-search", params={"portal_type": "Organisation"})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert "items" in response.json()


def test_training_format_facet_still_filters(rest):
    response = rest.get("/el/@network-search", params={"format": "online"})
    assert response.status_code == 200
    assert [i["title"] for i in response.json()["items"]] == [
        "Webinar on labour integration"
    ]


def test_answer_validates_against_openapi(rest):
    from openapi.conftest import errors_of

    document = rest.get("/@openapi").json()
    operation = document["paths"]["/{lang}/@network-search"]["get"]
    assert "application/geo+json" in operation["responses"]["200"]["content"]
    (format_parameter,) = [
        p for p in operation["parameters"] if p.get("name") == "format"
    ]
    assert {"const": "geojson"} in format_parameter["schema"]["items"]["anyOf"]
    # the feeds do not take it
    feed = document["paths"]["/{lang}/network-search.rss"]["get"]
    assert all(p.get("name") != "format" for p in feed["parameters"])
    body = geojson(rest).json()
    assert errors_of(document, "SearchFeatureCollection", body) == []
    # the schema does refuse [lat, lon] out of range
    body["features"][0]["geometry"]["coordinates"] = [23.73, 137.98]
    assert errors_of(document, "SearchFeatureCollection", body) != []
