"""Which networks the current user sees on the dashboard.

Both are permissions of the site (``profiles/default/rolemap.xml``):

- ``View network dashboard``: the secretariat, site administrators and
  every coordinator (their coordinators group holds ``Network Coordinator``
  on the site, ``roles.py``);
- ``View every network's figures``: the secretariat and site
  administrators. Whoever lacks it sees the networks they coordinate, the
  same networks the review queue answers them for.
"""

from collective.migrationnetwork.roles.groups import COORDINATORS_PREFIX
from plone import api


VIEW_DASHBOARD = "collective.migrationnetwork: View network dashboard"
VIEW_ALL_NETWORKS = "collective.migrationnetwork: View every network's figures"


def network_brains(root):
    """The Network records of the language root ``root`` that the current
    user may see figures of, by title."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(root.getPhysicalPath())
    brains = catalog.unrestrictedSearchResults(
        portal_type="Network", path=path, sort_on="sortable_title"
    )
    if api.user.has_permission(VIEW_ALL_NETWORKS, obj=api.portal.get()):
        return list(brains)
    groups = {
        group.getId()
        for group in api.group.get_groups(user=api.user.get_current())
        if group is not None
    }
    return [brain for brain in brains if coordinators_group(brain) in groups]


def coordinators_group(brain):
    """The coordinators group of the network of ``brain``, named as
    ``roles.groups.coordinators_group_id`` names it (by the translation
    group), from metadata."""
    return f"{COORDINATORS_PREFIX}{brain.TranslationGroup or brain.UID}"


def network_uids(brain):
    """The UIDs that an item's ``networks`` index may hold for the network
    of ``brain``: its own and its translations'."""
    group = getattr(brain, "TranslationGroup", None)
    if not group:
        return [brain.UID]
    catalog = api.portal.get_tool("portal_catalog")
    return [b.UID for b in catalog.unrestrictedSearchResults(TranslationGroup=group)]
