"""Classic UI of the newsletter: subscribing, confirming, preferences and
one-click unsubscribing (anonymous, with the token of a mail), the preview
and the automatic sections of an issue, its delivery report, and the
subscribers page of the newsletter editors."""

from collective.migrationnetwork import _
from collective.migrationnetwork.membership.ratelimit import RateLimited
from collective.migrationnetwork.newsletter import compose
from collective.migrationnetwork.newsletter import manage
from collective.migrationnetwork.newsletter import sections
from collective.migrationnetwork.newsletter import sending
from collective.migrationnetwork.newsletter import subscription as logic
from collective.migrationnetwork.newsletter import tokens
from collective.migrationnetwork.newsletter.segments import Segment
from collective.migrationnetwork.newsletter.segments import matches
from collective.migrationnetwork.newsletter.segments import recipients
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.notifications.mail import site_languages
from collective.migrationnetwork.services.subscribe.report import can_retry
from collective.migrationnetwork.vocabularies.editable import terms
from collective.migrationnetwork.vocabularies.standard import country_names
from html import escape
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from types import SimpleNamespace
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides


LANGUAGE_NAMES = {"el": "Ελληνικά", "en": "English"}


class Base(BrowserView):
    def tr(self, message):
        return translate(message, context=self.request)

    def languages(self):
        return [(code, LANGUAGE_NAMES.get(code, code)) for code in site_languages()]

    def thematic_areas(self):
        return terms("thematic_areas", self.current_language())

    def countries(self):
        return list(country_names(self.current_language()).items())

    def current_language(self):
        return api.portal.get_current_language()[:2]

    def error_for(self, name):
        return self.errors.get(name)


class SubscribeForm(Base):
    """``@@newsletter-subscribe`` of a language root."""

    template = ViewPageTemplateFile("templates/subscribe.pt")

    def __call__(self):
        self.errors = {}
        self.message = None
        form = self.request.form
        self.values = {
            "email": form.get("email", ""),
            "language": form.get("language") or self.current_language(),
            "thematic_areas": _list(form.get("thematic_areas")),
            "countries": _list(form.get("countries")),
            "consent": bool(form.get("consent")),
        }
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            try:
                self.message = self.tr(
                    logic.subscribe(
                        self.values,
                        client_ip=self.request.getClientAddr(),
                        default_language=self.current_language(),
                    )
                )
            except logic.SubscriptionError as error:
                self.errors = {name: self.tr(msg) for name, msg in error.errors}
                self.request.response.setStatus(400)
            except RateLimited as error:
                self.request.response.setStatus(429)
                self.request.response.setHeader("Retry-After", str(error.retry_after))
                self.errors = {
                    "form": self.tr(
                        _(
                            "error_newsletter_rate_limited",
                            default="We have received several subscriptions "
                            "from you in the last hour. Please try again later.",
                        )
                    )
                }
        return self.template()

    def consent_text(self):
        return self.tr(logic.CONSENT_TEXT)


def _list(value):
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


class TokenPage(Base):
    """A page reached with the token of a mail."""

    def token(self):
        return self.request.form.get("token", "")

    def token_error(self, error):
        self.request.response.setStatus(410 if error.reason == "expired" else 400)
        self.error = self.tr(
            logic.ERROR_TOKEN_EXPIRED
            if error.reason == "expired"
            else logic.ERROR_TOKEN_INVALID
        )


class ConfirmPage(TokenPage):
    """``@@newsletter-confirm?token=``: a button that confirms (a GET
    changes nothing, so that link checkers do not confirm)."""

    template = ViewPageTemplateFile("templates/confirm.pt")

    def __call__(self):
        self.error = None
        self.message = None
        self.preferences_url = None
        try:
            subscriber = tokens.subscriber_of(self.token(), tokens.CONFIRM)
            if self.request.method == "POST":
                CheckAuthenticator(self.request)
                subscriber = logic.confirm(self.token())
                self.message = self.tr(logic.MSG_CONFIRMED)
                self.preferences_url = compose.subscriber_links(subscriber)[0]
        except tokens.TokenError as error:
            self.token_error(error)
        return self.template()


class PreferencesPage(TokenPage):
    """``@@newsletter-preferences?token=``: language and interests, or
    unsubscribe; the page every mail links to."""

    template = ViewPageTemplateFile("templates/preferences.pt")

    def __call__(self):
        self.error = None
        self.message = None
        self.errors = {}
        self.subscriber = None
        try:
            subscriber = logic.preferences(self.token())
            form = self.request.form
            if self.request.method == "POST":
                CheckAuthenticator(self.request)
                if form.get("form.unsubscribe"):
                    subscriber = logic.unsubscribe(self.token())
                    self.message = self.tr(logic.MSG_UNSUBSCRIBED)
                elif form.get("form.save"):
                    data = {
                        "language": form.get("language"),
                        "thematic_areas": _list(form.get("thematic_areas")),
                        "countries": _list(form.get("countries")),
                        "resubscribe": form.get("resubscribe"),
                    }
                    try:
                        subscriber = logic.update_preferences(self.token(), data)
                        self.message = self.tr(logic.MSG_SAVED)
                    except logic.SubscriptionError as error:
                        self.errors = {n: self.tr(m) for n, m in error.errors}
                        self.request.response.setStatus(400)
            self.subscriber = subscriber
        except tokens.TokenError as error:
            self.token_error(error)
        return self.template()

    def values(self):
        s = self.subscriber
        return {
            "email": s.email,
            "language": s.language,
            "thematic_areas": list(s.thematic_areas),
            "countries": list(s.countries),
            "state": s.state,
        }


