"""Subscribing over REST, against a real SMTP server: the confirmation
mail, its link, the answers to bad input, floods and re-subscriptions."""

from collective.migrationnetwork.newsletter import tokens
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import PENDING
from collective.migrationnetwork.newsletter.store import get_store
from newsletter_helpers import add_subscriber
from urllib.parse import parse_qs
from urllib.parse import urlparse

import pytest
import re
import transaction


GOOD = {
    "email": "Reader@Example.org",
    "language": "en",
    "thematic_areas": ["housing"],
    "countries": ["GR", "CY"],
    "consent": True,
}


def token_of(message):
    """The token of the link in a mail's text part."""
    text = message.get_body(("plain",)).get_content()
    url = re.search(r"https?://\S+token=\S+", text).group(0)
    return url, parse_qs(urlparse(url).query)["token"][0]


def fresh_store():
    transaction.begin()
    return get_store()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": ""}, "email"),
        ({"consent": False}, "consent"),
        ({"consent": None}, "consent"),
        ({"language": "fr"}, "language"),
        ({"thematic_areas": ["astrology"]}, "thematic_areas"),
        ({"countries": ["XX"]}, "countries"),
        # Found by the fuzz run of tests/openapi: not a 500, not the default.
        ({"thematic_areas": [["housing"]]}, "thematic_areas"),
        ({"countries": [{"token": ["GR"]}]}, "countries"),
        ({"language": False}, "language"),
        ({"language": {}}, "language"),
    ],
)
def test_bad_input_names_the_field(functional, http, change, field):
    session = http(json=True)
    response = session.post("en/@subscribe", json=dict(GOOD, **change))
    assert response.status_code == 400
    body = response.json()
    assert field in [error["field"] for error in body["errors"]]
    assert body["message"].startswith(field)
    assert len(fresh_store()) == 0


def test_body_must_be_json(functional, http):
    response = http(json=True).post(
        "en/@subscribe", data="email=a", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 400
    assert response.json()["type"] == "BadRequest"


def test_double_opt_in(mail_site, smtp, received, http):
    smtp.start()
    session = http(json=True)
    response = session.post("en/@subscribe", json=GOOD)
    assert response.status_code == 202, response.text
    assert "inbox" in response.json()["message"]
    subscriber = fresh_store().get("reader@example.org")
    assert subscriber.state == PENDING
    assert subscriber.thematic_areas == ("housing",)
    assert subscriber.countries == ("GR", "CY")

    (message,) = received(1)["reader@example.org"]
    assert message["Content-Language"] == "en"
    assert "confirm" in message["Subject"].lower()
    url, token = token_of(message)
    assert "/en/@@newsletter-confirm?token=" in url
    # The HTML part has its CSS inlined.
    html = message.get_body(("html",)).get_content()
    assert "<style" not in html
    assert 'style="' in html

    # An unknown token, a preferences token, are refused naming the field.
    for bad in ("nonsense", tokens.make_token(subscriber, tokens.MANAGE)):
        answer = session.post("@subscribe/confirm", json={"token": bad})
        assert answer.status_code == 400
        assert answer.json()["errors"][0]["field"] == "token"
    assert fresh_store().get("reader@example.org").state == PENDING

    answer = session.post("@subscribe/confirm", json={"token": token})
    assert answer.status_code == 200, answer.text
    assert answer.json()["state"] == CONFIRMED
    subscriber = fresh_store().get("reader@example.org")
    assert subscriber.state == CONFIRMED
    assert subscriber.confirmed_on is not None
    # Twice is harmless.
    assert session.post("@subscribe/confirm", json={"token": token}).status_code == 200


def test_greek_subscription_gets_greek_mail(mail_site, smtp, received, http):
    smtp.start()
    response = http(json=True).post(
        "el/@subscribe",
        json={"email": "anagnostis@example.gr", "consent": True},
    )
    assert response.status_code == 202
    assert fresh_store().get("anagnostis@example.gr").language == "el"
    (message,) = received(1)["anagnostis@example.gr"]
    assert message["Content-Language"] == "el"
    assert "/el/@@newsletter-confirm" in token_of(message)[0]


def test_expired_token(functional, http, monkeypatch):
    subscriber = add_subscriber("late@example.org", state=PENDING)
    token = tokens.make_token(subscriber, tokens.CONFIRM)
    transaction.commit()
    monkeypatch.setitem(tokens.MAX_AGE, tokens.CONFIRM, -1)
    answer = http(json=True).post("@subscribe/confirm", json={"token": token})
    assert answer.status_code == 410
    error = answer.json()["errors"][0]
    assert error["field"] == "token"
    assert error["reason"] == "expired"
    assert fresh_store().get("late@example.org").state == PENDING


def test_resubscribing_a_confirmed_address_tells_nothing(
    mail_site, smtp, received, http
):
    smtp.start()
    add_subscriber("known@example.org", language="el", thematic_areas=["health"])
    transaction.commit()
    session = http(json=True)
    new = session.post("en/@subscribe", json=dict(GOOD, email="new@example.org"))
    known = session.post("en/@subscribe", json=dict(GOOD, email="known@example.org"))
    assert new.status_code == known.status_code == 202
    assert new.json() == known.json()
    found = received(2)
    (mail,) = found["known@example.org"]
    assert mail["X-Newsletter-Mail"] == "already"
    assert "/@@newsletter-preferences?token=" in token_of(mail)[0]
    # Nothing changed.
    subscriber = fresh_store().get("known@example.org")
    assert subscriber.state == CONFIRMED
    assert subscriber.language == "el"
    assert subscriber.thematic_areas == ("health",)


def test_flood_is_refused(functional, http):
    session = http(json=True)
    statuses = [
        session.post("en/@subscribe", json=dict(GOOD, email=f"n{i}@example.org"))
        for i in range(6)
    ]
    assert [r.status_code for r in statuses[:5]] == [202] * 5
    assert statuses[5].status_code == 429
    assert int(statuses[5].headers["Retry-After"]) > 0
    assert len(fresh_store()) == 5


def test_preferences_and_unsubscribe_with_a_token(functional, http):
    subscriber = add_subscriber("pref@example.org", language="en")
    token = tokens.make_token(subscriber, tokens.MANAGE)
    transaction.commit()
    session = http(json=True)
    answer = session.get("@subscription", params={"token": token})
    assert answer.status_code == 200
    assert answer.json()["email"] == "pref@example.org"
    answer = session.patch(
        "@subscription",
        json={"token": token, "language": "el", "thematic_areas": ["health"]},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["language"] == "el"
    bad = session.patch("@subscription", json={"token": token, "countries": ["ZZZ"]})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "countries"
    answer = session.post("@unsubscribe", json={"token": token})
    assert answer.status_code == 200
    assert fresh_store().get("pref@example.org").state == "unsubscribed"
    assert session.post("@unsubscribe", json={"token": "x"}).status_code == 400


def test_subscribers_never_in_content_responses(functional, http):
    add_subscriber("secret-reader@example.org")
    transaction.commit()
    session = http(json=True)
    for path in ("", "en", "el", "en/@search?SearchableText=secret-reader"):
        response = session.get(path)
        assert "secret-reader" not in response.text.replace(
            "SearchableText=secret-reader", ""
        )
