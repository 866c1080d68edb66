"""Classic UI: ``@@network-dashboard``, its CSV downloads, *Ask to update*
and *confirm my profile*. Every figure comes from ``figures.dashboard``,
the same function that ``GET /@network-dashboard`` answers with."""

from collective.migrationnetwork import _
from collective.migrationnetwork import dates
from collective.migrationnetwork.accounts.tokens import PROFILE_CONFIRMATION
from collective.migrationnetwork.accounts.tokens import TokenError
from collective.migrationnetwork.accounts.tokens import read_token
from collective.migrationnetwork.dashboard.charts import all_charts
from collective.migrationnetwork.dashboard.charts import find_chart
from collective.migrationnetwork.dashboard.figures import dashboard
from collective.migrationnetwork.dashboard.periods import PeriodError
from collective.migrationnetwork.dashboard.periods import parse_period
from collective.migrationnetwork.dashboard.stale import ask_to_update
from collective.migrationnetwork.dashboard.stale import confirm_profile
from collective.migrationnetwork.spreadsheet import writer
from DateTime import DateTime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from zExceptions import BadRequest
from zExceptions import NotFound

import io


def requested_period(request):
    value = request.form.get("period")
    return value if isinstance(value, str) else None


class DashboardView(BrowserView):
    def __call__(self):
        self.now = DateTime()
        language = api.portal.get_current_language(self.context)
        try:
            self.answer = dashboard(
                self.context, requested_period(self.request), self.now, language
            )
        except PeriodError:
            self.request.response.setStatus(400)
            self.answer = dashboard(self.context, None, self.now, language)
            api.portal.show_message(
                _("msg_bad_period", default="Choose a period from the list."),
                self.request,
                type="error",
            )
        period = parse_period(self.answer["period"]["key"], self.now)
        self.charts = all_charts(self.answer, period, self.now, language)
        return self.index()

    def date(self, value):
        return dates.format_date(DateTime(value)) if value else ""

    def csv_url(self, chart):
        base = self.answer["root"]
        period = self.answer["period"]["key"]
        return f"{base}/@@network-dashboard.csv?chart={chart['id']}&period={period}"


class DashboardCSV(BrowserView):
    """One chart's data table as CSV (``?chart=<id>&period=<key>``)."""

    def __call__(self):
        chart_id = self.request.form.get("chart")
        if not isinstance(chart_id, str) or not chart_id:
            raise BadRequest("chart")
        now = DateTime()
        language = api.portal.get_current_language(self.context)
        try:
            answer = dashboard(
                self.context, requested_period(self.request), now, language
            )
        except PeriodError as error:
            raise BadRequest("period") from error
        period = parse_period(answer["period"]["key"], now)
        chart = find_chart(all_charts(answer, period, now, language), chart_id)
        if chart is None:
            raise NotFound(chart_id)
        out = io.StringIO()
        rows = writer(out)
        rows.writerow(
            [
                chart["title"],
                api.portal.translate(
                    _("label_chart_count", default="Count"), lang=language
                ),
            ]
        )
        rows.writerows([row["label"], row["value"]] for row in chart["rows"])
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{chart_id}.csv"'
        )
        return out.getvalue()


class AskProfileUpdate(BrowserView):
    """POST on an Organisation: mail its editors the *confirm my profile*
    link. The permission (``Ask for a profile update``) is the
    registration's; the authenticator is checked here."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.setStatus(405)
            self.request.response.setHeader("Allow", "POST")
            return ""
        CheckAuthenticator(self.request)
        queued = ask_to_update(self.context)
        if queued:
            message = _(
                "msg_profile_update_asked",
                default="${count} editors were asked to confirm the profile.",
                mapping={"count": queued},
            )
            kind = "info"
        else:
            message = _(
                "msg_profile_update_nobody",
                default="The organisation has no editor with an e-mail address.",
            )
            kind = "warning"
        api.portal.show_message(message, self.request, type=kind)
        root = api.portal.get_navigation_root(self.context)
        self.request.response.redirect(
            f"{root.absolute_url()}/@@network-dashboard#stale"
        )
        return ""


class ConfirmProfile(BrowserView):
    """*Confirm my profile*: the page of the link mailed by *Ask to
    update*. Shows the profile's contact points; its button (POST, with
    the authenticator) stamps today's date on each."""

    confirmed = False
    error = None
    organisation = None

    def __call__(self):
        token = self.request.form.get("token")
        try:
            payload = read_token(PROFILE_CONFIRMATION, token)
        except TokenError as error:
            self.error = error.reason
            self.request.response.setStatus(400)
            return self.index()
        self.token = token
        with api.env.adopt_roles(["Manager"]):
            self.organisation = api.content.get(UID=payload.get("uid"))
        if self.organisation is None:
            self.error = "invalid"
            self.request.response.setStatus(404)
            return self.index()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            confirm_profile(self.organisation)
            self.confirmed = True
        return self.index()

    def contact_points(self):
        return [
            {
                "role": row.get("role") or "",
                "name": row.get("name") or "",
                "email": row.get("email") or "",
                "phone": row.get("phone") or "",
                "verified": dates.format_date(row["verified"])
                if row.get("verified")
                else "",
            }
            for row in getattr(self.organisation, "contact_points", None) or ()
        ]

    def edit_url(self):
        return f"{self.organisation.absolute_url()}/edit"
