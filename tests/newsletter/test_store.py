"""The subscriber store: a BTree in the site, never in the catalogue."""

from collective.migrationnetwork.newsletter.store import PENDING
from collective.migrationnetwork.newsletter.store import Subscriber
from collective.migrationnetwork.newsletter.store import SubscriberStore
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import normalise_email
from plone import api

import pytest


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ana@Example.ORG", "ana@example.org"),
        ("  ana@example.org ", "ana@example.org"),
        ("ana.b+news@mail.example.gr", "ana.b+news@mail.example.gr"),
        ("ana", None),
        ("ana@", None),
        ("ana@example", None),
        ("a na@example.org", None),
        ("ana@@example.org", None),
        ("", None),
        (None, None),
        (["ana@example.org"], None),
        ("a" * 250 + "@example.org", None),
    ],
)
def test_normalise_email(value, expected):
    assert normalise_email(value) == expected


def test_keyed_by_normalised_email():
    store = SubscriberStore()
    store.add(Subscriber("ana@example.org", "el", ["housing"], ["GR"]))
    assert store.get("ANA@example.org ").language == "el"
    assert "Ana@Example.org" in store
    assert len(store) == 1
    assert store.remove("ANA@EXAMPLE.ORG")
    assert not store.remove("ana@example.org")
    assert len(store) == 0


def test_new_subscriber_fields():
    subscriber = Subscriber("ana@example.org", "el", ["housing"], ["GR"])
    data = subscriber.as_dict()
    assert data["state"] == PENDING
    assert data["confirmed_on"] is None
    assert data["consent_version"]
    assert data["created"]
    assert data["thematic_areas"] == ["housing"]
    assert data["countries"] == ["GR"]


def test_the_store_lives_on_the_portal_and_not_in_the_catalogue(portal):
    store = get_store()
    assert get_store() is store
    store.add(Subscriber("hidden@example.org", "en"))
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.searchResults(SearchableText="hidden@example.org")
    assert "hidden@example.org" not in str(
        [b.getPath() for b in catalog.unrestrictedSearchResults()]
    )
