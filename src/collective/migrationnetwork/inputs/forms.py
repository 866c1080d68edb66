"""z3c.form validators: the same rules as REST for the Classic UI's forms."""

from collective.migrationnetwork.inputs.richtext import check_mime_type
from collective.migrationnetwork.interfaces import IBrowserLayer
from collective.migrationnetwork.validation import finite_number
from collective.migrationnetwork.validation import validate_email
from collective.migrationnetwork.validation import web_url
from plone.app.textfield.interfaces import IRichText
from plone.schema.email import IEmail
from z3c.form.validator import SimpleFieldValidator
from z3c.form.validator import WidgetValidatorDiscriminators
from zope.schema.interfaces import IURI
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IFloat


class Validator(SimpleFieldValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        if value is not None and value != self.field.missing_value:
            self.check(value)

    def check(self, value):
        raise NotImplementedError


class WebAddressValidator(Validator):
    def check(self, value):
        web_url(value)


class EmailValidator(Validator):
    def check(self, value):
        validate_email(value)


class NumberValidator(Validator):
    def check(self, value):
        finite_number(value)


class DecimalValidator(NumberValidator):
    pass


class RichTextValidator(Validator):
    def check(self, value):
        check_mime_type(self.field, value.mimeType)


WidgetValidatorDiscriminators(WebAddressValidator, request=IBrowserLayer, field=IURI)
WidgetValidatorDiscriminators(EmailValidator, request=IBrowserLayer, field=IEmail)
WidgetValidatorDiscriminators(NumberValidator, request=IBrowserLayer, field=IFloat)
WidgetValidatorDiscriminators(DecimalValidator, request=IBrowserLayer, field=IDecimal)
WidgetValidatorDiscriminators(RichTextValidator, request=IBrowserLayer, field=IRichText)
