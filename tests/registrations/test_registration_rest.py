"""``POST {training}/@registrations``: the rules, over HTTP, and the state
after every refusal."""

from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import registrations_of
from concurrent.futures import ThreadPoolExecutor

import datetime
import pytest
import requests
import transaction


@pytest.fixture
def rest(http):
    return http(json=True)


def url(training):
    return f"{training.absolute_url()}/@registrations"


def stored(training):
    transaction.begin()
    store = registrations_of(training, create=False)
    return dict(store.counts) if store is not None else {}


def total(training):
    counts = stored(training)
    return sum(counts.get(name, 0) for name in ("confirmed", "waiting", "pending"))


def test_registering_confirms_while_places_are_left(rest, training, person):
    answers = [rest.post(url(training), json=person(n)) for n in range(3)]
    assert [a.status_code for a in answers] == [201, 201, 201]
    assert [a.json()["status"] for a in answers] == ["confirmed"] * 3
    fourth = rest.post(url(training), json=person(3))
    assert fourth.status_code == 201
    assert fourth.json()["status"] == "waiting"
    assert fourth.json()["waiting_position"] == 1
    assert "1" in fourth.json()["message"]
    fifth = rest.post(url(training), json=person(4))
    assert fifth.json()["waiting_position"] == 2
    counts = stored(training)
    assert (counts["confirmed"], counts["waiting"]) == (3, 2)


def test_full_without_waiting_list_is_refused(rest, training, person):
    training.waiting_list = False
    transaction.commit()
    for n in range(3):
        assert rest.post(url(training), json=person(n)).status_code == 201
    refused = rest.post(url(training), json=person(9))
    assert refused.status_code == 409
    assert refused.json()["reason"] == "full"
    assert total(training) == 3


def test_moderation_waits_for_approval(rest, training, person):
    training.moderated = True
    transaction.commit()
    answer = rest.post(url(training), json=person(1))
    assert answer.status_code == 201
    assert answer.json()["status"] == "pending"
    assert stored(training)["pending"] == 1


@pytest.mark.parametrize(
    ("setting", "reason"),
    [
        ({"registration_open": False}, "closed"),
        ({"registration_deadline": datetime.datetime(2020, 1, 1, 12, 0)}, "deadline"),
        ("started", "started"),
    ],
)
def test_closed_training_refuses(
    rest, training, person, functional_sample, setting, reason
):
    if setting == "started":
        training = functional_sample["visit"]
        training.registration_open = True
        training.capacity = 10
    else:
        for name, value in setting.items():
            setattr(training, name, value)
    transaction.commit()
    refused = rest.post(url(training), json=person(1))
    assert refused.status_code == 409
    assert refused.json()["reason"] == reason
    assert refused.json()["message"]
    assert total(training) == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-address"),
        ("email", "a@b@example.org"),
        ("email", None),
        ("name", ""),
        ("name", "x" * 201),
        ("name", ["a list"]),
        ("needs", "bell\x07"),
        ("country", "XX"),
        ("consent", False),
        ("consent", None),
    ],
)
def test_bad_input_answers_400_naming_the_field(rest, training, person, field, value):
    body = person(1)
    if value is None:
        del body[field]
    else:
        body[field] = value
    refused = rest.post(url(training), json=body)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == field
    assert refused.json()["message"].startswith(f"{field}: ")
    assert total(training) == 0


@pytest.mark.parametrize("body", ["[1, 2]", "not json", '"text"', ""])
def test_a_body_that_is_no_object_answers_400(rest, training, body):
    refused = rest.post(
        url(training), data=body, headers={"Content-Type": "application/json"}
    )
    assert refused.status_code == 400
    assert total(training) == 0


def test_greek_messages(rest, training, person):
    rest.headers["Accept-Language"] = "el"
    refused = rest.post(url(training), json=person(1, email="x"))
    assert refused.status_code == 400
    assert "e-mail" in refused.json()["errors"][0]["message"]


def test_second_registration_answers_as_the_first_and_mails_the_link(
    rest, training, person, mails
):
    first = rest.post(url(training), json=person(1))
    again = rest.post(url(training), json=person(1, name="Someone else"))
    assert again.status_code == first.status_code == 201
    assert again.json() == first.json()
    assert total(training) == 1
    transaction.begin()
    record = registrations_of(training).find("person1@example.org")
    assert record.name == "Πρόσωπο 1"
    kinds = [m["X-Registration-Mail"] for m in mails()["person1@example.org"]]
    assert kinds == ["confirmed", "link"]


def test_honeypot_stores_nothing(rest, training, person, mails):
    answer = rest.post(url(training), json=person(1, homepage="http://spam.example"))
    assert answer.status_code == 201
    assert answer.json()["status"] == "confirmed"
    assert total(training) == 0
    assert "person1@example.org" not in mails()


def test_rate_limit_per_address(rest, training, person, monkeypatch):
    monkeypatch.setattr(registering, "RATE_LIMIT_IP", 2)
    assert rest.post(url(training), json=person(1)).status_code == 201
    assert rest.post(url(training), json=person(2)).status_code == 201
    refused = rest.post(url(training), json=person(3))
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert total(training) == 2


def test_withdrawn_address_may_register_again(rest, training, person):
    rest.post(url(training), json=person(1))
    transaction.begin()
    record = registrations_of(training).find("person1@example.org")
    registering.withdraw(training, record)
    transaction.commit()
    again = rest.post(url(training), json=person(1))
    assert again.status_code == 201
    assert again.json()["status"] == "confirmed"
    counts = stored(training)
    assert (counts["confirmed"], counts["withdrawn"]) == (1, 0)


@pytest.mark.parametrize(("capacity", "clients"), [(3, 12), (10, 30)])
def test_parallel_registrations_for_the_last_places(
    training, person, capacity, clients, monkeypatch
):
    """Clients race for the last places: exactly ``capacity`` confirmed, the
    others on the waiting list, none answered 5xx (conflicts are retried)."""
    monkeypatch.setattr(registering, "RATE_LIMIT_IP", 1000)
    training.capacity = capacity
    transaction.commit()

    def register(number):
        with requests.Session() as session:
            session.headers["Accept"] = "application/json"
            return session.post(url(training), json=person(number), timeout=120)

    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(register, range(clients)))
    assert sorted({a.status_code for a in answers}) == [201]
    statuses = [a.json()["status"] for a in answers]
    assert statuses.count("confirmed") == capacity
    assert statuses.count("waiting") == clients - capacity
    counts = stored(training)
    assert (counts["confirmed"], counts["waiting"]) == (capacity, clients - capacity)
    positions = sorted(
        a.json()["waiting_position"] for a in answers if a.json()["waiting_position"]
    )
    assert positions == list(range(1, clients - capacity + 1))
