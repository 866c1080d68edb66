"""network_search against the known sample network of content_builders.

Published in /el: practices job-mentoring (Athens, GR, labour_market) and
housing-help (University of Nicosia, CY, housing); the draft practice
draft-practice (Athens, GR, language_learning) is private. Trainings: the
webinar (Athens, upcoming, online) and the study-visit (Nicosia, past, in
person). Organisations: athens, nicosia-university, cardet.
"""

from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.search import parse_params
from collective.migrationnetwork.search.counting import count_values
from plone import api
from plone.app.testing import logout

import pytest


def ids(result):
    return sorted(brain.getId for brain in result.items)


def counts(result, facet):
    return {value.token: value.count for value in result.facets[facet].values}


@pytest.fixture
def el(portal):
    return portal["el"]


@pytest.fixture
def anonymous(sample):
    logout()
    return sample


def uid(sample, name):
    return api.content.get_uuid(sample[name])


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"thematic_areas": "housing"}, ["housing-help"]),
        ({"thematic_areas": "labour_market"}, ["job-mentoring"]),
        # OR within a facet
        (
            {"thematic_areas": ["housing", "labour_market"]},
            ["housing-help", "job-mentoring"],
        ),
        ({"status": ["ongoing", "completed"]}, ["housing-help", "job-mentoring"]),
        # AND across facets
        (
            {"thematic_areas": ["housing", "labour_market"], "countries": "GR"},
            ["job-mentoring"],
        ),
        ({"thematic_areas": "housing", "countries": "GR"}, []),
        ({"countries": "CY"}, ["housing-help"]),
        ({"target_groups": "women"}, ["housing-help"]),
        ({"kind": "pilot_project"}, ["housing-help"]),
        ({"SearchableText": "mentoring"}, ["job-mentoring"]),
        ({"SearchableText": "housing", "countries": "GR"}, []),
        # the private draft is not there for anonymous users
        ({"thematic_areas": "language_learning"}, []),
        ({}, ["housing-help", "job-mentoring"]),
    ],
)
def test_practice_filters(anonymous, el, form, expected):
    result = network_search(el, {"portal_type": "Practice", **form})
    assert ids(result) == expected
    assert result.items_total == len(expected)


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        # Nicosia is in the Cyprus network, a sub-network of the cities one.
        ("cities", ["housing-help", "job-mentoring"]),
        ("cyprus", ["housing-help"]),
    ],
)
def test_filter_by_network(anonymous, el, network, expected):
    form = {"portal_type": "Practice", "networks": uid(anonymous, network)}
    assert ids(network_search(el, form)) == expected


def test_filter_by_organisation(anonymous, el):
    form = {"portal_type": "Practice", "organisation": uid(anonymous, "athens")}
    assert ids(network_search(el, form)) == ["job-mentoring"]


@pytest.mark.parametrize(
    ("form", "facet", "expected"),
    [
        ({}, "thematic_areas", {"labour_market": 1, "housing": 1}),
        ({}, "countries", {"GR": 1, "CY": 1}),
        ({}, "kind", {"good_practice": 1, "pilot_project": 1}),
        ({}, "status", {"ongoing": 1, "completed": 1}),
        # another facet's filter narrows the counts ...
        ({"countries": "GR"}, "thematic_areas", {"labour_market": 1}),
        ({"countries": "CY"}, "thematic_areas", {"housing": 1}),
        ({"thematic_areas": "housing"}, "countries", {"CY": 1}),
        ({"thematic_areas": "housing"}, "status", {"completed": 1}),
        # ... the facet's own filter does not: each value says what it gives
        ({"thematic_areas": "housing"}, "thematic_areas", {"labour_market": 1, "housing": 1}),
        ({"countries": "GR"}, "countries", {"GR": 1, "CY": 1}),
        # an active value that gives nothing with the other filters stays, at 0
        ({"countries": "GR", "thematic_areas": "housing"}, "thematic_areas", {"labour_market": 1, "housing": 0}),
        ({"countries": "GR", "thematic_areas": "housing"}, "countries", {"CY": 1, "GR": 0}),
        # three filters: each facet is counted on the other two
        ({"countries": "CY", "thematic_areas": "housing", "status": "completed"}, "kind", {"pilot_project": 1}),
        ({"countries": "CY", "thematic_areas": "housing", "status": "ongoing"}, "countries", {"CY": 0}),
        ({"countries": "CY", "thematic_areas": "housing", "status": "ongoing"}, "status", {"completed": 1, "ongoing": 0}),
    ],
)  # fmt: skip
def test_practice_counts(anonymous, el, form, facet, expected):
    result = network_search(el, {"portal_type": "Practice", **form}, facets=[facet])
    assert counts(result, facet) == expected


