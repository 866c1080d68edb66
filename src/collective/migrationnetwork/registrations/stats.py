"""Figures of registrations, from the registrations' store alone (no
content object is woken: the UIDs are mapped to their translation group
through catalogue metadata)."""

from collective.migrationnetwork.registrations.store import COUNTED
from collective.migrationnetwork.registrations.store import registrations_by_key
from plone import api


def _keys(portal, uids):
    catalog = api.portal.get_tool("portal_catalog")
    query = {"portal_type": "Training"}
    if uids is not None:
        query["UID"] = list(uids)
    return {
        brain.UID: brain.TranslationGroup or brain.UID
        for brain in catalog.unrestrictedSearchResults(**query)
    }


def counts_by_training(portal, uids=None):
    """``{training_uid: {"confirmed": n, "waiting": n, "withdrawn": n,
    "attended": n, "pending": n, "declined": n}}`` for the trainings of
    ``uids`` (every training when None). Counts only, never names."""
    figures = {}
    for uid, key in _keys(portal, uids).items():
        store = registrations_by_key(key, portal=portal)
        counts = store.counts if store is not None else {}
        figures[uid] = {name: counts.get(name, 0) for name in COUNTED}
    return figures


def registration_figures(catalog, path):
    """Registrations and attendance of the trainings under ``path`` that the
    current user may see (the catalogue filters them): totals and per
    training, counts only (public)."""
    brains = catalog.searchResults(
        portal_type="Training", path=path, sort_on="start", sort_order="descending"
    )
    totals = dict.fromkeys(COUNTED, 0)
    by_training = []
    for brain in brains:
        store = registrations_by_key(brain.TranslationGroup or brain.UID)
        if store is None:
            continue
        counts = {name: store.counts.get(name, 0) for name in COUNTED}
        for name, value in counts.items():
            totals[name] += value
        by_training.append({"uid": brain.UID, "title": brain.Title, **counts})
    return {"totals": totals, "by_training": by_training}
