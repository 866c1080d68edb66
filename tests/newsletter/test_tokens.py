"""Signed, expiring tokens: made, read, expired, tampered with."""

from collective.migrationnetwork.newsletter import tokens
from collective.migrationnetwork.newsletter.store import Subscriber

import pytest
import time


SECRET = "a-test-secret"  # noqa: S105


@pytest.fixture
def subscriber():
    return Subscriber("ana@example.org", "en")


@pytest.mark.parametrize("purpose", [tokens.CONFIRM, tokens.MANAGE])
def test_round_trip(subscriber, purpose):
    token = tokens.make_token(subscriber, purpose, secret=SECRET)
    assert tokens.read_token(token, purpose, secret=SECRET) == (
        "ana@example.org",
        subscriber.nonce,
    )


@pytest.mark.parametrize(
    ("made", "read"),
    [(tokens.CONFIRM, tokens.MANAGE), (tokens.MANAGE, tokens.CONFIRM)],
)
def test_a_token_serves_its_purpose_only(subscriber, made, read):
    token = tokens.make_token(subscriber, made, secret=SECRET)
    with pytest.raises(tokens.TokenError) as error:
        tokens.read_token(token, read, secret=SECRET)
    assert error.value.reason == "invalid"


@pytest.mark.parametrize(
    ("purpose", "age", "reason"),
    [
        (tokens.CONFIRM, 6 * 24 * 3600, None),
        (tokens.CONFIRM, 8 * 24 * 3600, "expired"),
        (tokens.MANAGE, 700 * 24 * 3600, None),
        (tokens.MANAGE, 800 * 24 * 3600, "expired"),
    ],
)
def test_expiry(subscriber, purpose, age, reason):
    token = tokens.make_token(subscriber, purpose, secret=SECRET)
    later = time.time() + age
    if reason is None:
        assert tokens.read_token(token, purpose, secret=SECRET, now=later)
    else:
        with pytest.raises(tokens.TokenError) as error:
            tokens.read_token(token, purpose, secret=SECRET, now=later)
        assert error.value.reason == reason


def _flip(token, index):
    char = token[index]
    return token[:index] + ("A" if char != "A" else "B") + token[index + 1 :]


@pytest.mark.parametrize("where", ["payload", "signature"])
def test_tampered_tokens_are_refused(subscriber, where):
    token = tokens.make_token(subscriber, tokens.MANAGE, secret=SECRET)
    index = 2 if where == "payload" else len(token) - 3
    with pytest.raises(tokens.TokenError) as error:
        tokens.read_token(_flip(token, index), tokens.MANAGE, secret=SECRET)
    assert error.value.reason == "invalid"


def test_another_sites_secret_is_refused(subscriber):
    token = tokens.make_token(subscriber, tokens.MANAGE, secret=SECRET)
    with pytest.raises(tokens.TokenError):
        tokens.read_token(token, tokens.MANAGE, secret="another-secret")


@pytest.mark.parametrize("junk", ["", "x", "a.b.c", None, 42, "é" * 600])
def test_junk_is_refused(junk):
    with pytest.raises(tokens.TokenError):
        tokens.read_token(junk, tokens.CONFIRM, secret=SECRET)


def test_erasure_voids_the_tokens(integration):
    from collective.migrationnetwork.newsletter.store import get_store

    store = get_store()
    first = store.add(Subscriber("ana@example.org", "en"))
    token = tokens.make_token(first, tokens.MANAGE)
    assert tokens.subscriber_of(token, tokens.MANAGE) is first
    store.remove("ana@example.org")
    store.add(Subscriber("ana@example.org", "en"))
    with pytest.raises(tokens.TokenError):
        tokens.subscriber_of(token, tokens.MANAGE)
