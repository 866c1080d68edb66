"""``@@registrations``: the organisers' *Registrations* tab of a training
(``Manage training registrations``: its organisation's team, the
coordinators of its networks, the secretariat): counts, the list,
approve, decline, withdraw on someone's behalf, attendance per person
once the training has started (a list that works on a phone at the door),
and ``@@registrations.csv``. Every change is a POST with the form's
authenticator."""

from collective.migrationnetwork import _
from collective.migrationnetwork.browser.registrations.message import MessageForm
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.export import counts
from collective.migrationnetwork.registrations.export import csv_of
from collective.migrationnetwork.registrations.export import listing
from collective.migrationnetwork.registrations.fields import ACTION_TITLES
from collective.migrationnetwork.registrations.fields import FIELD_TITLES
from collective.migrationnetwork.registrations.fields import STATUS_TITLES
from collective.migrationnetwork.registrations.store import registrations_of
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

import transaction


# Button -> what it does: a status, or attendance.
ACTIONS = {
    "confirm": ("status", "confirmed"),
    "decline": ("status", "declined"),
    "withdraw": ("status", "withdrawn"),
    "attended": ("attended", True),
    "absent": ("attended", False),
}

# The counts above the list (plurals, unlike a registration's status).
COUNT_TITLES = {
    "confirmed": _("label_count_confirmed", default="Confirmed"),
    "pending": _("label_count_pending", default="Awaiting approval"),
    "waiting": _("label_count_waiting", default="On the waiting list"),
    "withdrawn": _("label_count_withdrawn", default="Withdrawn"),
    "declined": _("label_count_declined", default="Declined"),
    "attended": _("label_count_attended", default="Attended"),
}


class RegistrationsView(MessageForm, BrowserView):
    template = ViewPageTemplateFile("templates/manage.pt")

    def __call__(self):
        if self.request.get("REQUEST_METHOD") == "POST":
            return self.act()
        return self.template()

    def tr(self, message):
        return translate(message, context=self.request)

    def act(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        if form.get("action") == "message":
            return self.send_message()
        store = registrations_of(self.context, create=False)
        record = store.get(form.get("id")) if store is not None else None
        action = ACTIONS.get(form.get("action"))
        if record is None or action is None:
            self.request.response.setStatus(400)
            return self.template()
        kind, value = action
        try:
            if kind == "status":
                registering.decide(self.context, record, value)
            else:
                registering.mark_attended(self.context, record, value)
        except (
            registering.RegistrationInvalid,
            registering.RegistrationRefused,
        ) as error:
            transaction.doom()
            message = getattr(error, "message", None) or error.errors[0][1]
            IStatusMessage(self.request).add(self.tr(message), type="error")
        url = f"{self.context.absolute_url()}/@@registrations#registration-{record.id}"
        self.request.response.redirect(url, status=303, lock=True)
        return ""

    def counts(self):
        found = counts(self.context)
        return [
            {
                "name": name,
                "title": self.tr(COUNT_TITLES[name]),
                "count": found[name],
            }
            for name in (
                "confirmed",
                "pending",
                "waiting",
                "withdrawn",
                "declined",
                "attended",
            )
        ]

    def places_left(self):
        return registering.places_left(self.context)

    def capacity(self):
        return registering.capacity_of(self.context)

    def items(self):
        for item in listing(self.context):
            item["status_title"] = self.tr(STATUS_TITLES[item["status"]])
            yield item

    def started(self):
        return registering.has_started(self.context)

    def label(self, name):
        return self.tr(FIELD_TITLES[name])

    def button_title(self, action):
        return self.tr(ACTION_TITLES[action])

    def buttons(self, item):
        """The buttons a registration's row offers."""
        status = item["status"]
        found = []
        if status in ("pending", "waiting", "declined", "withdrawn"):
            found.append("confirm")
        if status in ("pending", "waiting"):
            found.append("decline")
        if status in ("confirmed", "pending", "waiting"):
            found.append("withdraw")
        if status == "confirmed" and self.started():
            found.extend(("attended", "absent"))
        return found


class RegistrationsCSV(BrowserView):
    def __call__(self):
        filename, body = csv_of(self.context, self.request)
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        return body
