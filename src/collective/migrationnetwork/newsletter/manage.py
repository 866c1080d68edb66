"""For the newsletter editors: counts, CSV export and erasure of
subscribers.

Who may: holders of "Manage subscribers" on the ``newsletters`` section of
the current language root (the newsletter editors hold Editor there), or on
the site (Manager, Site Administrator, the secretariat).
"""

from collective.migrationnetwork import spreadsheet
from collective.migrationnetwork.newsletter import sending
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import STATES
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import normalise_email
from collective.migrationnetwork.notifications.mail import site_languages
from collective.migrationnetwork.notifications.outbox import get_outbox
from plone import api

import hashlib
import io


MANAGE_SUBSCRIBERS = "collective.migrationnetwork: Manage subscribers"
CSV_FIELDS = (
    "email",
    "language",
    "thematic_areas",
    "countries",
    "state",
    "created",
    "confirmed_on",
    "consent_version",
)


def can_manage(context):
    if api.user.is_anonymous():
        return False
    if api.user.has_permission(MANAGE_SUBSCRIBERS, obj=api.portal.get()):
        return True
    portal = api.portal.get()
    places = []
    for language in site_languages():
        root = portal.get(language)
        if root is not None:
            places.append(root.get("newsletters"))
    return any(
        place is not None and api.user.has_permission(MANAGE_SUBSCRIBERS, obj=place)
        for place in places
    )


def counts():
    """Confirmed subscribers: the total, by language, by thematic area and
    by country, and how many there are in each state."""
    result = {
        "confirmed": 0,
        "by_language": {},
        "by_thematic_area": {},
        "by_country": {},
        "by_state": dict.fromkeys(STATES, 0),
    }
    for subscriber in get_store().values():
        result["by_state"][subscriber.state] = (
            result["by_state"].get(subscriber.state, 0) + 1
        )
        if subscriber.state != CONFIRMED:
            continue
        result["confirmed"] += 1
        by_language = result["by_language"]
        by_language[subscriber.language] = by_language.get(subscriber.language, 0) + 1
        for key, values in (
            ("by_thematic_area", subscriber.thematic_areas or ("",)),
            ("by_country", subscriber.countries or ("",)),
        ):
            for value in values:
                # "" counts those who follow every area (or country).
                result[key][value] = result[key].get(value, 0) + 1
    return result


def export_csv(state=CONFIRMED):
    """The subscribers of ``state`` (None: all) as CSV text (UTF-8 with a
    BOM when encoded, for spreadsheets)."""
    out = io.StringIO()
    writer = spreadsheet.writer(out)
    writer.writerow(CSV_FIELDS)
    for subscriber in get_store().values(state):
        row = subscriber.as_dict()
        writer.writerow(
            [
                row["email"],
                row["language"],
                " ".join(row["thematic_areas"]),
                " ".join(row["countries"]),
                row["state"],
                row["created"],
                row["confirmed_on"] or "",
                row["consent_version"],
            ]
        )
    return out.getvalue()


def pseudonym(email):
    digest = hashlib.sha256(email.encode("utf-8")).hexdigest()[:16]
    return f"erased-{digest}"


def _erase_from_jobs(email):
    """Replace ``email`` in the send jobs of every issue and in the outbox
    by a pseudonym, so that the delivery reports keep their counts."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Newsletter"):
        job = sending.get_job(brain._unrestrictedGetObject())
        if job is None:
            continue
        trees = [job.recipients]
        trees += [
            getattr(job, name)
            for name in ("sent", "failed", "skipped")
            if getattr(job, name, None) is not None
        ]
        for tree in trees:
            if email in tree:
                tree[pseudonym(email)] = tree[email]
                del tree[email]
        pending = getattr(job, "pending", None)
        if pending is not None and email in pending:
            pending.remove(email)
            pending.add(pseudonym(email))
    outbox = get_outbox(create=False)
    if outbox is not None:
        outbox.forget_address(email, pseudonym(email))


def erase(email):
    """Remove every trace of ``email``: its record in the store and its
    address in the delivery reports. True if it was a subscriber."""
    key = normalise_email(email)
    if key is None:
        return False
    found = get_store().remove(key)
    if found:
        _erase_from_jobs(key)
    return found
