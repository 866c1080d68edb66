"""zope.schema fields as JSON Schema (2020-12, as OpenAPI 3.1 uses it).

``field_schema(field, context, mode)`` describes the JSON of one field:
``mode="read"`` as plone.restapi serializes it (a Choice is ``{token,
title}``, a relation the target's summary, a Decimal a number), and
``mode="write"`` as plone.restapi's deserializers accept it (a Choice is
its token, a relation a UID, path or URL). A field that none of the rules
knows is described as ``{}`` (any JSON) with ``x-unmapped``; a test fails
when one of the add-on's types has such a field.
"""

from plone.app.textfield.interfaces import IRichText
from plone.namedfile.interfaces import INamedFileField
from plone.namedfile.interfaces import INamedImageField
from plone.schema.email import IEmail
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import queryUtility
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IURI
from zope.schema.interfaces import IAbstractSet
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IBytes
from zope.schema.interfaces import IBytesLine
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IDict
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IObject
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ITime
from zope.schema.interfaces import ITimedelta
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import IVocabularyTokenized


REF = "#/components/schemas/"
NULL = {"type": "null"}
DECIMAL = r"^-?[0-9]+(\.[0-9]+)?$"
ONE_LINE = r"^[^\r\n]*$"

# Vocabularies whose terms are content (or users): never enumerated.
DYNAMIC_VOCABULARIES = frozenset(
    {
        "plone.app.vocabularies.Catalog",
        "plone.app.vocabularies.Keywords",
        "plone.app.vocabularies.Users",
        "plone.app.vocabularies.Groups",
        "plone.app.vocabularies.Principals",
    }
)
OWN_VOCABULARY_PREFIX = "collective.migrationnetwork."


def ref(name):
    return {"$ref": REF + name}


def nullable(schema):
    """``schema`` or null: plone.restapi answers null for a missing value."""
    kind = schema.get("type")
    if isinstance(kind, str) and set(schema) <= {
        "type",
        "format",
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "pattern",
    }:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, NULL]}


VOCABULARY_PREFIX_SCHEMA = "Vocabulary."


def named_vocabulary(name):
    """The vocabulary factory called ``name``, unless its terms are content."""
    if not name or name in DYNAMIC_VOCABULARIES:
        return None
    return queryUtility(IVocabularyFactory, name)


def vocabulary_tokens(name, context):
    """The tokens of the named vocabulary, or None."""
    factory = named_vocabulary(name)
    vocabulary = factory(context) if factory is not None else None
    if not IVocabularyTokenized.providedBy(vocabulary):
        return None
    return [term.token for term in vocabulary]


def token_schema(field):
    """A token of the Choice's vocabulary: a reference to the vocabulary's
    ``Vocabulary.<name>`` schema (its enum, made once for the document), an
    inline enum for a vocabulary of the field's own, else any string."""
    name = getattr(field, "vocabularyName", None)
    if named_vocabulary(name) is not None:
        return ref(VOCABULARY_PREFIX_SCHEMA + name)
    if IVocabularyTokenized.providedBy(field.vocabulary):
        return {"type": "string", "enum": [term.token for term in field.vocabulary]}
    return {"type": "string"}


def choice_schema(field, context, mode):
    name = getattr(field, "vocabularyName", None)
    token = token_schema(field)
    if mode == "write":
        return token
    term = {
        "type": "object",
        "properties": {"token": token, "title": {"type": ["string", "null"]}},
        "required": ["token", "title"],
        "additionalProperties": False,
    }
    if name and name.startswith(OWN_VOCABULARY_PREFIX):
        return term
    # plone.restapi gives the bare value when it is not a term (e.g. the
    # empty language of a neutral item).
    return {"anyOf": [term, {"type": "string"}]}


def relation_schema(mode):
    if mode == "read":
        return ref("RelationTarget")
    return ref("RelationReference")


def rich_text_schema(mode):
    if mode == "read":
        return ref("RichText")
    return {"anyOf": [{"type": "string"}, ref("RichText")]}


def named_file_schema(image, mode):
    if mode == "read":
        return ref("Image" if image else "File")
    return ref("FileUpload")


