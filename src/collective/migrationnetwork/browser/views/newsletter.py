"""The default view of a Newsletter issue."""

from Acquisition import aq_base
from collective.migrationnetwork import dates
from collective.migrationnetwork.browser.views.base import ContentView
from collective.migrationnetwork.browser.views.facts import can_view
from collective.migrationnetwork.browser.views.facts import link
from collective.migrationnetwork.browser.views.facts import targets
from collective.migrationnetwork.content.newsletter import INewsletter
from plone import api
from urllib.parse import quote


class NewsletterView(ContentView):
    """Issue number and date, introduction, featured items, PDF version."""

    def facts(self):
        return self.reader.facts(
            (INewsletter, "issue_number"), (INewsletter, "issue_date")
        )

    def introduction(self):
        return self.html("introduction")

    def featured(self, name="featured"):
        """The featured items the reader may see, in the editor's order."""
        types = api.portal.get_tool("portal_types")
        result = []
        for obj in targets(getattr(aq_base(self.context), name, None) or []):
            if not can_view(obj):
                continue
            item = link(obj)
            info = types.getTypeInfo(obj)
            item["type"] = self.translate(info.Title()) if info else obj.portal_type
            item["portal_type"] = obj.portal_type
            result.append(item)
        return result

    def sections(self):
        """The automatic sections (new practices, upcoming trainings)."""
        found = []
        for name in ("section_practices", "section_trainings"):
            items = self.featured(name)
            if items:
                title = self.translate(INewsletter[name].title)
                found.append({"name": name, "title": title, "entries": items})
        return found

    def pdf(self):
        """The download link of the PDF version, or None."""
        pdf = getattr(aq_base(self.context), "pdf", None)
        if not pdf:
            return None
        filename = pdf.filename or "newsletter.pdf"
        return {
            "url": f"{self.context.absolute_url()}/@@download/pdf/{quote(filename)}",
            "filename": filename,
            "size": f"{max(1, round(pdf.getSize() / 1024))} KB",
        }

    # Composing and sending (see newsletter/ and browser/newsletter/)

    def can_compose(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def can_preview(self):
        return not api.user.is_anonymous() and (
            self.can_compose()
            or api.user.has_permission("Review portal content", obj=self.context)
            or api.user.has_permission(
                "collective.migrationnetwork: Send newsletter", obj=self.context
            )
        )

    def subscribers_url(self):
        """The subscribers page, for those who manage subscribers."""
        from collective.migrationnetwork.newsletter.manage import can_manage

        if not can_manage(self.context):
            return None
        root = api.portal.get_navigation_root(self.context)
        return f"{root.absolute_url()}/@@newsletter-subscribers"

    def report(self):
        """The delivery report, for those who may see it (not anonymous)."""
        from collective.migrationnetwork.services.subscribe.report import can_see_report
        from collective.migrationnetwork.services.subscribe.report import report_of

        if not can_see_report(self.context):
            return None
        return report_of(self.context)

    def when(self, value):
        """A report's time as people read it (the portal's time zone)."""
        return dates.format_datetime(value)

    def iso(self, value):
        return dates.iso(value)

    def can_retry(self):
        from collective.migrationnetwork.services.subscribe.report import can_retry

        report = self.report()
        return bool(report and report["failed"] and can_retry(self.context))
