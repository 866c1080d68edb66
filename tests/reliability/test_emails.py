"""Issue #15, e-mail addresses: one validator (email-validator) for every
address the portal takes."""

from accounts import ADMIN
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.validation import InvalidInput
from collective.migrationnetwork.validation import validate_email
from membership.helpers import application
from reliability.helpers import names_field
from reliability.helpers import snapshot

import json
import pytest
import transaction


# The addresses of the finding, and more of the same kinds.
BAD = [
    "a\x00b@example.org",
    "<script>@example.org",
    "a@-example.org",
    "a\u202e@example.org",
    "a\u200b@example.org",
    "\ufeffa@example.org",
    "a@example..org",
    "a@localhost",
    "a b@example.org",
    "@example.org",
    "a@",
    "a" * 65 + "@example.org",
    "a@" + "b" * 250 + ".org",
    "a@exa_mple.org",
]
GOOD = [
    ("name@example.org", "name@example.org"),
    ("  Name@Example.ORG ", "Name@example.org"),
    ("μαρία@παράδειγμα.gr", "μαρία@παράδειγμα.gr"),
    ("first.last+tag@sub.example.org", "first.last+tag@sub.example.org"),
]


@pytest.mark.parametrize("value", BAD)
def test_validator_refuses(value):
    with pytest.raises(InvalidInput):
        validate_email(value)


@pytest.mark.parametrize(("value", "normalised"), GOOD)
def test_validator_normalises(value, normalised):
    assert validate_email(value) == normalised


@pytest.mark.parametrize("value", [None, 3, ["a@example.org"], ""])
def test_validator_refuses_what_is_no_text(value):
    with pytest.raises(InvalidInput):
        validate_email(value)


JSON = {"Content-Type": "application/json"}


def json_post(http, path, data, auth=None):
    session = http(auth=auth, json=True)
    return session.post(path, data=json.dumps(data), headers=JSON)


@pytest.mark.parametrize("value", BAD)
def test_subscription_refuses(http, functional, functional_sample, value):
    answer = json_post(
        http, "/en/@subscribe", {"email": value, "consent": True, "language": "en"}
    )
    assert answer.status_code == 400, answer.text[:300]
    assert names_field(answer, "email"), answer.text[:300]
    transaction.abort()
    store = get_store(functional["portal"], create=False)
    assert store is None or len(store) == 0


@pytest.mark.parametrize("field", ["email", "applicant_email"])
@pytest.mark.parametrize("value", BAD)
def test_join_refuses(http, functional_sample, field, value):
    folder = functional_sample["athens"].__parent__
    before = sorted(folder.objectIds())
    data = application(functional_sample["cities"].UID(), **{field: value})
    answer = json_post(http, "/el/@join-network", data)
    assert answer.status_code == 400, answer.text[:300]
    assert names_field(answer, field), answer.text[:300]
    folder._p_jar.sync()
    assert sorted(folder.objectIds()) == before


@pytest.mark.parametrize(
    "value", ["<script>@example.org", "a@-example.org", "a\u200b@example.org"]
)
@pytest.mark.parametrize("field", ["email", "contact_points"])
def test_organisation_addresses_refused(http, functional_sample, field, value):
    obj = functional_sample["athens"]
    before = snapshot(obj)
    if field == "email":
        body = {"email": value}
    else:
        body = {"contact_points": [{"role": "Office", "email": value}]}
    answer = http(auth=ADMIN, json=True).patch("/el/organisations/athens", json=body)
    assert answer.status_code == 400, answer.text[:300]
    assert names_field(answer, field), answer.text[:300]
    assert snapshot(obj) == before


@pytest.mark.parametrize(
    "value", ["<script>@example.org", "a@-example.org", "a\u200b@example.org"]
)
@pytest.mark.parametrize("field", ["email", "user"])
def test_team_refuses(http, functional_sample, field, value):
    acl_users = functional_sample["athens"].acl_users
    users_before = len(acl_users.searchUsers())
    data = {"email": value, "fullname": "New Editor"} if field == "email" else {}
    if field == "user":
        data = {"user": value}
    answer = json_post(http, "/el/organisations/athens/@team", data, auth=ADMIN)
    assert answer.status_code == 400, answer.text[:300]
    assert answer.json()["errors"][0]["field"] == field
    acl_users._p_jar.sync()
    assert len(acl_users.searchUsers()) == users_before


def test_team_creates_with_a_valid_address(http, functional_sample):
    data = {"email": "New.Editor@Example.ORG", "fullname": "New Editor"}
    answer = json_post(http, "/el/organisations/athens/@team", data, auth=ADMIN)
    assert answer.status_code == 201, answer.text[:300]
    assert answer.json()["email"] == "New.Editor@example.org"
