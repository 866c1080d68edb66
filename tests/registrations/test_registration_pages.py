"""The Classic UI of registrations: the form on the training's page,
*my registration* by its link, the organisers' tab; who may open what."""

from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import registrations_of

import pytest
import re
import transaction


def authenticator(html):
    match = re.search(r'<input[^>]*name="_authenticator"[^>]*>', html)
    return re.search(r'value="([^"]+)"', match.group()).group(1)


def register_by_form(session, training, **fields):
    page = session.get(training.absolute_url())
    assert page.status_code == 200
    body = {
        "_authenticator": authenticator(page.text),
        "name": "Άννα Παπαδάκη",
        "email": "anna@example.org",
        "organisation": "Δήμος Πειραιά",
        "position": "",
        "country": "GR",
        "needs": "Διερμηνεία",
        "consent": "on",
        **fields,
    }
    return session.post(f"{training.absolute_url()}/@@register", data=body)


def test_the_training_page_has_the_form_and_the_places_left(http, training):
    page = http().get(training.absolute_url())
    assert page.status_code == 200
    assert 'action="' + training.absolute_url() + '/@@register"' in page.text
    assert re.search(r'class="places-left"\s*>3<', page.text)


def test_anonymous_registers_through_the_form(http, training, mails):
    answer = register_by_form(http(), training)
    assert answer.status_code == 200
    assert "registration-outcome" in answer.text
    transaction.begin()
    record = registrations_of(training).find("anna@example.org")
    assert record.status == "confirmed"
    assert record.needs == "Διερμηνεία"
    assert record.language == "el"
    [mail] = mails()["anna@example.org"]
    assert mail["X-Registration-Mail"] == "confirmed"


def test_form_errors_are_shown_and_nothing_is_stored(http, training):
    answer = register_by_form(http(), training, email="nope", consent="")
    assert answer.status_code == 400
    assert answer.text.count("invalid-feedback") >= 2
    assert 'value="Άννα Παπαδάκη"' in answer.text
    transaction.begin()
    assert registrations_of(training, create=False) is None


def test_a_post_without_authenticator_is_refused(http, training):
    answer = http().post(
        f"{training.absolute_url()}/@@register",
        data={"name": "X", "email": "x@example.org", "consent": "on"},
    )
    assert answer.status_code == 403
    transaction.begin()
    assert registrations_of(training, create=False) is None


def test_a_member_form_is_prefilled(http, training, people, login):
    page = http(auth=login("member")).get(training.absolute_url())
    assert 'value="Μαρία Μέλος"' in page.text
    assert 'value="member@staff.example"' in page.text


def test_closed_training_says_why(http, training):
    training.registration_deadline = training.start.replace(year=2020).replace(
        tzinfo=None
    )
    transaction.commit()
    page = http().get(training.absolute_url())
    assert "registration-closed" in page.text
    assert "/@@register" not in page.text


@pytest.fixture
def registered(training, mailbox):
    with_records = []
    for number in range(4):
        outcome = registering.register(
            training,
            {
                "name": f"Πρόσωπο {number}",
                "email": f"p{number}@example.org",
                "consent": True,
            },
            language="el",
        )
        with_records.append(outcome.registration)
    transaction.commit()
    return with_records


def test_my_registration_shows_and_get_changes_nothing(http, training, registered):
    first = registered[0]
    url = links.my_registration_url(training, first)
    page = http().get(url)
    assert page.status_code == 200
    assert "Πρόσωπο 0" in page.text
    assert "https://meet.example/webinar" in page.text
    waiting = http().get(links.my_registration_url(training, registered[3]))
    assert "https://meet.example/webinar" not in waiting.text
    transaction.begin()
    assert registrations_of(training).get(first.id).status == "confirmed"


def test_withdrawing_through_the_link_promotes_the_first_waiting(
    http, training, registered, mails
):
    first, last = registered[0], registered[3]
    url = links.my_registration_url(training, first)
    answer = http().post(url, data={"action": "withdraw"}, allow_redirects=False)
    assert answer.status_code == 303
    transaction.begin()
    store = registrations_of(training)
    assert store.get(first.id).status == "withdrawn"
    assert store.get(last.id).status == "confirmed"
    kinds = [m["X-Registration-Mail"] for m in mails()["p3@example.org"]]
    assert kinds == ["waiting", "promoted"]


@pytest.mark.parametrize("token", ["", "garbage", "x" * 2000])
def test_a_bad_link_opens_nothing(http, training, registered, token):
    page = http().get(
        f"{training.absolute_url()}/@@my-registration", params={"token": token}
    )
    assert page.status_code == 404
    assert "Πρόσωπο" not in page.text


def test_a_link_of_another_training_opens_nothing(
    http, training, registered, functional_sample
):
    other = functional_sample["visit"]
    token = links.make_token(training, registered[0])
    page = http().get(
        f"{other.absolute_url()}/@@my-registration", params={"token": token}
    )
    assert page.status_code == 404
