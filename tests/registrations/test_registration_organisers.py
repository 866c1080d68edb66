"""What the organisers (the organisation's team), the coordinators of its
networks and the secretariat may do with a training's registrations, and
that nobody else may: the tab, GET/PATCH @registrations, the CSV."""

from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import registrations_of

import datetime
import pytest
import re
import transaction


MANAGERS = ("organiser", "coordinator", "secretariat")
OTHERS = ("member", "stranger")


@pytest.fixture
def registered(training, people, mailbox):
    records = []
    for number, name in enumerate(
        ("Άννα", '=HYPERLINK("http://evil")', "Γιώργος", "Δέσποινα")
    ):
        outcome = registering.register(
            training,
            {"name": name, "email": f"p{number}@example.org", "consent": True},
            language="el",
        )
        records.append(outcome.registration)
    transaction.commit()
    return records


def api_url(training, rid=None):
    return f"{training.absolute_url()}/@registrations" + (f"/{rid}" if rid else "")


@pytest.mark.parametrize("userid", MANAGERS)
def test_managers_list_and_count(http, training, registered, login, userid):
    answer = http(auth=login(userid), json=True).get(api_url(training))
    assert answer.status_code == 200
    data = answer.json()
    assert data["counts"]["confirmed"] == 3
    assert data["counts"]["waiting"] == 1
    assert data["places_left"] == 0
    assert [item["name"] for item in data["items"]][0] == "Άννα"
    assert data["items"][-1]["waiting_position"] == 1


@pytest.mark.parametrize("userid", [None, *OTHERS])
def test_others_see_no_registration(http, training, registered, login, userid):
    session = http(auth=login(userid) if userid else None, json=True)
    answer = session.get(api_url(training))
    # plone.restapi answers 401 to whoever lacks the permission.
    assert answer.status_code == 401
    assert "p0@example.org" not in answer.text
    csv = http(auth=login(userid) if userid else None).get(
        f"{training.absolute_url()}/@@registrations.csv"
    )
    assert "p0@example.org" not in csv.text
    tab = http(auth=login(userid) if userid else None).get(
        f"{training.absolute_url()}/@@registrations"
    )
    assert "p0@example.org" not in tab.text
    patch = session.patch(
        api_url(training, registered[0].id), json={"status": "withdrawn"}
    )
    assert patch.status_code == 401
    transaction.begin()
    assert registrations_of(training).get(registered[0].id).status == "confirmed"