def test_counts_of_networks_use_catalogue_titles(anonymous, el):
    result = network_search(el, {"portal_type": "Practice"}, facets=["networks"])
    values = {value.title: value.count for value in result.facets["networks"].values}
    assert values == {
        "Cities Network for Integration": 2,
        "Cyprus local integration network": 1,
    }


def test_facet_values_are_titled_in_the_language_and_flag_active(anonymous, el):
    result = network_search(
        el,
        {"portal_type": "Practice", "thematic_areas": "housing"},
        facets=["thematic_areas", "countries"],
    )
    housing, labour = (
        next(v for v in result.facets["thematic_areas"].values if v.token == token)
        for token in ("housing", "labour_market")
    )
    assert (housing.title, housing.active) == ("Στέγαση", True)
    assert (labour.title, labour.active) == ("Ένταξη στην αγορά εργασίας", False)
    assert [v.token for v in result.facets["thematic_areas"].active] == ["housing"]
    assert [v.title for v in result.facets["countries"].values] == ["Κύπρος"]


def test_owner_sees_and_counts_the_draft(sample, el):
    result = network_search(el, {"portal_type": "Practice"}, facets=["thematic_areas"])
    assert ids(result) == ["draft-practice", "housing-help", "job-mentoring"]
    assert counts(result, "thematic_areas")["language_learning"] == 1


def test_anonymous_does_not_count_the_draft(anonymous, el):
    result = network_search(el, {"portal_type": "Practice"}, facets=["thematic_areas"])
    assert "language_learning" not in counts(result, "thematic_areas")


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"when": "upcoming"}, ["webinar"]),
        ({"upcoming": "true"}, ["webinar"]),
        ({"when": "past"}, ["study-visit"]),
        ({"past": True}, ["study-visit"]),
        ({"when": "all"}, ["study-visit", "webinar"]),
        ({}, ["study-visit", "webinar"]),
        ({"when": "upcoming", "format": "in_person"}, []),
        ({"format": ["in_person", "online"], "audience": "ngo_staff"}, ["study-visit"]),
    ],
)
def test_trainings_upcoming_and_past(anonymous, el, form, expected):
    result = network_search(el, {"portal_type": "Training", **form})
    assert ids(result) == expected


def test_trainings_counts_honour_the_time_switch(anonymous, el):
    form = {"portal_type": "Training", "when": "upcoming"}
    result = network_search(el, form, facets=["format", "audience"])
    assert counts(result, "format") == {"online": 1}
    assert counts(result, "audience") == {"municipal_staff": 1}


def test_trainings_by_start_range(anonymous, el):
    start = anonymous["webinar"].start
    form = {"portal_type": "Training", "start.from": start.date().isoformat()}
    assert ids(network_search(el, form)) == ["webinar"]
    form = {"portal_type": "Training", "start.to": start.date().isoformat()}
    assert ids(network_search(el, form)) == ["study-visit"]


def test_organisations(anonymous, el):
    form = {"portal_type": "Organisation"}
    result = network_search(el, form, facets=["kind", "countries", "networks"])
    assert ids(result) == ["athens", "cardet", "nicosia-university"]
    assert counts(result, "kind") == {"municipality": 1, "ngo": 1, "university": 1}
    assert counts(result, "countries") == {"GR": 1, "CY": 2}
    form["countries"] = "CY"
    assert ids(network_search(el, form)) == ["cardet", "nicosia-university"]


def test_search_is_bound_to_the_language_root(anonymous, portal):
    form = {"portal_type": "Practice"}
    assert ids(network_search(portal["el"]["practices"], form)) == [
        "housing-help",
        "job-mentoring",
    ]
    assert ids(network_search(portal["en"], form)) == []


