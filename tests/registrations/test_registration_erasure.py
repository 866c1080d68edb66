"""Personal data of registrations: the secretariat erases a person's
registrations in every training (REST and the Classic form), nobody else
may; the registrations of trainings that ended longer ago than the
retention period are anonymised by a job that is safe to run again."""

from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.registrations import erasure
from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.mail import reminder_key
from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import Registration
from collective.migrationnetwork.registrations.store import new_id
from collective.migrationnetwork.registrations.store import registrations_of
from dateutil.relativedelta import relativedelta
from plone import api

import datetime
import pytest
import pytz
import re
import transaction


ERASURE = "/@registrations-erasure"
SETTING = "collective.migrationnetwork.registration_retention_months"
EMAIL = "eleni@example.org"
PERSON = {
    "name": "Αικατερίνη Ζαχαρίου",
    "email": EMAIL,
    "organisation": "Ένωση Ελλήνων Διερμηνέων",
    "position": "Διερμηνέας",
    "country": "GR",
    "needs": "Διερμηνεία στη νοηματική",
    "consent": True,
}


def snapshot(*trainings):
    return [dict(registrations_of(t).counts) for t in trainings]


def held(visit, data, attended=True):
    """A registration of the study visit (which has ended), as if made
    before it started, attendance marked."""
    store = registrations_of(visit)
    record = Registration(new_id(), data["email"], data, "el", userid="eleni")
    store.add(record, CONFIRMED)
    store.set_attended(record, attended)
    return record


@pytest.fixture
def registered(training, functional_sample, people, mailbox, person):
    """Eleni is confirmed for the webinar (upcoming: a reminder is
    queued) and attended the study visit; others registered as well."""
    visit = functional_sample["visit"]
    webinar = registering.register(training, PERSON, language="el").registration
    registering.register(training, person(1), language="el")
    attended = held(visit, PERSON)
    held(visit, person(2))
    transaction.commit()
    return {"webinar": webinar, "visit": attended, "training": visit}


def erase_as(http, login, userid, body):
    session = http(auth=login(userid) if userid else None, json=True)
    return session.post(ERASURE, json=body)


def test_erasure_across_trainings_keeps_the_counts(http, login, training, registered):
    visit = registered["training"]
    before = snapshot(training, visit)
    # The address as typed, in another case.
    answer = erase_as(http, login, "secretariat", {"email": " Eleni@Example.ORG "})
    assert answer.status_code == 200
    assert answer.json() == {"erased": 2}
    transaction.begin()
    assert snapshot(training, visit) == before
    assert before[1]["attended"] == 2
    for key, obj in (("webinar", training), ("visit", visit)):
        store = registrations_of(obj)
        record = store.get(registered[key].id)
        assert record.erased is True
        assert record.name == f"Erased registrant {record.id[:4]}"
        assert (record.email, record.organisation, record.position) == ("", "", "")
        assert (record.needs, record.userid) == ("", "")
        assert record.country == "GR"
        assert store.find(EMAIL) is None
        assert EMAIL not in store.by_email
    assert registrations_of(visit).get(registered["visit"].id).attended is True
    # The others keep theirs.
    assert registrations_of(training).find("person1@example.org").name == "Πρόσωπο 1"


def test_erasing_again_erases_nothing(http, login, registered):
    assert erase_as(http, login, "secretariat", {"email": EMAIL}).json() == {
        "erased": 2
    }
    assert erase_as(http, login, "secretariat", {"email": EMAIL}).json() == {
        "erased": 0
    }
    assert erase_as(
        http, login, "secretariat", {"email": "nobody@example.org"}
    ).json() == {"erased": 0}


def test_a_member_organisation_and_the_country_stay(training, functional_sample):
    """Figures by organisation and country keep an erased attendee: a
    member organisation is the site's, not the person's words."""
    athens = functional_sample["athens"]
    data = dict(PERSON, organisation=athens.UID())
    registering.register(training, data, language="el")
    assert erasure.erase(EMAIL) == 1
    record = next(iter(registrations_of(training).values()))
    assert (record.organisation_uid, record.organisation) == (
        athens.UID(),
        athens.Title(),
    )
    assert record.country == "GR"


def test_names_are_gone_from_the_organisers_views(http, login, training, registered):
    erase_as(http, login, "secretariat", {"email": EMAIL})
    session = http(auth=login("organiser"), json=True)
    answer = session.get(f"{training.absolute_url()}/@registrations")
    assert answer.status_code == 200
    items = answer.json()["items"]
    assert len(items) == 2
    erased = [item for item in items if item["name"].startswith("Erased registrant")]
    assert len(erased) == 1
    assert erased[0]["email"] == ""
    assert erased[0]["status"] == "confirmed"
    browser = http(auth=login("organiser"))
    pages = {
        "rest": answer.text,
        "csv": session.get(
            f"{training.absolute_url()}/@registrations", params={"format": "csv"}
        ).text,
        "csv-view": browser.get(f"{training.absolute_url()}/@@registrations.csv").text,
        "tab": browser.get(f"{training.absolute_url()}/@@registrations").text,
    }
    for name, text in pages.items():
        for personal in ("Αικατερίνη", "Ζαχαρίου", EMAIL, "Διερμηνέας", "νοηματική"):
            assert personal not in text, (name, personal)
        assert "Erased registrant" in text, name
        assert "Πρόσωπο 1" in text, name


