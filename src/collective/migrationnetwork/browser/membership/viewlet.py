"""The applicant's details on the Organisation, for those who review
applications (the viewlet is protected by "Manage registrations")."""

from collective.migrationnetwork import dates
from collective.migrationnetwork.membership.application import get_application
from plone import api
from plone.app.layout.viewlets.common import ViewletBase


class ApplicationViewlet(ViewletBase):
    def update(self):
        super().update()
        self.application = get_application(self.context)
        self.network = None
        if self.application and self.application.get("network_uid"):
            self.network = api.content.get(UID=self.application["network_uid"])

    def available(self):
        return bool(self.application)

    def when(self, value):
        """The application's times as people read them, not raw ISO."""
        return dates.format_datetime(value)

    def iso(self, value):
        return dates.iso(value)

    def user_url(self):
        userid = self.application.get("userid")
        if not userid:
            return None
        return f"{self.site_url}/@@user-information?userid={userid}"
