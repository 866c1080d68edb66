"""Live answers of the server validate against the document's schemas."""

from accounts import ADMIN
from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


ITEMS = {
    "cities": ("/el/networks/cities-network", "Network"),
    "cyprus": ("/el/networks/cyprus-network", "Network"),
    "athens": ("/el/organisations/athens", "Organisation"),
    "cardet": ("/el/organisations/cardet", "Organisation"),
    "mentoring": ("/el/organisations/athens/job-mentoring", "Practice"),
    "draft": ("/el/organisations/athens/draft-practice", "Practice"),
    "webinar": ("/el/organisations/athens/webinar", "Training"),
    "visit": ("/el/organisations/nicosia-university/study-visit", "Training"),
    "newsletter": ("/el/newsletters/issue-1", "Newsletter"),
}
PRIVATE = {"draft", "newsletter"}


@pytest.fixture(params=["anonymous", "admin"])
def client(request, http):
    if request.param == "admin":
        return request.param, http(auth=ADMIN, json=True)
    return request.param, http(json=True)


@pytest.mark.parametrize("key", list(ITEMS))
def test_content_validates_against_its_type(client, rich_content, validate, key):
    role, session = client
    path, portal_type = ITEMS[key]
    response = session.get(path)
    if role == "anonymous" and key in PRIVATE:
        assert response.status_code == 401
        validate(response.json(), "PloneError")
        return
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["@type"] == portal_type
    validate(data, portal_type)


def test_contact_points_present_for_members_only(http, rich_content, validate):
    anonymous = http(json=True).get("/el/organisations/athens").json()
    member = http(auth=ADMIN, json=True).get("/el/organisations/athens").json()
    assert "contact_points" not in anonymous
    assert member["contact_points"][0]["role"] == "Migrant Integration Centre"
    validate(anonymous, "Organisation")
    validate(member, "Organisation")


def test_an_undocumented_key_is_refused(http, rich_content, schema_errors):
    data = http(json=True).get("/el/organisations/athens").json()
    data["not_a_field"] = 1
    assert schema_errors(data, "Organisation")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?facets=thematic_areas,countries,kind,networks,organisation",
        "?portal_type=Practice&thematic_areas=housing&thematic_areas=labour_market"
        "&facets=thematic_areas",
        "?portal_type=Training&upcoming=true&facets=format,audience",
        "?SearchableText=mentoring&b_size=1",
        "?b_size=1&b_start=1&sort_on=modified&sort_order=descending",
    ],
)
@pytest.mark.parametrize("lang", ["el", "en"])
def test_search_answer_validates(client, rich_content, validate, lang, query):
    _role, session = client
    response = session.get(f"/{lang}/@network-search{query}")
    assert response.status_code == 200, response.text
    validate(response.json(), "SearchResults")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?b_size=abc", "b_size"),
        ("?b_size=1000", "b_size"),
        ("?facets=nope", "facets"),
        ("?thematic_areas=not_an_area", "thematic_areas"),
        ("?start.from=yesterday", "start.from"),
        ("?portal_type=Document", "portal_type"),
        ("?colour=red", "colour"),
    ],
)
def test_search_refusal_validates(http, validate, query, parameter):
    response = http(json=True).get(f"/el/@network-search{query}")
    assert response.status_code == 400
    body = response.json()
    validate(body, "Error")
    assert body["error"]["parameter"] == parameter


@pytest.mark.parametrize("path", ["/@network-stats", "/el/@network-stats"])
def test_stats_answer_validates(client, rich_content, validate, path):
    _role, session = client
    response = session.get(path)
    assert response.status_code == 200, response.text
    validate(response.json(), "NetworkStats")


def test_review_queue_answer_validates(http, rich_content, validate):
    response = http(auth=ADMIN, json=True).get("/el/@review-queue")
    assert response.status_code == 200, response.text
    validate(response.json(), "ReviewQueue")


def test_review_queue_refuses_anonymous(http, validate):
    response = http(json=True).get("/@review-queue")
    assert response.status_code == 401
    validate(response.json(), "PloneError")


def test_join_refusal_validates(http, validate):
    response = http(json=True).post("/el/@join-network", json={"title": "X"})
    assert response.status_code == 400
    body = response.json()
    validate(body, "FieldErrors")
    assert {error["field"] for error in body["errors"]} >= {"network", "kind"}


