"""The organisers' message to every confirmed registrant
(``Manage training registrations``):

- ``POST {training}/@registrations-message`` ``{"subject", "text"}``:
  one mail per confirmed registrant, through the outbox; 201 with the
  record of the sending. 400 naming the field (required, too long, a line
  break in the subject, an unknown field), 409 when nobody is confirmed;
  nothing is queued then.
- ``GET {training}/@registrations-message``: the sendings, newest first.
"""

from collective.migrationnetwork.registrations import message
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.services.registrations.common import (
    RegistrationService,
)
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


def url(training):
    return f"{training.absolute_url()}/@registrations-message"


class MessagePost(RegistrationService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        if data is None:
            return self.bad_body()
        try:
            record = message.send(self.context, data, api.user.get_current().getId())
        except registering.RegistrationInvalid as error:
            return self.invalid(error.errors, message.TITLES)
        except registering.RegistrationRefused as error:
            return self.refused(error)
        return self.answer(
            201, dict(record, message=self.tr(message.sent_message(record)))
        )


class MessagesGet(RegistrationService):
    def reply(self):
        return {"@id": url(self.context), "items": message.sent(self.context)}
