"""The default view of a Newsletter issue."""

from Acquisition import aq_base
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

    def featured(self):
        """The featured items the reader may see, in the editor's order."""
        types = api.portal.get_tool("portal_types")
        result = []
        for obj in targets(getattr(aq_base(self.context), "featured", None) or []):
            if not can_view(obj):
                continue
            item = link(obj)
            info = types.getTypeInfo(obj)
            item["type"] = self.translate(info.Title()) if info else obj.portal_type
            item["portal_type"] = obj.portal_type
            result.append(item)
        return result

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
