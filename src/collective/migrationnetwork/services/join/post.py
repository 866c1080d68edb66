"""``POST /{lang}/@join-network``: the Join the network form as JSON.

The body has the fields of ``membership.schema.IJoinApplication`` (choices
by their token; ``network`` is a UID from
``@vocabularies/collective.migrationnetwork.published_networks``).
Answers 201 with the Organisation's URL, 400 naming every field in error,
429 when too many applications came from the same e-mail or address.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.membership.join import submit_application
from collective.migrationnetwork.membership.ratelimit import RATE_LIMITED
from collective.migrationnetwork.membership.ratelimit import RateLimited
from collective.migrationnetwork.membership.schema import HONEYPOT
from collective.migrationnetwork.membership.validation import ApplicationInvalid
from collective.migrationnetwork.membership.validation import error_answer
from collective.migrationnetwork.services import Service
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from zope.i18n import translate
from zope.interface import alsoProvides


def _token(value):
    """Choices may come as a token or as plone.restapi's {"token": ...}."""
    if isinstance(value, dict) and "token" in value:
        return value["token"]
    return value


class JoinNetworkPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except Exception:  # noqa: BLE001 - any unreadable body
            data = None
        if not isinstance(data, dict):
            return self._answer(
                400,
                {
                    "type": "BadRequest",
                    "message": translate(
                        _(
                            "error_join_body",
                            default="Send the application as a JSON object.",
                        ),
                        context=self.request,
                    ),
                },
            )
        data = {name: _token(value) for name, value in data.items()}
        try:
            submitted = submit_application(
                self.context,
                data,
                client_ip=self.request.getClientAddr(),
                honeypot=data.get(HONEYPOT),
                request=self.request,
            )
        except ApplicationInvalid as error:
            return self._answer(400, error_answer(error.errors, self.request))
        except RateLimited as error:
            self.request.response.setHeader("Retry-After", str(error.retry_after))
            return self._answer(
                429,
                {
                    "type": "TooManyRequests",
                    "message": translate(RATE_LIMITED, context=self.request),
                    "retry_after": error.retry_after,
                },
            )
        self.request.response.setHeader("Location", submitted.url)
        return self._answer(
            201,
            {
                "@id": submitted.url,
                "review_state": "applied",
                "message": translate(
                    _(
                        "msg_join_thanks",
                        default="Thank you, the coordinators will review your "
                        "application. We will write to you at the e-mail "
                        "address you gave, usually within a few working days.",
                    ),
                    context=self.request,
                ),
            },
        )

    def _answer(self, status, body):
        self.request.response.setStatus(status)
        return body
