"""Field factories shared by the content schemas."""

from plone.app.textfield import RichText
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema


def _vocabulary_name(vocabulary):
    """The add-on's vocabularies go by their short name, others
    (``plone.app.vocabularies.…``) by their full name."""
    if "." in vocabulary:
        return vocabulary
    return f"collective.migrationnetwork.{vocabulary}"


def choices(vocabulary, title, description="", required=False):
    """A multi-valued field whose values are tokens of ``vocabulary``."""
    return schema.List(
        title=title,
        description=description,
        value_type=schema.Choice(vocabulary=_vocabulary_name(vocabulary)),
        default=[],
        missing_value=[],
        required=required,
    )


def choice(vocabulary, title, description="", required=False):
    return schema.Choice(
        title=title,
        description=description,
        vocabulary=_vocabulary_name(vocabulary),
        required=required,
    )


def relations(title, description=""):
    return RelationList(
        title=title,
        description=description,
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        default=[],
        missing_value=[],
        required=False,
    )


def related_items_widget(portal_types):
    """Options of the related-items widget that searches ``portal_types``."""
    return {
        "vocabulary": "plone.app.vocabularies.Catalog",
        "pattern_options": {
            "selectableTypes": list(portal_types),
            "recentlyUsed": True,
        },
    }


RELATED_WIDGET = RelatedItemsFieldWidget


def rich_text(title, description="", required=False):
    """A rich text field written in HTML only: the editor offers no choice
    of format (Plone's markup settings would add "text/x-web-textile")."""
    return RichText(
        title=title,
        description=description,
        required=required,
        default_mime_type="text/html",
        output_mime_type="text/x-html-safe",
        allowed_mime_types=("text/html",),
    )
