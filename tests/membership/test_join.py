"""Receiving an application: what is created, what is refused, the spam
defences (the package functions that the form and the REST service call)."""

from collective.migrationnetwork.membership import ratelimit
from collective.migrationnetwork.membership.application import get_application
from collective.migrationnetwork.membership.join import submit_application
from collective.migrationnetwork.membership.ratelimit import RateLimited
from collective.migrationnetwork.membership.validation import ApplicationInvalid
from collective.migrationnetwork.membership.vocabulary import published_networks
from membership.helpers import application
from membership.helpers import organisation_ids
from plone import api
from plone.app.testing import logout
from zope.annotation.interfaces import IAnnotations

import pytest


@pytest.fixture
def anonymous(portal, sample):
    logout()
    return portal


def test_application_creates_an_applied_organisation(anonymous, sample, events):
    portal = anonymous
    submitted = submit_application(
        portal["el"], application(sample["cities"].UID()), client_ip="10.0.0.1"
    )
    org = submitted.organisation
    assert org.getPhysicalPath()[:-1] == portal["el"]["organisations"].getPhysicalPath()
    assert submitted.url == org.absolute_url()
    with api.env.adopt_roles(["Manager"]):
        assert api.content.get_state(org) == "applied"
    assert org.portal_type == "Organisation"
    assert org.title == "Municipality of Larissa"
    assert org.kind == "municipality"
    assert org.country == "GR"
    assert org.website == "https://www.larissa.example"
    assert org.description == "A municipality in Thessaly."
    assert [r.to_object for r in org.networks] == [sample["cities"]]
    assert org.Language() == "el"
    # Nobody owns it: the system that created it keeps no role on it.
    assert "collective.migrationnetwork.membership" not in dict(org.get_local_roles())
    [event] = events
    assert event.object is org
    assert event.applicant["email"] == "eleni@larissa.example"
    assert event.applicant["network_uid"] == sample["cities"].UID()
    assert event.applicant["language"] == "el"


def test_applicant_details_are_kept_out_of_fields_and_catalogue(anonymous, sample):
    org = submit_application(
        anonymous["el"], application(sample["cities"].UID()), client_ip="10.0.0.1"
    ).organisation
    applicant = get_application(org)
    assert applicant["name"] == "Eleni Applicant"
    assert applicant["email"] == "eleni@larissa.example"
    assert applicant["position"] == "Integration officer"
    assert applicant["consent"] is True
    assert "Συμφωνώ" in applicant["consent_text"]  # the Greek form's text
    assert applicant["consented_on"]
    # The client's address is personal data: not kept.
    assert "10.0.0.1" not in repr(dict(IAnnotations(org)))
    catalog = api.portal.get_tool("portal_catalog")
    for text in ("Eleni", "eleni@larissa.example", "Integration officer"):
        assert len(catalog.unrestrictedSearchResults(SearchableText=text)) == 0
    assert len(catalog.unrestrictedSearchResults(SearchableText="Larissa")) == 1


def test_networks_offered_are_the_published_ones_of_the_language(portal, sample):
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(
            container=portal["el"]["networks"],
            type="Network",
            id="draft-network",
            title="Draft network",
        )
    terms = published_networks(portal["el"])
    assert {t.value for t in terms} == {sample["cities"].UID(), sample["cyprus"].UID()}
    assert draft.UID() not in terms
    assert [t.value for t in published_networks(portal["en"])] == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("network", "no-such-network"),
        ("network", None),
        ("title", ""),
        ("title", "   "),
        ("kind", "not_a_kind"),
        ("country", "XX"),
        ("country", "gr"),
        ("website", "not a url"),
        ("website", "javascript:alert(1)"),
        ("email", "not-an-email"),
        ("applicant_name", None),
        ("applicant_email", "eleni@"),
        ("applicant_email", ""),
        ("consent", False),
        ("consent", None),
        ("consent", "yes"),
        ("title", "x" * 201),
        ("title", "two\nlines"),
        ("message", 42),
    ],
)
def test_bad_input_names_the_field_and_creates_nothing(
    anonymous, sample, events, field, value
):
    before = organisation_ids(anonymous)
    with pytest.raises(ApplicationInvalid) as raised:
        submit_application(
            anonymous["el"],
            application(sample["cities"].UID(), **{field: value}),
            client_ip="10.0.0.1",
        )
    assert [name for name, _message in raised.value.errors] == [field]
    assert organisation_ids(anonymous) == before
    assert events == []


