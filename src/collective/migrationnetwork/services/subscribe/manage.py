"""``GET /@subscribers``: counts of confirmed subscribers (by language,
thematic area, country) for the newsletter editors, or with
``?format=csv`` the CSV export of the confirmed subscribers;
``DELETE /@subscribers?email=...``: erase one subscriber.

Refused with 401 (anonymous) or 403 without "Manage subscribers"."""

from collective.migrationnetwork import _
from collective.migrationnetwork.newsletter import manage
from collective.migrationnetwork.newsletter import subscription
from collective.migrationnetwork.newsletter.store import normalise_email
from collective.migrationnetwork.services import Service
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from zope.i18n import translate
from zope.interface import alsoProvides


class ManageService(Service):
    def check(self):
        if manage.can_manage(self.context):
            return None
        anonymous = api.user.is_anonymous()
        self.request.response.setStatus(401 if anonymous else 403)
        return {
            "type": "Unauthorized" if anonymous else "Forbidden",
            "message": translate(
                _(
                    "error_newsletter_manage_forbidden",
                    default="You may not manage the newsletter's subscribers.",
                ),
                context=self.request,
            ),
        }


class SubscribersGet(ManageService):
    def wants_csv(self):
        return self.request.form.get("format") == "csv"

    def render(self):
        if not self.wants_csv() or not manage.can_manage(self.context):
            return super().render()
        self.check_permission()
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="subscribers.csv"'
        )
        return ("\ufeff" + manage.export_csv()).encode("utf-8")

    def reply(self):
        return self.check() or manage.counts()


class SubscriberDelete(ManageService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        refused = self.check()
        if refused:
            return refused
        email = self.request.form.get("email")
        if email is None:
            try:
                email = (json_body(self.request) or {}).get("email")
            except Exception:  # noqa: BLE001
                email = None
        if normalise_email(email) is None:
            self.request.response.setStatus(400)
            return subscription.error_answer(
                [("email", subscription.ERROR_EMAIL)], self.request
            )
        if not manage.erase(email):
            self.request.response.setStatus(404)
            return {
                "type": "NotFound",
                "message": translate(
                    _("error_newsletter_no_subscriber", default="No such subscriber."),
                    context=self.request,
                ),
            }
        return self.reply_no_content()
