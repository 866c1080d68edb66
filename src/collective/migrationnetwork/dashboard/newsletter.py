"""Newsletter figures from their own stores: the confirmed subscribers by
language and interest (``newsletter.store``), and the delivery of the last
issues (their send jobs' groups in the outbox, ``notifications.outbox``)."""

from collective.migrationnetwork.dashboard import counts
from collective.migrationnetwork.dashboard.translations import language_name
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.stats import value_list
from datetime import datetime
from datetime import timezone
from plone import api


LAST_ISSUES = 5
NEWSLETTER_GROUP_PREFIX = "newsletter."


def subscriber_figures(root, language):
    store = get_store(create=False)
    by_language = {}
    by_interest = {}
    total = 0
    for subscriber in store.values(CONFIRMED) if store is not None else ():
        total += 1
        by_language[subscriber.language] = by_language.get(subscriber.language, 0) + 1
        for area in subscriber.thematic_areas or ():
            by_interest[area] = by_interest.get(area, 0) + 1
    return {
        "confirmed": total,
        "by_language": value_list(
            by_language, {code: language_name(code) for code in by_language}
        ),
        "by_interest": counts.titled(
            root, by_interest, "thematic_areas", ("Practice",), language
        ),
    }


def _issue_of(group):
    """The UID of the issue a send job's group delivers: every record of
    the group names it."""
    outbox = get_outbox()
    for status_keys in group.keys.values():
        for key in status_keys:
            record = outbox.get(key)
            if record is not None:
                return (record.data or {}).get("uid")
    return None


def delivery_figures():
    outbox = get_outbox(create=False)
    if outbox is None:
        return []
    groups = [
        group
        for name, group in outbox.groups.items()
        if name.startswith(NEWSLETTER_GROUP_PREFIX)
    ]
    groups.sort(key=lambda group: group.started, reverse=True)
    groups = groups[:LAST_ISSUES]
    uids = {group.name: _issue_of(group) for group in groups}
    catalog = api.portal.get_tool("portal_catalog")
    issues = {
        brain.UID: brain
        for brain in catalog.unrestrictedSearchResults(
            UID=[uid for uid in uids.values() if uid]
        )
    }
    answer = []
    for group in groups:
        brain = issues.get(uids[group.name])
        figures = group.counts()
        answer.append(
            {
                "@id": brain.getURL() if brain is not None else None,
                "title": brain.Title if brain is not None else group.name,
                "started": datetime.fromtimestamp(
                    group.started, timezone.utc
                ).isoformat(),
                "finished": datetime.fromtimestamp(
                    group.finished, timezone.utc
                ).isoformat()
                if group.finished
                else None,
                "recipients": sum(figures.values()),
                **figures,
            }
        )
    return answer


def newsletter_figures(root, language):
    return {
        "subscribers": subscriber_figures(root, language),
        "deliveries": delivery_figures(),
    }
