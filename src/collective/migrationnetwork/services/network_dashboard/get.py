"""``GET /@network-dashboard?period=12m|YYYY|all``: the figures of
``@@network-dashboard`` (``dashboard.figures``);
``POST {organisation}/@ask-profile-update``: *Ask to update*."""

from collective.migrationnetwork.dashboard.counts import metadata_date
from collective.migrationnetwork.dashboard.figures import dashboard
from collective.migrationnetwork.dashboard.periods import PeriodError
from collective.migrationnetwork.dashboard.stale import ask_to_update
from collective.migrationnetwork.services import Service
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zExceptions import BadRequest
from zope.interface import alsoProvides


class NetworkDashboardGet(Service):
    def reply(self):
        period = self.request.form.get("period")
        if period is not None and not isinstance(period, str):
            raise BadRequest("period: 12m, all or a year such as 2025")
        try:
            answer = dashboard(self.context, period)
        except PeriodError as error:
            raise BadRequest(
                f"period: 12m, all or a year such as 2025, not {error.args[0]!r}"
            ) from error
        return {"@id": f"{self.context.absolute_url()}/@network-dashboard", **answer}


class AskProfileUpdatePost(Service):
    def reply(self):
        # A REST client authenticates with a token or a password, never a
        # browser's cookie alone: plone.restapi's way for its POSTs.
        alsoProvides(self.request, IDisableCSRFProtection)
        queued = ask_to_update(self.context)
        brain = api.content.find(UID=api.content.get_uuid(self.context))
        asked = metadata_date(brain[0], "profile_update_asked") if brain else None
        return {
            "@id": f"{self.context.absolute_url()}/@ask-profile-update",
            "mailed": queued,
            "asked": asked.ISO8601() if asked is not None else None,
        }
