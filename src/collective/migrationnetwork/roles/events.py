"""Keep groups and the catalogue's security entries in step with the
Organisations and Networks they come from."""

from collective.migrationnetwork.roles.cache import forget_cached_roles
from collective.migrationnetwork.roles.groups import ensure_groups
from collective.migrationnetwork.roles.groups import forget_copied_key
from collective.migrationnetwork.roles.groups import is_network
from collective.migrationnetwork.roles.groups import is_organisation
from collective.migrationnetwork.roles.groups import remove_groups
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.uuid.interfaces import IUUID
from zope.container.interfaces import IContainerModifiedEvent


# Fields whose change changes who holds Coordinator.
NETWORK_FIELDS = {"networks", "IOrganisation.networks"}
PARENT_FIELDS = {"parent_network", "INetwork.parent_network"}


def _changed(event):
    """Names of the changed fields, or None when the event does not say."""
    names = set()
    for description in getattr(event, "descriptions", ()) or ():
        attributes = getattr(description, "attributes", None)
        if attributes is None:
            continue
        names.update(attributes)
    return names or None


def reindex_security(obj):
    """Refresh the catalogue's security entries of what ``obj`` gives roles
    on: an Organisation and its content; for a Network, every Organisation
    in it or in a network below it (their ``networks`` index names it)."""
    forget_cached_roles()
    if is_organisation(obj):
        obj.reindexObjectSecurity()
        return
    uid = IUUID(obj, None)
    if uid is None:
        return
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Organisation", networks=uid
    ):
        brain._unrestrictedGetObject().reindexObjectSecurity()


# An application is not a member yet: its editors group is made when it is
# approved, so that nobody sees a team for an organisation nobody accepted.
# (None: the workflow has not given the new object its first state yet,
# which is ``applied``.)
NO_GROUP_STATES = frozenset({None, "applied", "declined"})


def _awaits_approval(obj):
    return is_organisation(obj) and (
        api.content.get_state(obj, default=None) in NO_GROUP_STATES
    )


def added(obj, event):
    if not _awaits_approval(obj):
        ensure_groups(obj)


def transitioned(obj, event):
    """An approved (or reactivated) organisation gets its editors group."""
    if event.new_state is not None and not _awaits_approval(obj):
        ensure_groups(obj)


def copied(obj, event):
    forget_copied_key(obj)


def modified(obj, event):
    """The title may have changed (the group's title follows), and so may
    the translation group (plone.app.multilingual's translation form sets
    it after the object is added, then fires this event)."""
    if IContainerModifiedEvent.providedBy(event):
        return
    if not _awaits_approval(obj):
        ensure_groups(obj)
    changed = _changed(event)
    fields = NETWORK_FIELDS if is_organisation(obj) else PARENT_FIELDS
    if changed is None or changed & fields:
        reindex_security(obj)


def removed(obj, event):
    if IPloneSiteRoot.providedBy(event.object):
        return  # the whole site goes, and its groups with it
    remove_groups(obj)


def translation_registered(obj, event):
    """``event.target`` joined the translation group of ``obj``: its group
    is merged into the shared one, and its security entries now name it."""
    target = event.target
    if is_organisation(target) or is_network(target):
        ensure_groups(target)
        reindex_security(target)


def translation_unlinked(obj, event):
    """``event.old_object`` left the translation group (it has one of its
    own now): it gets a group of its own, with the same members."""
    old = event.old_object
    if old is not None and (is_organisation(old) or is_network(old)):
        ensure_groups(old)
        reindex_security(old)
