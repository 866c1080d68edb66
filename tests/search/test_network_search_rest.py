"""GET /{lang}/@network-search over HTTP, as a member website calls it.

The sample of content_builders is built in /el and in /en: published
practices job-mentoring (Athens, GR, labour_market) and housing-help
(University of Nicosia, CY, housing), a private draft; trainings webinar
(Athens, upcoming, online) and study-visit (Nicosia, past, in person).
"""

from plone import api

import pytest


def ids(response):
    """The ids of the items of an answer, sorted."""
    return sorted(item["@id"].rsplit("/", 1)[1] for item in response.json()["items"])


def counts(response, facet):
    values = response.json()["facets"][facet]["values"]
    return {value["token"]: value["count"] for value in values}


def search(session, lang="el", params=()):
    return session.get(f"/{lang}/@network-search", params=list(params))


def by_id(response, item_id):
    (item,) = (i for i in response.json()["items"] if i["@id"].endswith(f"/{item_id}"))
    return item


@pytest.mark.parametrize("lang", ["el", "en"])
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ([("portal_type", "Practice")], ["housing-help", "job-mentoring"]),
        ([("portal_type", "Practice"), ("thematic_areas", "housing")], ["housing-help"]),
        # OR within a facet
        (
            [("thematic_areas", "housing"), ("thematic_areas", "labour_market"), ("portal_type", "Practice")],
            ["housing-help", "job-mentoring"],
        ),
        # AND across facets
        (
            [("thematic_areas", "housing"), ("thematic_areas", "labour_market"), ("countries", "GR"), ("portal_type", "Practice")],
            ["job-mentoring"],
        ),
        ([("portal_type", "Practice"), ("countries", "GR"), ("thematic_areas", "housing")], []),
        ([("portal_type", "Practice"), ("SearchableText", "mentoring")], ["job-mentoring"]),
        ([("portal_type", "Practice"), ("target_groups", "women")], ["housing-help"]),
        ([("portal_type", "Practice"), ("status", "ongoing"), ("status", "completed")], ["housing-help", "job-mentoring"]),
        ([("portal_type", "Training")], ["study-visit", "webinar"]),
        ([("portal_type", "Training"), ("upcoming", "true")], ["webinar"]),
        ([("portal_type", "Training"), ("format", "in_person")], ["study-visit"]),
        ([("portal_type", "Training"), ("upcoming", "true"), ("format", "in_person")], []),
        ([("portal_type", "Organisation"), ("countries", "CY")], ["cardet", "nicosia-university"]),
        ([("portal_type", "Organisation"), ("kind", "municipality")], ["athens"]),
        ([("portal_type", "Network")], ["cities-network", "cyprus-network"]),
        # two types at once
        ([("portal_type", "Practice"), ("portal_type", "Training"), ("countries", "CY")], ["housing-help", "study-visit"]),
    ],
)  # fmt: skip
def test_filters(bilingual, anon, lang, params, expected):
    response = search(anon, lang, params)
    assert response.status_code == 200, response.text
    assert ids(response) == expected
    assert response.json()["items_total"] == len(expected)


@pytest.mark.parametrize(
    ("network", "expected"),
    [("cities", ["housing-help", "job-mentoring"]), ("cyprus", ["housing-help"])],
)
def test_filter_by_network_of_the_language(bilingual, anon, network, expected):
    for lang in ("el", "en"):
        uid = api.content.get_uuid(bilingual[lang][network])
        params = [("portal_type", "Practice"), ("networks", uid)]
        assert ids(search(anon, lang, params)) == expected


def test_filter_by_organisation(bilingual, anon):
    uid = api.content.get_uuid(bilingual["el"]["nicosia"])
    response = search(anon, "el", [("organisation", uid)])
    assert ids(response) == ["housing-help", "nicosia-university", "study-visit"]


@pytest.mark.parametrize(
    ("params", "facet", "expected"),
    [
        ([], "thematic_areas", {"labour_market": 1, "housing": 1}),
        ([("countries", "GR")], "thematic_areas", {"labour_market": 1}),
        ([("thematic_areas", "housing")], "countries", {"CY": 1}),
        # the facet's own filter does not narrow its counts
        ([("thematic_areas", "housing")], "thematic_areas", {"labour_market": 1, "housing": 1}),
        # an active value that gives nothing stays, at 0
        ([("countries", "GR"), ("thematic_areas", "housing")], "thematic_areas", {"labour_market": 1, "housing": 0}),
        ([("SearchableText", "housing")], "status", {"completed": 1}),
    ],
)  # fmt: skip
def test_facet_counts_honour_the_other_filters(
    bilingual, anon, params, facet, expected
):
    params = [("portal_type", "Practice"), ("facets", facet), *params]
    assert counts(search(anon, "el", params), facet) == expected


