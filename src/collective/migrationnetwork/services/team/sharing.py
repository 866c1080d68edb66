"""``POST @sharing`` on the add-on's content says where roles come from.

plone.restapi answers a bare 403 to those without *Sharing page: Delegate
roles* (the add-on's workflows keep it to Site Administrators and
Managers). On Organisations, Practices and Trainings the refusal names
the one door instead: the organisation's team. Whoever holds the
permission gets plone.restapi's service unchanged.
"""

from collective.migrationnetwork import _
from plone.restapi.services.content.sharing import SharingPost
from Products.CMFCore.utils import getToolByName
from zExceptions import Forbidden
from zope.i18n import translate


DELEGATE_ROLES = "Sharing page: Delegate roles"


class TeamSharingPost(SharingPost):
    def reply(self):
        membership = getToolByName(self.context, "portal_membership")
        if not membership.checkPermission(DELEGATE_ROLES, self.context):
            message = _(
                "error_sharing_through_team",
                default="Roles on an organisation, its practices and its "
                "trainings are given through its team: a coordinator of its "
                "networks or the network secretariat adds people on the "
                "organisation's Team tab.",
            )
            raise Forbidden(translate(message, context=self.request))
        return super().reply()
