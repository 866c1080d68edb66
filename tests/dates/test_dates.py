"""The one date helper (collective.migrationnetwork.dates): the item's time
zone or the portal's, 24-hour times, day-month-year, localised months,
right on both sides of a change of summer time in Europe/Athens."""

from collective.migrationnetwork import dates
from DateTime import DateTime
from plone import api

import datetime
import pytest
import pytz
import zoneinfo


UTC = datetime.timezone.utc
ATHENS = zoneinfo.ZoneInfo("Europe/Athens")


@pytest.fixture(autouse=True)
def athens_portal(portal):
    """The site's time zone, as make start creates it."""
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Athens")
    return portal


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def athens(*args):
    """A wall time in Athens, as plone.app.event stores it (pytz)."""
    return pytz.timezone("Europe/Athens").localize(datetime.datetime(*args))


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        # Winter time: UTC+2.
        (utc(2027, 1, 20, 9, 0), "el", "20 Ιανουαρίου 2027, 11:00"),
        (utc(2027, 1, 20, 9, 0), "en", "20 January 2027, 11:00"),
        # Summer time: UTC+3.
        (utc(2027, 7, 1, 9, 0), "el", "1 Ιουλίου 2027, 12:00"),
        (utc(2027, 7, 1, 9, 0), "en", "1 July 2027, 12:00"),
        # 28 March 2027, last Sunday of March: 03:00 becomes 04:00 at 01:00 UTC.
        (utc(2027, 3, 28, 0, 59), "en", "28 March 2027, 02:59"),
        (utc(2027, 3, 28, 1, 0), "en", "28 March 2027, 04:00"),
        # 31 October 2027, last Sunday of October: 04:00 becomes 03:00 at
        # 01:00 UTC, so 03:30 comes twice.
        (utc(2027, 10, 31, 0, 30), "el", "31 Οκτωβρίου 2027, 03:30"),
        (utc(2027, 10, 31, 1, 30), "el", "31 Οκτωβρίου 2027, 03:30"),
        (utc(2027, 10, 31, 2, 30), "el", "31 Οκτωβρίου 2027, 04:30"),
        # 24-hour times in Greek, never π.μ./μ.μ.
        (utc(2027, 1, 20, 21, 5), "el", "20 Ιανουαρίου 2027, 23:05"),
        # Crossing midnight moves the day.
        (utc(2026, 12, 31, 22, 30), "en", "1 January 2027, 00:30"),
        # A wall time in Athens as plone.app.event keeps it.
        (athens(2027, 1, 20, 11, 0), "el", "20 Ιανουαρίου 2027, 11:00"),
        (athens(2027, 8, 20, 11, 0), "el", "20 Αυγούστου 2027, 11:00"),
        # Zope DateTimes: in UTC, and in Athens (DateTime.asdatetime would
        # give Athens' local mean time, +01:35).
        (DateTime("2027/01/20 09:00 UTC"), "en", "20 January 2027, 11:00"),
        (DateTime("2027/01/20 11:00 Europe/Athens"), "en", "20 January 2027, 11:00"),
        (DateTime("2027/07/01 12:00 Europe/Athens"), "en", "1 July 2027, 12:00"),
        # What records keep: ISO strings in UTC with microseconds, timestamps.
        ("2026-12-02T08:03:47.123456+00:00", "el", "2 Δεκεμβρίου 2026, 10:03"),
        (utc(2026, 12, 2, 8, 3).timestamp(), "en", "2 December 2026, 10:03"),
        # A naive value is a wall time in the portal's zone.
        (datetime.datetime(2027, 1, 20, 11, 0), "en", "20 January 2027, 11:00"),
        # A date is a day, whatever the zone.
        (datetime.date(2026, 12, 2), "el", "2 Δεκεμβρίου 2026"),
        (datetime.date(2026, 12, 2), "en", "2 December 2026"),
        (None, "en", ""),
        ("", "el", ""),
    ],
)
def test_format_datetime(portal, value, language, expected):
    assert dates.format_datetime(value, language) == expected


def test_a_value_in_another_named_zone_stays_in_it(portal):
    berlin = pytz.timezone("Europe/Berlin").localize(datetime.datetime(2027, 1, 20, 11))
    assert dates.format_datetime(berlin, "en") == "20 January 2027, 11:00"
    assert dates.format_datetime(berlin, "en", zone=ATHENS) == "20 January 2027, 12:00"
    assert dates.format_datetime(berlin, "en", zone="Europe/Athens") == (
        "20 January 2027, 12:00"
    )


def test_the_portal_zone_comes_from_the_registry(portal):
    assert dates.portal_zone() == ATHENS
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Lisbon")
    assert dates.format_datetime(utc(2027, 1, 20, 9), "en") == "20 January 2027, 09:00"


@pytest.mark.parametrize(
    ("language", "months"),
    [
        (
            "el",
            [
                "Ιανουαρίου",
                "Φεβρουαρίου",
                "Μαρτίου",
                "Απριλίου",
                "Μαΐου",
                "Ιουνίου",
                "Ιουλίου",
                "Αυγούστου",
                "Σεπτεμβρίου",
                "Οκτωβρίου",
                "Νοεμβρίου",
                "Δεκεμβρίου",
            ],
        ),
        (
            "en",
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
        ),
    ],
)
def test_month_names(portal, language, months):
    assert [
        dates.format_date(datetime.date(2027, month, 15), language)
        for month in range(1, 13)
    ] == [f"15 {name} 2027" for name in months]


def test_an_unknown_language_falls_back_to_english(portal):
    assert dates.format_date(datetime.date(2027, 5, 3), "xx") == "3 May 2027"
    assert dates.format_date(datetime.date(2027, 5, 3), "el-gr") == "3 Μαΐου 2027"


