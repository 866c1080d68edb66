"""A property-based run of the add-on's endpoints from their description.

Schemathesis reads ``@openapi`` and generates requests that fit the
document (positive) and requests that break it (negative), and sends them
to the live test server as an anonymous client. Whatever comes in:

- the server never answers 5xx;
- every 4xx of a JSON or feed endpoint has a JSON body with a message
  (``{"error": {"message", "parameter"}}`` naming the parameter for the
  search and the feeds, or plone.rest's ``{"type", "message"}``);
- the answers fit the document (status code, media type and, for JSON, the
  schema).

Hypothesis runs derandomized (the same requests every run), without
shrinking, and the problems are collected and reported together, each with
the request that caused it and the server's traceback.
"""

from accounts import ADMIN
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import given
from hypothesis import settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import negative_data_rejection
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance

import json
import os
import pytest
import requests
import schemathesis
import time


POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE
FEEDS = {"networkSearchFeedRss", "networkSearchFeedIcs", "networkSearchFeedCsv"}

# operationId: (Accept header, {mode: examples}). About 4,000 requests in
# all, in two to three minutes on one core. Operations without parameters
# have nothing to break: positive only, and few examples.
OPERATIONS = {
    "networkSearch": ("application/json", {POSITIVE: 700, NEGATIVE: 700}),
    "networkSearchFeedRss": ("application/rss+xml", {POSITIVE: 250, NEGATIVE: 250}),
    "networkSearchFeedIcs": ("text/calendar", {POSITIVE: 250, NEGATIVE: 250}),
    "networkSearchFeedCsv": ("text/csv", {POSITIVE: 250, NEGATIVE: 250}),
    "networkStats": ("application/json", {POSITIVE: 5}),
    "networkStatsInLanguage": ("application/json", {POSITIVE: 10, NEGATIVE: 20}),
    "openapi": ("application/json", {POSITIVE: 5}),
    "openapiInLanguage": ("application/json", {POSITIVE: 10, NEGATIVE: 20}),
    "reviewQueue": ("application/json", {POSITIVE: 5}),
    "reviewQueueInLanguage": ("application/json", {POSITIVE: 10, NEGATIVE: 20}),
    "joinNetwork": ("application/json", {POSITIVE: 300, NEGATIVE: 300}),
    "getTeam": ("application/json", {POSITIVE: 30, NEGATIVE: 30}),
    "addTeamEditor": ("application/json", {POSITIVE: 30, NEGATIVE: 30}),
    "removeTeamEditor": ("application/json", {POSITIVE: 30, NEGATIVE: 30}),
    "getApplication": ("application/json", {POSITIVE: 30, NEGATIVE: 30}),
    **{
        f"get{types}TranslationStatus": (
            "application/json",
            {POSITIVE: 20, NEGATIVE: 20},
        )
        for types in ("Network", "Organisation", "PracticeTraining", "Newsletter")
    },
    # The rate limit answers 429 once a few subscriptions got through.
    "subscribeNewsletter": ("application/json", {POSITIVE: 40, NEGATIVE: 40}),
    **{
        operation_id: ("application/json", {POSITIVE: 20, NEGATIVE: 20})
        for operation_id in (
            "confirmSubscription",
            "unsubscribeNewsletter",
            "getSubscription",
            "updateSubscription",
            "getSubscribers",
            "deleteSubscriber",
            "getNewsletterReport",
            "retryNewsletterDeliveries",
            "listRegistrations",
            "changeRegistration",
            "eraseRegistrant",
            "sendRegistrationsMessage",
            "listRegistrationsMessages",
            "getMyRegistration",
            "changeMyRegistration",
            "withdrawMyRegistration",
            "eraseRegistrant",
        )
    },
    # The per-address rate limit answers 429 after a few registrations.
    "registerForTraining": ("application/json", {POSITIVE: 40, NEGATIVE: 40}),
}
# ``make fuzz``: FUZZ_SCALE multiplies the examples, FUZZ_IDENTITIES adds
# runs as an editor of an organisation and as the site's admin (CI: the
# anonymous run at scale 1).
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
IDENTITIES = os.environ.get("FUZZ_IDENTITIES", "anonymous").split(",")
EDITOR = ("fuzz-editor", "fuzz-editor-password")
RUNS = [
    (operation_id, mode, identity)
    for identity in IDENTITIES
    for operation_id, (_accept, examples) in OPERATIONS.items()
    for mode in examples
]
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def fuzz_settings(examples):
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )


def message_of(body):
    """The message of an error body, or None."""
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    if isinstance(error, dict):
        return error.get("message")
    return body.get("message")


def refusal_problem(case, response):
    """What is wrong with a 4xx answer, or None."""
    try:
        body = response.json()
    except ValueError:
        return f"{response.status_code} without a JSON body"
    if not message_of(body):
        return f"{response.status_code} without a message: {body!r:.200}"
    error = body.get("error")
    if isinstance(error, dict):
        parameter = error.get("parameter")
        # A nameless parameter (?=x) is named by its empty name.
        nameless = "" in (case.query or {})
        if not isinstance(parameter, str) or not (parameter or nameless):
            return f"{response.status_code} naming no parameter: {body!r:.200}"
    return None


def has_empty_value(case):
    """An empty query value counts as absent: it breaks the schema, but is
    rightly accepted."""
    for value in (case.query or {}).values():
        values = value if isinstance(value, list) else [value]
        if "" in values:
            return True
    return False


def describe_failure(failure):
    if isinstance(failure, FailureGroup):
        return "\n".join(describe_failure(f) for f in failure.exceptions)
    return f"{failure.title}: {failure.message}"


