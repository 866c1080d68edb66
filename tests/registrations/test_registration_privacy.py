"""The online link and the registrants' names reach only those who may
see them: not the public page, REST, search or feeds of anonymous clients."""

from collective.migrationnetwork.registrations import registering

import pytest
import transaction


LINK = "https://meet.example/webinar"


@pytest.fixture
def registered(training, mailbox):
    registering.register(
        training,
        {"name": "Κρυφό Όνομα", "email": "secret@example.org", "consent": True},
        language="el",
    )
    transaction.commit()
    return training


def public_answers(http, training):
    portal = training.portal_url()
    rest = http(json=True)
    browser = http()
    return {
        "page": browser.get(training.absolute_url()),
        "item": rest.get(training.absolute_url()),
        "search": rest.get(
            f"{portal}/el/@network-search", params={"portal_type": "Training"}
        ),
        "ical": browser.get(f"{training.absolute_url()}/@@ics_view"),
        "feed": browser.get(f"{portal}/el/network-search.ics"),
        "restsearch": rest.get(
            f"{portal}/el/@search", params={"portal_type": "Training", "fullobjects": 1}
        ),
    }


def test_anonymous_sees_neither_names_nor_the_link(http, registered):
    for name, answer in public_answers(http, registered).items():
        assert answer.status_code == 200, name
        text = answer.text
        assert "Webinar" in text or "webinar" in text, name
        assert LINK not in text, name
        assert "Κρυφό" not in text, name
        assert "secret@example.org" not in text, name


@pytest.mark.parametrize("userid", ["member", "stranger"])
def test_members_outside_the_team_see_no_link(http, registered, people, login, userid):
    rest = http(json=True, auth=login(userid))
    assert LINK not in rest.get(registered.absolute_url()).text
    assert LINK not in http(auth=login(userid)).get(registered.absolute_url()).text


@pytest.mark.parametrize("userid", ["organiser", "coordinator", "secretariat"])
def test_organisers_see_the_link(http, registered, people, login, userid):
    rest = http(json=True, auth=login(userid))
    assert rest.get(registered.absolute_url()).json()["online_url"] == LINK
    assert LINK in http(auth=login(userid)).get(registered.absolute_url()).text


def test_places_left_are_public(http, registered):
    page = http().get(registered.absolute_url()).text
    assert 'class="places-left"' in page