def test_every_bad_field_is_reported_at_once(anonymous, sample):
    data = application("nope", title="", applicant_email="x", consent=False)
    with pytest.raises(ApplicationInvalid) as raised:
        submit_application(anonymous["el"], data, client_ip="10.0.0.1")
    assert [name for name, _m in raised.value.errors] == [
        "network",
        "title",
        "applicant_email",
        "consent",
    ]


def test_a_network_of_another_language_is_refused(anonymous, sample):
    with pytest.raises(ApplicationInvalid):
        submit_application(
            anonymous["en"], application(sample["cities"].UID()), client_ip="10.0.0.1"
        )


def test_honeypot_creates_nothing_but_looks_like_success(anonymous, sample, events):
    before = organisation_ids(anonymous)
    submitted = submit_application(
        anonymous["el"],
        application(sample["cities"].UID()),
        client_ip="10.0.0.1",
        honeypot="http://spam.example",
    )
    assert submitted.organisation is None
    assert submitted.url.startswith(anonymous["el"]["organisations"].absolute_url())
    assert organisation_ids(anonymous) == before
    assert events == []


@pytest.mark.parametrize("same", ["email", "ip"])
def test_rate_limit_per_email_and_per_address(anonymous, sample, same):
    def apply(number):
        changes = {"title": f"Organisation {number}"}
        ip = "10.0.0.1"
        if same == "email":
            ip = f"10.0.0.{number}"
        else:
            changes["applicant_email"] = f"person{number}@example.org"
        return submit_application(
            anonymous["el"],
            application(sample["cities"].UID(), **changes),
            client_ip=ip,
        )

    for number in range(ratelimit.LIMIT):
        assert apply(number).organisation is not None
    before = organisation_ids(anonymous)
    with pytest.raises(RateLimited) as raised:
        apply(99)
    assert 0 < raised.value.retry_after <= ratelimit.WINDOW
    assert organisation_ids(anonymous) == before


def test_rate_limit_email_ignores_case(anonymous, sample):
    for number in range(ratelimit.LIMIT):
        submit_application(
            anonymous["el"],
            application(
                sample["cities"].UID(),
                title=f"Org {number}",
                applicant_email="Eleni@Larissa.example"
                if number % 2
                else "eleni@larissa.example",
            ),
            client_ip=f"10.0.1.{number}",
        )
    with pytest.raises(RateLimited):
        submit_application(
            anonymous["el"],
            application(
                sample["cities"].UID(), applicant_email="ELENI@larissa.example"
            ),
            client_ip="10.0.2.1",
        )


def test_rate_limit_store_forgets_what_expired(portal):
    now = 1_000_000.0
    for number in range(50):
        ratelimit.hit([("ip", f"192.0.2.{number}")], now=now + number)
    store = ratelimit.get_store()
    assert len(store) == 50
    # An hour and 10 s later the 10 oldest are forgotten.
    ratelimit.hit([("ip", "198.51.100.1")], now=now + ratelimit.WINDOW + 10)
    assert len(store) == 50 - 10 + 1
    assert len(store.by_time) == len(store)
    # Addresses are not kept as such.
    assert not any("192.0.2" in key for key in store.hits)
    # Two windows later, one entry: the store does not grow.
    ratelimit.hit([("ip", "198.51.100.2")], now=now + 3 * ratelimit.WINDOW)
    assert len(store) == 1


def test_limit_counts_again_after_the_window(portal):
    now = 2_000_000.0
    for offset in range(ratelimit.LIMIT):
        ratelimit.hit([("email", "a@example.org")], now=now + offset)
    with pytest.raises(RateLimited):
        ratelimit.hit([("email", "a@example.org")], now=now + 100)
    ratelimit.hit([("email", "a@example.org")], now=now + ratelimit.WINDOW + 1)
