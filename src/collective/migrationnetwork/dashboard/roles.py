"""Coordinators hold ``Network Coordinator`` on the site, so that the
site-wide permission of the dashboard (``rolemap.xml``) is theirs.

A borg.localrole provider for the site root, like the one that gives
``Coordinator`` on organisations (``roles/localroles.py``): every network's
coordinators group holds the role, computed from the group's name, so
that it never drifts from the groups kept in step with the networks. The
role grants the dashboard's permission only.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from collective.migrationnetwork.roles.groups import COORDINATORS_PREFIX
from plone import api
from zope.interface import implementer


NETWORK_COORDINATOR_ROLE = "Network Coordinator"


@implementer(ILocalRoleProvider)
class SiteCoordinatorRoles:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        # A group's name only: a user whose id merely looks like one gets
        # nothing.
        if (
            principal_id
            and principal_id.startswith(COORDINATORS_PREFIX)
            and api.portal.get_tool("portal_groups").getGroupById(principal_id)
            is not None
        ):
            return (NETWORK_COORDINATOR_ROLE,)
        return ()

    def getAllRoles(self):
        for group in api.group.get_groups():
            if group.getId().startswith(COORDINATORS_PREFIX):
                yield group.getId(), (NETWORK_COORDINATOR_ROLE,)
