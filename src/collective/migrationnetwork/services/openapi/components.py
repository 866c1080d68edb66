"""Schemas shared by the paths and the content types: summaries, rich
text, files, batching links, terms, error bodies."""

from collective.migrationnetwork.services.openapi.fields import NULL
from collective.migrationnetwork.services.openapi.fields import ref


URI = {"type": "string", "format": "uri"}
TEXT = {"type": "string"}
OPTIONAL_TEXT = {"type": ["string", "null"]}
COUNT = {"type": "integer", "minimum": 0}


def closed(properties, required=(), **extra):
    """An object with exactly ``properties``."""
    schema = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        **extra,
    }
    if required:
        schema["required"] = list(required)
    return schema


COMMON_SCHEMAS = {
    "UID": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
    "Summary": {
        "type": "object",
        "description": "plone.restapi's summary of an item (more keys with "
        "metadata_fields).",
        "properties": {
            "@id": URI,
            "@type": TEXT,
            "title": OPTIONAL_TEXT,
            "description": OPTIONAL_TEXT,
            "review_state": OPTIONAL_TEXT,
            "type_title": OPTIONAL_TEXT,
            "UID": ref("UID"),
        },
        "required": ["@id"],
    },
    "RelationTarget": {
        "type": "object",
        "description": "The summary of a related item.",
        "properties": {
            "@id": URI,
            "@type": TEXT,
            "title": OPTIONAL_TEXT,
            "description": OPTIONAL_TEXT,
            "review_state": OPTIONAL_TEXT,
            "type_title": OPTIONAL_TEXT,
            "UID": ref("UID"),
        },
        "required": ["@id", "@type", "UID", "title"],
    },
    "RelationReference": {
        "description": "A related item, given by UID, path or URL, or as an "
        "object with one of them.",
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "properties": {"UID": ref("UID"), "@id": TEXT},
                "required": ["UID"],
            },
            {
                "type": "object",
                "properties": {"UID": ref("UID"), "@id": TEXT},
                "required": ["@id"],
            },
        ],
    },
    "RichText": closed(
        {
            "data": TEXT,
            "content-type": TEXT,
            "encoding": TEXT,
        },
        required=("data",),
    ),
    "File": closed(
        {
            "filename": OPTIONAL_TEXT,
            "content-type": TEXT,
            "size": COUNT,
            "download": URI,
        },
        required=("download",),
    ),
    "Image": closed(
        {
            "filename": OPTIONAL_TEXT,
            "content-type": TEXT,
            "size": COUNT,
            "download": URI,
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "scales": {"type": "object"},
        },
        required=("download",),
    ),
    "FileUpload": {
        "type": "object",
        "properties": {
            "data": TEXT,
            "encoding": {"enum": ["base64", "utf-8"]},
            "filename": TEXT,
            "content-type": TEXT,
        },
        "required": ["data"],
    },
    "Term": closed(
        {"token": TEXT, "title": OPTIONAL_TEXT}, required=("token", "title")
    ),
    "BatchingLinks": closed(
        {"@id": URI, "first": URI, "last": URI, "next": URI, "prev": URI},
        required=("@id",),
    ),
    "Error": closed(
        {
            "error": closed(
                {
                    "type": {"type": "string", "examples": ["BadRequest"]},
                    "message": {"type": "string", "minLength": 1},
                    "parameter": {
                        "type": "string",
                        "description": "The request parameter in error.",
                    },
                },
                required=("type", "message"),
            )
        },
        required=("error",),
        description="The body of a 4xx answer of the add-on's services.",
    ),
    "PloneError": {
        "type": "object",
        "description": "The body of an error raised while publishing "
        "(401, 403, 404, 405, ...), as plone.rest renders it.",
        "properties": {
            "type": {"type": "string", "examples": ["Unauthorized", "NotFound"]},
            "message": {"type": "string"},
            "context": {"anyOf": [URI, NULL]},
            "traceback": {"type": "array", "items": TEXT},
        },
        "required": ["type", "message"],
    },
    "FieldErrors": {
        "type": "object",
        "description": "A refused form: every field in error with its message.",
        "properties": {
            "type": {"type": "string", "examples": ["BadRequest"]},
            "message": {"type": "string", "minLength": 1},
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": closed(
                    {"field": TEXT, "label": TEXT, "message": TEXT},
                    required=("field", "message"),
                ),
            },
        },
        "required": ["type", "message", "errors"],
    },
}


def json_answer(description, schema):
    """An answer of ``schema`` as JSON."""
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


def error_response(description, schema="Error"):
    return {
        "description": description,
        "content": {"application/json": {"schema": ref(schema)}},
    }


COMMON_RESPONSES = {
    "BadRequest": error_response("A parameter or the body is not accepted."),
    "Unauthorized": error_response(
        "Not logged in, or not allowed to do this.", "PloneError"
    ),
    "NotFound": error_response("No such item or service here.", "PloneError"),
    "FieldErrors": error_response(
        "A field is missing or wrong (every one is named), or the body is "
        "not a JSON object.",
        "FieldErrors",
    ),
}

SECURITY_SCHEMES = {
    "basic": {"type": "http", "scheme": "basic"},
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "A token from POST /@login.",
    },
}
AUTHENTICATED = [{"basic": []}, {"bearer": []}]
# Anonymous clients may call it; a logged-in one may see more.
PUBLIC = [{}, *AUTHENTICATED]
