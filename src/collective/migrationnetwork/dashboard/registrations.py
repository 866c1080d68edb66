"""Trainings held and upcoming, their registrations and attendance, and
the people trained by organisation and country: catalogue metadata and
the registrations' own store (``registrations.store``), never the
trainings themselves."""

from collective.migrationnetwork.dashboard import counts
from collective.migrationnetwork.registrations.stats import counts_by_training
from collective.migrationnetwork.registrations.store import registrations_by_key
from collective.migrationnetwork.stats import value_list
from DateTime import DateTime
from datetime import datetime
from plone import api


REGISTRATION_FIGURES = ("confirmed", "waiting", "withdrawn", "attended")


def _moment(value):
    """A metadata date as an aware ``datetime`` (``start`` and ``end`` are
    datetimes already): compared without a DateTime per training, whose
    time-zone conversions were most of the dashboard's time at 10,000
    items."""
    if value is None:
        return None
    if isinstance(value, DateTime):
        return value.asdatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return DateTime(value).asdatetime()


def _iso(value):
    return value.replace(microsecond=0).isoformat() if value is not None else None


def training_entry(brain, figures, start=None, end=None):
    start = start if start is not None else _moment(brain.start)
    end = end if end is not None else _moment(brain.end)
    return {
        "@id": brain.getURL(),
        "title": brain.Title,
        "organisation_title": brain.organisation_title or None,
        "start": _iso(start),
        "end": _iso(end),
        "registrations": {name: figures.get(name, 0) for name in REGISTRATION_FIGURES},
    }


def people_trained(brains, period, now, language):
    """Who attended the trainings held in the period, by the organisation
    and the country they gave when registering."""
    organisations = {}
    countries = {}
    for brain in brains:
        store = registrations_by_key(brain.TranslationGroup or brain.UID)
        if store is None:
            continue
        for record in store.values():
            if record.attended is not True:
                continue
            name = (record.organisation or "").strip()
            if name:
                organisations[name] = organisations.get(name, 0) + 1
            if record.country:
                countries[record.country] = countries.get(record.country, 0) + 1
    return organisations, countries


def training_figures(brains, organisations, period, now, language):
    # Each training's dates made DateTimes once: the conversion (time zones)
    # was most of the dashboard's time at 10,000 items.
    moment = _moment(now)
    since = _moment(period.start)
    until = _moment(period.end)
    dated = [
        (brain, _moment(brain.start), _moment(brain.end))
        for brain in brains
        if brain.end is not None
    ]
    held_dated = sorted(
        (
            entry
            for entry in dated
            if entry[2] < moment
            and entry[1] is not None
            and (since is None or entry[1] >= since)
            and entry[1] < until
        ),
        key=lambda entry: entry[1],
        reverse=True,
    )
    upcoming_dated = sorted(
        (entry for entry in dated if entry[2] >= moment),
        key=lambda entry: entry[1] if entry[1] is not None else entry[2],
    )
    held = [entry[0] for entry in held_dated]
    upcoming = [entry[0] for entry in upcoming_dated]
    portal = api.portal.get()
    # Translations share one store: counted once, under the record shown.
    figures = counts_by_training(portal, uids=[b.UID for b in held + upcoming])
    totals = dict.fromkeys(REGISTRATION_FIGURES, 0)
    for brain in held:
        for name in REGISTRATION_FIGURES:
            totals[name] += figures.get(brain.UID, {}).get(name, 0)
    by_organisation, by_country = people_trained(held, period, now, language)
    country_titles = {
        entry["token"]: entry["title"]
        for entry in counts.titled(
            api.portal.get(), by_country, "countries", ("Organisation",), language
        )
    }
    return {
        "held": len(held),
        "upcoming": len(upcoming),
        "held_items": [
            training_entry(b, figures.get(b.UID, {}), start, end)
            for b, start, end in held_dated
        ],
        "upcoming_items": [
            training_entry(b, figures.get(b.UID, {}), start, end)
            for b, start, end in upcoming_dated
        ],
        "registrations": totals,
        "people_trained": totals["attended"],
        "trained_by_organisation": value_list(
            by_organisation, {name: name for name in by_organisation}
        ),
        "trained_by_country": value_list(by_country, country_titles),
    }
