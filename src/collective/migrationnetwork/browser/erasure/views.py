"""``@@erase-registrant`` (``Erase personal data``): the secretariat gives
an e-mail address, sees how many registrations in which trainings will be
erased, and confirms. Both steps are POSTs with the form's authenticator
(the address never goes into a URL); the erasure answers with a redirect
and a status message. The work is ``registrations.erasure``'s."""

from collective.migrationnetwork import _
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.erasure import erase
from collective.migrationnetwork.registrations.erasure import preview
from collective.migrationnetwork.registrations.fields import STATUS_TITLES
from collective.migrationnetwork.registrations.store import normalise_email
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.i18nmessageid import Message


MSG_ERASED = _(
    "msg_registrant_erased",
    default="${count} registrations were erased. The counts of the trainings "
    "are unchanged.",
)
MSG_NOTHING = _(
    "msg_registrant_nothing_to_erase",
    default="No registration of this address is left to erase.",
)
UNTITLED = _("label_registrant_training_removed", default="(a training removed since)")


class EraseRegistrantView(BrowserView):
    template = ViewPageTemplateFile("templates/erase.pt")

    email = ""
    error = None
    found = None  # the registrations to erase, once the address is given

    def __call__(self):
        if self.request.get("REQUEST_METHOD") == "POST":
            CheckAuthenticator(self.request)
            return self.act()
        return self.template()

    def tr(self, message):
        return translate(message, context=self.request)

    def act(self):
        form = self.request.form
        value = form.get("email")
        self.email = value.strip() if isinstance(value, str) else ""
        if normalise_email(self.email) is None:
            self.error = self.tr(registering.ERROR_EMAIL)
            self.request.response.setStatus(400)
            return self.template()
        if not form.get("form.erase"):
            self.found = [
                dict(
                    item,
                    title=item["title"] or self.tr(UNTITLED),
                    status_title=self.tr(STATUS_TITLES[item["status"]]),
                )
                for item in preview(self.email, self.language())
            ]
            return self.template()
        count = erase(self.email)
        message = (
            Message(MSG_ERASED, mapping={"count": count}) if count else MSG_NOTHING
        )
        api.portal.show_message(self.tr(message), self.request)
        url = f"{self.context.absolute_url()}/@@erase-registrant"
        self.request.response.redirect(url, status=303, lock=True)
        return ""

    def language(self):
        return api.portal.get_current_language(context=self.context)