def archive(obj):
    """Put ``obj`` in the state 'archived', as an archiving workflow would,
    leaving its permissions (published) as they are."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    (chain,) = workflow_tool.getChainFor(obj)
    status = dict(workflow_tool.getStatusOf(chain, obj))
    status["review_state"] = "archived"
    workflow_tool.setStatusOf(chain, obj, status)
    obj.reindexObject(idxs=["review_state"])


def test_archived_items_are_left_out_unless_asked_for(sample, el):
    archive(sample["housing"])
    logout()
    form = {"portal_type": "Practice"}
    result = network_search(el, form, facets=["countries"])
    assert ids(result) == ["job-mentoring"]
    assert counts(result, "countries") == {"GR": 1}
    result = network_search(el, {**form, "include_archived": "true"})
    assert ids(result) == ["housing-help", "job-mentoring"]


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"b_size": "1"}, ["housing-help"]),
        ({"b_size": "1", "b_start": "1"}, ["job-mentoring"]),
        ({"sort_on": "sortable_title", "sort_order": "descending"}, ["job-mentoring", "housing-help"]),
        ({"b_start": "5"}, []),
    ],
)  # fmt: skip
def test_sorting_and_batching(anonymous, el, form, expected):
    result = network_search(el, {"portal_type": "Practice", **form})
    assert [brain.getId for brain in result.batch] == expected
    assert result.items_total == 2
    assert len(result.batch) == 2


@pytest.mark.parametrize(
    ("form", "parameter"),
    [
        ({"facets": "thematic_areas,colour"}, "facets"),
        ({"thematic_areas": "no_such_area"}, "thematic_areas"),
        ({"countries": "XX"}, "countries"),
        ({"kind": "conference", "portal_type": "Practice"}, "kind"),
        ({"networks": "not-a-uid"}, "networks"),
        ({"thematic_areas": "<script>"}, "thematic_areas"),
        ({"b_size": "ten"}, "b_size"),
        ({"b_size": "0"}, "b_size"),
        ({"b_size": "100000"}, "b_size"),
        ({"b_start": "-1"}, "b_start"),
        ({"b_start": ["0", "20"]}, "b_start"),
        ({"sort_on": "getObjSize"}, "sort_on"),
        ({"sort_order": "sideways"}, "sort_order"),
        ({"portal_type": "Document"}, "portal_type"),
        ({"upcoming": "maybe"}, "upcoming"),
        ({"when": "tomorrow"}, "when"),
        ({"when": "past", "upcoming": "true"}, "when"),
        ({"start.from": "last week"}, "start.from"),
        ({"include_archived": "perhaps"}, "include_archived"),
        ({"SearchableText": "x" * 1000}, "SearchableText"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_name_the_parameter(anonymous, el, form, parameter):
    with pytest.raises(SearchParameterError) as error:
        network_search(el, form)
    assert error.value.parameter == parameter
    assert isinstance(error.value, ValueError)
    assert str(error.value).startswith(f"{parameter}: ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("***", ["housing-help", "job-mentoring"]),
        ("AND", []),
        ("not", []),
        ("housing OR", []),  # "or" is a word here, not an operator
        ("-", ["housing-help", "job-mentoring"]),
        ("Housing*?", ["housing-help"]),
        ("Στέγαση", []),
    ],
)
def test_odd_text_is_searched(anonymous, el, text, expected):
    form = {"portal_type": "Practice", "SearchableText": text}
    assert ids(network_search(el, form, facets=["countries"])) == expected


@pytest.mark.parametrize("text", ['"', "(", ")("])
def test_text_the_index_cannot_parse_is_named(anonymous, el, text):
    form = {"portal_type": "Practice", "SearchableText": text}
    with pytest.raises(SearchParameterError) as error:
        network_search(el, form, facets=["countries"])
    assert error.value.parameter == "SearchableText"


def test_unknown_facet_to_count_is_an_error(anonymous, el):
    with pytest.raises(SearchParameterError) as error:
        network_search(el, {}, facets=["colour"])
    assert error.value.parameter == "facets"


def test_a_view_may_ignore_unknown_form_fields():
    params = parse_params({"colour": "red", "b_size": "5"}, ignore_unknown=True)
    assert params.b_size == 5


def test_both_counting_strategies_agree(anonymous, portal):
    """Small result sets are counted rid by rid, large ones value by value."""
    from collective.migrationnetwork.search import counting

    catalog = api.portal.get_tool("portal_catalog")
    rids = counting.result_rids(catalog(portal_type=["Practice", "Training"]), catalog)
    for name in ("thematic_areas", "countries", "kind", "networks"):
        index = catalog._catalog.getIndex(name)
        by_value = counting._count_by_value(index, rids)
        assert by_value == counting._count_by_rid(index, rids)
        assert by_value == count_values(index, rids)
        assert sum(by_value.values()) > 0


ITEMS = ("mentoring", "housing", "draft", "webinar", "visit")
ORGANISATIONS = ("athens", "nicosia", "cardet")


@pytest.fixture
def ghosts(functional_sample, functional):
    """The sample committed, then every object in the connection's cache
    turned into a ghost: touching an object's data loads it again."""
    from Acquisition import aq_base

    portal = functional["portal"]
    objects = {name: aq_base(functional_sample[name]) for name in ITEMS + ORGANISATIONS}
    logout()
    portal._p_jar.cacheMinimize()
    # The check can see a ghost: everything starts as one.
    assert {name: obj._p_status for name, obj in objects.items()} == {
        name: "ghost" for name in objects
    }
    return objects


