"""Uninstalling: the site works afterwards, also once the code is gone.

The uninstall profile removes the types, the indexes and metadata, the
actions, the workflows and the settings. Before it, ``before_uninstall``
deletes the content of the add-on's types (Networks, Organisations with
their practices, trainings and everything inside them, Newsletters): an
item whose type and class are gone can only answer an error, so the
uninstall does not leave them behind. After it, ``after_uninstall``
gives every remaining folder whose view was the add-on's its type's
default view, the site root the view it had before the portal layer,
removes the groups the add-on made (with the local roles they held) and
the data the add-on kept on the site (subscribers, registrations'
records, the outbox, signing secrets). Back up first (``make backup``) if
any of it may be wanted again.
"""

from Acquisition import aq_base
from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork import logger
from collective.migrationnetwork.interfaces import IBrowserLayer
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.component import getGlobalSiteManager


TYPES = ("Network", "Organisation", "Practice", "Training", "Newsletter")


def delete_content(portal):
    """Delete every item of the add-on's types, innermost and working copies
    first (deleting a working copy reindexes its original, which must not
    be gone already); return how many items were deleted."""
    from plone.app.iterate.interfaces import IWorkingCopy

    catalog = api.portal.get_tool("portal_catalog")
    items = [
        obj
        for obj in (
            portal.unrestrictedTraverse(brain.getPath(), None)
            for brain in catalog.unrestrictedSearchResults(portal_type=TYPES)
        )
        if obj is not None
    ]
    items.sort(
        key=lambda obj: (-len(obj.getPhysicalPath()), not IWorkingCopy.providedBy(obj))
    )
    with api.env.adopt_roles(["Manager"]):
        for obj in items:
            api.content.delete(obj, check_linkintegrity=False)
    logger.info("Uninstall: deleted %d items of %s", len(items), ", ".join(TYPES))
    return len(items)


def addon_views():
    """The names of the views the add-on registers on its browser layer."""
    return {
        registration.name
        for registration in getGlobalSiteManager().registeredAdapters()
        if registration.name
        and len(registration.required) == 2
        and registration.required[1] is not None
        and registration.required[1].isOrExtends(IBrowserLayer)
    }


def folders(portal):
    catalog = api.portal.get_tool("portal_catalog")
    yield portal
    for brain in catalog.unrestrictedSearchResults(is_folderish=True):
        obj = portal.unrestrictedTraverse(brain.getPath(), None)
        if obj is not None:
            yield obj


def addon_groups():
    from collective.migrationnetwork.roles import groups

    prefixes = (groups.EDITORS_PREFIX, groups.COORDINATORS_PREFIX)
    named = (groups.SECRETARIAT_GROUP, groups.NEWSLETTER_EDITORS_GROUP)
    return [
        group.getId()
        for group in api.group.get_groups()
        if group.getId() in named or group.getId().startswith(prefixes)
    ]


def reset_folders(portal, group_ids):
    """Folders whose own view is one of the add-on's get their type's
    default view; local roles of the add-on's groups are removed."""
    views = addon_views()
    reset = 0
    for obj in folders(portal):
        if getattr(aq_base(obj), "layout", None) in views:
            del obj.layout
            reset += 1
        held = [group for group in group_ids if obj.get_local_roles_for_userid(group)]
        if held:
            obj.manage_delLocalRoles(held)
            obj.reindexObjectSecurity()
    logger.info("Uninstall: %d folders got their default view back", reset)


def remove_groups(group_ids):
    for group_id in group_ids:
        api.group.delete(groupname=group_id)
    logger.info("Uninstall: removed %d groups", len(group_ids))


def remove_site_data(portal):
    annotations = IAnnotations(portal)
    keys = [key for key in list(annotations) if key.startswith(f"{PACKAGE_NAME}.")]
    for key in keys:
        del annotations[key]
    logger.info("Uninstall: removed the add-on's site data (%s)", ", ".join(keys))


def before_uninstall(context):
    delete_content(api.portal.get())


def after_uninstall(context):
    from collective.migrationnetwork.setuphandlers.portal import PORTAL_PROFILE
    from collective.migrationnetwork.setuphandlers.portal import restore_root_view

    portal = api.portal.get()
    restore_root_view(portal)
    group_ids = addon_groups()
    reset_folders(portal, group_ids)
    remove_groups(group_ids)
    remove_site_data(portal)
    portal.portal_setup.unsetLastVersionForProfile(PORTAL_PROFILE)