@pytest.mark.parametrize(
    ("start", "end", "options", "language", "expected"),
    [
        # The training of issue #24, in UTC as a catalogue may hand it over.
        (
            utc(2027, 1, 20, 9),
            utc(2027, 1, 20, 11),
            {},
            "el",
            "20 Ιανουαρίου 2027, 11:00–13:00",
        ),
        (
            utc(2027, 1, 20, 9),
            utc(2027, 1, 20, 11),
            {},
            "en",
            "20 January 2027, 11:00–13:00",
        ),
        (
            athens(2027, 1, 20, 11),
            athens(2027, 1, 20, 13),
            {},
            "el",
            "20 Ιανουαρίου 2027, 11:00–13:00",
        ),
        # Across the change to summer time: two hours that read as three.
        (
            utc(2027, 3, 28, 0, 0),
            utc(2027, 3, 28, 2, 0),
            {},
            "en",
            "28 March 2027, 02:00–05:00",
        ),
        # Across the change to winter time: two hours that read as one.
        (
            utc(2027, 10, 31, 0, 0),
            utc(2027, 10, 31, 2, 0),
            {},
            "el",
            "31 Οκτωβρίου 2027, 03:00–04:00",
        ),
        # Over several days.
        (
            athens(2027, 1, 20, 11),
            athens(2027, 1, 21, 13),
            {},
            "en",
            "20 January 2027, 11:00 – 21 January 2027, 13:00",
        ),
        (
            athens(2027, 1, 20, 11),
            athens(2027, 1, 21, 13),
            {},
            "el",
            "20 Ιανουαρίου 2027, 11:00 – 21 Ιανουαρίου 2027, 13:00",
        ),
        # Whole days, as plone.app.event stores them (00:00 to 23:59:59) ...
        (
            athens(2027, 1, 20, 0, 0),
            athens(2027, 1, 20, 23, 59, 59),
            {},
            "el",
            "20 Ιανουαρίου 2027",
        ),
        (
            athens(2027, 1, 20, 0, 0),
            athens(2027, 1, 22, 23, 59, 59),
            {},
            "en",
            "20 January 2027 – 22 January 2027",
        ),
        # ... in summer time too, read from UTC ...
        (
            utc(2027, 6, 30, 21, 0),
            utc(2027, 7, 1, 20, 59, 59),
            {},
            "en",
            "1 July 2027",
        ),
        # ... or said so.
        (
            athens(2027, 1, 20, 9),
            athens(2027, 1, 20, 17),
            {"whole_day": True},
            "en",
            "20 January 2027",
        ),
        # An open end, or none: the start alone.
        (
            athens(2027, 1, 20, 11),
            athens(2027, 1, 20, 23, 59, 59),
            {"open_end": True},
            "en",
            "20 January 2027, 11:00",
        ),
        (athens(2027, 1, 20, 11), None, {}, "el", "20 Ιανουαρίου 2027, 11:00"),
        (
            athens(2027, 1, 20, 11),
            athens(2027, 1, 20, 11),
            {},
            "el",
            "20 Ιανουαρίου 2027, 11:00",
        ),
        # Zope DateTimes (catalogue metadata of older items).
        (
            DateTime("2027/01/20 11:00 Europe/Athens"),
            DateTime("2027/01/20 13:00 Europe/Athens"),
            {},
            "en",
            "20 January 2027, 11:00–13:00",
        ),
        (None, None, {}, "en", ""),
    ],
)
def test_format_range(portal, start, end, options, language, expected):
    assert dates.format_range(start, end, language, **options) == expected


def test_a_range_reads_in_the_zone_given(portal):
    start = utc(2027, 1, 20, 9)
    end = utc(2027, 1, 20, 11)
    assert dates.format_range(start, end, "en", zone="Europe/Lisbon") == (
        "20 January 2027, 09:00–11:00"
    )


def test_iso_has_no_microseconds(portal):
    value = "2026-12-02T08:03:47.123456+00:00"
    assert dates.iso(value) == "2026-12-02T10:03:47+02:00"
    assert dates.iso(utc(2027, 7, 1, 9)) == "2027-07-01T12:00:00+03:00"
    assert dates.iso(datetime.date(2027, 7, 1)) == "2027-07-01"
    assert dates.iso(None) == ""


def training(sample, tzname, **fields):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=sample["athens"],
            type="Training",
            title="Intercultural mediation",
            timezone=tzname,
            **fields,
        )


@pytest.mark.parametrize(
    ("fields", "language", "expected"),
    [
        (
            {"start": athens(2027, 1, 20, 11), "end": athens(2027, 1, 20, 13)},
            "el",
            "20 Ιανουαρίου 2027, 11:00–13:00",
        ),
        (
            {"start": athens(2027, 7, 20, 11), "end": athens(2027, 7, 20, 13)},
            "en",
            "20 July 2027, 11:00–13:00",
        ),
        (
            {
                "start": athens(2027, 1, 20, 11),
                "end": athens(2027, 1, 21, 13),
                "whole_day": True,
            },
            "en",
            "20 January 2027 – 21 January 2027",
        ),
        (
            {
                "start": athens(2027, 1, 20, 11),
                "end": athens(2027, 1, 20, 13),
                "open_end": True,
            },
            "el",
            "20 Ιανουαρίου 2027, 11:00",
        ),
    ],
)
def test_format_event(sample, fields, language, expected):
    item = training(sample, "Europe/Athens", **fields)
    assert dates.zone_of(item) == ATHENS
    assert dates.format_event(item, language) == expected


def test_zone_of_other_content_is_the_portal_zone(sample):
    assert dates.zone_of(sample["mentoring"]) == ATHENS
    assert dates.zone_of(None) == ATHENS