def awake(objects):
    return sorted(name for name, obj in objects.items() if obj._p_status != "ghost")


def test_searching_and_counting_wake_no_content(ghosts, functional):
    el = functional["portal"]["el"]
    for portal_type, facets, form in (
        ("Practice", ("thematic_areas", "target_groups", "countries", "kind", "networks", "status", "organisation"), {}),
        ("Practice", ("thematic_areas", "countries"), {"thematic_areas": "housing", "countries": "CY"}),
        ("Practice", ("thematic_areas",), {"SearchableText": "housing"}),
        ("Training", ("format", "kind", "audience", "countries", "networks"), {"when": "upcoming"}),
        ("Organisation", ("kind", "countries", "networks", "thematic_areas"), {}),
    ):  # fmt: skip
        result = network_search(el, {"portal_type": portal_type, **form}, facets)
        assert result.items_total > 0
        # read what a listing shows, from the brains
        for brain in result.batch:
            (brain.Title, brain.getURL(), brain.organisation_title, brain.countries)
    assert awake(ghosts) == []
    # ... and the check would notice an object that was woken:
    result = network_search(el, {"portal_type": "Practice", "countries": "CY"})
    result.items[0].getObject()
    assert "housing" in awake(ghosts)


@pytest.mark.parametrize(
    ("section", "view_class", "form"),
    [
        ("practices", "PracticesListing", {"thematic_areas": "housing"}),
        ("trainings", "TrainingsListing", {"when": "past"}),
        ("organisations", "OrganisationsListing", {}),
    ],
)
def test_listing_views_show_metadata_only(
    ghosts, functional, section, view_class, form
):
    from collective.migrationnetwork.browser import listing

    request = functional["request"]
    request.form.update(form)
    view = getattr(listing, view_class)(functional["portal"]["el"][section], request)
    view.update()
    assert view.items()
    assert view.facets()
    view.active_filters()
    assert awake(ghosts) == []


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"countries": "GR"},
        {"countries": "GR", "thematic_areas": "labour_market", "status": "ongoing"},
    ],
)
def test_counting_asks_the_catalogue_once_however_many_filters(
    anonymous, el, monkeypatch, form
):
    """One query for the batch, one for the set the counts come from; each
    active filter's own set is read from its index."""
    from Products.CMFPlone.CatalogTool import CatalogTool

    queries = []
    search = CatalogTool.searchResults

    def counting(self, *args, **kw):
        queries.append(kw or args)
        return search(self, *args, **kw)

    monkeypatch.setattr(CatalogTool, "searchResults", counting)
    monkeypatch.setattr(CatalogTool, "__call__", counting)
    facets = ["thematic_areas", "target_groups", "countries", "kind", "status"]
    result = network_search(el, {"portal_type": "Practice", **form}, facets=facets)
    searches = [query for query in queries if "UID" not in str(query)]
    assert len(searches) == 2
    assert result.facets["countries"].values
