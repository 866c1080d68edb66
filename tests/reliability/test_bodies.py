"""Issue #15: deep JSON, NaN and lone surrogates answer 400 naming where,
before any service parses the body, and nothing is written."""

from accounts import ADMIN
from collective.migrationnetwork.inputs.bodies import MAX_DEPTH
from collective.migrationnetwork.inputs.bodies import depth_of
from membership.helpers import application
from reliability.helpers import snapshot

import json
import pytest


JSON = {"Content-Type": "application/json", "Accept": "application/json"}
DEEP = "[" * 1000 + "]" * 1000

# (method, path, logged in): every endpoint of the finding.
ENDPOINTS = [
    ("post", "/en/@subscribe", False),
    ("post", "/el/@join-network", False),
    ("post", "/@subscribe/confirm", False),
    ("patch", "/@subscription", False),
    ("post", "/@unsubscribe", False),
    ("post", "/@login", False),
    ("post", "/el/organisations/athens/@team", True),
    ("patch", "/@controlpanels/migrationnetwork-settings", True),
    ("patch", "/el/organisations/athens", True),
]


def send(http, method, path, auth, body):
    session = http(auth=ADMIN if auth else None, json=True)
    return getattr(session, method)(path, data=body, headers=JSON)


def message(answer):
    body = answer.json()
    return body.get("error", body)["message"]


@pytest.mark.parametrize(("method", "path", "auth"), ENDPOINTS)
@pytest.mark.parametrize(
    "body",
    [DEEP, '{"email": ' + "[" * 100 + "]" * 100 + "}", "[" * 100_000],
    ids=["1000-levels", "deep-value", "unclosed"],
)
def test_deep_json_is_refused(http, functional_sample, method, path, auth, body):
    before = snapshot(functional_sample["athens"])
    answer = send(http, method, path, auth, body)
    assert answer.status_code == 400, answer.text[-3000:]
    assert "nested deeper" in message(answer)
    assert snapshot(functional_sample["athens"]) == before


def test_depth_ignores_brackets_in_strings():
    assert depth_of(b'{"a": "[[[[[[[[", "b": [{"c": "\\"]]]"}]}') == 3
    assert depth_of(b"[" * (MAX_DEPTH + 1)) == MAX_DEPTH + 1


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("field", ["latitude", "longitude"])
def test_nan_is_refused_naming_the_field(http, functional_sample, constant, field):
    """``PATCH …/athens {"latitude": NaN}`` answered 204."""
    before = snapshot(functional_sample["athens"])
    body = f'{{"{field}": {constant}}}'
    answer = send(http, "patch", "/el/organisations/athens", True, body)
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith(f"{field}:")
    assert snapshot(functional_sample["athens"]) == before


def test_nan_in_a_nested_value_names_its_path(http, functional_sample):
    body = '{"indicators": [{"name": "x", "value": NaN}]}'
    answer = send(http, "patch", "/el/organisations/athens/job-mentoring", True, body)
    assert answer.status_code == 400
    assert message(answer).startswith("indicators:")
    assert "indicators[0].value" in message(answer)


def test_subscribe_lone_surrogate_email(http, functional_sample):
    """``@subscribe`` with ``"email": "\\ud800@example.org"`` answered 500."""
    body = json.dumps({"email": "\ud800@example.org", "consent": True})
    answer = send(http, "post", "/en/@subscribe", False, body)
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith("email:")


def test_confirm_lone_surrogate_token(http, functional_sample):
    """``@subscribe/confirm {"token": "\\ud800"}`` answered 500."""
    answer = send(http, "post", "/@subscribe/confirm", False, '{"token": "\\ud800"}')
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith("token:")


@pytest.mark.parametrize("field", ["title", "applicant_name", "message", "city"])
@pytest.mark.parametrize("bad", ["\ud800", "\x00", "\x1b[31m", "\x7f", "\x85"])
def test_join_refuses_broken_characters(http, functional_sample, field, bad):
    """``@join-network`` with ``\\ud800`` in a name answered 201, then the
    coordinators' mails failed."""
    folder = functional_sample["athens"].__parent__
    before = sorted(folder.objectIds())
    data = application(functional_sample["cities"].UID())
    data[field] = f"Larissa {bad}"
    answer = send(http, "post", "/el/@join-network", False, json.dumps(data))
    assert answer.status_code == 400, answer.text[:300]
    assert message(answer).startswith(f"{field}:")
    folder._p_jar.sync()
    assert sorted(folder.objectIds()) == before


def test_line_breaks_and_tabs_are_text(http, functional_sample):
    body = json.dumps({"description": "one\nline\ttwo\r\n"})
    answer = send(http, "patch", "/el/organisations/athens", True, body)
    assert answer.status_code == 204, answer.text[:300]


def test_body_over_the_memory_limit_is_refused(http, functional_sample):
    big = json.dumps({"description": "x" * (5 * 2**20)})
    answer = send(http, "patch", "/el/organisations/athens", True, big)
    assert answer.status_code == 400


def test_invalid_utf8_is_refused(http, functional_sample):
    answer = send(http, "post", "/en/@subscribe", False, b'{"email": "\xff@x.org"}')
    assert answer.status_code == 400
