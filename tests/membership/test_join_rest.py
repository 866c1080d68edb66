"""``POST /{lang}/@join-network`` and ``GET <organisation>/@application``
as an anonymous client, a coordinator and the secretariat would use them."""

from accounts import ADMIN
from collective.migrationnetwork.membership.ratelimit import RATE_LIMITED
from membership.helpers import PASSWORD
from membership.helpers import application
from membership.helpers import organisation_ids
from zope.i18n import translate

import pytest
import transaction


@pytest.fixture
def anon(http):
    return http(json=True)


@pytest.fixture
def cities_uid(functional_sample):
    return functional_sample["cities"].UID()


def apply(anon, data, lang="el"):
    return anon.post(f"/{lang}/@join-network", json=data)


def test_anonymous_application_is_created(
    anon, functional, cities_uid, functional_people, events
):
    response = apply(anon, application(cities_uid))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["@id"].endswith("/el/organisations/municipality-of-larissa")
    assert response.headers["Location"] == body["@id"]
    assert body["review_state"] == "applied"
    assert body["message"]
    transaction.begin()
    org = functional["portal"]["el"]["organisations"]["municipality-of-larissa"]
    assert org.title == "Municipality of Larissa"
    assert [e.object.getId() for e in events] == ["municipality-of-larissa"]
    # Applied is not public: neither the organisation nor its applicant.
    assert anon.get(body["@id"]).status_code == 401
    assert anon.get(f"{body['@id']}/@application").status_code == 401
    # Anonymous search does not list it.
    found = anon.get("/el/@search", params={"portal_type": "Organisation"}).json()
    assert "Municipality of Larissa" not in [i["title"] for i in found["items"]]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (("coordinator-cities", PASSWORD), 200),
        (("secretary", PASSWORD), 200),
        (ADMIN, 200),
        (("coordinator-cyprus", PASSWORD), 401),
        (("member", PASSWORD), 401),
        (None, 401),
    ],
)
def test_application_is_shown_to_who_reviews_it(
    http, cities_uid, functional_people, who, expected
):
    url = apply(http(json=True), application(cities_uid)).json()["@id"]
    response = http(auth=who, json=True).get(f"{url}/@application")
    assert response.status_code == expected, response.text
    if expected == 200:
        data = response.json()
        assert data["email"] == "eleni@larissa.example"
        assert data["name"] == "Eleni Applicant"
        assert data["network_uid"] == cities_uid
    # The organisation's own JSON never carries the applicant.
    if who:
        item = http(auth=who, json=True).get(url)
        assert "eleni@larissa.example" not in item.text


def test_application_of_an_organisation_without_one(http, functional_sample):
    response = http(auth=ADMIN, json=True).get("/el/organisations/athens/@application")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("network", "no-such-network"),
        ("network", None),
        ("title", ""),
        ("title", "   "),
        ("kind", "not_a_kind"),
        ("country", "XX"),
        ("website", "not a url"),
        ("website", "javascript:alert(1)"),
        ("email", "not-an-email"),
        ("applicant_email", "nobody"),
        ("applicant_name", ""),
        ("consent", False),
        ("consent", None),
        ("message", ["a", "list"]),
        # A line break is refused, not stripped away (the schema's pattern).
        ("title", "Municipality of Patras\r\n"),
        ("applicant_name", "Eleni\nPapadopoulou"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_creates_nothing(
    anon, functional, cities_uid, events, field, value
):
    before = organisation_ids(functional["portal"])
    response = apply(anon, application(cities_uid, **{field: value}))
    assert response.status_code == 400, response.text
    body = response.json()
    assert [e["field"] for e in body["errors"]] == [field]
    assert body["errors"][0]["message"]
    assert field in body["message"]
    transaction.begin()
    assert organisation_ids(functional["portal"]) == before
    assert events == []


def test_missing_fields_are_all_named(anon, cities_uid):
    response = apply(anon, {"network": cities_uid})
    assert response.status_code == 400
    named = {e["field"] for e in response.json()["errors"]}
    assert named == {
        "title",
        "kind",
        "country",
        "applicant_name",
        "applicant_email",
        "consent",
    }


@pytest.mark.parametrize("body", ["not json", "[1, 2]", ""])
def test_a_body_that_is_not_an_object_is_400(anon, functional_sample, body):
    response = anon.post(
        "/el/@join-network", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["message"]


def test_choices_may_come_as_tokens_of_vocabularies(anon, cities_uid):
    terms = anon.get(
        "/el/@vocabularies/collective.migrationnetwork.published_networks"
    ).json()["items"]
    assert cities_uid in [t["token"] for t in terms]
    data = application(cities_uid, kind={"token": "ngo"}, network={"token": cities_uid})
    assert apply(anon, data).status_code == 201


def test_honeypot_answers_like_a_success_and_creates_nothing(
    anon, functional, cities_uid, events
):
    before = organisation_ids(functional["portal"])
    response = apply(anon, application(cities_uid, homepage="http://spam.example"))
    assert response.status_code == 201
    assert set(response.json()) == {"@id", "review_state", "message"}
    transaction.begin()
    assert organisation_ids(functional["portal"]) == before
    assert events == []


def test_rate_limit_is_429_with_a_message(anon, functional, cities_uid):
    for number in range(3):
        data = application(cities_uid, title=f"Organisation {number}")
        assert apply(anon, data).status_code == 201
    transaction.begin()
    before = organisation_ids(functional["portal"])
    # Another e-mail, the same client address.
    response = apply(
        anon, application(cities_uid, title="One too many", applicant_email="x@y.org")
    )
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    # In the language of the root applied to.
    assert response.json()["message"] == translate(RATE_LIMITED, target_language="el")
    transaction.begin()
    assert organisation_ids(functional["portal"]) == before


def test_only_language_roots_take_applications(anon, cities_uid):
    response = anon.post(
        "/el/organisations/athens/@join-network", json=application(cities_uid)
    )
    assert response.status_code in (401, 404)
