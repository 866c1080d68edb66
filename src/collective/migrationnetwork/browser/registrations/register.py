"""``@@register``: the registration form of a training (on its page too).

Anyone who sees the training may register; a member's form is prefilled
with their name and e-mail. The form says how many places are left and
why it is closed when it is; errors are shown next to their fields.
"""

from collective.migrationnetwork.membership.ratelimit import RateLimited
from collective.migrationnetwork.membership.schema import HONEYPOT
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.fields import FIELD_TITLES
from collective.migrationnetwork.registrations.store import CONSENT_VERSION
from collective.migrationnetwork.registrations.store import FIELDS
from collective.migrationnetwork.services.registrations.common import RATE_LIMITED
from collective.migrationnetwork.vocabularies.standard import country_names
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

import transaction


class RegisterView(BrowserView):
    template = ViewPageTemplateFile("templates/register.pt")
    form_template = ViewPageTemplateFile("templates/form.pt")

    errors = None
    outcome = None
    refusal = None

    def __call__(self):
        if self.request.get("REQUEST_METHOD") == "POST":
            self.submit()
        return self.template()

    @property
    def form_macros(self):
        return self.form_template.macros

    def tr(self, message):
        return translate(message, context=self.request)

    def submit(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        data = {name: form.get(name, "") for name in FIELDS}
        data["consent"] = form.get("consent")
        language, userid = registering.registrant(self.context)
        try:
            self.outcome = registering.register(
                self.context,
                data,
                client_ip=self.request.getClientAddr(),
                language=language,
                userid=userid,
                honeypot=form.get(HONEYPOT),
            )
        except registering.RegistrationInvalid as error:
            self.errors = {name: self.tr(message) for name, message in error.errors}
            self.request.response.setStatus(400)
        except registering.RegistrationRefused as error:
            self.refusal = self.tr(error.message)
            self.request.response.setStatus(409)
            transaction.doom()
        except RateLimited as error:
            self.refusal = self.tr(RATE_LIMITED)
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(error.retry_after))

    # What the form shows

    def label(self, name):
        return self.tr(FIELD_TITLES[name])

    def error(self, name):
        return (self.errors or {}).get(name)

    def value(self, name):
        """What was posted, else a member's own name and e-mail."""
        if self.request.get("REQUEST_METHOD") == "POST" and not self.outcome:
            value = self.request.form.get(name, "")
            return value if isinstance(value, str) else ""
        if name in ("name", "email") and not api.user.is_anonymous():
            member = api.user.get_current()
            prop = "fullname" if name == "name" else "email"
            return member.getProperty(prop, "") or ""
        return ""

    def maxlength(self, name):
        return FIELDS[name]

    def places_left(self):
        return registering.places_left(self.context)

    def closed_reason(self):
        """Why the training takes no registration now, or None."""
        try:
            registering.check_open(self.context)
        except registering.RegistrationRefused as error:
            return self.tr(error.message)
        left = self.places_left()
        if left == 0 and not getattr(self.context, "waiting_list", False):
            return self.tr(registering.FULL)
        return None

    def joins_waiting_list(self):
        return self.places_left() == 0

    def outcome_message(self):
        return self.tr(self.outcome.message()) if self.outcome else None

    def countries(self):
        language = api.portal.get_current_language(context=self.context)
        return list(country_names(language[:2]).items())

    def organisations(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(portal_type="Organisation", sort_on="sortable_title")
        return [brain.Title for brain in brains]

    def consent_text(self):
        return self.tr(registering.CONSENT_TEXT)

    consent_version = CONSENT_VERSION
    honeypot = HONEYPOT

    def action(self):
        return f"{self.context.absolute_url()}/@@register"
