"""Which subscribers an issue's segment takes."""

from collective.migrationnetwork.newsletter.segments import Segment
from collective.migrationnetwork.newsletter.segments import matches
from collective.migrationnetwork.newsletter.segments import recipients
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import PENDING
from collective.migrationnetwork.newsletter.store import UNSUBSCRIBED
from collective.migrationnetwork.newsletter.store import Subscriber
from collective.migrationnetwork.newsletter.store import SubscriberStore

import pytest


def person(language="en", themes=(), countries=()):
    return Subscriber("x@example.org", language, themes, countries)


@pytest.mark.parametrize(
    ("segment", "subscriber", "expected"),
    [
        (Segment.of(), person(), True),
        (Segment.of(), person("el", ["housing"], ["GR"]), True),
        (Segment.of(languages=["el"]), person("en"), False),
        (Segment.of(languages=["el", "en"]), person("en"), True),
        (Segment.of(thematic_areas=["housing"]), person(themes=["housing"]), True),
        (Segment.of(thematic_areas=["housing"]), person(themes=["health"]), False),
        (
            Segment.of(thematic_areas=["housing", "health"]),
            person(themes=["health", "reception"]),
            True,
        ),
        # No preference: follows every thematic area.
        (Segment.of(thematic_areas=["housing"]), person(), True),
        (Segment.of(countries=["CY"]), person(countries=["GR"]), False),
        (Segment.of(countries=["CY"]), person(countries=["GR", "CY"]), True),
        (
            Segment.of(thematic_areas=["housing"], countries=["CY"]),
            person(themes=["housing"], countries=["GR"]),
            False,
        ),
        (
            Segment.of(languages=["el"], thematic_areas=["housing"], countries=["GR"]),
            person("el", ["housing"], ["GR"]),
            True,
        ),
    ],
)
def test_matches(segment, subscriber, expected):
    assert matches(segment, subscriber) is expected


def test_empty_segment_is_everyone():
    assert Segment.of().everyone
    assert not Segment.of(countries=["GR"]).everyone


@pytest.mark.parametrize("state", [PENDING, UNSUBSCRIBED])
def test_only_confirmed_subscribers_are_recipients(state):
    store = SubscriberStore()
    confirmed = store.add(Subscriber("a@example.org", "en"))
    confirmed.state = CONFIRMED
    other = store.add(Subscriber("b@example.org", "en"))
    other.state = state
    assert recipients(store, Segment.of()) == [confirmed]
