"""``POST {training}/@registrations``: register for a training (anyone).

Body: ``name``, ``email``, ``organisation`` (a member organisation's UID
or free text), ``position``, ``country`` (ISO code), ``needs``,
``consent`` (true). Answers 201 with the status (``confirmed``,
``waiting`` with its position, ``pending`` approval) and a message; a
second registration of the same address answers as the first did and
mails its owner the link. 400 naming the fields in error, 409 when the
training does not take it (closed, deadline, started, full), 429.
"""

from collective.migrationnetwork.membership.ratelimit import RateLimited
from collective.migrationnetwork.membership.schema import HONEYPOT
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.services.registrations.common import (
    RegistrationService,
)
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class RegistrationsPost(RegistrationService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        if data is None:
            return self.bad_body()
        language, userid = registering.registrant(self.context)
        try:
            outcome = registering.register(
                self.context,
                data,
                client_ip=self.request.getClientAddr(),
                language=language,
                userid=userid,
                honeypot=data.get(HONEYPOT),
            )
        except registering.RegistrationInvalid as error:
            return self.invalid(error.errors)
        except registering.RegistrationRefused as error:
            return self.refused(error)
        except RateLimited as error:
            return self.rate_limited(error)
        return self.answer(
            201,
            {
                "status": outcome.status,
                "waiting_position": outcome.position,
                "message": self.tr(outcome.message()),
            },
        )
