"""The figures of one network (see ``figures.dashboard``)."""

from collective.migrationnetwork.dashboard import counts
from collective.migrationnetwork.dashboard.registrations import training_figures
from collective.migrationnetwork.dashboard.replicated import replicated_practices
from collective.migrationnetwork.dashboard.scope import network_uids
from collective.migrationnetwork.dashboard.translations import translation_worklist
from DateTime import DateTime
from plone import api


ITEM_TYPES = ("Practice", "Training")
# The steps of the review, in order.
STEPS = ("pending_coordinator", "pending_network")
MEDIAN_DAYS = 90


def state_date(brain):
    """When the item came into its state, else when it was created
    (metadata that an item indexed before the column existed lacks)."""
    value = counts.metadata_date(brain, "review_state_date")
    return value if value is not None else counts.metadata_date(brain, "created")


def item(brain, now, since=None):
    since = since if since is not None else state_date(brain)
    return {
        "@id": brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "portal_type": brain.portal_type,
        "organisation_title": getattr(brain, "organisation_title", None) or None,
        "since": counts.iso(since),
        "age_days": counts.days_between(since, now),
    }


def members(root, brains, period, now, language):
    active = [brain for brain in brains if brain.review_state == "active"]
    applied = sorted(
        (brain for brain in brains if brain.review_state == "applied"),
        key=lambda brain: state_date(brain) or DateTime(0),
    )
    new = sorted(
        (brain for brain in active if period.contains(state_date(brain))),
        key=lambda brain: state_date(brain) or DateTime(0),
        reverse=True,
    )
    return {
        "total": len(active),
        "by_country": counts.titled(
            root,
            counts.count_metadata(active, "countries"),
            "countries",
            ("Organisation",),
            language,
        ),
        "by_kind": counts.titled(
            root,
            counts.count_metadata(active, "kind"),
            "kind",
            ("Organisation",),
            language,
        ),
        "new": [item(brain, now) for brain in new],
        "applications": [item(brain, now) for brain in applied],
    }


def backlog(brains, now, language):
    """Items waiting at each step, oldest first; the median days from
    submission to publication of the items published in the last 90
    days."""
    workflow = api.portal.get_tool("portal_workflow")
    steps = []
    for state in STEPS:
        waiting = sorted(
            (brain for brain in brains if brain.review_state == state),
            key=lambda brain: state_date(brain) or DateTime(0),
        )
        steps.append(
            {
                "state": state,
                "title": api.portal.translate(
                    workflow.getTitleForStateOnType(state, "Practice"),
                    domain="plone",
                    lang=language,
                ),
                "count": len(waiting),
                "items": [item(brain, now) for brain in waiting],
            }
        )
    since = now - MEDIAN_DAYS
    # Items published without a submission (imported, or published by
    # their administrators) have no ``review_submitted``: Missing.Value.
    durations = []
    for brain in brains:
        published = counts.metadata_date(brain, "review_published")
        if published is not None and since <= published <= now:
            durations.append(
                counts.days_between(
                    counts.metadata_date(brain, "review_submitted"), published
                )
            )
    durations = [value for value in durations if value is not None]
    return {
        "steps": steps,
        "published_last_days": MEDIAN_DAYS,
        "published_count": len(durations),
        "median_days_to_publish": counts.median(durations),
    }


def practices(root, brains, language):
    practice_brains = [brain for brain in brains if brain.portal_type == "Practice"]
    return {
        "total": len(practice_brains),
        "by_state": counts.state_titles(
            counts.count_metadata(practice_brains, "review_state"),
            "Practice",
            language,
        ),
        "by_thematic_area": counts.titled(
            root,
            counts.count_metadata(practice_brains, "thematic_areas"),
            "thematic_areas",
            ("Practice",),
            language,
        ),
        "by_kind": counts.titled(
            root,
            counts.count_metadata(practice_brains, "kind"),
            "kind",
            ("Practice",),
            language,
        ),
        "replicated": replicated_practices(practice_brains),
    }


def network_figures(root, network, period, now, language):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(root.getPhysicalPath())
    uids = network_uids(network)
    organisations = catalog.unrestrictedSearchResults(
        portal_type="Organisation", path=path, networks=uids
    )
    items = catalog.unrestrictedSearchResults(
        portal_type=list(ITEM_TYPES), path=path, networks=uids
    )
    trainings = [brain for brain in items if brain.portal_type == "Training"]
    return {
        "@id": network.getURL(),
        "UID": network.UID,
        "title": network.Title,
        "members": members(root, organisations, period, now, language),
        "backlog": backlog(items, now, language),
        "practices": practices(root, items, language),
        "trainings": training_figures(trainings, organisations, period, now, language),
        "translations": translation_worklist(root, [*organisations, *items], language),
    }