def test_the_old_link_is_refused(http, login, training, registered):
    url = links.my_registration_url(training, registered["webinar"])
    assert http().get(url).status_code == 200
    erase_as(http, login, "secretariat", {"email": EMAIL})
    page = http().get(url)
    assert page.status_code == 404
    assert "Αικατερίνη" not in page.text


def test_pending_mails_are_dropped(http, login, training, registered):
    key = reminder_key(registered["webinar"])
    assert get_outbox().get(key).status == "pending"
    erase_as(http, login, "secretariat", {"email": EMAIL})
    transaction.begin()
    outbox = get_outbox()
    reminder = outbox.get(key)
    assert reminder.status == "skipped"
    assert reminder.reason == "erased"
    addresses = {record.to for record in outbox.messages.values()}
    assert EMAIL not in addresses
    assert "person1@example.org" in addresses
    # Nothing of the person's is built or sent any more.
    for record in outbox.records("registrations"):
        if record.to == erasure.ERASED_ADDRESS:
            assert record.raw is None
            assert record.status != "pending"
    # Registering again is a new registration, with its own mails.
    again = registering.register(training, PERSON, language="el").registration
    assert again.id != registered["webinar"].id
    assert get_outbox().get(reminder_key(again)).to == EMAIL


@pytest.mark.parametrize("userid", [None, "organiser", "coordinator", "stranger"])
def test_others_may_not_erase(http, login, training, registered, userid):
    answer = erase_as(http, login, userid, {"email": EMAIL})
    # plone.restapi answers 401 to whoever lacks the permission.
    assert answer.status_code == 401
    assert "erased" not in answer.json()
    page = http(auth=login(userid) if userid else None).post(
        "/@@erase-registrant",
        data={"email": EMAIL, "form.erase": "1"},
        allow_redirects=False,
    )
    # Plone's Classic UI sends whoever lacks the permission to log in.
    assert page.status_code == 302
    assert "require_login" in page.headers["Location"]
    form = http(auth=login(userid) if userid else None).get(
        "/@@erase-registrant", allow_redirects=False
    )
    assert form.status_code == 302
    assert 'name="form.erase"' not in form.text
    assert 'name="form.preview"' not in form.text
    transaction.begin()
    record = registrations_of(training).find(EMAIL)
    assert record is not None
    assert record.name == PERSON["name"]
    assert record.erased is False


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": 5}, "email"),
        ({}, "email"),
        ({"email": EMAIL, "name": "x"}, "name"),
        (["not", "an", "object"], "body"),
    ],
)
def test_a_bad_request_names_the_field(http, login, registered, body, field):
    answer = erase_as(http, login, "secretariat", body)
    assert answer.status_code == 400
    data = answer.json()
    assert data["errors"][0]["field"] == field
    assert data["message"].startswith(f"{field}:")
    transaction.begin()
    assert registrations_of(registered["training"]).find(EMAIL) is not None


def test_site_administrators_may_erase(http, training, registered):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="siteadmin", email="a@staff.example", password="a-long-secret-1"
        )
        api.user.grant_roles(username="siteadmin", roles=["Site Administrator"])
    transaction.commit()
    session = http(auth=("siteadmin", "a-long-secret-1"), json=True)
    assert session.post(ERASURE, json={"email": EMAIL}).json() == {"erased": 2}
    session = http(auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), json=True)
    assert session.post(ERASURE, json={"email": EMAIL}).json() == {"erased": 0}


def authenticator(text):
    found = re.search(r'<input[^>]*name="_authenticator"[^>]*value="([^"]+)"', text)
    found = found or re.search(
        r'<input[^>]*value="([^"]+)"[^>]*name="_authenticator"', text
    )
    return found.group(1)


