"""What the default views of the content types share."""

from Acquisition import aq_base
from Acquisition import aq_parent
from collective.migrationnetwork import _
from collective.migrationnetwork.browser.views.facts import FactReader
from collective.migrationnetwork.browser.views.facts import can_view
from collective.migrationnetwork.browser.views.facts import link
from collective.migrationnetwork.dates import format_range
from collective.migrationnetwork.indexers import organisation_of
from html import escape
from plone import api
from plone.app.textfield.interfaces import IRichTextValue
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zc.relation.interfaces import ICatalog
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds


def date_range(reader, start, end):
    """When ``start``-``end`` takes place, in the zone the values keep (a
    training's start in catalogue metadata), else the portal's."""
    return format_range(start, end)


class ContentView(BrowserView):
    """Base of the default views: facts, rich text, relations both ways."""

    macros_template = ViewPageTemplateFile("../templates/content_macros.pt")

    def __init__(self, context, request):
        super().__init__(context, request)
        self.reader = FactReader(context, request)

    @property
    def macros(self):
        """The shared macros: ``facts`` and ``links``."""
        return self.macros_template.macros

    def translate(self, message):
        return self.reader.translate(message)

    def html(self, name):
        """The safe HTML of the rich text field ``name``, or None when empty."""
        value = getattr(aq_base(self.context), name, None)
        if not IRichTextValue.providedBy(value) or not (value.raw or "").strip():
            return None
        output = value.output_relative_to(self.context)
        if output and output.strip():
            return output
        if self.can_edit():
            # Stored in a format that cannot be shown (see
            # inputs/richtext.py): editors are told, visitors see nothing.
            notice = self.translate(
                _(
                    "notice_richtext_untransformable",
                    default="This text is stored in a format (${type}) that "
                    "cannot be shown. Edit it and save it again.",
                    mapping={"type": value.mimeType},
                )
            )
            return (
                '<p class="alert alert-warning richtext-untransformable">'
                f"{escape(notice)}</p>"
            )
        return None

    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def related(self, name):
        """Links to the viewable targets of the relation field ``name``."""
        return self.reader.related(getattr(aq_base(self.context), name, None))

    def back_related(self, attribute):
        """Links to the viewable objects whose ``attribute`` points here.

        Read from the relation catalogue: the reverse of a relation is never
        stored on the target.
        """
        catalog = queryUtility(ICatalog)
        intids = queryUtility(IIntIds)
        if catalog is None or intids is None:
            return []
        intid = intids.queryId(aq_base(self.context))
        if intid is None:
            return []
        query = {"to_id": intid, "from_attribute": attribute}
        sources = [rel.from_object for rel in catalog.findRelations(query)]
        links = [link(obj) for obj in sources if can_view(obj)]
        return sorted(links, key=lambda item: item["title"].lower())

    def lead_organisation(self):
        """A link to the Organisation this item lives in, if the user may see it."""
        organisation = organisation_of(aq_parent(self.context))
        if organisation is None or not can_view(organisation):
            return None
        return link(organisation)

    def image_tag(self, name, scale="preview", css_class="img-fluid"):
        if not getattr(aq_base(self.context), name, None):
            return None
        images = self.context.restrictedTraverse("@@images")
        return images.tag(name, scale=scale, css_class=css_class)

    def date_range(self, start, end):
        return date_range(self.reader, start, end)
