"""The "Join the network" form of every language root, and its thank-you
page."""

from collective.migrationnetwork import _
from collective.migrationnetwork.membership.join import submit_application
from collective.migrationnetwork.membership.ratelimit import RATE_LIMITED
from collective.migrationnetwork.membership.ratelimit import RateLimited
from collective.migrationnetwork.membership.schema import HONEYPOT
from collective.migrationnetwork.membership.schema import ApplicationError
from collective.migrationnetwork.membership.schema import IJoinApplication
from collective.migrationnetwork.membership.validation import ApplicationInvalid
from plone import api
from plone.autoform.form import AutoExtensibleForm
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import ActionExecutionError
from z3c.form.interfaces import IErrorViewSnippet
from zExceptions import NotFound
from zope.component import getMultiAdapter
from zope.interface import Invalid


THANKS_VIEW = "join-network-thanks"


class JoinNetworkForm(AutoExtensibleForm, form.Form):
    """Anonymous visitors apply for their organisation."""

    schema = IJoinApplication
    ignoreContext = True
    enable_form_tabbing = False
    enable_unload_protection = False
    css_class = "join-network"
    label = _("heading_join_network", default="Join the network")
    # The fieldset of the fields outside the schema's fieldsets (the
    # network), which plone.autoform would call "Default".
    default_fieldset_label = _("fieldset_join_network", default="The network")
    template = ViewPageTemplateFile("templates/join.pt")

    def updateWidgets(self):
        super().updateWidgets()
        # A prompt rather than the first network chosen for the applicant.
        self.widgets["network"].prompt = True
        self.widgets["network"].promptMessage = _(
            "prompt_join_network", default="Choose a network"
        )

    def all_widgets(self):
        yield from self.widgets.values()
        for group in self.groups:
            yield from group.widgets.values()

    def show_errors(self, errors):
        """Show errors found after z3c.form's own checks (text made only of
        spaces, for instance) on their widgets."""
        widgets = {widget.field.__name__: widget for widget in self.all_widgets()}
        for name, message in errors:
            widget = widgets[name]
            snippet = getMultiAdapter(
                (
                    ApplicationError(message),
                    self.request,
                    widget,
                    widget.field,
                    self,
                    self.context,
                ),
                IErrorViewSnippet,
            )
            snippet.update()
            widget.error = snippet
        self.status = self.formErrorsMessage

    @button.buttonAndHandler(
        _("button_join_apply", default="Send the application"), name="apply"
    )
    def handle_apply(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            submit_application(
                self.context,
                data,
                client_ip=self.request.getClientAddr(),
                honeypot=self.request.form.get(HONEYPOT),
                request=self.request,
            )
        except ApplicationInvalid as error:
            self.show_errors(error.errors)
            return
        except RateLimited as error:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(error.retry_after))
            # A form-level error, shown above the form.
            raise ActionExecutionError(Invalid(RATE_LIMITED)) from error
        self.request.response.redirect(f"{self.context.absolute_url()}/@@{THANKS_VIEW}")


class JoinNetworkRedirect(BrowserView):
    """On the site root: the form of the visitor's language."""

    def __call__(self):
        portal = api.portal.get()
        language = api.portal.get_current_language()
        root = portal.get(language) or portal.get(api.portal.get_default_language())
        if root is None:
            raise NotFound(self.context, "join-network", self.request)
        return self.request.response.redirect(f"{root.absolute_url()}/@@join-network")
