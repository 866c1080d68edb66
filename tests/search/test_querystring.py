"""The add-on's classifications are criteria of ``@querystring`` (so that a
Volto listing or search block offers them, titled in the user's language
with their vocabulary's terms) and ``@querystring-search`` filters by
them."""

from accounts import ADMIN
from plone import api

import pytest


CRITERIA = (
    "thematic_areas",
    "target_groups",
    "countries",
    "gcm_objectives",
    "funding_sources",
    "audience",
    "format",
    "status",
    "geographic_scope",
)
PRACTICES = {
    "o": "plone.app.querystring.operation.selection.any",
    "i": "portal_type",
}


def search(client, *criteria, path="/el"):
    query = [
        {**PRACTICES, "v": ["Practice"]},
        *criteria,
    ]
    response = client.post(
        f"{path}/@querystring-search",
        json={"query": query, "sort_on": "sortable_title", "b_size": 50},
    )
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["items"]]


def thematic(*tokens, operation="any"):
    return {
        "i": "thematic_areas",
        "o": f"plone.app.querystring.operation.selection.{operation}",
        "v": list(tokens),
    }


@pytest.mark.parametrize("index", CRITERIA)
def test_criteria_are_offered_with_their_terms(http, functional, index):
    response = http(json=True).get("/el/@querystring")
    assert response.status_code == 200
    field = response.json()["indexes"][index]
    assert field["enabled"] is True
    assert field["values"], index
    catalog = api.portal.get_tool("portal_catalog")
    assert index in catalog.indexes()


@pytest.mark.parametrize(
    ("language", "title", "term"),
    [
        ("el", "Θεματικές περιοχές", "Στέγαση"),
        ("en", "Thematic areas", "Housing"),
    ],
)
def test_titles_and_terms_in_the_users_language(
    http, functional, language, title, term
):
    response = http(json=True).get(
        f"/{language}/@querystring", headers={"Accept-Language": language}
    )
    field = response.json()["indexes"]["thematic_areas"]
    assert field["title"] == title
    assert field["values"]["housing"]["title"] == term
    assert field["group"] == {"el": "Κατάταξη", "en": "Classification"}[language]


def test_practices_filter_by_thematic_area(http, functional_sample):
    anonymous = http(json=True)
    assert search(anonymous, thematic("housing")) == ["Housing help desk"]
    assert search(anonymous, thematic("labour_market")) == [
        "Job mentoring for refugees"
    ]
    assert search(anonymous, thematic("housing", "labour_market")) == [
        "Housing help desk",
        "Job mentoring for refugees",
    ]
    assert (
        search(anonymous, thematic("housing", "labour_market", operation="all")) == []
    )
    # The draft is for its team only.
    assert search(anonymous, thematic("language_learning")) == []
    assert search(http(auth=ADMIN, json=True), thematic("language_learning")) == [
        "Draft language cafe"
    ]


def test_an_unknown_term_finds_nothing(http, functional_sample):
    assert search(http(json=True), thematic("no_such_area")) == []
