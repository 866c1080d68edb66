"""Stale profiles: listed, *Ask to update* mails the editors a signed link
through the outbox, *confirm my profile* stamps the dates."""

from collective.migrationnetwork.notifications import testing
from plone import api
from review.review_people import auth

import datetime
import pytest
import re
import transaction


@pytest.fixture
def mailbox(functional):
    testing.install_mailhost(
        functional["portal"], testing.RecordingMailHost("MailHost")
    )
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    transaction.commit()
    del testing.SENT[:]
    yield testing.Mailbox(functional["portal"])
    del testing.SENT[:]


def stale_of(http, userid):
    answer = http(auth=auth(userid), json=True).get("/el/@network-dashboard").json()
    return {entry["title"]: entry for entry in answer["stale_profiles"]["items"]}


def test_stale_profiles_by_role(functional_network, http):
    secretary = stale_of(http, "secretary")
    # Athens was verified on 15 January 2026, less than 12 months ago;
    # the University of Nicosia and CARDET never were.
    assert "Municipality of Athens" not in secretary
    assert {"University of Nicosia", "CARDET"} <= set(secretary)
    cyprus = stale_of(http, "cyprus-coordinator")
    assert "University of Nicosia" in cyprus
    # CARDET is in no network: only the secretariat sees it.
    assert "CARDET" not in cyprus
    assert "CARDET" not in stale_of(http, "cities-coordinator")


def test_the_months_are_a_setting(functional_network, http):
    api.portal.set_registry_record(
        "collective.migrationnetwork.stale_profile_months", 1
    )
    transaction.commit()
    assert "Municipality of Athens" in stale_of(http, "secretary")


@pytest.mark.parametrize(
    ("userid", "status"),
    [(None, 401), ("member", 401), ("athens-editor", 401), ("cyprus-coordinator", 401)],
)
def test_only_its_coordinators_and_the_secretariat_may_ask(
    functional_network, http, mailbox, userid, status
):
    # Athens is in the Cities Network only.
    athens = functional_network["sample"]["athens"]
    session = http(auth=auth(userid) if userid else None, json=True)
    response = session.post(f"{athens.absolute_url()}/@ask-profile-update")
    assert response.status_code == status
    assert len(mailbox) == 0


def test_the_page_refuses_a_post_without_authenticator(
    functional_network, http, mailbox
):
    nicosia = functional_network["sample"]["nicosia"]
    session = http(auth=auth("secretary"))
    response = session.post(f"{nicosia.absolute_url()}/@@ask-profile-update")
    assert response.status_code == 403
    assert (
        session.get(f"{nicosia.absolute_url()}/@@ask-profile-update").status_code == 405
    )
    assert len(mailbox) == 0


def test_ask_mail_and_confirm(functional_network, http, mailbox):
    nicosia = functional_network["sample"]["nicosia"]
    with api.env.adopt_roles(["Manager"]):
        nicosia.contact_points = [
            {
                "role": "Κέντρο",
                "name": "Άννα",
                "email": "a@nicosia.example",
                "verified": None,
            }
        ]
        nicosia.reindexObject()
    transaction.commit()
    response = http(auth=auth("cyprus-coordinator"), json=True).post(
        f"{nicosia.absolute_url()}/@ask-profile-update"
    )
    assert response.status_code == 200, response.text
    assert response.json()["mailed"] == 1
    [raw] = list(mailbox)
    message = testing.parse(raw)
    assert message["To"].addresses[0].addr_spec == "nicosia-editor@example.org"
    text = testing.text_of(message)
    assert "University of Nicosia" in text
    link = re.search(r"(http\S+@@confirm-profile\?token=\S+)", text).group(1)
    listed = stale_of(http, "secretary")["University of Nicosia"]
    assert listed["asked"] is not None

    anonymous = http()
    page = anonymous.get(link)
    assert page.status_code == 200
    assert "a@nicosia.example" in page.text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    form = dict(
        re.findall(r'name="(token)"\s+type="hidden"\s+value="([^"]+)"', page.text)
    )
    if not form:
        form = {"token": link.split("token=", 1)[1]}
    done = anonymous.post(
        link.split("?", 1)[0], data={**form, "_authenticator": token, "confirm": "1"}
    )
    assert done.status_code == 200
    transaction.begin()
    assert nicosia.contact_points[0]["verified"] == datetime.date.today()
    assert "University of Nicosia" not in stale_of(http, "secretary")


@pytest.mark.parametrize("token", ["", "nonsense", "x" * 2000])
def test_a_bad_link_is_refused(functional_network, http, token):
    response = http().get("/el/@@confirm-profile", params={"token": token})
    assert response.status_code == 400
    assert "contact-points" not in response.text


def test_the_first_are_listed_and_the_recently_asked_come_last(
    functional_network, http, mailbox, monkeypatch
):
    from collective.migrationnetwork.dashboard import stale

    secretary = http(auth=auth("secretary"), json=True)

    def listed():
        return secretary.get("/el/@network-dashboard").json()["stale_profiles"]

    before = listed()
    assert before["count"] == len(before["items"]) > 2
    nicosia = functional_network["sample"]["nicosia"]
    asked = secretary.post(f"{nicosia.absolute_url()}/@ask-profile-update")
    assert asked.status_code == 200, asked.text
    after = listed()
    # Asked now: after the others, which keep their order.
    assert after["items"][-1]["title"] == "University of Nicosia"
    assert after["items"][-1]["asked"] is not None
    assert [e["UID"] for e in after["items"][:-1]] == [
        e["UID"] for e in before["items"] if e["title"] != "University of Nicosia"
    ]
    monkeypatch.setattr(stale, "STALE_LIMIT", 2)
    short = listed()
    assert short["count"] == before["count"]
    assert short["items"] == after["items"][:2]
    page = http(auth=auth("secretary")).get("/el/@@network-dashboard")
    assert f"… και {before['count'] - 2} ακόμη" in page.text
