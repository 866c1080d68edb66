"""*My registration* over REST with the token of the link:
``GET``/``PATCH {training}/@my-registration`` and ``POST
…/@my-registration/withdraw``. The answer carries that person's
registration only; a bad token answers 404 (an expired one 410) with no
data and changes nothing."""

from collective.migrationnetwork.accounts import tokens
from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import registrations_of

import datetime
import pytest
import transaction


LINK = "https://meet.example/webinar"
HOSTILE = (
    '<script>alert("x")</script> <img src=x onerror=alert(1)> "quotes" & ampersand'
)


@pytest.fixture
def registered(training, mailbox):
    """Three confirmed, one waiting (all in Greek)."""
    records = []
    for number in range(4):
        outcome = registering.register(
            training,
            {
                "name": f"Πρόσωπο {number}",
                "email": f"p{number}@example.org",
                "organisation": "Δήμος Πειραιά",
                "consent": True,
            },
            language="el",
        )
        records.append(outcome.registration)
    transaction.commit()
    return records


@pytest.fixture
def rest(http):
    return http(json=True)


def url(training, action=""):
    return f"{training.absolute_url()}/@my-registration" + (
        f"/{action}" if action else ""
    )


def token(training, registration):
    return links.make_token(training, registration)


def current(training, registration):
    transaction.begin()
    return registrations_of(training).get(registration.id)


def test_get_shows_the_owners_registration_only(rest, training, registered):
    first = registered[0]
    answer = rest.get(url(training), params={"token": token(training, first)})
    assert answer.status_code == 200
    data = answer.json()
    assert data["registration"]["id"] == first.id
    assert data["registration"]["name"] == "Πρόσωπο 0"
    assert data["registration"]["email"] == "p0@example.org"
    assert data["registration"]["status"] == "confirmed"
    assert data["training"]["@id"] == training.absolute_url()
    assert data["online_url"] == LINK
    assert data["can_withdraw"] is True
    # Nobody else's data, nothing of the links' secrets.
    for other in registered[1:]:
        assert other.email not in answer.text
        assert other.name not in answer.text
    assert first.nonce not in answer.text
    assert "userid" not in data["registration"]


def test_the_token_may_come_in_a_header(rest, training, registered):
    answer = rest.get(
        url(training),
        headers={"X-Registration-Token": token(training, registered[1])},
    )
    assert answer.status_code == 200
    assert answer.json()["registration"]["email"] == "p1@example.org"


def test_the_waiting_see_their_position_and_no_online_link(rest, training, registered):
    answer = rest.get(url(training), params={"token": token(training, registered[3])})
    assert answer.status_code == 200
    data = answer.json()
    assert data["registration"]["status"] == "waiting"
    assert data["registration"]["waiting_position"] == 1
    assert data["online_url"] is None
    assert LINK not in answer.text


def test_patch_changes_the_needs(rest, training, registered):
    first = registered[0]
    answer = rest.patch(
        url(training),
        params={"token": token(training, first)},
        json={"needs": "Διερμηνεία στη νοηματική"},
    )
    assert answer.status_code == 200
    assert answer.json()["registration"]["needs"] == "Διερμηνεία στη νοηματική"
    assert answer.json()["message"]
    assert current(training, first).needs == "Διερμηνεία στη νοηματική"


def test_hostile_needs_are_stored_as_given_and_shown_escaped(
    http, rest, training, registered, people, login
):
    first = registered[0]
    answer = rest.patch(
        url(training), params={"token": token(training, first)}, json={"needs": HOSTILE}
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.json()["registration"]["needs"] == HOSTILE
    assert current(training, first).needs == HOSTILE
    escaped = '&lt;script&gt;alert("x")&lt;/script&gt;'
    for page in (
        http().get(links.my_registration_url(training, first)),
        http(auth=login("organiser")).get(f"{training.absolute_url()}/@@registrations"),
    ):
        assert page.status_code == 200
        assert "<script>alert(" not in page.text
        assert "<img src=x" not in page.text
        assert escaped in page.text
        assert "&lt;img src=x onerror=alert(1)&gt;" in page.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"needs": "x" * 2001}, "needs"),
        ({"needs": "bell\x07"}, "needs"),
        ({"needs": ["a list"]}, "needs"),
        ({}, "needs"),
        ({"needs": "ok", "status": "confirmed"}, "status"),
        ({"needs": "ok", "email": "other@example.org"}, "email"),
    ],
)
def test_bad_patch_answers_400_and_changes_nothing(
    rest, training, registered, body, field
):
    first = registered[0]
    answer = rest.patch(
        url(training), params={"token": token(training, first)}, json=body
    )
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == field
    record = current(training, first)
    assert (record.needs, record.status, record.email) == (
        "",
        "confirmed",
        "p0@example.org",
    )


