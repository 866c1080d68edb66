"""Bad parameters of @network-search: 400 with a JSON body naming the
parameter, never a 500."""

import pytest


BAD = [
    ({"facets": "thematic_areas,colour"}, "facets"),
    ({"colour": "red"}, "colour"),
    ({"b_size": "ten"}, "b_size"),
    ({"b_size": "0"}, "b_size"),
    ({"b_size": "101"}, "b_size"),
    ({"b_start": "-1"}, "b_start"),
    ({"b_start": "x"}, "b_start"),
    ({"start.from": "last week"}, "start.from"),
    ({"start.to": "2026-13-45"}, "start.to"),
    ({"thematic_areas": "no_such_area"}, "thematic_areas"),
    ({"thematic_areas": "<script>"}, "thematic_areas"),
    ({"countries": "XX"}, "countries"),
    ({"kind": "conference", "portal_type": "Practice"}, "kind"),
    ({"networks": "not-a-uid"}, "networks"),
    ({"networks": "0123456789abcdef0123456789abcdef"}, "networks"),
    ({"organisation": "0123456789abcdef0123456789abcdef"}, "organisation"),
    ({"portal_type": "Document"}, "portal_type"),
    # Zope merges "portal_type:list" into portal_type
    ({"portal_type": "Practice", "portal_type:list": "Folder"}, "portal_type"),
    ({"sort_on": "getObjSize"}, "sort_on"),
    ({"sort_order": "sideways"}, "sort_order"),
    ({"upcoming": "maybe"}, "upcoming"),
    ({"when": "past", "upcoming": "true"}, "when"),
    ({"include_archived": "perhaps"}, "include_archived"),
    ({"SearchableText": "x" * 1000}, "SearchableText"),
    ({"SearchableText": '"'}, "SearchableText"),
]


@pytest.mark.parametrize(("params", "parameter"), BAD)
@pytest.mark.parametrize("lang", ["el", "en"])
def test_bad_parameter_is_a_400_naming_it(
    functional_sample, http, lang, params, parameter
):
    response = http(json=True).get(f"/{lang}/@network-search", params=params)
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["parameter"] == parameter
    assert error["message"].startswith(f"{parameter}: ")


@pytest.mark.parametrize(
    "params",
    [
        [("b_size", "1"), ("b_size", "2")],
        [("sort_on", "start"), ("sort_on", "end")],
        [("SearchableText", "a"), ("SearchableText", "b")],
    ],
)
def test_single_parameters_given_twice(functional_sample, http, params):
    response = http(json=True).get("/el/@network-search", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == params[0][0]


def test_a_good_search_is_not_refused(functional_sample, http):
    response = http(json=True).get(
        "/el/@network-search",
        params=[
            ("portal_type", "Training"),
            ("start.from", "2020-01-01T10:00"),
            ("b_size", "100"),
            ("b_start", "0"),
            ("include_archived", "true"),
            ("sort_on", "start"),
            ("sort_order", "reverse"),
            ("facets", "format"),
            ("facets", "kind,audience"),
        ],
    )
    assert response.status_code == 200, response.text
    assert sorted(response.json()["facets"]) == ["audience", "format", "kind"]
