"""REST field deserializers that apply the portal's rules on top of
plone.restapi's: what they raise (``ValueError``, ``ValidationError``) is
answered 400 with the field's name by plone.restapi's content deserializer.
"""

from collective.migrationnetwork.inputs.richtext import check_mime_type
from collective.migrationnetwork.interfaces import IBrowserLayer
from collective.migrationnetwork.validation import finite_number
from collective.migrationnetwork.validation import validate_email
from collective.migrationnetwork.validation import web_url
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DecimalFieldDeserializer
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import RichTextFieldDeserializer
from plone.restapi.deserializer.dxfields import TextLineFieldDeserializer
from plone.restapi.deserializer.relationfield import RelationChoiceFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from plone.schema.email import IEmail
from z3c.relationfield.interfaces import IRelationChoice
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema.interfaces import IURI
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IFloat


class Checked:
    """A constraint that raises a bare ``Invalid`` (plone.app.event's URL
    check) is answered as a ``ValueError`` naming the field, not a 500."""

    def deserialize(self, value):
        try:
            return super().__call__(value)
        except ValidationError:
            raise
        except Invalid as error:
            message = error.args[0] if error.args else str(error)
            raise ValueError(translate(message, context=self.request)) from error


@implementer(IFieldDeserializer)
@adapter(IURI, IDexterityContent, IBrowserLayer)
class WebAddressDeserializer(Checked, TextLineFieldDeserializer):
    def __call__(self, value):
        value = self.deserialize(value)
        if value:
            web_url(value)
        return value


@implementer(IFieldDeserializer)
@adapter(IEmail, IDexterityContent, IBrowserLayer)
class EmailDeserializer(Checked, TextLineFieldDeserializer):
    def __call__(self, value):
        value = self.deserialize(value)
        return validate_email(value) if value else value


@implementer(IFieldDeserializer)
@adapter(IFloat, IDexterityContent, IBrowserLayer)
class FloatDeserializer(Checked, DefaultFieldDeserializer):
    def __call__(self, value):
        value = self.deserialize(value)
        finite_number(value)
        return value


@implementer(IFieldDeserializer)
@adapter(IDecimal, IDexterityContent, IBrowserLayer)
class DecimalDeserializer(Checked, DecimalFieldDeserializer):
    def __call__(self, value):
        value = self.deserialize(value)
        finite_number(value)
        return value


@implementer(IFieldDeserializer)
@adapter(IRelationChoice, IDexterityContent, IBrowserLayer)
class RelationDeserializer(Checked, RelationChoiceFieldDeserializer):
    """A relation given as an object must carry its ``@id`` (``[{}]``
    answered 503, plone.restapi reading ``value["@id"]``)."""

    def __call__(self, value):
        if isinstance(value, dict) and not isinstance(value.get("@id"), str):
            raise ValueError('A related item is given by its "@id", UID or path.')
        return self.deserialize(value)


@implementer(IFieldDeserializer)
@adapter(IRichText, IDexterityContent, IBrowserLayer)
class RichTextDeserializer(Checked, RichTextFieldDeserializer):
    def __call__(self, value):
        value = self.deserialize(value)
        if value is not None:
            check_mime_type(self.field, value.mimeType)
        return value