def test_the_form_confirms_then_erases(http, login, training, registered):
    session = http(auth=login("secretariat"))
    page = session.get("/el/@@erase-registrant")
    assert page.status_code == 200
    token = authenticator(page.text)
    preview = session.post(
        "/el/@@erase-registrant",
        data={"_authenticator": token, "email": EMAIL, "form.preview": "1"},
    )
    assert preview.status_code == 200
    assert 'name="form.erase"' in preview.text
    assert "Webinar on labour integration" in preview.text
    assert "Study visit to Nicosia" in preview.text
    assert re.search(r"<strong[^>]*>2</strong>", preview.text)
    transaction.begin()
    assert registrations_of(training).find(EMAIL) is not None
    # Without the authenticator: refused, nothing erased.
    forged = session.post(
        "/el/@@erase-registrant",
        data={"email": EMAIL, "form.erase": "1"},
        allow_redirects=False,
    )
    assert forged.status_code == 403
    transaction.begin()
    assert registrations_of(training).find(EMAIL) is not None
    done = session.post(
        "/el/@@erase-registrant",
        data={
            "_authenticator": authenticator(preview.text),
            "email": EMAIL,
            "form.erase": "1",
        },
        allow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["Location"].endswith("/el/@@erase-registrant")
    message = session.get(done.headers["Location"])
    assert "Διαγράφηκαν 2 εγγραφές" in message.text
    transaction.begin()
    assert registrations_of(training).find(EMAIL) is None
    again = session.post(
        "/el/@@erase-registrant",
        data={"_authenticator": token, "email": EMAIL, "form.preview": "1"},
    )
    assert "Δεν απομένει καμία εγγραφή αυτής της διεύθυνσης" in again.text


def test_the_form_names_a_bad_address(http, login, registered):
    session = http(auth=login("secretariat"))
    token = authenticator(session.get("/@@erase-registrant").text)
    page = session.post(
        "/@@erase-registrant",
        data={"_authenticator": token, "email": "eleni@", "form.preview": "1"},
    )
    assert page.status_code == 400
    assert 'id="erase-email-error"' in page.text
    assert 'name="form.erase"' not in page.text


def test_the_dashboard_links_the_form(http, login, people, functional_sample):
    page = http(auth=login("secretariat")).get("/el/@@network-dashboard")
    assert page.status_code == 200
    assert "@@erase-registrant" in page.text
    page = http(auth=login("coordinator")).get("/el/@@network-dashboard")
    assert page.status_code == 200
    assert "@@erase-registrant" not in page.text


# The anonymisation of ended trainings


def ended(training, months, days=0):
    """``training`` started and ended ``months`` months (and ``days``) ago."""
    now = datetime.datetime.now(pytz.timezone("Europe/Athens"))
    end = now - relativedelta(months=months, days=days)
    training.start = end - datetime.timedelta(hours=2)
    training.end = end
    training.reindexObject()


@pytest.fixture
def old_and_recent(training, functional_sample, mailbox, person):
    """The webinar ended 25 months ago (two registrations, one attended),
    the study visit a month ago (one)."""
    one = registering.register(training, person(1), language="el").registration
    registering.register(training, person(2), language="el")
    ended(training, 25)
    registrations_of(training).set_attended(one, True)
    visit = functional_sample["visit"]
    ended(visit, 1)
    recent = held(visit, person(3))
    return {"old": training, "recent": visit, "recent_record": recent}


def test_old_registrations_are_anonymised(old_and_recent):
    old, recent = old_and_recent["old"], old_and_recent["recent"]
    before = snapshot(old, recent)
    assert api.portal.get_registry_record(SETTING) == 24
    assert erasure.anonymise_expired() == 2
    assert snapshot(old, recent) == before
    names = sorted(record.name for record in registrations_of(old).values())
    assert all(name.startswith("Erased registrant ") for name in names)
    assert not list(registrations_of(old).by_email)
    assert registrations_of(old).anonymised is True
    kept = registrations_of(recent).get(old_and_recent["recent_record"].id)
    assert (kept.name, kept.email, kept.erased) == (
        "Πρόσωπο 3",
        "person3@example.org",
        False,
    )
    outbox = get_outbox()
    assert "person1@example.org" not in {r.to for r in outbox.messages.values()}
    # Again: nothing more.
    assert erasure.anonymise_expired() == 0


def test_the_period_is_the_setting(old_and_recent):
    api.portal.set_registry_record(SETTING, 36)
    assert erasure.anonymise_expired() == 0
    assert registrations_of(old_and_recent["old"]).find("person1@example.org")
    api.portal.set_registry_record(SETTING, 1)
    ended(old_and_recent["recent"], 1, days=1)
    assert erasure.anonymise_expired() == 3


def test_a_translation_that_ends_later_keeps_them(old_and_recent):
    """The Greek and the English page share their registrations: they are
    kept while one of them has not ended for the period."""
    from plone.app.multilingual.interfaces import ITranslationManager

    old = old_and_recent["old"]
    with api.env.adopt_roles(["Manager"]):
        ITranslationManager(old.__parent__).add_translation("en")
        english = ITranslationManager(old).add_translation("en")
        english.title = "Webinar"
        ended(english, 2)
    assert erasure.anonymise_expired() == 0
    ended(english, 25)
    assert erasure.anonymise_expired() == 2


def test_the_deliverer_runs_it_once_a_day(functional, old_and_recent):
    portal = functional["portal"]
    erasure._last_runs.clear()
    moment = [1_000_000.0]
    transaction.commit()
    try:
        assert (
            erasure.run_due(portal, transaction.manager, clock=lambda: moment[0]) == 2
        )
        moment[0] += 3600
        assert (
            erasure.run_due(portal, transaction.manager, clock=lambda: moment[0])
            is None
        )
        moment[0] += erasure.INTERVAL
        assert (
            erasure.run_due(portal, transaction.manager, clock=lambda: moment[0]) == 0
        )
    finally:
        erasure._last_runs.clear()
    transaction.begin()
    assert registrations_of(old_and_recent["old"]).anonymised is True