def test_csv_neutralises_formulas(http, training, registered, login):
    answer = http(auth=login("organiser"), json=True).get(
        api_url(training), params={"format": "csv"}
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in answer.text
    assert "\n=HYPERLINK" not in answer.text
    assert ",=HYPERLINK" not in answer.text


@pytest.mark.parametrize("userid", MANAGERS)
def test_withdraw_on_behalf_promotes_the_waiting(
    http, training, registered, login, userid, mails
):
    answer = http(auth=login(userid), json=True).patch(
        api_url(training, registered[0].id), json={"status": "withdrawn"}
    )
    assert answer.status_code == 200
    assert answer.json()["status"] == "withdrawn"
    transaction.begin()
    store = registrations_of(training)
    assert store.get(registered[3].id).status == "confirmed"
    assert [m["X-Registration-Mail"] for m in mails()["p0@example.org"]] == [
        "confirmed",
        "withdrawn",
    ]


def test_confirming_when_full_is_refused(http, training, registered, login):
    answer = http(auth=login("organiser"), json=True).patch(
        api_url(training, registered[3].id), json={"status": "confirmed"}
    )
    assert answer.status_code == 409
    transaction.begin()
    assert registrations_of(training).get(registered[3].id).status == "waiting"


@pytest.mark.parametrize(
    "body",
    [
        {"status": "bogus"},
        {"status": ["confirmed"]},
        {"attended": True},
        {"colour": "red"},
    ],
)
def test_bad_patch_answers_400_and_changes_nothing(
    http, training, registered, login, body
):
    answer = http(auth=login("organiser"), json=True).patch(
        api_url(training, registered[0].id), json={**body}
    )
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == next(iter(body))
    transaction.begin()
    record = registrations_of(training).get(registered[0].id)
    assert (record.status, record.attended) == ("confirmed", None)


def test_patch_of_unknown_registration_is_404(http, training, registered, login):
    answer = http(auth=login("organiser"), json=True).patch(
        api_url(training, "nobody"), json={"status": "withdrawn"}
    )
    assert answer.status_code == 404


def test_moderated_registration_is_approved(
    http, training, people, login, mailbox, mails
):
    training.moderated = True
    transaction.commit()
    outcome = registering.register(
        training,
        {"name": "Ε", "email": "e@example.org", "consent": True},
        language="en",
    )
    transaction.commit()
    answer = http(auth=login("coordinator"), json=True).patch(
        api_url(training, outcome.registration.id), json={"status": "confirmed"}
    )
    assert answer.status_code == 200
    assert [m["X-Registration-Mail"] for m in mails()["e@example.org"]] == [
        "pending",
        "confirmed",
    ]


def started(training):
    training.start = datetime.datetime.now(training.start.tzinfo) - datetime.timedelta(
        hours=1
    )
    transaction.commit()


def test_attendance_after_the_start(http, training, registered, login):
    early = http(auth=login("organiser"), json=True).patch(
        api_url(training, registered[0].id), json={"attended": True}
    )
    assert early.status_code == 400
    started(training)
    answer = http(auth=login("organiser"), json=True).patch(
        api_url(training, registered[0].id), json={"attended": True}
    )
    assert answer.status_code == 200
    assert answer.json()["attended"] is True
    transaction.begin()
    assert registrations_of(training).counts["attended"] == 1


def test_the_tab_marks_attendance(http, training, registered, login):
    started(training)
    session = http(auth=login("organiser"))
    page = session.get(f"{training.absolute_url()}/@@registrations")
    assert page.status_code == 200
    assert "Άννα" in page.text
    token = re.search(
        r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', page.text
    )
    token = token or re.search(
        r'<input[^>]*name="_authenticator"[^>]*value="([^"]+)"', page.text
    )
    answer = session.post(
        f"{training.absolute_url()}/@@registrations",
        data={
            "_authenticator": token.group(1),
            "id": registered[0].id,
            "action": "attended",
        },
        allow_redirects=False,
    )
    assert answer.status_code == 303
    transaction.begin()
    assert registrations_of(training).get(registered[0].id).attended is True
    forged = session.post(
        f"{training.absolute_url()}/@@registrations",
        data={"id": registered[1].id, "action": "withdraw"},
        allow_redirects=False,
    )
    assert forged.status_code == 403
    transaction.begin()
    assert registrations_of(training).get(registered[1].id).status == "confirmed"


def test_the_tab_is_an_action_of_managers_only(http, training, registered, login):
    page = http(auth=login("organiser")).get(training.absolute_url())
    assert "@@registrations" in page.text
    page = http(auth=login("member")).get(training.absolute_url())
    assert "@@registrations" not in page.text


@pytest.mark.parametrize(("capacity", "promoted"), [(3, False), (4, True)])
def test_raising_the_capacity_promotes_the_first_waiting(
    http, training, registered, login, mails, capacity, promoted
):
    """The published training is edited (by the secretariat; its team
    edits it through a working copy): places made free go to the waiting
    list, first come first, and the promoted are mailed; an edit that
    frees no place changes nobody's registration."""
    answer = http(auth=login("secretariat"), json=True).patch(
        training.absolute_url(), json={"capacity": capacity}
    )
    assert answer.status_code == 204, answer.text
    transaction.begin()
    store = registrations_of(training)
    waiting = store.get(registered[3].id)
    assert waiting.status == ("confirmed" if promoted else "waiting")
    kinds = [m["X-Registration-Mail"] for m in mails().get("p3@example.org", [])]
    assert kinds == (["waiting", "promoted"] if promoted else ["waiting"])
