"""iCalendar of trainings, read back with the icalendar library."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager

import icalendar
import pytest
import transaction


def parse(response):
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return calendar


def events(calendar):
    return {
        str(event["URL"]).rsplit("/", 1)[1]: event for event in calendar.walk("VEVENT")
    }


@pytest.mark.parametrize("lang", ["el", "en"])
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["study-visit", "webinar"]),
        ({"portal_type": "Training"}, ["study-visit", "webinar"]),
        ({"upcoming": "true"}, ["webinar"]),
        ({"when": "past"}, ["study-visit"]),
        ({"format": "online"}, ["webinar"]),
        ({"thematic_areas": "housing"}, ["study-visit"]),
        ({"countries": "GR", "format": "in_person"}, []),
    ],
)
def test_ical_has_the_filtered_trainings(bilingual, browser, lang, params, expected):
    calendar = parse(browser.get(f"/{lang}/network-search.ics", params=params))
    assert sorted(events(calendar)) == expected


@pytest.mark.parametrize("lang", ["el", "en"])
def test_ical_event_of_a_training(bilingual, browser, lang):
    calendar = parse(browser.get(f"/{lang}/network-search.ics"))
    webinar = bilingual[lang]["webinar"]
    event = events(calendar)["webinar"]
    assert str(event["SUMMARY"]) == "Webinar on labour integration"
    assert str(event["URL"]) == webinar.absolute_url()
    assert str(event["UID"]) == ITranslationManager(webinar).query_canonical()
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    # iCalendar counts whole seconds
    assert start == webinar.start.replace(microsecond=0)
    assert end == webinar.end.replace(microsecond=0)
    assert start.utcoffset() == webinar.start.utcoffset()
    assert event["DTSTART"].params["TZID"] == "Europe/Athens"
    assert event.decoded("DTSTAMP").tzinfo is not None
    online = {"el": "Διαδικτυακά", "en": "Online"}[lang]
    assert str(event["LOCATION"]) in ("Online", online)
    visit = events(calendar)["study-visit"]
    assert str(visit["LOCATION"]) == "Nicosia"
    # every TZID used is defined in the calendar
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Europe/Athens"}
    assert calendar.get_missing_tzids() == set()


@pytest.mark.parametrize(
    ("lang", "name", "category"),
    [("el", "Επιμορφώσεις", "Επίσκεψη μελέτης"), ("en", "Trainings", "Study visit")],
)
def test_ical_in_the_language(bilingual, browser, lang, name, category):
    calendar = parse(browser.get(f"/{lang}/network-search.ics"))
    assert str(calendar["X-WR-CALNAME"]).startswith(name)
    categories = events(calendar)["study-visit"]["CATEGORIES"]
    assert category in [str(c) for c in categories.cats]


def test_ical_uids_are_stable(bilingual, browser):
    first = parse(browser.get("/el/network-search.ics"))
    again = parse(browser.get("/el/network-search.ics", params={"upcoming": "true"}))
    uids = {name: str(event["UID"]) for name, event in events(first).items()}
    assert str(events(again)["webinar"]["UID"]) == uids["webinar"]
    assert len(set(uids.values())) == 2


def test_ical_uids_are_one_per_translation_group(bilingual, browser):
    """The Greek and the English feed give a training and its translation
    the same UID; trainings that are not translations of each other keep
    UIDs of their own."""
    with api.env.adopt_roles(["Manager"]):
        ITranslationManager(bilingual["el"]["webinar"]).register_translation(
            "en", bilingual["en"]["webinar"]
        )
        for lang in ("el", "en"):
            bilingual[lang]["webinar"].reindexObject()
    transaction.commit()
    greek = events(parse(browser.get("/el/network-search.ics")))
    english = events(parse(browser.get("/en/network-search.ics")))
    assert str(greek["webinar"]["UID"]) == str(english["webinar"]["UID"])
    assert str(greek["study-visit"]["UID"]) != str(english["study-visit"]["UID"])
    uids = {str(event["UID"]) for event in [*greek.values(), *english.values()]}
    assert len(uids) == 3


def test_ical_is_anonymous_and_published_only(bilingual, browser):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(bilingual["el"]["webinar"], transition="unpublish")
    transaction.commit()
    calendar = parse(browser.get("/el/network-search.ics"))
    assert sorted(events(calendar)) == ["study-visit"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"portal_type": "Practice"}, "portal_type"),
        ({"portal_type": ["Training", "Newsletter"]}, "portal_type"),
        ({"start.from": "soon"}, "start.from"),
        ({"format": "telepathy"}, "format"),
        ({"b_size": "0"}, "b_size"),
    ],
)
def test_ical_bad_parameter(bilingual, browser, params, parameter):
    response = browser.get("/el/network-search.ics", params=params)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["error"]["parameter"] == parameter
