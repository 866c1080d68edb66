"""Trainings held and upcoming, their registrations and attendance, and
the people trained by organisation and country: catalogue metadata and
the registrations' own store (``registrations.store``), never the
trainings themselves."""

from collective.migrationnetwork.dashboard import counts
from collective.migrationnetwork.registrations.stats import counts_by_training
from collective.migrationnetwork.registrations.store import registrations_by_key
from collective.migrationnetwork.stats import value_list
from DateTime import DateTime
from plone import api


REGISTRATION_FIGURES = ("confirmed", "waiting", "withdrawn", "attended")


def _when(value):
    return DateTime(value) if value is not None else None


def training_entry(brain, figures):
    return {
        "@id": brain.getURL(),
        "title": brain.Title,
        "organisation_title": brain.organisation_title or None,
        "start": counts.iso(_when(brain.start)),
        "end": counts.iso(_when(brain.end)),
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
    held = sorted(
        (
            brain
            for brain in brains
            if brain.end is not None
            and _when(brain.end) < now
            and period.contains(_when(brain.start))
        ),
        key=lambda brain: _when(brain.start),
        reverse=True,
    )
    upcoming = sorted(
        (
            brain
            for brain in brains
            if brain.end is not None and _when(brain.end) >= now
        ),
        key=lambda brain: _when(brain.start),
    )
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
        "held_items": [training_entry(b, figures.get(b.UID, {})) for b in held],
        "upcoming_items": [training_entry(b, figures.get(b.UID, {})) for b in upcoming],
        "registrations": totals,
        "people_trained": totals["attended"],
        "trained_by_organisation": value_list(
            by_organisation, {name: name for name in by_organisation}
        ),
        "trained_by_country": value_list(by_country, country_titles),
    }
