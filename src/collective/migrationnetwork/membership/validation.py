"""Check an application against its schema before anything is written.

The REST service and the Classic UI form both go through
``validate_application``: every field is checked, every problem reported
with the field's name, and nothing is created unless all is well.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.membership.schema import ApplicationError
from collective.migrationnetwork.membership.schema import IJoinApplication
from collective.migrationnetwork.membership.schema import consented_message
from collective.migrationnetwork.validation import NotEmailAddress
from plone.schema.email import InvalidEmail
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import getFieldNamesInOrder
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import InvalidURI
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import WrongType


FIELDS = getFieldNamesInOrder(IJoinApplication)


class ApplicationInvalid(Exception):
    """Bad input: ``errors`` is a list of (field name, message)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _message(field, error):
    """A message for ``error`` that a person understands."""
    if isinstance(error, ApplicationError):
        return error.doc()
    if field.__name__ == "consent":
        return consented_message()
    if isinstance(error, RequiredMissing):
        return _("error_join_required", default="Required: please fill this in.")
    if isinstance(error, (InvalidEmail, NotEmailAddress)):
        return _(
            "error_join_email",
            default="This is not an e-mail address (like name@example.org).",
        )
    if isinstance(error, InvalidURI):
        return _(
            "error_join_website",
            default="This is not a web address (like https://www.example.org).",
        )
    if isinstance(error, TooLong):
        return _(
            "error_join_too_long",
            default="Too long: at most ${max} characters.",
            mapping={"max": field.max_length},
        )
    if isinstance(error, ConstraintNotSatisfied) and getattr(field, "vocabulary", None):
        return _(
            "error_join_unknown_choice",
            default="Unknown value: choose one of the options offered.",
        )
    if isinstance(error, WrongType):
        return _("error_join_wrong_type", default="This kind of value is not accepted.")
    if isinstance(error, ConstraintNotSatisfied):
        return _("error_join_one_line", default="Write this on one line.")
    return _("error_join_invalid", default="This value is not accepted.")


def _cleaned(value):
    if not isinstance(value, str):
        return value
    if "\n" in value or "\r" in value:
        # Line breaks are left for the field to judge: a one-line field
        # refuses them, as the API's schema says, rather than having them
        # stripped away unnoticed.
        return value.strip(" \t") or None
    return value.strip() or None


def validate_application(context, data):
    """Check ``data`` ({field name: value}, choices by their token).

    ``context`` is where the applicant applies (a language root): the
    networks offered are those of its language. Returns the cleaned data
    (strings stripped, empty strings as missing); raises
    ``ApplicationInvalid`` listing every field in error.
    """
    clean, errors = {}, []
    for name in FIELDS:
        field = IJoinApplication[name].bind(context)
        value = _cleaned(data.get(name))
        try:
            if value is None and field.required:
                raise RequiredMissing(name)
            if value is not None:
                field.validate(value)
        except Invalid as error:
            errors.append((name, _message(field, error)))
        else:
            clean[name] = value
    if errors:
        raise ApplicationInvalid(errors)
    return clean


def error_answer(errors, request):
    """The JSON body of a refused application: each field with its message,
    translated for ``request``."""
    items = []
    for name, message in errors:
        title = translate(IJoinApplication[name].title, context=request)
        items.append(
            {
                "field": name,
                "label": title,
                "message": translate(message, context=request),
            }
        )
    first = items[0]
    return {
        "type": "BadRequest",
        "message": f"{first['field']}: {first['label']}: {first['message']}",
        "errors": items,
    }
