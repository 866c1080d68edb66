"""Issue #15, Zope and Plone beneath the add-on: anonymous input that
answered 500 answers 4xx naming the parameter."""

from accounts import ADMIN
from collective.migrationnetwork.newsletter import tokens
from collective.migrationnetwork.wsgi import RequestGuard
from collective.migrationnetwork.wsgi import malformed_basic_auth
from newsletter.newsletter_helpers import add_subscriber
from newsletter.newsletter_helpers import manage_token
from reliability.helpers import snapshot

import pytest
import transaction


def message(answer):
    body = answer.json()
    return body.get("error", body)["message"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("b_size=abc", "b_size"),
        ("b_start=abc", "b_start"),
        ("sort_limit=abc", "sort_limit"),
        ("path.depth=abc", "path.depth"),
        ("b_size=1&b_size=2", "b_size"),
        ("b_size=-1", "b_size"),
        ("created=abc", "created"),
        ("created.query=abc&created.range=min", "created.query"),
        ("created.query=2026-01-01&created.range=sideways", "created.range"),
        ("modified=2020-13-45", "modified"),
        ("effective.query=x&effective.range=max", "effective.query"),
        ("start=abc", "start"),
        ("end=abc", "end"),
    ],
)
def test_search_parameters(http, functional_sample, query, parameter):
    answer = http(json=True).get(f"/el/@search?{query}")
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith(f"{parameter}:")


@pytest.mark.parametrize(
    "query",
    [
        "b_size=5&b_start=0&sort_limit=10",
        "path.depth=1",
        "path.depth=-1",
        "created.query=2026-01-01&created.range=min",
        "start.query=2026-01-01T10:00:00&start.range=min",
        "SearchableText=housing",
    ],
)
def test_search_parameters_that_are_fine(http, functional_sample, query):
    assert http(json=True).get(f"/el/@search?{query}").status_code == 200


def test_catalog_vocabulary_query(http, functional_sample):
    """``@@getVocabulary?name=plone.app.vocabularies.Catalog&query=x``."""
    answer = http(json=True).get(
        "/el/@@getVocabulary?name=plone.app.vocabularies.Catalog&query=x"
    )
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith("query:")


@pytest.mark.parametrize("auth", [None, ADMIN])
def test_review_transition_given_twice(http, functional_sample, auth):
    """``@@review-transition?workflow_action=a&workflow_action=b`` answered
    500 (anonymous); nothing changes."""
    before = snapshot(functional_sample["athens"])
    answer = http(auth=auth, json=True).get(
        "/el/organisations/athens/@@review-transition"
        "?workflow_action=a&workflow_action=b"
    )
    assert answer.status_code == 400, answer.text[:300]
    assert "workflow_action" in message(answer)
    assert snapshot(functional_sample["athens"]) == before


@pytest.mark.parametrize(
    "header",
    [
        "Basic !!!",
        "Basic \xff\xfe",
        "Basic bm9jb2xvbg==",
        "Basic a b",
        "Basic //79",
    ],
)
def test_malformed_basic_auth(http, functional_sample, header):
    answer = http(json=True).get("/el", headers={"Authorization": header})
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith("Authorization:")


def test_wellformed_basic_auth_passes():
    assert not malformed_basic_auth({"HTTP_AUTHORIZATION": "Basic YTpi"})
    assert not malformed_basic_auth({"HTTP_AUTHORIZATION": "Bearer x.y.z"})
    assert not malformed_basic_auth({})


def test_zope_ini_pipeline_has_the_guard():
    from paste.deploy import loadfilter

    import pathlib

    ini = pathlib.Path(__file__).parents[2] / "instance" / "etc" / "zope.ini"
    guard = loadfilter(f"config:{ini}", name="guard")
    assert isinstance(guard(object()), RequestGuard)


def test_relation_without_id(http, functional_sample):
    """A relation value ``[{}]`` answered 503."""
    before = snapshot(functional_sample["athens"])
    answer = http(auth=ADMIN, json=True).patch(
        "/el/organisations/athens", json={"networks": [{}]}
    )
    assert answer.status_code == 400, answer.text[:300]
    assert "networks" in message(answer)
    assert snapshot(functional_sample["athens"]) == before


