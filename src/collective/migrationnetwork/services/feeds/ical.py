"""iCalendar (RFC 5545) of trainings: one VEVENT per training."""

from collective.migrationnetwork.search.summary import Summarizer
from collective.migrationnetwork.search.summary import event_time
from collective.migrationnetwork.search.summary import text
from collective.migrationnetwork.search.summary import timestamp
from collective.migrationnetwork.services.feeds.common import FeedView
from collective.migrationnetwork.services.feeds.common import feed_title
from collective.migrationnetwork.services.feeds.common import location
from collective.migrationnetwork.services.feeds.search import export_search

import datetime
import icalendar


TRAINING = ("Training",)
BY_START = ("start", "ascending")
PRODID = "-//collective.migrationnetwork//Trainings//EN"
# VTIMEZONE transitions are given from a year before the first event to a
# year after the last.
MARGIN = datetime.timedelta(days=366)


def event(brain, summary, result):
    start = event_time(brain.start)
    if start is None:
        return None
    vevent = icalendar.Event()
    # One UID per training whatever the language: a calendar subscribed to
    # the Greek and the English feed shows a translated training once.
    uid = getattr(brain, "TranslationGroup", None) or text(brain.sync_uid)
    vevent.add("uid", uid or brain.UID)
    vevent.add(
        "dtstamp",
        timestamp(brain.modified) or datetime.datetime.now(datetime.timezone.utc),
    )
    vevent.add("dtstart", start)
    end = event_time(brain.end)
    if end is not None and end >= start:
        vevent.add("dtend", end)
    vevent.add("summary", summary["title"])
    description = "\n\n".join(
        part for part in (summary["description"], summary["@id"]) if part
    )
    vevent.add("description", description)
    vevent.add("url", summary["@id"])
    place = location(summary, result)
    if place:
        vevent.add("location", place)
    kinds = [summary["kind"]["title"]] if summary.get("kind") else []
    themes = [term["title"] for term in summary.get("thematic_areas") or ()]
    if kinds or themes:
        vevent.add("categories", kinds + themes)
    organisation = summary.get("organisation")
    if organisation and organisation["title"]:
        vevent.add("x-organisation", organisation["title"])
    for name in ("created", "last-modified"):
        value = timestamp(brain.created if name == "created" else brain.modified)
        if value is not None:
            vevent.add(name, value)
    vevent.add("class", "PUBLIC")
    return vevent


def render_ical(context, result):
    """The VCALENDAR (bytes) of the trainings in ``result``."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", feed_title(context, result))
    starts = []
    for brain, summary in Summarizer(context, result.batch, result.language):
        vevent = event(brain, summary, result)
        if vevent is not None:
            calendar.add_component(vevent)
            starts.append(vevent.decoded("dtstart"))
    if starts:
        calendar.add_missing_timezones(
            first_date=(min(starts) - MARGIN).date(),
            last_date=(max(starts) + MARGIN).date(),
        )
    return calendar.to_ical()


class ICalendarFeed(FeedView):
    content_type = "text/calendar; charset=utf-8"

    def search(self, form):
        return export_search(self.context, form, TRAINING, BY_START)

    def render(self, result):
        return render_ical(self.context, result)

    def filename(self, result):
        return f"trainings-{result.language}.ics"
