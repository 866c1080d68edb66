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


SUBSCRIPTION = {
    "email": "Reader@Example.org",
    "thematic_areas": ["housing"],
    "countries": ["GR", "CY"],
    "consent": True,
}


def test_subscribe_answers_validate(http, functional, validate, schema_errors):
    session = http(json=True)
    validate(SUBSCRIPTION, "NewsletterSubscribe")
    received = session.post("/en/@subscribe", json=SUBSCRIPTION)
    assert received.status_code == 202, received.text
    validate(received.json(), "NewsletterMessage")

    body = {**SUBSCRIPTION, "consent": False, "countries": ["XX"]}
    assert schema_errors(body, "NewsletterSubscribe")
    refused = session.post("/en/@subscribe", json=body)
    assert refused.status_code == 400
    validate(refused.json(), "FieldErrors")
    assert {error["field"] for error in refused.json()["errors"]} == {
        "consent",
        "countries",
    }
    unreadable = session.post(
        "/en/@subscribe", data="email=a", headers={"Content-Type": "text/plain"}
    )
    assert unreadable.status_code == 400
    validate(unreadable.json(), "PloneError")


def test_token_answers_validate(http, functional, validate):
    from collective.migrationnetwork.newsletter import tokens
    from collective.migrationnetwork.newsletter.store import Subscriber
    from collective.migrationnetwork.newsletter.store import get_store

    session = http(json=True)
    unknown = session.post("/@subscribe/confirm", json={"token": "nonsense"})
    assert unknown.status_code == 400
    validate(unknown.json(), "TokenRefused")
    assert unknown.json()["errors"][0]["reason"] == "invalid"

    transaction.begin()  # what the requests committed
    subscriber = get_store().add(Subscriber("pref@example.org", "en", ["health"]))
    subscriber.state = "confirmed"
    token = tokens.make_token(subscriber, tokens.MANAGE)
    transaction.commit()
    read = session.get("/@subscription", params={"token": token})
    assert read.status_code == 200, read.text
    validate(read.json(), "NewsletterSubscriber")
    change = {"token": token, "language": "el", "countries": "GR"}
    validate(change, "NewsletterPreferencesUpdate")
    saved = session.patch("/@subscription", json=change)
    assert saved.status_code == 200, saved.text
    validate(saved.json(), "NewsletterSubscriberSaved")
    assert saved.json()["countries"] == ["GR"]
    gone = session.post("/@unsubscribe", json={"token": token})
    assert gone.status_code == 200, gone.text
    validate(gone.json(), "NewsletterState")


def test_subscribers_answers_validate(http, functional, validate):
    from collective.migrationnetwork.newsletter.store import Subscriber
    from collective.migrationnetwork.newsletter.store import get_store

    store = get_store()
    for email, state, areas in (
        ("one@example.org", "confirmed", ["housing"]),
        ("two@example.org", "confirmed", []),
        ("three@example.org", "pending", []),
    ):
        store.add(Subscriber(email, "en", areas, ["GR"])).state = state
    transaction.commit()
    admin = http(auth=ADMIN, json=True)
    counts = admin.get("/@subscribers")
    assert counts.status_code == 200, counts.text
    validate(counts.json(), "SubscriberCounts")
    assert counts.json()["confirmed"] == 2
    export = admin.get("/@subscribers", params={"format": "csv"})
    assert export.status_code == 200
    assert export.headers["Content-Type"].startswith("text/csv")
    refused = http(json=True).get("/@subscribers")
    assert refused.status_code == 401
    validate(refused.json(), "PloneError")

    bad = admin.delete("/@subscribers", params={"email": "nonsense"})
    assert bad.status_code == 400
    validate(bad.json(), "FieldErrors")
    missing = admin.delete("/@subscribers", params={"email": "nobody@example.org"})
    assert missing.status_code == 404
    validate(missing.json(), "PloneError")
    erased = admin.delete("/@subscribers", params={"email": "one@example.org"})
    assert erased.status_code == 204


def test_newsletter_report_answers_validate(http, rich_content, validate):
    admin = http(auth=ADMIN, json=True)
    url = "/el/newsletters/issue-1"
    unsent = admin.get(f"{url}/@newsletter-report")
    assert unsent.status_code == 404
    validate(unsent.json(), "PloneError")
    for transition in ("submit", "approve", "send"):
        answer = admin.post(f"{url}/@workflow/{transition}", json={})
        assert answer.status_code == 200, answer.text
    report = admin.get(f"{url}/@newsletter-report")
    assert report.status_code == 200, report.text
    validate(report.json(), "NewsletterReport")
    assert report.json()["state"] == "finished"
    retried = admin.post(f"{url}/@newsletter-report/retry", json={})
    assert retried.status_code == 200, retried.text
    validate(retried.json(), "NewsletterRetry")
    assert retried.json()["retried"] == 0
    refused = http(json=True).post(f"{url}/@newsletter-report/retry", json={})
    assert refused.status_code == 401
    validate(refused.json(), "PloneError")