class OneClickUnsubscribe(TokenPage):
    """``@@newsletter-unsubscribe?token=``: the ``List-Unsubscribe`` address.
    A POST (RFC 8058 one-click, from the mail program) unsubscribes; a GET
    leads to the preferences page."""

    def __call__(self):
        if self.request.method != "POST":
            url = self.context.absolute_url() + "/@@newsletter-preferences"
            return self.request.response.redirect(
                f"{url}?token={self.token()}#unsubscribe"
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            logic.unsubscribe(self.token())
        except tokens.TokenError as error:
            self.token_error(error)
            return self.error
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return self.tr(logic.MSG_UNSUBSCRIBED)


class Preview(Base):
    """``@@newsletter-preview`` of an issue: the mail as a subscriber of a
    language and segment gets it, HTML and plain text."""

    template = ViewPageTemplateFile("templates/preview.pt")

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized()
        form = self.request.form
        language = form.get("language")
        if language not in site_languages():
            language = self.context.Language() or site_languages()[0]
        self.language = language
        self.thematic = _list(form.get("thematic_areas"))
        self.country = _list(form.get("countries"))
        sample = SimpleNamespace(
            email="subscriber@example.org",
            language=language,
            thematic_areas=tuple(self.thematic),
            countries=tuple(self.country),
            nonce="preview",
        )
        segment = Segment.of_issue(self.context)
        self.segment = segment
        self.receives = matches(segment, sample)
        self.rendered = compose.render(self.context, language)
        url = self.context.absolute_url()
        self.html, self.text = self.rendered.personalise(
            f"{url}#preferences", f"{url}#unsubscribe"
        )
        self.recipients = len(recipients(get_store(), segment))
        if form.get("part") == "html":
            self.request.response.setHeader("Content-Type", "text/html; charset=utf-8")
            return self.html
        if form.get("part") == "text":
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return self.text
        return self.template()


class FillSections(BrowserView):
    """``@@newsletter-fill-sections`` (POST): new practices since the last
    issue and upcoming trainings, from the catalogue."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        practices, trainings = sections.fill(self.context)
        api.portal.show_message(
            translate(
                _(
                    "msg_newsletter_sections_filled",
                    default="Automatic sections filled: ${practices} new "
                    "practices, ${trainings} upcoming trainings.",
                    mapping={"practices": practices, "trainings": trainings},
                ),
                context=self.request,
            ),
            request=self.request,
        )
        return self.request.response.redirect(self.context.absolute_url())


class Retry(BrowserView):
    """``@@newsletter-retry`` (POST): send the failed deliveries again."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if not can_retry(self.context):
            raise Unauthorized()
        count = sending.retry_failed(self.context)
        message = _(
            "msg_newsletter_retried",
            default="${count} failed deliveries are being sent again.",
            mapping={"count": count},
        )
        api.portal.show_message(translate(message, context=self.request), self.request)
        return self.request.response.redirect(self.context.absolute_url())


class Subscribers(Base):
    """``@@newsletter-subscribers``: counts, CSV export, erasure."""

    template = ViewPageTemplateFile("templates/subscribers.pt")

    def __call__(self):
        if not manage.can_manage(self.context):
            raise Unauthorized()
        self.message = None
        form = self.request.form
        if form.get("format") == "csv":
            self.request.response.setHeader("Content-Type", "text/csv; charset=utf-8")
            self.request.response.setHeader(
                "Content-Disposition", 'attachment; filename="subscribers.csv"'
            )
            return ("\ufeff" + manage.export_csv()).encode("utf-8")
        if self.request.method == "POST" and form.get("form.erase"):
            CheckAuthenticator(self.request)
            erased = manage.erase(form.get("email", ""))
            self.message = self.tr(
                _("msg_newsletter_erased", default="The subscriber was erased.")
                if erased
                else _("error_newsletter_no_subscriber", default="No such subscriber.")
            )
        self.counts = manage.counts()
        return self.template()

    def theme_title(self, token):
        titles = dict(self.thematic_areas())
        return (
            titles.get(token, token)
            if token
            else self.tr(_("label_newsletter_all_areas", default="All (no preference)"))
        )


class FooterViewlet(ViewletBase):
    """A link to the subscription form, in the footer of every page."""

    def subscribe_url(self):
        return f"{self.navigation_root_url}/@@newsletter-subscribe"

    def index(self):
        label = translate(
            _("link_newsletter_subscribe", default="Subscribe to the newsletter"),
            context=self.request,
        )
        return (
            '<div class="newsletter-subscribe-link text-center my-2">'
            f'<a href="{escape(self.subscribe_url())}">{escape(label)}</a></div>'
        )