def test_two_facets_with_counts(bilingual, anon):
    """What the README's curl example shows."""
    params = [
        ("portal_type", "Practice"),
        ("thematic_areas", "housing"),
        ("facets", "thematic_areas,countries"),
    ]
    body = search(anon, "en", params).json()
    assert body["items_total"] == 1
    assert sorted(body["facets"]) == ["countries", "thematic_areas"]
    assert body["facets"]["thematic_areas"] == {
        "title": "Thematic areas",
        "values": [
            {"token": "labour_market", "title": "Labour market integration", "count": 1, "active": False},
            {"token": "housing", "title": "Housing", "count": 1, "active": True},
        ],
    }  # fmt: skip
    assert body["facets"]["countries"]["values"] == [
        {"token": "CY", "title": "Cyprus", "count": 1, "active": False}
    ]


def test_network_facet_titles_from_the_catalogue(bilingual, anon):
    response = search(anon, "el", [("portal_type", "Practice"), ("facets", "networks")])
    values = response.json()["facets"]["networks"]["values"]
    assert {v["title"]: v["count"] for v in values} == {
        "Cities Network for Integration": 2,
        "Cyprus local integration network": 1,
    }
    uids = {api.content.get_uuid(bilingual["el"][n]) for n in ("cities", "cyprus")}
    assert {v["token"] for v in values} == uids


@pytest.mark.parametrize(
    ("lang", "accept_language", "titles"),
    [
        ("el", "el", ("Θεματικές περιοχές", "Στέγαση", "Κύπρος", "Πιλοτικό έργο")),
        ("en", "en", ("Thematic areas", "Housing", "Cyprus", "Pilot project")),
        # the language of the root, whatever the browser prefers
        ("el", "en", ("Θεματικές περιοχές", "Στέγαση", "Κύπρος", "Πιλοτικό έργο")),
        ("en", "el", ("Thematic areas", "Housing", "Cyprus", "Pilot project")),
    ],
)
def test_titles_in_the_language_of_the_root(
    bilingual, anon, lang, accept_language, titles
):
    facet_title, housing, cyprus, pilot = titles
    response = anon.get(
        f"/{lang}/@network-search",
        params=[("portal_type", "Practice"), ("facets", "thematic_areas,countries")],
        headers={"Accept-Language": accept_language},
    )
    body = response.json()
    assert body["facets"]["thematic_areas"]["title"] == facet_title
    themes = {
        v["token"]: v["title"] for v in body["facets"]["thematic_areas"]["values"]
    }
    assert themes["housing"] == housing
    item = by_id(response, "housing-help")
    assert item["thematic_areas"] == [{"token": "housing", "title": housing}]
    assert item["countries"] == [{"token": "CY", "title": cyprus}]
    assert item["kind"] == {"token": "pilot_project", "title": pilot}
    assert item["organisation"]["country"] == {"token": "CY", "title": cyprus}


@pytest.mark.parametrize("lang", ["el", "en"])
def test_practice_summary(bilingual, anon, functional, lang):
    response = search(anon, lang, [("portal_type", "Practice")])
    item = by_id(response, "housing-help")
    portal_url = functional["portal"].absolute_url()
    nicosia = bilingual[lang]["nicosia"]
    assert (
        item["@id"]
        == f"{portal_url}/{lang}/organisations/nicosia-university/housing-help"
    )
    assert item["@type"] == "Practice"
    assert item["UID"] == api.content.get_uuid(bilingual[lang]["housing"])
    assert item["title"] == "Housing help desk"
    assert item["review_state"] == "published"
    assert item["organisation"]["@id"] == nicosia.absolute_url()
    assert item["organisation"]["title"] == "University of Nicosia"
    assert item["organisation"]["UID"] == api.content.get_uuid(nicosia)
    assert item["status"]["token"] == "completed"
    assert [t["token"] for t in item["target_groups"]] == ["asylum_seekers", "women"]
    assert {t["title"] for t in item["networks"]} == {
        "Cities Network for Integration",
        "Cyprus local integration network",
    }
    # practices have no dates of an event, no training format
    assert not {"start", "end", "location", "format", "audience"} & set(item)


def test_training_summary_has_dates_with_time_zone(bilingual, anon):
    response = search(anon, "el", [("portal_type", "Training")])
    webinar = by_id(response, "webinar")
    expected = bilingual["el"]["webinar"]
    assert webinar["start"] == expected.start.isoformat()
    assert webinar["end"] == expected.end.isoformat()
    assert webinar["start"].endswith(("+02:00", "+03:00"))  # Europe/Athens
    assert webinar["format"] == {"token": "online", "title": "Διαδικτυακά"}
    assert webinar["location"] is None
    assert by_id(response, "study-visit")["location"] == "Nicosia"
    assert webinar["organisation"]["country"]["token"] == "GR"


@pytest.mark.parametrize(
    ("session", "expected", "states"),
    [
        ("anon", ["housing-help", "job-mentoring"], {"published"}),
        (
            "reviewer",
            ["housing-help", "job-mentoring", "pending-practice"],
            {"published", "pending_network"},
        ),
    ],
)
def test_each_role_sees_what_its_browser_sees(
    pending, request, session, expected, states
):
    client = request.getfixturevalue(session)
    params = [("portal_type", "Practice"), ("facets", "thematic_areas,kind")]
    response = search(client, "el", params)
    assert ids(response) == expected
    assert {item["review_state"] for item in response.json()["items"]} == states
    # counts honour the same security
    housing = 2 if session == "reviewer" else 1
    assert counts(response, "thematic_areas")["housing"] == housing
    assert ("policy" in counts(response, "kind")) is (session == "reviewer")
    # the private draft is nobody's but its team's
    assert "draft-practice" not in ids(response)


