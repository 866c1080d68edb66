"""The review queue: what waits for the current user, oldest first.

Who waits for what:

- a coordinator (member of a network's coordinators group): Practices and
  Trainings submitted (``pending_coordinator``) by organisations of the
  networks they coordinate (sub-networks included: the ``networks`` index
  holds the parent networks too), and organisations that applied to join
  one of them;
- the secretariat (Reviewer; Site Administrators and Managers too): every
  Practice and Training submitted or endorsed, every application, every
  Newsletter submitted;
- an organisation's team: its items sent back with ``request_changes``.

Everything comes from the catalogue (indexes and metadata), with the
current user's security: no content object is woken up. The page
``@@review-queue`` and the REST service ``@review-queue`` both call
:func:`review_queue`.
"""

from collective.migrationnetwork.review.entries import QueueEntries
from collective.migrationnetwork.roles.groups import COORDINATORS_PREFIX
from collective.migrationnetwork.roles.groups import coordinators_group_id
from plone import api
from zope.globalrequest import getRequest


SECRETARIAT_ROLES = frozenset({"Reviewer", "Site Administrator", "Manager"})

# portal_type -> the states in which it waits, per kind of reviewer.
COORDINATOR_WAITS = {
    "Practice": ("pending_coordinator",),
    "Training": ("pending_coordinator",),
    "Organisation": ("applied",),
}
SECRETARIAT_WAITS = {
    "Practice": ("pending_coordinator", "pending_network"),
    "Training": ("pending_coordinator", "pending_network"),
    "Organisation": ("applied",),
    "Newsletter": ("pending",),
}
# Items sent back to their authors: the state they are sent back to.
SENT_BACK = {
    "Practice": "private",
    "Training": "private",
    "Newsletter": "draft",
}
SENT_BACK_ACTION = "request_changes"

# The roles a coordinator holds on what their networks' organisations
# write (given by the local-role adapter of roles/).
COORDINATOR_ROLES = frozenset({"Coordinator"})


def coordinated_network_uids(user):
    """UIDs of the networks (every translation) that ``user`` coordinates.

    The networks are few; each is asked for its coordinators group through
    roles.groups, so that the queue and the local-role adapter never
    disagree on the group's name.
    """
    group_ids = {
        group.getId() for group in api.group.get_groups(user=user) if group is not None
    }
    if not any(gid.startswith(COORDINATORS_PREFIX) for gid in group_ids):
        return []
    catalog = api.portal.get_tool("portal_catalog")
    # Which networks exist is no secret, and a coordinator may coordinate a
    # network that is not published yet.
    return [
        brain.UID
        for brain in catalog.unrestrictedSearchResults(portal_type="Network")
        if coordinators_group_id(brain._unrestrictedGetObject()) in group_ids
    ]


def review_queue(request=None):
    """What waits for the current user, oldest first: a list of dicts
    (see :meth:`QueueEntries.entry`), for a page or for JSON."""
    if api.user.is_anonymous():
        return []
    request = request if request is not None else getRequest()
    user = api.user.get_current()
    catalog = api.portal.get_tool("portal_catalog")
    global_roles = set(api.user.get_roles(user=user))
    found = {}

    def collect(waits_for, roles, **query):
        for brain in catalog(sort_on="review_state_date", **query):
            found.setdefault(brain.UID, (brain, waits_for, roles))

    if global_roles & SECRETARIAT_ROLES:
        collect(
            "secretariat",
            global_roles,
            portal_type=list(SECRETARIAT_WAITS),
            review_state=_states(SECRETARIAT_WAITS),
        )
    networks = coordinated_network_uids(user)
    if networks:
        collect(
            "coordinator",
            global_roles | COORDINATOR_ROLES,
            portal_type=list(COORDINATOR_WAITS),
            review_state=_states(COORDINATOR_WAITS),
            networks=networks,
        )
    collect(
        "author",
        None,
        portal_type=list(SENT_BACK),
        review_state=sorted(set(SENT_BACK.values())),
        review_last_action=SENT_BACK_ACTION,
    )
    waiting = [
        (brain, waits_for, roles)
        for brain, waits_for, roles in found.values()
        if _waits(brain, waits_for)
    ]
    # The catalogue sorts by minute; the metadata hold the exact time.
    waiting.sort(key=lambda entry: _time(entry[0].review_state_date))
    entries = QueueEntries(request)
    return [entries.entry(*entry) for entry in waiting]


def _states(waits):
    return sorted({state for states in waits.values() for state in states})


def _waits(brain, waits_for):
    """The query above crosses types and states: keep the pairs that wait."""
    if waits_for == "author":
        return SENT_BACK.get(brain.portal_type) == brain.review_state
    table = SECRETARIAT_WAITS if waits_for == "secretariat" else COORDINATOR_WAITS
    return brain.review_state in table.get(brain.portal_type, ())


def _time(value):
    return value.timeTime() if value else 0
