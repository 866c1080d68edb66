"""Field factories shared by the content schemas."""

from collective.migrationnetwork.browser.widgets.dates import date_widget
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.app.z3cform.widgets.select import Select2FieldWidget
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer


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

# Short lists (thematic areas, target groups) as checkboxes, long ones
# (countries, the 23 objectives) as a select that one searches by typing,
# instead of plone.app.z3cform's two-box widget.
CHECKBOXES = CheckBoxFieldWidget
SEARCHABLE = Select2FieldWidget
# Dates that read day/month/year whatever the browser's language.
DATE_WIDGET = date_widget


class OptionalGridWidget(DataGridFieldWidget):
    """A data grid whose rows are optional: its column headers carry no
    *required* mark, so that neither the field nor its tab (mockup's
    autotoc marks a tab holding any ``label .required``) reads as
    required. A row still needs its required cells, as the row schema
    says, and the form says so if one is left out."""

    @DataGridFieldWidget.field.setter
    def field(self, value):
        DataGridFieldWidget.field.fset(self, value)
        if not value.required:
            for column in self.columns:
                column["required"] = False


@implementer(IFieldWidget)
def grid_widget(field, request):
    """The widget of an optional list of rows."""
    return FieldWidget(field, OptionalGridWidget(request))


GRID_WIDGET = grid_widget


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
