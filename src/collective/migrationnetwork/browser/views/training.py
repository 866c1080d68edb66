"""The default view of a Training: when, where, for whom, how to sign up."""

from collective.migrationnetwork import _
from collective.migrationnetwork.browser.views.base import ContentView
from collective.migrationnetwork.content.training import ITraining
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.dates import portal_zone
from collective.migrationnetwork.dates import zone_of
from collective.migrationnetwork.validation import MAIL_SCHEMES
from collective.migrationnetwork.validation import is_web_url
from collective.migrationnetwork.validation import safe_href
from plone.app.event.dx.behaviors import IEventBasic
from plone.event.interfaces import IEventAccessor
from zope.component import getMultiAdapter


FACTS = ("kind", "format", "online_url", "audience", "languages", "thematic_areas")
REGISTRATION = ("registration_open", "registration_deadline", "capacity")

LABEL_WHEN = _("label_when", default="When")
LABEL_ZONE = _("label_time_zone", default="Time zone")
LABEL_WHERE = _("label_where", default="Where")
LABEL_CONTACT = _("label_event_contact", default="Contact")
LABEL_PHONE = _("label_phone", default="Phone")
LABEL_WEBSITE = _("label_website", default="Web site")


class TrainingView(ContentView):
    """When and where, facts, organisers, iCalendar."""

    def event_summary(self):
        """When (in the training's time zone, through the add-on's one date
        helper), where and whom to contact, as facts.

        Not plone.app.event's summary, whose dates follow the server's
        locale (12-hour times in Greek) and whose zone reads "UTC200".
        """
        accessor = IEventAccessor(self.context, None)
        if accessor is None or not accessor.start:
            return []
        translate = self.translate
        facts = [self._fact("when", translate(LABEL_WHEN), format_event(self.context))]
        zone = zone_of(self.context)
        if zone != portal_zone():
            offset = accessor.start.astimezone(zone).strftime("%z")
            facts.append(
                self._fact(
                    "timezone",
                    translate(LABEL_ZONE),
                    f"{zone.key} (UTC{offset[:3]}:{offset[3:]})",
                )
            )
        if accessor.location:
            facts.append(
                self._fact("location", translate(LABEL_WHERE), accessor.location)
            )
        name, mail = accessor.contact_name, accessor.contact_email
        if name or mail:
            url = safe_href(f"mailto:{mail}", MAIL_SCHEMES) if mail else None
            facts.append(
                self._fact("contact", translate(LABEL_CONTACT), name or mail, url)
            )
        if accessor.contact_phone:
            phone = accessor.contact_phone
            facts.append(
                self._fact(
                    "phone",
                    translate(LABEL_PHONE),
                    phone,
                    safe_href(f"tel:{phone}", ("tel",)),
                )
            )
        if accessor.event_url and is_web_url(accessor.event_url):
            facts.append(
                self._fact(
                    "event_url",
                    translate(LABEL_WEBSITE),
                    accessor.event_url,
                    accessor.event_url,
                )
            )
        return facts

    @staticmethod
    def _fact(name, label, text, url=None):
        return {"name": name, "label": label, "entries": [{"text": text, "url": url}]}

    def facts(self):
        facts = []
        if getattr(IEventBasic(self.context, None), "whole_day", False):
            facts.append(self.reader.fact(IEventBasic, "whole_day"))
        facts.extend(self.reader.facts(*((ITraining, name) for name in FACTS)))
        return facts

    def registration(self):
        return self.reader.facts(*((ITraining, name) for name in REGISTRATION))

    def registration_form(self):
        """The registration form (``@@register``), shown while the training
        takes registrations or has a closed registration to speak of."""
        if not getattr(self.context, "registration_open", False):
            return None
        return getMultiAdapter((self.context, self.request), name="register")

    def organisers(self):
        """The lead organisation (the parent), then the co-organisers."""
        lead = self.lead_organisation()
        co_organisers = self.related("co_organisers")
        return ([lead] if lead else []) + [
            item for item in co_organisers if not lead or item["url"] != lead["url"]
        ]

    def related_practices(self):
        return self.related("related_practices")

    def ical_url(self):
        return f"{self.context.absolute_url()}/@@ics_view"
