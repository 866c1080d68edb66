"""Dates and times as people read them, in one place.

Every page, listing, mail and report of the add-on formats its dates here:
in the item's time zone (a training's own, from plone.app.event) or else
the portal's (``plone.portal_timezone``, Europe/Athens), with 24-hour times,
the day before the month and the month's localised name (the genitive in
Greek: "20 Ιανουαρίου 2027, 11:00–13:00"; "20 January 2027, 11:00–13:00").

Values may be python datetimes (aware or naive), dates, Zope DateTimes (as
catalogue metadata and ``effective`` are), ISO strings or POSIX timestamps,
so that listings convert what the brains hold without waking an object.
"""

from collective.migrationnetwork import _
from DateTime import DateTime
from plone import api
from plone.event.interfaces import IEventAccessor
from zope.i18n import translate
from zope.i18n.locales import locales
from zope.i18nmessageid import Message

import datetime
import functools
import zoneinfo


DEFAULT_ZONE = "Europe/Athens"
# Zones that say only "an offset", never where an item is: a value in one of
# them is shown in the portal's zone.
UNNAMED_ZONES = ("UTC", "GMT", "Z", "UCT", "Universal", "Zulu")

DATE = _("format_date", default="${day} ${month} ${year}")
DATE_TIME = _("format_date_time", default="${date}, ${time}")
SAME_DAY = _("format_same_day", default="${date}, ${start}–${end}")
RANGE = _("format_range", default="${start} – ${end}")


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return None


def portal_zone():
    """The portal's time zone (Europe/Athens when none is set)."""
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    return _zone(name or DEFAULT_ZONE) or _zone(DEFAULT_ZONE)


def is_place(name):
    """Whether the zone ``name`` says where (Europe/Athens), not only an
    offset (UTC, GMT+2, Etc/GMT-2)."""
    return bool(name) and not (
        name in UNNAMED_ZONES or name.startswith(("Etc/", "GMT"))
    )


def zone_name(tzinfo):
    """The name of a place's time zone (pytz or zoneinfo), or None for UTC,
    fixed offsets and no zone."""
    name = getattr(tzinfo, "zone", None) or getattr(tzinfo, "key", None)
    return name if is_place(name) else None


def zone_of(context):
    """The time zone of ``context``: an event's own, else the portal's."""
    accessor = IEventAccessor(context, None) if context is not None else None
    name = getattr(accessor, "timezone", None) if accessor is not None else None
    return (_zone(name) if is_place(name) else None) or portal_zone()


def to_datetime(value):
    """A python datetime or date of ``value``, or None when it is empty."""
    if value is None or value == "":
        return None
    if isinstance(value, DateTime):
        return _from_zope(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value
    if isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return to_datetime(DateTime(value))
    raise TypeError(f"not a date: {value!r}")


def _from_zope(value):
    """A Zope DateTime as a python datetime in the same zone.

    Not ``DateTime.asdatetime``, which gives a pytz zone unlocalised (Athens
    at +01:35, its local mean time).
    """
    if value.timezoneNaive():
        return value.asdatetime().replace(tzinfo=None)
    moment = datetime.datetime.fromtimestamp(value.timeTime(), datetime.timezone.utc)
    name = value.timezone()
    zone = _zone(name) if is_place(name) else None
    return moment.astimezone(zone) if zone else moment


def localize(value, zone=None):
    """``value`` as a datetime in ``zone`` (a tzinfo or a name).

    Without ``zone``, a value in a named zone (a training's start as
    plone.app.event keeps it) stays in it; others go to the portal's zone.
    A naive value is taken as a wall time in that zone. Dates stay dates.
    """
    value = to_datetime(value)
    if value is None or not isinstance(value, datetime.datetime):
        return value
    if isinstance(zone, str):
        zone = _zone(zone)
    if zone is None:
        name = zone_name(value.tzinfo)
        zone = (_zone(name) if name else None) or portal_zone()
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def current_language():
    try:
        language = api.portal.get_current_language()
    except Exception:  # noqa: BLE001 - no site or request: the default
        language = None
    return language or "en"


@functools.lru_cache(maxsize=32)
def month_names(language):
    """The months' names as used in a date (the genitive in Greek)."""
    for code in (language, language.split("-")[0], "en"):
        try:
            calendar = locales.getLocale(code).dates.calendars["gregorian"]
        except Exception:  # noqa: BLE001, S112 - unknown locale: the next
            continue
        names = calendar.getMonthNames()
        if names and all(names):
            return tuple(names)
    raise LookupError(language)


def _translate(message, language, **mapping):
    return translate(Message(message, mapping=mapping), target_language=language)


def _language(language):
    return (language or current_language()).split("-")[0].lower()


def format_date(value, language=None, zone=None):
    """The day of ``value``: "20 January 2027", "20 Ιανουαρίου 2027"."""
    value = localize(value, zone)
    if value is None:
        return ""
    language = _language(language)
    month = month_names(language)[value.month - 1]
    return _translate(DATE, language, day=value.day, month=month, year=value.year)


def format_time(value, zone=None):
    """The 24-hour time of ``value``: "09:05"."""
    value = localize(value, zone)
    if not isinstance(value, datetime.datetime):
        return ""
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime(value, language=None, zone=None):
    """ "20 January 2027, 11:00"; a date alone for a date."""
    value = localize(value, zone)
    if value is None:
        return ""
    if not isinstance(value, datetime.datetime):
        return format_date(value, language)
    language = _language(language)
    return _translate(
        DATE_TIME,
        language,
        date=format_date(value, language),
        time=format_time(value),
    )


def is_whole_day(start, end):
    """Whether ``start``-``end`` (local datetimes) span whole days, as
    plone.app.event stores a whole-day event (00:00 to 23:59:59)."""
    if not isinstance(start, datetime.datetime):
        return True
    if start.time() != datetime.time(0, 0):
        return False
    if end is None or end == start:
        return False
    return end.time() >= datetime.time(23, 59)


def format_range(
    start, end=None, language=None, zone=None, whole_day=None, open_end=False
):
    """When an event takes place.

    "20 January 2027, 11:00–13:00" on one day, "20 January 2027, 11:00 –
    21 January 2027, 13:00" over several, "20 January 2027" for a whole day
    ("20 January 2027 – 22 January 2027" for several), the start alone when
    the end is open. ``whole_day`` None guesses it from the times.
    """
    start = localize(start, zone)
    if start is None:
        return ""
    zone = start.tzinfo if isinstance(start, datetime.datetime) else zone
    end = None if open_end else localize(end, zone)
    language = _language(language)
    if whole_day is None:
        whole_day = is_whole_day(start, end)
    if whole_day:
        first, last = format_date(start, language), format_date(end, language)
        if not last or last == first:
            return first
        return _translate(RANGE, language, start=first, end=last)
    if end is None or end == start:
        return format_datetime(start, language)
    if end.date() == start.date():
        return _translate(
            SAME_DAY,
            language,
            date=format_date(start, language),
            start=format_time(start),
            end=format_time(end),
        )
    return _translate(
        RANGE,
        language,
        start=format_datetime(start, language),
        end=format_datetime(end, language),
    )


def format_event(context, language=None):
    """When the event ``context`` takes place, in its own time zone."""
    accessor = IEventAccessor(context)
    return format_range(
        accessor.start,
        accessor.end,
        language=language,
        zone=zone_of(context),
        whole_day=bool(accessor.whole_day),
        open_end=bool(accessor.open_end),
    )


def iso(value, zone=None):
    """A machine-readable date (``<time datetime>``), to the second."""
    value = localize(value, zone)
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()
