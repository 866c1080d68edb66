"""A Decimal field (a practice's budget) served as a JSON number, as its
schema says, where plone.restapi serves every Decimal as a string."""

from collective.migrationnetwork.interfaces import IBrowserLayer
from decimal import Decimal
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IDecimal


def as_number(value):
    """``value`` as an int when whole, else a float; None stays None."""
    if not isinstance(value, Decimal):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@adapter(IDecimal, IDexterityContent, IBrowserLayer)
@implementer(IFieldSerializer)
class DecimalFieldSerializer(DefaultFieldSerializer):
    def __call__(self):
        return as_number(self.get_value())