def traceback_of(case, base_url, accept):
    """The same request as a Manager: plone.rest adds the traceback."""
    kwargs = case.as_transport_kwargs(base_url=base_url)
    kwargs["headers"] = {**kwargs.get("headers", {}), "Accept": accept}
    kwargs["auth"] = ADMIN
    kwargs.pop("timeout", None)
    replay = requests.request(timeout=30, **kwargs)
    try:
        return "\n".join(replay.json().get("traceback") or []) or replay.text[:2000]
    except ValueError:
        return replay.text[:2000]


class Run:
    """Sends the cases of one operation and collects what goes wrong."""

    def __init__(self, base_url, accept, mode, feed=False, auth=None):
        self.feed = feed
        self.base_url = base_url
        self.accept = accept
        self.mode = mode
        self.session = requests.Session()
        self.session.auth = auth
        self.sent = 0
        self.waited = 0.0
        self.statuses = {}
        self.problems = {}

    def problem(self, key, case, text, traceback=None):
        if key in self.problems:
            return
        self.problems[key] = f"{case.as_curl_command()}\n  -> {text}" + (
            f"\n  traceback:\n{traceback}" if traceback else ""
        )

    def __call__(self, case):
        # The run's identity (the session's credentials), never made-up
        # credentials (see test_malformed_basic_credentials_are_refused).
        case.headers = {
            name: value
            for name, value in (case.headers or {}).items()
            if name.lower() != "authorization"
        }
        response = case.call(
            base_url=self.base_url,
            session=self.session,
            headers={"Accept": self.accept},
        )
        self.sent += 1
        self.waited += response.elapsed
        status = response.status_code
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status >= 500:
            self.problem(
                ("5xx", status, response.text[:200]),
                case,
                f"{status} {response.text[:500]}",
                traceback_of(case, self.base_url, self.accept),
            )
            return
        # A feed's 404 (no such language root) is Plone's, not the feed's.
        if 400 <= status < 500 and not (self.feed and status == 404):
            problem = refusal_problem(case, response)
            if problem:
                self.problem(("4xx", problem[:80]), case, problem)
        checks = list(CONFORMANCE)
        if self.mode is NEGATIVE and not has_empty_value(case):
            checks.append(negative_data_rejection)
        try:
            case.validate_response(response, checks=checks)
        except (Failure, FailureGroup) as failure:
            text = describe_failure(failure)
            self.problem(("check", text[:120]), case, text[:1500])


@pytest.fixture
def api_schema(functional_sample, http):
    document = http(json=True).get("/@openapi").json()
    return schemathesis.openapi.from_dict(document)


@pytest.fixture
def identity_auth(functional_sample):
    """The credentials of an identity of the run."""
    from plone import api

    def auth(identity):
        if identity == "admin":
            return ADMIN
        if identity == "editor":
            with api.env.adopt_roles(["Manager"]):
                if api.user.get(username=EDITOR[0]) is None:
                    api.user.create(
                        username=EDITOR[0],
                        password=EDITOR[1],
                        email="fuzz-editor@example.org",
                    )
                api.user.grant_roles(
                    username=EDITOR[0],
                    obj=functional_sample["athens"],
                    roles=["Editor", "Contributor", "Reviewer"],
                )
            import transaction

            transaction.commit()
            return EDITOR
        return None

    return auth


@pytest.mark.parametrize(
    ("operation_id", "mode", "identity"),
    RUNS,
    ids=[f"{o}-{m.value}-{i}" for o, m, i in RUNS],
)
def test_fuzz(
    functional, api_schema, identity_auth, operation_id, mode, identity, record_property
):
    accept, examples = OPERATIONS[operation_id]
    examples = max(1, int(examples[mode] * SCALE))
    operation = api_schema.find_operation_by_id(operation_id)
    strategy = operation.as_strategy(generation_mode=mode)
    run = Run(
        functional["portal"].absolute_url(),
        accept,
        mode,
        feed=operation_id in FEEDS,
        auth=identity_auth(identity),
    )
    started = time.monotonic()

    @fuzz_settings(examples)
    @given(case=strategy)
    def send(case):
        run(case)

    send()
    record_property("requests", run.sent)
    record_property("seconds", round(time.monotonic() - started, 1))
    print(
        f"\n{operation_id} {mode.value} {identity}: {run.sent} requests "
        f"in {time.monotonic() - started:.1f}s ({run.waited:.1f}s server), statuses "
        f"{json.dumps(dict(sorted(run.statuses.items())))}"
    )
    assert run.sent
    assert not run.problems, "\n\n".join(run.problems.values())


def test_the_run_covers_the_add_on_endpoints(api_schema):
    """Every operation of the add-on's own services is fuzzed (the content
    types' operations are plone.restapi's)."""
    described = {
        operation.ok().definition.raw["operationId"]
        for operation in api_schema.get_all_operations()
        if "content" not in (operation.ok().definition.raw.get("tags") or ())
    }
    assert described == set(OPERATIONS)


@pytest.mark.parametrize("credentials", [b"\xc4\x80x:\xffy", b"no-colon"])
def test_malformed_basic_credentials_are_refused(http, credentials):
    """Zope's decoding of Basic credentials that are not UTF-8 or lack a
    colon raised for every URL (500); the WSGI filter of the pipeline
    (``collective.migrationnetwork.wsgi``) answers 400 first."""
    import base64

    token = base64.b64encode(credentials).decode()
    response = http(json=True).get(
        "/el/@network-search", headers={"Authorization": f"Basic {token}"}
    )
    assert response.status_code == 400
    assert response.json()["message"].startswith("Authorization:")
