"""``GET <organisation>/@application``: the applicant's details, for
holders of "collective.migrationnetwork: Manage registrations"."""

from collective.migrationnetwork import _
from collective.migrationnetwork.membership.application import get_application
from collective.migrationnetwork.services import Service
from zope.i18n import translate


class ApplicationGet(Service):
    def reply(self):
        application = get_application(self.context)
        if application is None:
            self.request.response.setStatus(404)
            message = _(
                "error_no_application",
                default="This organisation was not created by an application "
                "to join the network.",
            )
            return {
                "type": "NotFound",
                "message": translate(message, context=self.request),
            }
        return {"@id": f"{self.context.absolute_url()}/@application", **application}
