"""Stale profiles: organisations whose profile or contact points were not
verified for ``settings.stale_months()`` months.

The list comes from the ``profile_verified`` index and the
``profile_update_asked`` metadata (``indexers.py``). *Ask to update*
(``ask_to_update``) mails the organisation's editors, through the outbox,
a signed link to *confirm my profile* (``confirm_profile``), which stamps
every contact point's verification date.
"""

from collective.migrationnetwork.accounts.mail import send
from collective.migrationnetwork.accounts.tokens import PROFILE_CONFIRMATION
from collective.migrationnetwork.accounts.tokens import make_token
from collective.migrationnetwork.dashboard import counts
from collective.migrationnetwork.dashboard.indexers import PROFILE_KEY
from collective.migrationnetwork.dashboard.scope import VIEW_ALL_NETWORKS
from collective.migrationnetwork.dashboard.scope import network_uids
from collective.migrationnetwork.dashboard.settings import stale_months
from collective.migrationnetwork.roles.groups import editors
from DateTime import DateTime
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations

import datetime


DAYS_PER_MONTH = 365.25 / 12
LISTED_STATES = ("active", "inactive")
PROFILE_INDEXES = ["profile_verified", "profile_update_asked"]


# The organisations listed (the count is exact): the first of a network of
# hundreds, oldest first, with a button each.
STALE_LIMIT = 50
ASKED_DAYS = 30


def threshold(now):
    return DateTime(now) - stale_months() * DAYS_PER_MONTH


def stale_profiles(root, networks, now, language):
    """The stale organisations of ``networks`` (every organisation of the
    root for whoever sees every network), least recently verified first."""
    catalog = api.portal.get_tool("portal_catalog")
    query = {
        "portal_type": "Organisation",
        "path": "/".join(root.getPhysicalPath()),
        "review_state": list(LISTED_STATES),
    }
    if not api.user.has_permission(VIEW_ALL_NETWORKS, obj=api.portal.get()):
        uids = [uid for brain in networks for uid in network_uids(brain)]
        if not uids:
            return {"months": stale_months(), "count": 0, "items": []}
        query["networks"] = uids
    limit = threshold(now)
    brains = [
        brain
        for brain in catalog.unrestrictedSearchResults(**query)
        if (counts.metadata_date(brain, "profile_verified") or DateTime(0)) < limit
    ]
    # Those asked in the last ASKED_DAYS come after the others, so that
    # asking the first ones of the list brings the next ones up.
    recently = DateTime(now) - ASKED_DAYS
    brains.sort(
        key=lambda b: (
            (counts.metadata_date(b, "profile_update_asked") or DateTime(0))
            >= recently,
            counts.metadata_date(b, "profile_verified") or DateTime(0),
            b.Title,
        )
    )
    return {
        "months": stale_months(),
        "count": len(brains),
        "items": [
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "verified": counts.iso(counts.metadata_date(brain, "profile_verified")),
                "asked": counts.iso(
                    counts.metadata_date(brain, "profile_update_asked")
                ),
                "ask_url": f"{brain.getURL()}/@@ask-profile-update",
            }
            for brain in brains[:STALE_LIMIT]
        ],
    }


def confirm_url(organisation, userid):
    token = make_token(
        PROFILE_CONFIRMATION,
        {"uid": api.content.get_uuid(organisation), "user": userid},
    )
    root = api.portal.get_navigation_root(organisation)
    return f"{root.absolute_url()}/@@confirm-profile?{urlencode({'token': token})}"


def _record(organisation):
    annotations = IAnnotations(organisation)
    record = annotations.get(PROFILE_KEY)
    if record is None:
        record = annotations[PROFILE_KEY] = PersistentMapping()
    return record


def ask_to_update(organisation, actor=None):
    """Mail every editor of ``organisation`` a link to confirm its profile,
    and remember when; returns the number of mails queued."""
    actor = actor or api.user.get_current()
    actor_name = actor.getProperty("fullname", "") or actor.getId()
    queued = 0
    for userid in editors(organisation):
        user = api.user.get(userid=userid)
        email = user.getProperty("email", "") if user is not None else ""
        if not email:
            continue
        queued += send(
            "profile_update",
            email,
            user.getProperty("fullname", "") or "",
            user.getProperty("language", "") or organisation.Language(),
            {"title": organisation.Title(), "actor": actor_name},
            confirm_url(organisation, userid),
        )
    if queued:
        asked = DateTime()
        for obj in _translations(organisation):
            _record(obj)["asked"] = asked
            obj.reindexObject(idxs=PROFILE_INDEXES)
    return queued


def _translations(organisation):
    """The organisation and its translations: its contact points are
    language-independent, the same in each."""
    found = {id(organisation): organisation}
    manager = ITranslationManager(organisation, None)
    if manager is not None:
        for translation in manager.get_translations().values():
            found.setdefault(id(translation), translation)
    return list(found.values())


def confirm_profile(organisation, today=None):
    """Stamp today's date on the profile and on every contact point (of
    every translation)."""
    today = today or datetime.date.today()
    for obj in _translations(organisation):
        rows = []
        for row in getattr(obj, "contact_points", None) or ():
            row = dict(row)
            row["verified"] = today
            rows.append(row)
        obj.contact_points = rows
        _record(obj)["confirmed"] = today
        obj.reindexObject(idxs=PROFILE_INDEXES)
