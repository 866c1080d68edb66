"""The organisers' message to every confirmed registrant, on the
*Registrations* tab (``manage.RegistrationsView``): the form (subject and
text; errors next to their fields, nothing queued on refusal) and the
last sendings. The tab's POST with ``action=message`` and the form's
authenticator sends it (``registrations.message``)."""

from collective.migrationnetwork.registrations import message
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import registrations_of
from datetime import datetime
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage

import transaction


# The sendings the tab shows.
SHOWN = 5


class MessageForm:
    """Mixin of the tab: the message form and the last sendings."""

    message_template = ViewPageTemplateFile("templates/message.pt")
    message_errors = None

    @property
    def message_macros(self):
        return self.message_template.macros

    def send_message(self):
        """The POST of the form (its authenticator checked)."""
        form = self.request.form
        data = {name: form.get(name, "") for name in message.LIMITS}
        try:
            record = message.send(self.context, data, api.user.get_current().getId())
        except registering.RegistrationInvalid as error:
            transaction.doom()
            self.message_errors = {name: self.tr(text) for name, text in error.errors}
            self.request.response.setStatus(400)
            return self.template()
        except registering.RegistrationRefused as error:
            transaction.doom()
            IStatusMessage(self.request).add(self.tr(error.message), type="error")
        else:
            IStatusMessage(self.request).add(
                self.tr(message.sent_message(record)), type="info"
            )
        url = f"{self.context.absolute_url()}/@@registrations#registrations-message"
        self.request.response.redirect(url, status=303, lock=True)
        return ""

    def message_label(self, name):
        return self.tr(message.TITLES[name])

    def message_error(self, name):
        return (self.message_errors or {}).get(name)

    def message_value(self, name):
        """What was posted, when the form is shown again with its errors."""
        if not self.message_errors:
            return ""
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def message_limit(self, name):
        return message.LIMITS[name]

    def confirmed_count(self):
        store = registrations_of(self.context, create=False)
        return store.counts["confirmed"] if store is not None else 0

    def sent_messages(self):
        found = []
        for record in message.sent(self.context)[:SHOWN]:
            when = datetime.fromisoformat(record["sent"])
            record["when"] = api.portal.get_localized_time(
                datetime=when.astimezone(), long_format=True
            )
            found.append(record)
        return found