def test_anonymous_filter_by_a_pending_value_is_empty(pending, anon):
    params = [("portal_type", "Practice"), ("kind", "policy")]
    response = search(anon, "el", params)
    assert response.status_code == 200
    assert ids(response) == []


@pytest.mark.parametrize(
    ("params", "expected", "countries"),
    [
        ([], ["job-mentoring"], {"GR": 1}),
        ([("include_archived", "false")], ["job-mentoring"], {"GR": 1}),
        ([("include_archived", "true")], ["housing-help", "job-mentoring"], {"GR": 1, "CY": 1}),
    ],
)  # fmt: skip
def test_archived_items_only_when_asked(archived, anon, params, expected, countries):
    params = [("portal_type", "Practice"), ("facets", "countries"), *params]
    response = search(anon, "el", params)
    assert ids(response) == expected
    assert counts(response, "countries") == countries
    states = {item["review_state"] for item in response.json()["items"]}
    assert states == (
        {"published", "archived"} if len(expected) == 2 else {"published"}
    )


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ([("upcoming", "true")], ["webinar"]),
        ([("when", "upcoming")], ["webinar"]),
        ([("when", "past")], ["study-visit"]),
        ([("upcoming", "false")], ["study-visit", "webinar"]),
    ],
)
def test_upcoming_trainings(bilingual, anon, when, expected):
    response = search(anon, "el", [("portal_type", "Training"), *when])
    assert ids(response) == expected


def test_trainings_by_start_range(bilingual, anon):
    start = bilingual["el"]["webinar"].start
    day = start.date().isoformat()
    assert ids(
        search(anon, "el", [("portal_type", "Training"), ("start.from", day)])
    ) == ["webinar"]
    assert ids(
        search(anon, "el", [("portal_type", "Training"), ("start.to", day)])
    ) == ["study-visit"]
    both = [
        ("portal_type", "Training"),
        ("start.from", "2000-01-01"),
        ("start.to", "2000-12-31"),
    ]
    assert ids(search(anon, "el", both)) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ([("sort_on", "sortable_title")], ["Housing help desk", "Job mentoring for refugees"]),
        ([("sort_on", "sortable_title"), ("sort_order", "descending")], ["Job mentoring for refugees", "Housing help desk"]),
    ],
)  # fmt: skip
def test_sorting(bilingual, anon, params, expected):
    response = search(anon, "el", [("portal_type", "Practice"), *params])
    assert [item["title"] for item in response.json()["items"]] == expected


def test_batching_links_walk_the_result(bilingual, anon):
    params = [("portal_type", "Practice"), ("thematic_areas", "housing"), ("thematic_areas", "labour_market"), ("b_size", "1")]  # fmt: skip
    first = search(anon, "el", params).json()
    assert first["items_total"] == 2
    assert len(first["items"]) == 1
    links = first["batching"]
    assert links["@id"] == first["@id"]
    assert set(links) == {"@id", "first", "last", "next"}
    second = anon.get(links["next"]).json()
    assert set(second["batching"]) == {"@id", "first", "last", "prev"}
    assert second["batching"]["@id"] == links["next"] == links["last"]
    # every filter is kept, repeated ones too
    assert second["items_total"] == 2
    seen = {first["items"][0]["title"], second["items"][0]["title"]}
    assert seen == {"Housing help desk", "Job mentoring for refugees"}
    back = anon.get(second["batching"]["prev"]).json()
    assert back["items"] == first["items"]


def test_one_page_has_first_and_last_only(bilingual, anon):
    body = search(anon, "el", [("portal_type", "Practice")]).json()
    assert set(body["batching"]) == {"@id", "first", "last"}
    assert body["facets"] == {}


def test_at_the_site_root_every_language(bilingual, anon):
    response = anon.get("/@network-search", params={"portal_type": "Practice"})
    assert response.status_code == 200
    assert response.json()["items_total"] == 4


def test_a_section_has_no_search(bilingual, anon):
    assert anon.get("/el/practices/@network-search").status_code == 404


def test_unknown_uid_in_another_language(bilingual, anon):
    """A network of /en is not a network of /el: the filter says so."""
    uid = api.content.get_uuid(bilingual["en"]["cities"])
    response = search(anon, "el", [("networks", uid)])
    # indexed in /en: accepted (the index knows it), and gives nothing here
    assert response.status_code == 200
    assert ids(response) == []


def test_csv_with_accept_header(bilingual, anon):
    response = anon.get(
        "/el/@network-search",
        params={"portal_type": "Practice"},
        headers={"Accept": "text/csv"},
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "Housing help desk" in response.content.decode("utf-8-sig")


def test_cors_for_member_websites(bilingual, anon):
    response = anon.get(
        "/el/@network-search", headers={"Origin": "https://www.athens.gr"}
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
