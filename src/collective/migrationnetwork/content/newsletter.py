"""Newsletter: one issue of the network's newsletter."""

from collective.migrationnetwork import _
from collective.migrationnetwork.content.fields import RELATED_WIDGET
from collective.migrationnetwork.content.fields import choices
from collective.migrationnetwork.content.fields import related_items_widget
from collective.migrationnetwork.content.fields import relations
from collective.migrationnetwork.content.fields import rich_text
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class INewsletter(model.Schema):
    issue_number = schema.Int(
        title=_("label_issue_number", default="Issue number"), min=1, required=False
    )
    issue_date = schema.Date(
        title=_("label_issue_date", default="Issue date"), required=False
    )
    introduction = rich_text(
        title=_("label_introduction", default="Introduction"), required=False
    )
    featured = relations(
        _("label_featured", default="Featured items"),
        _(
            "help_featured",
            default="Practices, trainings, organisations and news, in the order shown.",
        ),
    )
    directives.widget(
        "featured",
        RELATED_WIDGET,
        **related_items_widget(["Practice", "Training", "Organisation", "News Item"]),
    )
    section_practices = relations(
        _("label_section_practices", default="New practices"),
        _(
            "help_section_practices",
            default="Practices published since the last issue; filled by "
            '"Fill automatic sections", which you may then change.',
        ),
    )
    directives.widget(
        "section_practices", RELATED_WIDGET, **related_items_widget(["Practice"])
    )
    section_trainings = relations(
        _("label_section_trainings", default="Upcoming trainings"),
        _(
            "help_section_trainings",
            default='Trainings still to come; filled by "Fill automatic '
            'sections", which you may then change.',
        ),
    )
    directives.widget(
        "section_trainings", RELATED_WIDGET, **related_items_widget(["Training"])
    )
    pdf = NamedBlobFile(title=_("label_pdf", default="PDF version"), required=False)

    model.fieldset(
        "segments",
        label=_("fieldset_segments", default="Audience"),
        description=_(
            "help_segments", default="Leave empty to send to every subscriber."
        ),
        fields=["segment_languages", "segment_thematic_areas", "segment_countries"],
    )
    segment_languages = choices(
        "plone.app.vocabularies.SupportedContentLanguages",
        _("label_segment_languages", default="Languages"),
    )
    segment_thematic_areas = choices(
        "thematic_areas", _("label_thematic_areas", default="Thematic areas")
    )
    segment_countries = choices("countries", _("label_countries", default="Countries"))


@implementer(INewsletter)
class Newsletter(Container):
    """A newsletter issue; the archive is the newsletters/ folder."""