def test_withdraw_promotes_the_first_waiting_and_mails_them(
    rest, training, registered, mails
):
    first, waiting = registered[0], registered[3]
    answer = rest.post(
        url(training, "withdraw"), params={"token": token(training, first)}
    )
    assert answer.status_code == 200
    data = answer.json()
    assert data["registration"]["status"] == "withdrawn"
    assert data["online_url"] is None
    assert data["can_withdraw"] is False
    assert waiting.email not in answer.text
    assert current(training, first).status == "withdrawn"
    assert current(training, waiting).status == "confirmed"
    kinds = [m["X-Registration-Mail"] for m in mails()["p3@example.org"]]
    assert kinds == ["waiting", "promoted"]
    # Withdrawing twice is harmless; the needs of a withdrawn registration
    # are no longer changed.
    again = rest.post(
        url(training, "withdraw"), params={"token": token(training, first)}
    )
    assert again.status_code == 200
    assert registrations_of(training).counts["withdrawn"] == 1
    refused = rest.patch(
        url(training), params={"token": token(training, first)}, json={"needs": "x"}
    )
    assert refused.status_code == 409
    assert refused.json()["reason"] == "inactive"


def test_no_withdrawal_once_started(rest, training, registered):
    training.start = datetime.datetime.now(training.start.tzinfo) - datetime.timedelta(
        hours=1
    )
    transaction.commit()
    first = registered[0]
    answer = rest.post(
        url(training, "withdraw"), params={"token": token(training, first)}
    )
    assert answer.status_code == 409
    assert answer.json()["reason"] == "started"
    assert current(training, first).status == "confirmed"


def forged_tokens(training, registered, functional_sample):
    first = registered[0]
    good = token(training, first)
    other_training = links.make_token(functional_sample["visit"], first)
    other_purpose = tokens.make_token(
        tokens.INVITATION, [links.training_key(training), first.id, first.nonce]
    )
    return {
        "missing": None,
        "empty": "",
        "garbage": "garbage",
        "long": "x" * 2000,
        "tampered": good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB"),
        "other-training": other_training,
        "other-purpose": other_purpose,
        "wrong-id": tokens.make_token(
            tokens.REGISTRATION, [links.training_key(training), "nobody", first.nonce]
        ),
        "wrong-nonce": tokens.make_token(
            tokens.REGISTRATION, [links.training_key(training), first.id, "0000"]
        ),
        "not-a-list": tokens.make_token(tokens.REGISTRATION, {"id": first.id}),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "missing",
        "empty",
        "garbage",
        "long",
        "tampered",
        "other-training",
        "other-purpose",
        "wrong-id",
        "wrong-nonce",
        "not-a-list",
    ],
)
def test_a_forged_token_answers_404_with_no_data(
    rest, training, registered, functional_sample, kind
):
    value = forged_tokens(training, registered, functional_sample)[kind]
    params = {"token": value} if value is not None else {}
    for method, address, body in (
        ("get", url(training), None),
        ("patch", url(training), {"needs": "changed"}),
        ("post", url(training, "withdraw"), None),
    ):
        answer = rest.request(method, address, params=params, json=body)
        assert answer.status_code == 404, (method, kind)
        assert answer.json()["message"]
        assert "Πρόσωπο" not in answer.text
        assert "example.org" not in answer.text
    record = current(training, registered[0])
    assert (record.status, record.needs) == ("confirmed", "")


def test_an_expired_token_answers_410(rest, training, registered, monkeypatch):
    first = registered[0]
    value = token(training, first)
    monkeypatch.setitem(tokens.MAX_AGE, tokens.REGISTRATION, -1)
    answer = rest.get(url(training), params={"token": value})
    assert answer.status_code == 410
    assert answer.json()["type"] == "Gone"
    assert "Πρόσωπο" not in answer.text


def test_an_unknown_action_answers_404(rest, training, registered):
    answer = rest.post(
        url(training, "confirm"), params={"token": token(training, registered[3])}
    )
    assert answer.status_code == 404
    assert current(training, registered[3]).status == "waiting"


def test_greek_messages(rest, training, registered):
    rest.headers["Accept-Language"] = "el"
    answer = rest.get(url(training), params={"token": "garbage"})
    assert answer.status_code == 404
    assert "σύνδεσμος" in answer.json()["message"]
