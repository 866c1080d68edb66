"""The operations of registrations for trainings: ``POST``, ``GET`` and
``PATCH`` of ``{training}/@registrations``, and the figures of
``@network-stats``. Schemas inline, from the store's own lists."""

from collective.migrationnetwork.registrations.store import COUNTED
from collective.migrationnetwork.registrations.store import FIELDS
from collective.migrationnetwork.registrations.store import STATUSES
from collective.migrationnetwork.services.openapi.components import AUTHENTICATED
from collective.migrationnetwork.services.openapi.components import COUNT
from collective.migrationnetwork.services.openapi.components import PUBLIC
from collective.migrationnetwork.services.openapi.components import URI
from collective.migrationnetwork.services.openapi.components import closed
from collective.migrationnetwork.services.openapi.components import json_answer


COUNTS = closed({name: COUNT for name in COUNTED}, required=COUNTED)
OPTIONAL_COUNT = {"type": ["integer", "null"], "minimum": 0}
STATUS = {"type": "string", "enum": list(STATUSES)}

# @network-stats: public, counts only.
REGISTRATION_FIGURES = closed(
    {
        "totals": COUNTS,
        "by_training": {
            "type": "array",
            "items": closed(
                {"uid": {"type": "string"}, "title": {"type": "string"}}
                | {name: COUNT for name in COUNTED},
                required=("uid", "title", *COUNTED),
            ),
        },
    },
    required=("totals", "by_training"),
    description="Registrations and attendance of the trainings counted, never names.",
)

REGISTRATION_BODY = closed(
    {name: {"type": "string", "maxLength": length} for name, length in FIELDS.items()}
    | {
        "consent": {"type": "boolean", "const": True},
        "homepage": {"type": "string", "description": "Leave empty."},
    },
    required=("name", "email", "consent"),
)
REGISTERED = closed(
    {
        "status": {"type": "string", "enum": ["confirmed", "waiting", "pending"]},
        "waiting_position": OPTIONAL_COUNT,
        "message": {"type": "string"},
    },
    required=("status", "waiting_position", "message"),
)
REGISTRATION = closed(
    {name: {"type": "string"} for name in FIELDS}
    | {
        "id": {"type": "string"},
        "language": {"type": "string"},
        "status": STATUS,
        "waiting_position": OPTIONAL_COUNT,
        "attended": {"type": ["boolean", "null"]},
        "consent_version": {"type": "string"},
        "created": {"type": "string", "format": "date-time"},
        "modified": {"type": "string", "format": "date-time"},
    },
    required=("id", "name", "email", "status", "attended"),
)
OVERVIEW = closed(
    {
        "@id": URI,
        "capacity": OPTIONAL_COUNT,
        "places_left": OPTIONAL_COUNT,
        "counts": COUNTS,
        "items": {"type": "array", "items": REGISTRATION},
    },
    required=("@id", "capacity", "places_left", "counts", "items"),
)
REFUSED = closed(
    {
        "type": {"type": "string"},
        "reason": {"type": "string", "enum": ["closed", "deadline", "started", "full"]},
        "message": {"type": "string"},
    },
    required=("type", "reason", "message"),
)


def _path_parameter(name, description):
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"},
    }


def registration_paths(lang):
    organisation = _path_parameter("organisation", "The id of an organisation.")
    training = _path_parameter("training", "The id of one of its trainings.")
    rid = _path_parameter("registration", "The id of a registration.")
    base = "/{lang}/organisations/{organisation}/{training}/@registrations"
    field_errors = {"$ref": "#/components/responses/FieldErrors"}
    denied = {"$ref": "#/components/responses/Unauthorized"}
    common = {"tags": ["trainings"]}
    return {
        base: {
            "parameters": [lang, organisation, training],
            "post": {
                **common,
                "operationId": "registerForTraining",
                "summary": "Register for a training",
                "description": "Anyone who sees the training. Confirmed while "
                "places are left, then on the waiting list (if the training "
                "has one), or pending the organisers' approval (moderation). "
                "A second registration of an address answers as the first "
                "and mails its owner the link to their registration.",
                "security": PUBLIC,
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": REGISTRATION_BODY}},
                },
                "responses": {
                    "201": json_answer("Registered.", REGISTERED),
                    "400": field_errors,
                    "409": json_answer(
                        "The training takes no registration now.", REFUSED
                    ),
                    "429": {"description": "Too many registrations; see Retry-After."},
                },
            },
            "get": {
                **common,
                "operationId": "listRegistrations",
                "summary": "The registrations of a training",
                "description": "For its organisers, the coordinators of its "
                "networks and the secretariat. ``?format=csv``: the list as "
                "CSV (formula cells neutralised).",
                "security": AUTHENTICATED,
                "responses": {
                    "200": json_answer("Counts and the list.", OVERVIEW),
                    "401": denied,
                },
            },
        },
        f"{base}/{{registration}}": {
            "parameters": [lang, organisation, training, rid],
            "patch": {
                **common,
                "operationId": "changeRegistration",
                "summary": "Approve, decline, withdraw, mark attendance",
                "security": AUTHENTICATED,
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": closed(
                                {
                                    "status": {
                                        "type": "string",
                                        "enum": [
                                            "confirmed",
                                            "declined",
                                            "withdrawn",
                                            "waiting",
                                        ],
                                    },
                                    "attended": {"type": "boolean"},
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "200": json_answer("The registration.", REGISTRATION),
                    "400": field_errors,
                    "401": denied,
                    "404": {"$ref": "#/components/responses/NotFound"},
                    "409": json_answer("No place is left to confirm.", REFUSED),
                },
            },
        },
    }
