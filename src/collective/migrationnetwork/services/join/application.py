"""``GET <organisation>/@application``: the applicant's details, for
holders of "collective.migrationnetwork: Manage registrations"."""

from collective.migrationnetwork.membership.application import get_application
from plone.restapi.services import Service


class ApplicationGet(Service):
    def reply(self):
        application = get_application(self.context)
        if application is None:
            self.request.response.setStatus(404)
            return {
                "type": "NotFound",
                "message": "This organisation was not created by an application.",
            }
        return {"@id": f"{self.context.absolute_url()}/@application", **application}
