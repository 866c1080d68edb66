"""Certificates of attendance in the Classic UI.

``@@my-certificate?token=…``: the registrant's own PDF, by the signed link
of *my registration* (the token is the authority, as on that page);
attended registrants only, others get 403 with a page that says why.
``@@registrations-certificates.pdf``: every attended registrant's
certificate, a page each, for the organisers (``Manage training
registrations``, on the ZCML registration). ``@@verify-certificate?code=…``:
the public check of a certificate's code (``registrations.verification``
says what it shows and why).
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.accounts.tokens import TokenError
from collective.migrationnetwork.browser.registrations.mine import LINK_EXPIRED
from collective.migrationnetwork.browser.registrations.mine import LINK_INVALID
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.registrations import certificate
from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import verification
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


NOT_ATTENDED = _(
    "error_certificate_not_attended",
    default="A certificate of attendance is issued once the organisers have "
    "marked your attendance.",
)
NONE_ATTENDED = _(
    "error_certificates_none_attended",
    default="Nobody has been marked as present yet, so there are no "
    "certificates to download.",
)
CODE_INVALID = _(
    "error_certificate_code_invalid",
    default="This code does not belong to a valid certificate of attendance "
    "of this training. Please check the address printed on the certificate.",
)


def send_pdf(request, body, filename):
    response = request.response
    response.setHeader("Content-Type", "application/pdf")
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    # Personal data: never kept by a shared cache.
    response.setHeader("Cache-Control", "private, no-store")
    return body


class CertificateProblem(BrowserView):
    """A page with one message, for the refusals."""

    template = ViewPageTemplateFile("templates/certificate.pt")
    problem = None

    def refuse(self, message, status):
        self.problem = translate(message, context=self.request)
        self.request.response.setStatus(status)
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return self.template()


class MyCertificateView(CertificateProblem):
    def __call__(self):
        try:
            registration = links.registration_of(
                self.context, self.request.form.get("token")
            )
        except TokenError as error:
            if error.reason == "expired":
                return self.refuse(LINK_EXPIRED, 410)
            return self.refuse(LINK_INVALID, 404)
        if not verification.is_attended(registration):
            return self.refuse(NOT_ATTENDED, 403)
        body = certificate.certificate(self.context, registration)
        return send_pdf(self.request, body, certificate.filename(self.context))


class TrainingCertificatesView(CertificateProblem):
    def __call__(self):
        body = certificate.certificates(
            self.context, getattr(self.context, "Language", lambda: "")()
        )
        if body is None:
            return self.refuse(NONE_ATTENDED, 404)
        return send_pdf(self.request, body, certificate.filename(self.context, "s"))


class VerifyCertificateView(BrowserView):
    template = ViewPageTemplateFile("templates/verify.pt")

    registration = None

    def __call__(self):
        response = self.request.response
        response.setHeader("X-Robots-Tag", "noindex, nofollow")
        response.setHeader("Referrer-Policy", "no-referrer")
        response.setHeader("Cache-Control", "private, no-store")
        code = self.request.form.get("code")
        self.registration = verification.registration_of_code(self.context, code)
        if self.registration is None:
            response.setStatus(404)
        return self.template()

    def problem(self):
        return translate(CODE_INVALID, context=self.request)

    def code(self):
        return self.request.form.get("code", "")

    def initials(self):
        return verification.initials(self.registration.name)

    def when(self):
        return format_event(self.context)

    def organisers(self):
        language = getattr(self.context, "Language", lambda: "")()
        return ", ".join(certificate.organisers(self.context, language))

    def typed_name(self):
        typed = self.request.form.get("name")
        return typed if isinstance(typed, str) and typed.strip() else None

    def name_matches(self):
        return verification.name_matches(self.registration, self.typed_name())
