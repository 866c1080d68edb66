"""Helpers of the newsletter tests."""

from collective.migrationnetwork.newsletter import tokens
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import Subscriber
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import now


def add_subscriber(
    email, language="en", thematic_areas=(), countries=(), state=CONFIRMED
):
    store = get_store()
    subscriber = store.add(Subscriber(email, language, thematic_areas, countries))
    subscriber.state = state
    if state == CONFIRMED:
        subscriber.confirmed_on = now()
    return subscriber


def manage_token(subscriber):
    return tokens.make_token(subscriber, tokens.MANAGE)
