"""``POST /@registrations-erasure`` with ``{"email": ...}``: erase the
registrations of that address in every training (``Erase personal
data``). Answers 200 with ``{"erased": n}``, how many registrations were
erased (0 when there was nothing left to erase: asking twice is
harmless); 400 naming the field (``email``, or ``body`` when the body is
not a JSON object); 401 to whoever lacks the permission."""

from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.erasure import erase
from collective.migrationnetwork.registrations.store import normalise_email
from collective.migrationnetwork.services.registrations.common import (
    RegistrationService,
)
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class ErasurePost(RegistrationService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        if data is None:
            return self.bad_body()
        unknown = sorted(set(data) - {"email"})
        if unknown:
            return self.invalid(
                [(name, registering.ERROR_UNKNOWN_FIELD) for name in unknown[:5]]
            )
        email = data.get("email")
        if not isinstance(email, str) or normalise_email(email) is None:
            return self.invalid([("email", registering.ERROR_EMAIL)])
        return {"erased": erase(email)}
