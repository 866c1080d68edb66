"""The default view of a Training: when, where, for whom, how to sign up."""

from collective.migrationnetwork.browser.views.base import ContentView
from collective.migrationnetwork.content.training import ITraining
from collective.migrationnetwork.validation import is_web_url
from plone.app.event.dx.behaviors import IEventBasic
from plone.app.event.dx.behaviors import IEventContact
from zope.component import queryMultiAdapter


FACTS = ("kind", "format", "online_url", "audience", "languages", "thematic_areas")
REGISTRATION = ("registration_open", "registration_deadline", "capacity")


class TrainingView(ContentView):
    """Dates as plone.app.event shows them, facts, organisers, iCalendar."""

    def event_summary(self):
        """plone.app.event's summary (when, where, contact) without its own
        iCal link, which this page shows more prominently."""
        summary = queryMultiAdapter((self.context, self.request), name="event_summary")
        if summary is None:
            return None
        summary.excludes = ["title", "ical"]
        event_url = getattr(IEventContact(self.context, None), "event_url", None)
        if event_url and not is_web_url(event_url):
            # plone.app.event would render any stored value as a link.
            summary.excludes.append("event_url")
        return summary()

    def facts(self):
        facts = []
        if getattr(IEventBasic(self.context, None), "whole_day", False):
            facts.append(self.reader.fact(IEventBasic, "whole_day"))
        facts.extend(self.reader.facts(*((ITraining, name) for name in FACTS)))
        return facts

    def registration(self):
        return self.reader.facts(*((ITraining, name) for name in REGISTRATION))

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
