"""A property-based run of the plone.restapi endpoints that member sites and
Volto read, as an anonymous client: ``@search``, ``@querystring-search``,
content GET, ``@navigation``, ``@breadcrumbs`` and ``@vocabularies``.

They are not in ``@openapi`` (plone.restapi's own), so the requests are
generated here with Hypothesis: parameters these endpoints read, and
others, with values that are right, wrong, empty, repeated, too big or
broken text. Whatever comes in, the server never answers 5xx and every
4xx carries a message. Derandomized (the same requests every run);
``FUZZ_SCALE`` multiplies the number of examples (``make fuzz``).
"""

from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import json
import os
import pytest
import requests


SCALE = float(os.environ.get("FUZZ_SCALE", "1"))

VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "1",
            "-1",
            "25",
            "abc",
            "9" * 30,
            "2026-01-01",
            "2020-13-45",
            "min",
            "max",
            "min:max",
            "sideways",
            "true",
            "1",
            "Practice",
            "Training",
            "Organisation",
            "published",
            "sortable_title",
            "reverse",
            "[]",
            "{}",
            '{"criteria": []}',
            '{"criteria": [{}]}',
            "/el",
            "/plone/el/organisations",
            "housing",
            "*",
            "\u00e9\u03b1",
            "\x00",
        ]
    ),
    st.text(max_size=20),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)

SEARCH_KEYS = [
    "b_size",
    "b_start",
    "sort_on",
    "sort_order",
    "sort_limit",
    "path",
    "path.query",
    "path.depth",
    "portal_type",
    "review_state",
    "SearchableText",
    "Title",
    "Subject",
    "created",
    "created.query",
    "created.range",
    "modified",
    "effective.query",
    "effective.range",
    "start",
    "start.query",
    "start.range",
    "end",
    "metadata_fields",
    "fullobjects",
    "use_site_search_settings",
    "Language",
    "thematic_areas",
    "UID",
    "is_folderish",
]
CONTENT_KEYS = [
    "expand",
    "fullobjects",
    "include_items",
    "metadata_fields",
    "b_size",
    "b_start",
    "expand.navigation.depth",
    "version",
]
VOCABULARY_KEYS = ["title", "token", "tokens", "b_size", "b_start", "query"]


def query_of(keys):
    """A query string as a list of pairs: known keys and others, some
    given twice."""
    key = st.one_of(st.sampled_from(keys), st.text(min_size=1, max_size=12))
    return st.lists(st.tuples(key, VALUES), max_size=6)


ENDPOINTS = {
    "search": ("/el/@search", SEARCH_KEYS, 400),
    "content": ("/el/organisations/athens", CONTENT_KEYS, 150),
    "folder": ("/el/organisations", CONTENT_KEYS, 100),
    "navigation": ("/el/@navigation", CONTENT_KEYS, 100),
    "breadcrumbs": ("/el/organisations/athens/@breadcrumbs", CONTENT_KEYS, 60),
    "vocabulary": (
        "/el/@vocabularies/collective.migrationnetwork.thematic_areas",
        VOCABULARY_KEYS,
        100,
    ),
    "vocabulary-plone": (
        "/el/@vocabularies/plone.app.vocabularies.ReallyUserFriendlyTypes",
        VOCABULARY_KEYS,
        60,
    ),
    "querystring-search-get": ("/el/@querystring-search", ["query", "b_size"], 80),
}

OPERATION = "plone.app.querystring.operation."
# Fields with operations they have, and others: most criteria are right.
CRITERION_FIELDS = st.one_of(
    st.sampled_from(
        [
            ("portal_type", OPERATION + "selection.any"),
            ("review_state", OPERATION + "selection.any"),
            ("path", OPERATION + "string.relativePath"),
            ("path", OPERATION + "string.absolutePath"),
            ("created", OPERATION + "date.lessThan"),
            ("created", OPERATION + "date.today"),
            ("effective", OPERATION + "date.largerThanRelativeDate"),
            ("SearchableText", OPERATION + "string.contains"),
            ("Title", OPERATION + "string.contains"),
        ]
    ),
    st.tuples(
        st.sampled_from(["portal_type", "path", "created", "Title", "x", ""]),
        st.sampled_from(
            [
                OPERATION + "selection.any",
                OPERATION + "string.is",
                OPERATION + "date.lessThan",
                "nope",
            ]
        ),
    ),
)
CRITERION = st.builds(
    lambda pair, value: {"i": pair[0], "o": pair[1], **value},
    CRITERION_FIELDS,
    st.fixed_dictionaries(
        {},
        optional={
            "v": st.one_of(VALUES, st.just("\ud800"), st.lists(VALUES, max_size=3))
        },
    ),
)
QUERYSTRING_BODY = st.fixed_dictionaries(
    {"query": st.one_of(st.lists(CRITERION, min_size=1, max_size=3), VALUES)},
    optional={
        "b_size": st.one_of(st.integers(-5, 10**6), VALUES),
        "b_start": st.one_of(st.integers(-5, 10**6), VALUES),
        "sort_on": VALUES,
        "sort_order": VALUES,
        "limit": st.one_of(st.integers(-5, 10**6), VALUES),
        "fullobjects": st.one_of(st.booleans(), VALUES),
        "metadata_fields": st.one_of(st.lists(VALUES, max_size=3), VALUES),
    },
)


def fuzz_settings(examples):
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )


class Tally:
    def __init__(self):
        self.sent = 0
        self.statuses = {}
        self.problems = {}

    def record(self, description, response):
        self.sent += 1
        status = response.status_code
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status >= 500:
            self.problems.setdefault(
                (status, response.text[:120]), f"{description} -> {response.text[:300]}"
            )
        elif 400 <= status < 500 and status != 404:
            try:
                body = response.json()
            except ValueError:
                body = None
            error = body.get("error", body) if isinstance(body, dict) else None
            if not isinstance(error, dict) or not error.get("message"):
                self.problems.setdefault(
                    (status, "no message"),
                    f"{description} -> {status} without a message: "
                    f"{response.text[:200]}",
                )


def report(name, tally, record_property):
    record_property("requests", tally.sent)
    print(
        f"\n{name}: {tally.sent} requests, statuses "
        f"{json.dumps(dict(sorted(tally.statuses.items())))}"
    )
    assert tally.sent
    assert not tally.problems, "\n".join(tally.problems.values())


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_fuzz_restapi_get(functional_sample, functional, name, record_property):
    path, keys, examples = ENDPOINTS[name]
    base = functional["portal"].absolute_url()
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    tally = Tally()

    @fuzz_settings(examples)
    @given(pairs=query_of(keys))
    def send(pairs):
        response = session.get(f"{base}{path}", params=pairs, timeout=60)
        tally.record(f"GET {path} {pairs!r}", response)

    send()
    report(name, tally, record_property)


def test_fuzz_querystring_search_post(functional_sample, functional, record_property):
    base = functional["portal"].absolute_url()
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    tally = Tally()

    @fuzz_settings(300)
    @given(body=QUERYSTRING_BODY)
    def send(body):
        data = json.dumps(body)
        response = session.post(
            f"{base}/el/@querystring-search",
            data=data,
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        tally.record(f"POST @querystring-search {data}", response)

    send()
    report("querystring-search-post", tally, record_property)
