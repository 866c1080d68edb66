"""``POST /{lang}/@subscribe``, ``POST /@subscribe/confirm``,
``POST /@unsubscribe`` and ``GET``/``PATCH /@subscription?token=``.

Answers: 202 with a message for a subscription (the same whether the
address was new or not), 200 for the others; 400 naming the field in
error (``email``, ``consent``, ``language``, ``thematic_areas``,
``countries``, ``token``), 410 for an expired token, 429 with Retry-After
when too many subscriptions came from one address or for one e-mail.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.membership.ratelimit import RateLimited
from collective.migrationnetwork.newsletter import subscription as logic
from collective.migrationnetwork.newsletter.tokens import TokenError
from collective.migrationnetwork.services import PathParams
from collective.migrationnetwork.services import Service
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from zope.i18n import translate
from zope.interface import alsoProvides


RATE_LIMITED = _(
    "error_newsletter_rate_limited",
    default="We have received several subscriptions from you in the last "
    "hour. Please try again later.",
)


def public(subscriber):
    """What the owner of a token may read about themselves."""
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "thematic_areas": list(subscriber.thematic_areas),
        "countries": list(subscriber.countries),
        "state": subscriber.state,
    }


class NewsletterService(Service):
    def answer(self, status, body):
        self.request.response.setStatus(status)
        return body

    def body(self):
        try:
            data = json_body(self.request)
        except Exception:  # noqa: BLE001 - any unreadable body
            data = None
        return data if isinstance(data, dict) else None

    def bad_body(self):
        return self.answer(
            400,
            {
                "type": "BadRequest",
                "message": translate(
                    _("error_newsletter_body", default="Send a JSON object."),
                    context=self.request,
                ),
            },
        )

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body() if self.request.method != "GET" else dict(self.request.form)
        if data is None:
            return self.bad_body()
        try:
            return self.handle(data)
        except logic.SubscriptionError as error:
            return self.answer(400, logic.error_answer(error.errors, self.request))
        except TokenError as error:
            status = 410 if error.reason == "expired" else 400
            return self.answer(status, logic.token_error_answer(error, self.request))
        except RateLimited as error:
            self.request.response.setHeader("Retry-After", str(error.retry_after))
            return self.answer(
                429,
                {
                    "type": "TooManyRequests",
                    "message": translate(RATE_LIMITED, context=self.request),
                    "retry_after": error.retry_after,
                },
            )

    def message(self, message):
        return translate(message, context=self.request)


class SubscribePost(PathParams, NewsletterService):
    """``POST @subscribe``, and ``POST @subscribe/confirm``."""

    def handle(self, data):
        if self.params == ["confirm"]:
            return ConfirmPost.handle(self, data)
        if self.params:
            return self.answer(
                404, {"type": "NotFound", "message": "/".join(self.params)}
            )
        message = logic.subscribe(
            data,
            client_ip=self.request.getClientAddr(),
            default_language=self.context.Language()
            if hasattr(self.context, "Language")
            else None,
            portal_url=api.portal.get().absolute_url(),
        )
        return self.answer(202, {"message": self.message(message)})


class ConfirmPost(NewsletterService):
    def handle(self, data):
        subscriber = logic.confirm(data.get("token"))
        return self.answer(
            200,
            {"message": self.message(logic.MSG_CONFIRMED), "state": subscriber.state},
        )


class UnsubscribePost(NewsletterService):
    def handle(self, data):
        subscriber = logic.unsubscribe(data.get("token"))
        return self.answer(
            200,
            {
                "message": self.message(logic.MSG_UNSUBSCRIBED),
                "state": subscriber.state,
            },
        )


class PreferencesGet(NewsletterService):
    def handle(self, data):
        return self.answer(200, public(logic.preferences(data.get("token"))))


class PreferencesPatch(NewsletterService):
    def handle(self, data):
        subscriber = logic.update_preferences(data.get("token"), data)
        return self.answer(
            200, dict(public(subscriber), message=self.message(logic.MSG_SAVED))
        )
