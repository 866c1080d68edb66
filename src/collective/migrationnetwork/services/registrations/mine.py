"""*My registration* over REST, with the signed token of the link in the
registrant's mails (the query's ``token``, or the header
``X-Registration-Token``): the token is the authority, no login is needed.

- ``GET {training}/@my-registration``: the owner's registration only
  (the online link once confirmed);
- ``PATCH {training}/@my-registration`` ``{"needs"}``: change the needs
  while the registration is active;
- ``POST {training}/@my-registration/withdraw``: withdraw, until the
  training starts; the first on the waiting list takes the place and is
  mailed.

A token that is forged, of another training or voided answers 404, an
expired one 410, both with a message and no data; 400 names the field in
error, 409 says why the registration cannot be changed.
"""

from collective.migrationnetwork.accounts.tokens import TokenError
from collective.migrationnetwork.browser.registrations.mine import LINK_EXPIRED
from collective.migrationnetwork.browser.registrations.mine import LINK_INVALID
from collective.migrationnetwork.browser.registrations.mine import MSG_NEEDS_SAVED
from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import own
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.services import PathParams
from collective.migrationnetwork.services.registrations.common import (
    RegistrationService,
)
from plone.protect.interfaces import IDisableCSRFProtection
from urllib.parse import parse_qs
from zope.interface import alsoProvides

import transaction


HEADER = "X-Registration-Token"


class MyRegistrationService(PathParams, RegistrationService):
    # What may follow the service's name in the URL.
    actions = ((),)

    def token(self):
        query = parse_qs(self.request.get("QUERY_STRING", ""))
        found = query.get("token") or [self.request.getHeader(HEADER)]
        return found[0] if len(found) == 1 else None

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if tuple(self.params) not in self.actions:
            return self.not_found(LINK_INVALID, "NotFound", 404)
        try:
            registration = links.registration_of(self.context, self.token())
        except TokenError as error:
            if error.reason == "expired":
                return self.not_found(LINK_EXPIRED, "Gone", 410)
            return self.not_found(LINK_INVALID, "NotFound", 404)
        return self.handle(registration)

    def not_found(self, message, kind, status):
        transaction.doom()
        return self.answer(status, {"type": kind, "message": self.tr(message)})

    def view(self, registration, message=None):
        answer = own.own_view(self.context, registration)
        if message is not None:
            answer["message"] = self.tr(message)
        return answer


class MyRegistrationGet(MyRegistrationService):
    def handle(self, registration):
        return self.view(registration)


class MyRegistrationPatch(MyRegistrationService):
    def handle(self, registration):
        data = self.body()
        if data is None:
            return self.bad_body()
        unknown = sorted(set(data) - {"needs"})
        if unknown:
            return self.invalid(
                [(name, registering.ERROR_UNKNOWN_FIELD) for name in unknown[:5]]
            )
        if "needs" not in data:
            return self.invalid([("needs", registering.ERROR_REQUIRED)])
        try:
            own.change_own_needs(self.context, registration, data)
        except registering.RegistrationInvalid as error:
            return self.invalid(error.errors)
        except registering.RegistrationRefused as error:
            return self.refused(error)
        return self.view(registration, MSG_NEEDS_SAVED)


class MyRegistrationWithdraw(MyRegistrationService):
    actions = (("withdraw",),)

    def handle(self, registration):
        try:
            own.withdraw_own(self.context, registration)
        except registering.RegistrationRefused as error:
            return self.refused(error)
        return self.view(registration, registering.MSG_WITHDRAWN)
