"""What the registration services share: reading the body, the answers of
refusals (400 naming the fields, 409 for a training that does not take the
registration, 429 for too many)."""

from collective.migrationnetwork import _
from collective.migrationnetwork.registrations.fields import FIELD_TITLES
from collective.migrationnetwork.services import Service
from plone.restapi.deserializer import json_body
from zope.i18n import translate

import transaction


ERROR_BODY = _("error_registration_body", default="Send a JSON object.")
RATE_LIMITED = _(
    "error_registration_rate_limited",
    default="We have received several registrations from you in the last "
    "hour. Please try again later.",
)


class RegistrationService(Service):
    def answer(self, status, body):
        self.request.response.setStatus(status)
        return body

    def tr(self, message):
        return translate(message, context=self.request)

    def body(self):
        """The JSON object of the request, or None."""
        try:
            data = json_body(self.request)
        except Exception:  # noqa: BLE001 - any unreadable body
            data = None
        return data if isinstance(data, dict) else None

    def bad_body(self):
        return self.invalid([("body", ERROR_BODY)])

    def invalid(self, errors, titles=FIELD_TITLES):
        # Nothing of a refused request is kept (a PATCH refused halfway).
        transaction.doom()
        items = [
            {
                "field": name,
                "label": self.tr(titles.get(name, name)),
                "message": self.tr(message),
            }
            for name, message in errors
        ]
        return self.answer(
            400,
            {
                "type": "BadRequest",
                "message": f"{items[0]['field']}: {items[0]['message']}",
                "errors": items,
            },
        )

    def refused(self, error):
        transaction.doom()
        return self.answer(
            409,
            {
                "type": "RegistrationRefused",
                "reason": error.reason,
                "message": self.tr(error.message),
            },
        )

    def rate_limited(self, error):
        self.request.response.setHeader("Retry-After", str(error.retry_after))
        return self.answer(
            429,
            {
                "type": "TooManyRequests",
                "message": self.tr(RATE_LIMITED),
                "retry_after": error.retry_after,
            },
        )
