"""The organisers' view of a training's registrations: the overview
(counts, places left, the list) and its CSV (``spreadsheet.writer``:
formula cells neutralised)."""

from collective.migrationnetwork.registrations.fields import FIELD_TITLES
from collective.migrationnetwork.registrations.fields import STATUS_TITLES
from collective.migrationnetwork.registrations.registering import capacity_of
from collective.migrationnetwork.registrations.registering import places_left
from collective.migrationnetwork.registrations.store import COUNTED
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.spreadsheet import writer
from zope.i18n import translate

import io


COLUMNS = ("name", "email", "organisation", "position", "country", "needs")


def listing(training):
    """The registrations, waiting list in its order after the others,
    each as a dict with its waiting position."""
    store = registrations_of(training, create=False)
    if store is None:
        return []
    records = sorted(
        store.values(),
        key=lambda record: (
            record.status == "waiting",
            record.sequence if record.status == "waiting" else 0,
            record.created,
        ),
    )
    return [record.as_dict(store.waiting_position(record)) for record in records]


def counts(training):
    store = registrations_of(training, create=False)
    found = store.counts if store is not None else {}
    return {name: found.get(name, 0) for name in COUNTED}


def overview(training):
    return {
        "@id": f"{training.absolute_url()}/@registrations",
        "capacity": capacity_of(training),
        "places_left": places_left(training),
        "counts": counts(training),
        "items": listing(training),
    }


def csv_of(training, request):
    """``(filename, text)`` of the CSV of the registrations."""
    out = io.StringIO()
    csv = writer(out)

    def tr(message):
        return translate(message, context=request)

    csv.writerow(
        [tr(FIELD_TITLES[name]) for name in (*COLUMNS, "status", "attended")]
        + ["waiting_position", "consent_version", "created"]
    )
    for item in listing(training):
        attended = (
            "" if item["attended"] is None else ("1" if item["attended"] else "0")
        )
        csv.writerow(
            [item[name] for name in COLUMNS]
            + [tr(STATUS_TITLES[item["status"]]), attended]
            + [item["waiting_position"] or "", item["consent_version"], item["created"]]
        )
    return f"registrations-{training.getId()}.csv", out.getvalue()
