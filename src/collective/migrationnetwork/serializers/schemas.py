"""JSON Schema of fields for ``@types``, the plone.restapi way
(``IJsonSchemaProvider`` adapters, on the add-on's browser layer).

* A Decimal's ``minimum`` and ``maximum`` are numbers (plone.restapi passes
  ``Decimal("0")`` through its JSON converter, which makes it ``"0"``, not
  valid JSON Schema).
* A data grid (a list of ``DictRow``) has Volto's ``object_list`` widget
  and the row's schema, so that Volto edits its rows field by field
  instead of showing ``[object Object]``.
"""

from collective.migrationnetwork.interfaces import IBrowserLayer
from collective.migrationnetwork.serializers.numbers import as_number
from collective.z3cform.datagridfield.row import DictRow
from plone.restapi.types.adapters import DecimalJsonSchemaProvider
from plone.restapi.types.adapters import ListJsonSchemaProvider
from plone.restapi.types.interfaces import IJsonSchemaProvider
from plone.restapi.types.utils import get_fieldsets
from plone.restapi.types.utils import get_jsonschema_properties
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer
from zope.schema import getFieldNamesInOrder
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IList


@adapter(IDecimal, Interface, IBrowserLayer)
@implementer(IJsonSchemaProvider)
class NumberDecimalJsonSchemaProvider(DecimalJsonSchemaProvider):
    def additional(self):
        info = {}
        if self.field.min is not None:
            info["minimum"] = as_number(self.field.min)
        if self.field.max is not None:
            info["maximum"] = as_number(self.field.max)
        return info


def row_schema(context, request, field):
    """The schema of a data grid's row as Volto's object widgets read it:
    one fieldset, the properties by the row's own names (as its values are
    stored and served), the required fields."""
    schema = field.schema
    fieldsets = get_fieldsets(context, request, schema)
    properties = get_jsonschema_properties(context, request, fieldsets)
    names = getFieldNamesInOrder(schema)
    return {
        "title": field.title or schema.__name__,
        "fieldsets": [{"id": "default", "title": "Default", "fields": names}],
        "properties": properties,
        "required": [name for name in names if schema[name].required],
    }


@adapter(IList, Interface, IBrowserLayer)
@implementer(IJsonSchemaProvider)
class DataGridJsonSchemaProvider(ListJsonSchemaProvider):
    """Any list; a list of rows gets the ``object_list`` widget."""

    def is_grid(self):
        return isinstance(self.field.value_type, DictRow)

    def get_widget(self):
        if self.is_grid():
            return "object_list"
        return super().get_widget()

    def additional(self):
        info = super().additional()
        if not self.is_grid():
            return info
        row = row_schema(self.context, self.request, self.field.value_type)
        info["schema"] = row
        info["items"] = {
            "type": "object",
            "title": row["title"],
            "properties": row["properties"],
            "required": row["required"],
        }
        info.pop("additionalItems", None)
        return info
