"""``POST {training}/@registrations``: the rules, over HTTP."""

from collective.migrationnetwork.registrations.store import registrations_of

import pytest
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


def test_registering_confirms_while_places_are_left(rest, training, mailbox, person):
    answers = [rest.post(url(training), json=person(n)) for n in range(3)]
    assert [a.status_code for a in answers] == [201, 201, 201]
    assert [a.json()["status"] for a in answers] == ["confirmed"] * 3
    fourth = rest.post(url(training), json=person(3))
    assert fourth.status_code == 201
    assert fourth.json()["status"] == "waiting"
    assert fourth.json()["waiting_position"] == 1
    counts = stored(training)
    assert counts["confirmed"] == 3
    assert counts["waiting"] == 1
