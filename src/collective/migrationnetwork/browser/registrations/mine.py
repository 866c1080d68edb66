"""``@@my-registration?token=…``: a registrant's own page, opened by the
signed link of their mails. It shows the registration (the online link
once confirmed), and changes the needs or withdraws through POST buttons;
a GET never changes anything. The token is the authority, so the page
needs no login and no CSRF token of the session."""

from collective.migrationnetwork import _
from collective.migrationnetwork.accounts.tokens import TokenError
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.fields import FIELD_TITLES
from collective.migrationnetwork.registrations.fields import STATUS_TITLES
from collective.migrationnetwork.registrations.store import ACTIVE
from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.registrations.verification import is_attended
from collective.migrationnetwork.validation import safe_href
from collective.migrationnetwork.vocabularies.standard import country_names
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import quote
from zope.i18n import translate
from zope.interface import alsoProvides

import transaction


LINK_INVALID = _(
    "error_registration_link_invalid",
    default="This link is not valid. Please use the link of your latest e-mail.",
)
LINK_EXPIRED = _("error_registration_link_expired", default="This link has expired.")
MSG_NEEDS_SAVED = _(
    "msg_registration_needs_saved", default="Your needs have been saved."
)


class MyRegistrationView(BrowserView):
    template = ViewPageTemplateFile("templates/mine.pt")

    registration = None
    problem = None
    message = None
    errors = None

    def __call__(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        token = self.request.form.get("token")
        try:
            self.registration = links.registration_of(self.context, token)
        except TokenError as error:
            expired = error.reason == "expired"
            self.problem = self.tr(LINK_EXPIRED if expired else LINK_INVALID)
            self.request.response.setStatus(410 if expired else 404)
            return self.template()
        self.token = token
        if self.request.get("REQUEST_METHOD") == "POST":
            return self.act()
        self.message = self.tr_message(self.request.form.get("done"))
        return self.template()

    def tr(self, message):
        return translate(message, context=self.request)

    def tr_message(self, done):
        messages = {
            "withdrawn": registering.MSG_WITHDRAWN,
            "needs": MSG_NEEDS_SAVED,
        }
        return self.tr(messages[done]) if done in messages else None

    def act(self):
        action = self.request.form.get("action")
        if action == "withdraw" and self.can_withdraw():
            registering.withdraw(self.context, self.registration)
            done = "withdrawn"
        elif action == "needs":
            try:
                registering.change_needs(
                    self.context, self.registration, self.request.form
                )
            except registering.RegistrationInvalid as error:
                transaction.doom()
                self.errors = {name: self.tr(msg) for name, msg in error.errors}
                self.request.response.setStatus(400)
                return self.template()
            done = "needs"
        else:
            self.request.response.setStatus(400)
            return self.template()
        self.request.response.redirect(
            f"{self.url()}&done={done}", status=303, lock=True
        )
        return ""

    def url(self):
        return (
            f"{self.context.absolute_url()}/@@{links.VIEW}"
            f"?token={quote(self.token, safe='')}"
        )

    # What the page shows

    def when(self):
        return format_event(self.context)

    def status_title(self):
        return self.tr(STATUS_TITLES[self.registration.status])

    def waiting_position(self):
        store = registrations_of(self.context, create=False)
        return store.waiting_position(self.registration) if store else None

    def details(self):
        record = self.registration
        language = api.portal.get_current_language(context=self.context)[:2]
        shown = {"country": country_names(language).get(record.country, record.country)}
        return [
            {
                "label": self.tr(FIELD_TITLES[name]),
                "text": shown.get(name) or getattr(record, name),
            }
            for name in ("name", "email", "organisation", "position", "country")
            if getattr(record, name)
        ]

    def needs_label(self):
        return self.tr(FIELD_TITLES["needs"])

    def online_url(self):
        """The online link, for a confirmed registration only."""
        if self.registration.status != CONFIRMED:
            return None
        return safe_href(getattr(self.context, "online_url", None) or "")

    def certificate_url(self):
        """The certificate's address, once attendance is marked."""
        if not is_attended(self.registration):
            return None
        return self.url().replace(f"/@@{links.VIEW}?", "/@@my-certificate?", 1)

    def can_withdraw(self):
        return self.registration.status in ACTIVE and not registering.has_started(
            self.context
        )