def test_history_of_an_item_without_versions(http, functional_sample):
    """``@@history`` of an organisation answered 500 to its editors."""
    answer = http(auth=ADMIN).get("/el/organisations/athens/@@history")
    assert answer.status_code == 404


def test_expired_preferences_token_on_unsubscribe(functional, http, monkeypatch):
    """An expired preferences token answered 400 "invalid" on @unsubscribe
    where the others answer 410."""
    subscriber = add_subscriber("late@example.org")
    token = manage_token(subscriber)
    transaction.commit()
    monkeypatch.setitem(tokens.MAX_AGE, tokens.MANAGE, -1)
    answer = http(json=True).post("/@unsubscribe", json={"token": token})
    assert answer.status_code == 410, answer.text[:300]
    assert answer.json()["errors"][0]["reason"] == "expired"
    transaction.abort()
    assert subscriber.state != "unsubscribed"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/el/organisations/athens?include_items=1&include_items=0", "include_items"),
        ("/el/organisations/athens?version=", "version"),
        ("/el/organisations/athens?version=%7B%7D", "version"),
        ("/el/organisations/athens?x%3Aint=a", "x:int"),
        ("/el/organisations/athens?d%3Adate=never", "d:date"),
        (
            "/el/@vocabularies/collective.migrationnetwork.thematic_areas"
            "?title=a&title=b",
            "title",
        ),
        ("/el/@search?SearchableText=a&SearchableText=b", "SearchableText"),
        ("/el/@querystring-search?query=Organisation", "query"),
        ("/el/@querystring-search?query=0", "query"),
    ],
)
def test_found_by_the_restapi_fuzz_run(http, functional_sample, url, parameter):
    """Requests of tests/reliability/test_fuzz_restapi.py that answered 500."""
    answer = http(json=True).get(url)
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith(f"{parameter}:")


@pytest.mark.parametrize(
    "url",
    ["/el/@search?is_folderish=maybe", "/el/@search?Title=-944"],
)
def test_search_errors_of_plone_restapi_are_400(http, functional_sample, url):
    """plone.restapi's QueryParsingError and the text index's ParseError."""
    answer = http(json=True).get(url)
    assert answer.status_code == 400, answer.text[:300]
    assert answer.json()["type"] == "BadRequest"


@pytest.mark.parametrize(
    "query",
    [
        "x",
        [{"i": "path"}],
        [{"i": "nope", "o": "plone.app.querystring.operation.selection.any"}],
        [{"i": "path", "o": "plone.app.querystring.operation.selection.any"}],
        [{"i": "portal_type", "o": "plone.app.querystring.operation.selection.any"}],
    ],
)
def test_querystring_search_criteria(http, functional_sample, query):
    answer = http(json=True).post("/el/@querystring-search", json={"query": query})
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith("query:")


def test_querystring_search_valid_criteria(http, functional_sample):
    query = [
        {
            "i": "portal_type",
            "o": "plone.app.querystring.operation.selection.any",
            "v": ["Practice"],
        }
    ]
    answer = http(json=True).post("/el/@querystring-search", json={"query": query})
    assert answer.status_code == 200, answer.text[:300]


@pytest.mark.parametrize("value", ["", "429", "maybe"])
def test_include_items_is_a_boolean(http, functional_sample, value):
    answer = http(json=True).get(f"/el/organisations?include_items={value}")
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith("include_items:")


def test_relative_date_criterion_takes_one_number(http, functional_sample):
    query = [
        {
            "i": "effective",
            "o": "plone.app.querystring.operation.date.largerThanRelativeDate",
            "v": ["1", "min"],
        }
    ]
    answer = http(json=True).post("/el/@querystring-search", json={"query": query})
    assert answer.status_code == 400, answer.text[:300]
    query[0]["v"] = "7"
    answer = http(json=True).post("/el/@querystring-search", json={"query": query})
    assert answer.status_code == 200, answer.text[:300]
