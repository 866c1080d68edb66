"""Who holds which role on an Organisation (and so on everything in it).

A borg.localrole provider, so that nobody types these roles into the
Sharing tab and they can never drift from the data they come from:

- the organisation's editors group holds Contributor, Editor and Reader;
- the coordinators group of each network in the organisation's
  ``networks``, and of every network above them, holds Coordinator.

Changing the organisation's ``networks``, a network's ``parent_network`` or
a group's members changes the answer of the next permission check; the
subscribers in ``events.py`` refresh the catalogue's security entries.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from collective.migrationnetwork.roles.groups import COORDINATOR_ROLE
from collective.migrationnetwork.roles.groups import EDITOR_ROLES
from collective.migrationnetwork.roles.groups import coordinator_group_ids
from collective.migrationnetwork.roles.groups import editors_group_id
from zope.interface import implementer


@implementer(ILocalRoleProvider)
class OrganisationRoles:
    """Registered for IOrganisation in configure.zcml."""

    def __init__(self, context):
        self.context = context
        self._roles = None

    def _mapping(self):
        # borg.localrole makes one adapter per check and asks it for the
        # user and each of their groups: compute the mapping once.
        if self._roles is None:
            roles = {editors_group_id(self.context): set(EDITOR_ROLES)}
            for gid in coordinator_group_ids(self.context):
                roles.setdefault(gid, set()).add(COORDINATOR_ROLE)
            self._roles = roles
        return self._roles

    def getRoles(self, principal_id):
        return tuple(sorted(self._mapping().get(principal_id, ())))

    def getAllRoles(self):
        for principal_id, roles in self._mapping().items():
            yield principal_id, tuple(sorted(roles))