def text_schema(field):
    schema = {"type": "string"}
    if ITextLine.providedBy(field) or IBytesLine.providedBy(field):
        schema["pattern"] = ONE_LINE
    if getattr(field, "min_length", 0):
        schema["minLength"] = field.min_length
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


def number_schema(field, kind):
    schema = {"type": kind}
    if getattr(field, "min", None) is not None:
        schema["minimum"] = int(field.min) if kind == "integer" else field.min
    if getattr(field, "max", None) is not None:
        schema["maximum"] = int(field.max) if kind == "integer" else field.max
    return schema


def decimal_schema(field, mode):
    """The add-on serves a Decimal as a number (serializers/numbers.py);
    plone.restapi reads a number or a numeric string."""
    number = {"type": "number"}
    if field.min is not None:
        number["minimum"] = float(field.min)
    if field.max is not None:
        number["maximum"] = float(field.max)
    if mode == "read":
        return number
    return {"anyOf": [number, {"type": "string", "pattern": DECIMAL}]}


def object_schema(field, context, mode):
    """An Object field (a DataGridField row, DictRow): the row schema."""
    properties = {
        name: nullable(field_schema(sub, context, mode))
        for name, sub in getFieldsInOrder(field.schema)
    }
    schema = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    required = [name for name, sub in getFieldsInOrder(field.schema) if sub.required]
    if mode == "write" and required:
        schema["required"] = required
    return schema


def collection_schema(field, context, mode):
    value_type = field.value_type
    if value_type is None:
        items = {}
    elif IRelationChoice.providedBy(value_type):
        items = relation_schema(mode)
    else:
        items = field_schema(value_type, context, mode)
    schema = {"type": "array", "items": items}
    if IAbstractSet.providedBy(field):
        schema["uniqueItems"] = True
    if getattr(field, "min_length", 0):
        schema["minItems"] = field.min_length
    if getattr(field, "max_length", None):
        schema["maxItems"] = field.max_length
    return schema


# (interface, rule): the first interface that the field provides wins, so
# the more specific come first.
RULES = (
    (IRichText, lambda f, c, m: rich_text_schema(m)),
    (INamedImageField, lambda f, c, m: named_file_schema(True, m)),
    (INamedFileField, lambda f, c, m: named_file_schema(False, m)),
    (IRelationChoice, lambda f, c, m: relation_schema(m)),
    (IRelationList, collection_schema),
    (IChoice, choice_schema),
    (ICollection, collection_schema),
    (IObject, object_schema),
    (IDict, lambda f, c, m: {"type": "object"}),
    (IBool, lambda f, c, m: {"type": "boolean"}),
    (IInt, lambda f, c, m: number_schema(f, "integer")),
    (IFloat, lambda f, c, m: number_schema(f, "number")),
    (IDecimal, lambda f, c, m: decimal_schema(f, m)),
    (IDatetime, lambda f, c, m: {"type": "string", "format": "date-time"}),
    (IDate, lambda f, c, m: {"type": "string", "format": "date"}),
    (ITime, lambda f, c, m: {"type": "string", "format": "time"}),
    (ITimedelta, lambda f, c, m: {"type": "number"}),
    (IEmail, lambda f, c, m: {"type": "string", "format": "email"}),
    (IURI, lambda f, c, m: {"type": "string", "format": "uri"}),
    (IText, lambda f, c, m: text_schema(f)),
    (IBytes, lambda f, c, m: text_schema(f)),
)


def field_schema(field, context, mode="read"):
    """The JSON Schema of ``field``'s value (without null)."""
    for interface, rule in RULES:
        if interface.providedBy(field):
            return rule(field, context, mode)
    return {"x-unmapped": f"{type(field).__module__}.{type(field).__name__}"}


def described(schema, field):
    """``schema`` with the field's title and description, in English."""
    result = dict(schema)
    title = getattr(field, "title", None)
    if title:
        result["title"] = str(getattr(title, "default", None) or title)
    description = getattr(field, "description", None)
    if description:
        result["description"] = str(
            getattr(description, "default", None) or description
        )
    return result
