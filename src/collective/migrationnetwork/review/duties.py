"""Separation of duties: nobody endorses or publishes their own work.

The rule (docs/permissions.md, *Separation of duties*): a person may not
endorse or publish a Practice or a Training

- of an organisation whose team (editors group) they belong to,
- that they created (its first creator), or
- that they changed last (recorded at every save, ``last_modifier``).

Those with *Review own work* (Managers and Site Administrators) are not
bound by it: they administer the site, and could give themselves any role
anyway.

When the rule leaves none of the coordinators of the organisation's
networks able to endorse a submitted item, the item goes straight to the
secretariat: the workflow's automatic transition ``skip_endorsement``
fires, and its review-history entry says why ("Endorsement skipped: …").
A network without any coordinator is not skipped: the secretariat may
publish from *Submitted* as before.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork import _
from collective.migrationnetwork.roles.groups import coordinator_group_ids
from collective.migrationnetwork.roles.groups import editors
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate


LAST_MODIFIER_KEY = "collective.migrationnetwork.review.last_modifier"
REVIEW_OWN_WORK = "collective.migrationnetwork: Review own work"
REVIEWED_TYPES = frozenset({"Practice", "Training"})
SKIP_TRANSITION = "skip_endorsement"


def organisation_of(item):
    obj = aq_inner(item)
    while obj is not None:
        if getattr(aq_base(obj), "portal_type", None) == "Organisation":
            return obj
        obj = aq_parent(obj)
    return None


def last_modifier(item):
    return IAnnotations(item).get(LAST_MODIFIER_KEY)


def record_modifier(item, event=None):
    """Subscriber: remember who saved ``item`` last."""
    user = api.user.get_current()
    if user is None or api.user.is_anonymous():
        return
    annotations = IAnnotations(item)
    if annotations.get(LAST_MODIFIER_KEY) != user.getId():
        annotations[LAST_MODIFIER_KEY] = user.getId()


def conflicts(item, userid):
    """Why ``userid`` may not review ``item``: a list of reasons (message
    ids), empty when they may."""
    reasons = []
    organisation = organisation_of(item)
    if organisation is not None and userid in editors(organisation):
        reasons.append(
            _("duty_team", default="belongs to the team of the organisation")
        )
    creators = item.listCreators()
    if creators and creators[0] == userid:
        reasons.append(_("duty_creator", default="created the item"))
    if last_modifier(item) == userid:
        reasons.append(_("duty_modifier", default="changed the item last"))
    return reasons


def may_review(item, user=None):
    """May ``user`` (a member, the current user by default) endorse or publish
    ``item``? Only the separation of duties is checked here; the workflow's
    permissions decide the rest."""
    if getattr(aq_base(item), "portal_type", None) not in REVIEWED_TYPES:
        return True
    if user is None:
        if getSecurityManager().checkPermission(REVIEW_OWN_WORK, item):
            return True
        user = api.user.get_current()
    elif user.has_permission(REVIEW_OWN_WORK, item):
        return True
    return not conflicts(item, user.getId())


def coordinators_of(item):
    """User ids of the coordinators of the item's organisation's networks
    (and of the networks above them)."""
    organisation = organisation_of(item)
    if organisation is None:
        return []
    groups = api.portal.get_tool("portal_groups")
    found = set()
    for gid in coordinator_group_ids(organisation):
        if groups.getGroupById(gid) is None:
            continue
        for member in groups.getGroupMembers(gid):
            if api.user.get(userid=member) is not None:
                found.add(member)
    return sorted(found)


def endorsement_skipped(item):
    """True when the item has coordinators but the rule excludes them all."""
    if getattr(aq_base(item), "portal_type", None) not in REVIEWED_TYPES:
        return False
    people = coordinators_of(item)
    return bool(people) and all(conflicts(item, userid) for userid in people)


def skip_comment(item):
    """The review-history comment of ``skip_endorsement``: who was left out
    and why, in the item's language."""
    language = item.Language() or api.portal.get_default_language()
    parts = []
    for userid in coordinators_of(item):
        reasons = ", ".join(
            translate(reason, target_language=language)
            for reason in conflicts(item, userid)
        )
        parts.append(f"{userid} ({reasons})")
    message = _(
        "comment_endorsement_skipped",
        default="Endorsement skipped: no coordinator of the organisation's "
        "networks may review this item: ${people}. It goes to the network "
        "secretariat.",
        mapping={"people": "; ".join(parts)},
    )
    return translate(message, target_language=language)


def explain_skip(item, event):
    """After ``skip_endorsement``: its review-history entry says why."""
    if event.transition is None or event.transition.getId() != SKIP_TRANSITION:
        return
    workflow_id = event.workflow.getId()
    history = list(item.workflow_history.get(workflow_id, ()))
    if not history:
        return
    entry = dict(history[-1])
    entry["comments"] = skip_comment(item)
    history[-1] = entry
    item.workflow_history[workflow_id] = tuple(history)