PRACTICE = {
    "@type": "Practice",
    "title": "Language cafe",
    "kind": "good_practice",
    "status": "ongoing",
    "start_date": "2024-02-01",
    "context": {"data": "<p>Many newcomers</p>", "content-type": "text/html"},
    "objectives": "<p>Practise Greek</p>",
    "thematic_areas": ["language_learning"],
    "countries": ["GR"],
    "budget": "12000.50",
    "indicators": [{"name": "Participants", "value": "120", "unit": "people"}],
    "gcm_objectives": ["gcm16"],
}


def test_a_valid_body_is_accepted_and_its_answer_validates(
    http, rich_content, validate
):
    validate(PRACTICE, "PracticeCreate")
    admin = http(auth=ADMIN, json=True)
    created = admin.post("/el/organisations/athens", json=PRACTICE)
    assert created.status_code == 201, created.text
    validate(created.json(), "Practice")
    changed = admin.patch(created.json()["@id"], json={"budget": 10, "kind": "tool"})
    assert changed.status_code == 204
    validate(admin.get(created.json()["@id"]).json(), "Practice")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "not_a_kind"),
        ("thematic_areas", ["unknown_area"]),
        ("countries", ["XX"]),
        ("budget", -5),
        ("indicators", [{"value": "no name"}]),
    ],
)
def test_bodies_the_server_refuses_are_invalid(
    http, rich_content, schema_errors, field, value
):
    body = {**PRACTICE, field: value, "title": "Refused"}
    assert schema_errors(body, "PracticeCreate")
    response = http(auth=ADMIN, json=True).post("/el/organisations/athens", json=body)
    assert response.status_code == 400


def test_team_answers_validate(http, rich_content, validate):
    admin = http(auth=ADMIN, json=True)
    listed = admin.get("/el/organisations/athens/@team")
    assert listed.status_code == 200, listed.text
    validate(listed.json(), "Team")
    refused = admin.post("/el/organisations/athens/@team", json={"user": "nobody"})
    assert refused.status_code == 400
    validate(refused.json(), "FieldErrors")
    missing = admin.delete("/el/organisations/athens/@team/nobody")
    assert missing.status_code == 404
    validate(missing.json(), "FieldErrors")


def test_application_answers_validate(http, rich_content, validate):
    application = {
        "network": rich_content["cities"].UID(),
        "title": "Municipality of Patras",
        "kind": "municipality",
        "country": "GR",
        "applicant_name": "Eleni",
        "applicant_email": "eleni@patras.example",
        "consent": True,
    }
    validate(application, "JoinApplication")
    created = http(json=True).post("/el/@join-network", json=application)
    assert created.status_code == 201, created.text
    validate(created.json(), "JoinAccepted")
    url = created.json()["@id"]
    assert http(json=True).get(f"{url}/@application").status_code == 401
    answer = http(auth=ADMIN, json=True).get(f"{url}/@application")
    assert answer.status_code == 200, answer.text
    validate(answer.json(), "Application")
    missing = http(auth=ADMIN, json=True).get("/el/organisations/athens/@application")
    assert missing.status_code == 404
    validate(missing.json(), "PloneError")


def test_translation_status_answers_validate(http, rich_content, validate):
    from plone.app.multilingual.api import translate as make_translation

    athens = rich_content["athens"]
    with api.env.adopt_roles(["Manager"]):
        english = make_translation(athens, "en")
        english.title = "Municipality of Athens"
        notify(ObjectModifiedEvent(english))
    transaction.commit()
    admin = http(auth=ADMIN, json=True)
    url = f"{english.absolute_url()}/@translation-status"
    current = admin.get(url)
    assert current.status_code == 200, current.text
    validate(current.json(), "TranslationStatus")
    assert current.json()["outdated"] is False

    changed = admin.patch(athens.absolute_url(), json={"description": "Νέο κείμενο"})
    assert changed.status_code == 204, changed.text
    outdated = admin.get(url)
    validate(outdated.json(), "TranslationStatus")
    assert outdated.json()["outdated"] is True
    assert http(json=True).get(url).status_code == 401
