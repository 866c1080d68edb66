"""The operations of the add-on's services other than the search:
``@network-stats``, ``@openapi``, ``@review-queue``, ``@join-network``,
``@team``."""

from collective.migrationnetwork.services.openapi.components import AUTHENTICATED
from collective.migrationnetwork.services.openapi.components import COUNT
from collective.migrationnetwork.services.openapi.components import OPTIONAL_TEXT
from collective.migrationnetwork.services.openapi.components import URI
from collective.migrationnetwork.services.openapi.components import closed
from collective.migrationnetwork.services.openapi.components import error_response
from collective.migrationnetwork.services.openapi.components import json_answer
from collective.migrationnetwork.services.openapi.fields import NULL
from collective.migrationnetwork.services.openapi.fields import described
from collective.migrationnetwork.services.openapi.fields import field_schema
from collective.migrationnetwork.services.openapi.fields import ref
from collective.migrationnetwork.services.openapi.registrations import (
    REGISTRATION_FIGURES,
)
from collective.migrationnetwork.stats import GROUPS
from zope.schema import getFieldsInOrder


try:
    from collective.migrationnetwork.membership.application import APPLICANT_KEYS
    from collective.migrationnetwork.membership.schema import IJoinApplication
except ImportError:  # pragma: no cover - described once the package has it
    APPLICANT_KEYS = IJoinApplication = None


# --- @network-stats -------------------------------------------------------

STAT_VALUE = closed(
    {"token": {"type": "string"}, "title": {"type": "string"}, "count": COUNT},
    required=("token", "title", "count"),
)


def stats_schemas():
    groups = {}
    for group in GROUPS:
        properties = {
            "title": {"type": "string"},
            "total": COUNT,
            "by_state": {
                **ref("StatBreakdown"),
                "description": "Members only: the items by review state.",
            },
        }
        properties.update({key: ref("StatBreakdown") for key, _ in group.breakdowns})
        if group.key == "trainings":
            properties["by_month"] = {
                **ref("StatBreakdown"),
                "description": "Trainings by the month they start in (token "
                "YYYY-MM), the past 12 months and the next 12, zeros included.",
            }
            properties["upcoming"] = COUNT
        required = [name for name in properties if name != "by_state"]
        groups[group.key] = closed(properties, required=required)
    return {
        "StatValue": STAT_VALUE,
        "StatBreakdown": closed(
            {
                "title": {"type": "string"},
                "values": {"type": "array", "items": ref("StatValue")},
            },
            required=("title", "values"),
        ),
        "NetworkStats": closed(
            {
                "@id": URI,
                "root": {
                    **URI,
                    "description": "The language root whose content is counted.",
                },
                "language": {"type": "string"},
                "members_figures": {
                    "type": "boolean",
                    "description": "True when the figures for members "
                    "(by_state) are included.",
                },
                "timezone": {"type": "string"},
                **groups,
                "registrations": REGISTRATION_FIGURES,
            },
            required=(
                "@id",
                "root",
                "language",
                "members_figures",
                "timezone",
                *groups,
                "registrations",
            ),
        ),
    }


STATS_OPERATION = {
    "tags": ["statistics"],
    "summary": "Figures for a dashboard",
    "description": "Organisations by country, kind and network; practices "
    "by thematic area and status; trainings by format, thematic area and "
    "month. Counted from the catalogue with the client's permissions: "
    "anonymous clients count published content; members also get the "
    "figures by review state. Titles are in the language of the root (on "
    "the site root: the negotiated language, whose root is counted).",
    "responses": {
        "200": json_answer("The figures.", ref("NetworkStats")),
    },
}


# --- @openapi -------------------------------------------------------------

OPENAPI_OPERATION = {
    "tags": ["meta"],
    "summary": "This document",
    "description": "The OpenAPI 3.1 description of the add-on's endpoints "
    "and of its content types, generated from their schemas.",
    "responses": {
        "200": json_answer("An OpenAPI 3.1 document.", {"type": "object"}),
    },
}


# --- @review-queue --------------------------------------------------------

REVIEW_QUEUE_SCHEMAS = {
    "ReviewQueueEntry": {
        "type": "object",
        "properties": {
            "@id": URI,
            "UID": ref("UID"),
            "title": {"type": "string"},
            "portal_type": {"type": "string"},
            "type_title": {"type": "string"},
            "review_state": {"type": "string"},
            "review_state_title": {"type": "string"},
            "organisation_title": OPTIONAL_TEXT,
            "network_titles": {"type": "array", "items": {"type": "string"}},
            "since": {
                "anyOf": [{"type": "string", "format": "date-time"}, NULL],
                "description": "When the item entered its state.",
            },
            "last_action": OPTIONAL_TEXT,
            "submitted_by": {
                "anyOf": [
                    {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string"},
                            "fullname": {"type": "string"},
                        },
                    },
                    NULL,
                ]
            },
            "waits_for": {"enum": ["coordinator", "secretariat", "author"]},
            "waits_for_title": {"type": "string"},
            "is_working_copy": {"type": "boolean"},
            "working_copy_of": {
                "anyOf": [
                    {
                        "type": "object",
                        "properties": {"@id": URI, "title": {"type": "string"}},
                    },
                    NULL,
                ]
            },
            "actions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "url": URI,
                    },
                    "required": ["id", "url"],
                },
            },
        },
        "required": ["@id", "title", "portal_type", "review_state", "since"],
    },
    "ReviewQueue": closed(
        {
            "@id": URI,
            "items": {"type": "array", "items": ref("ReviewQueueEntry")},
            "items_total": COUNT,
        },
        required=("@id", "items", "items_total"),
    ),
}

REVIEW_QUEUE_OPERATION = {
    "tags": ["review"],
    "summary": "What waits for the current user's review, oldest first",
    "description": "Coordinators: what their networks' organisations "
    "submitted and their applications; the secretariat: everything "
    "submitted or endorsed, applications and newsletters; a team: its items "
    "sent back with a request for changes.",
    "security": AUTHENTICATED,
    "responses": {
        "200": json_answer("The queue.", ref("ReviewQueue")),
        "401": {"$ref": "#/components/responses/Unauthorized"},
    },
}


# --- @join-network --------------------------------------------------------


def join_schemas(context):
    if IJoinApplication is None:
        return {}
    properties = {}
    required = []
    for name, field in getFieldsInOrder(IJoinApplication):
        properties[name] = described(
            field_schema(field.bind(context), context, "write"), field
        )
        if field.required:
            required.append(name)
    # Constraints that the schema states as functions.
    properties["consent"] = {**properties["consent"], "const": True}
    properties["website"] = {
        **properties["website"],
        "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://",
    }
    properties["homepage"] = {
        "type": "string",
        "description": "Leave it out: a trap for robots. An application that "
        "fills it in is acknowledged like any other, and dropped.",
    }
    return {
        "JoinApplication": {
            "type": "object",
            "title": "Application to join a network",
            "properties": properties,
            "required": required,
        },
        "Application": closed(
            {
                "@id": URI,
                **{
                    key: {"type": "boolean"} if key == "consent" else {}
                    for key in APPLICANT_KEYS
                },
            },
            required=("@id",),
            description="What the applicant gave, kept on the Organisation.",
        ),
        "JoinAccepted": closed(
            {
                "@id": URI,
                "review_state": {"const": "applied"},
                "message": {"type": "string"},
            },
            required=("@id", "review_state", "message"),
        ),
        "RateLimited": {
            "type": "object",
            "properties": {
                "type": {"const": "TooManyRequests"},
                "message": {"type": "string", "minLength": 1},
                "retry_after": {"type": "integer"},
            },
            "required": ["type", "message"],
        },
    }


JOIN_OPERATION = {
    "tags": ["membership"],
    "summary": "Apply to join a network (the Join the network form)",
    "description": "Anyone may apply. The Organisation is created in the "
    "state applied, and the network's coordinators and the secretariat "
    "are told. network is a UID from "
    "@vocabularies/collective.migrationnetwork.published_networks.",
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": ref("JoinApplication")}},
    },
    "responses": {
        "201": json_answer("The application was received.", ref("JoinAccepted")),
        "400": {
            "description": "A field is missing or wrong (every one is named), "
            "or the body is not a JSON object.",
            "content": {
                "application/json": {
                    "schema": {"anyOf": [ref("FieldErrors"), ref("PloneError")]}
                }
            },
        },
        "429": error_response(
            "Too many applications from the same e-mail or address.", "RateLimited"
        ),
    },
}


# --- @team ----------------------------------------------------------------

EDITOR = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "fullname": {"type": "string"},
        "email": {"type": "string"},
        "mail_sent": {
            "type": "boolean",
            "description": "For a new account: whether the mail inviting the "
            "person to set a password went out.",
        },
    },
    "required": ["id", "fullname", "email"],
}

TEAM_SCHEMAS = {
    "Editor": EDITOR,
    "Team": closed(
        {
            "@id": URI,
            "items": {"type": "array", "items": ref("Editor")},
            "items_total": COUNT,
        },
        required=("@id", "items", "items_total"),
    ),
    "TeamAddition": {
        "description": "An existing account (user name or e-mail), or a new "
        "one (e-mail and full name).",
        "anyOf": [
            {
                "type": "object",
                "properties": {"user": {"type": "string", "minLength": 1}},
                "required": ["user"],
            },
            {
                "type": "object",
                "properties": {
                    "email": {"type": "string", "format": "email"},
                    "fullname": {"type": "string", "minLength": 1},
                },
                "required": ["email", "fullname"],
            },
        ],
    },
}

FIELD_ERRORS = {"$ref": "#/components/responses/FieldErrors"}


def team_paths(lang):
    organisation = {
        "name": "organisation",
        "in": "path",
        "required": True,
        "description": "The id of an organisation.",
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"},
    }
    base = "/{lang}/organisations/{organisation}/@team"
    common = {
        "tags": ["membership"],
        "security": AUTHENTICATED,
    }
    denied = {"$ref": "#/components/responses/Unauthorized"}
    return {
        base: {
            "parameters": [lang, organisation],
            "get": {
                **common,
                "operationId": "getTeam",
                "summary": "The organisation's editors",
                "description": "For those who manage the team (the "
                "coordinators of its networks, the secretariat).",
                "responses": {
                    "200": json_answer("The editors.", ref("Team")),
                    "401": denied,
                },
            },
            "post": {
                **common,
                "operationId": "addTeamEditor",
                "summary": "Add an editor",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("TeamAddition")}},
                },
                "responses": {
                    "201": json_answer("The editor added.", ref("Editor")),
                    "400": FIELD_ERRORS,
                    "401": denied,
                },
            },
        },
        f"{base}/{{user}}": {
            "parameters": [
                lang,
                organisation,
                {
                    "name": "user",
                    "in": "path",
                    "required": True,
                    "description": "The user id of an editor.",
                    "schema": {"type": "string"},
                },
            ],
            "delete": {
                **common,
                "operationId": "removeTeamEditor",
                "summary": "Remove an editor",
                "responses": {
                    "204": {"description": "Removed."},
                    "401": denied,
                    "404": {
                        "description": "No such organisation, or the account "
                        "is not an editor of it.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "anyOf": [ref("FieldErrors"), ref("PloneError")]
                                }
                            }
                        },
                    },
                },
            },
        },
    }


# --- @application ---------------------------------------------------------


def application_paths(lang):
    if APPLICANT_KEYS is None:
        return {}
    return {
        "/{lang}/organisations/{organisation}/@application": {
            "parameters": [
                lang,
                {
                    "name": "organisation",
                    "in": "path",
                    "required": True,
                    "description": "The id of an organisation.",
                    "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"},
                },
            ],
            "get": {
                "tags": ["membership"],
                "operationId": "getApplication",
                "summary": "The application an organisation was created from",
                "description": "For those who decide on applications (the "
                "coordinators of its networks, the secretariat).",
                "security": AUTHENTICATED,
                "responses": {
                    "200": json_answer("The applicant's details.", ref("Application")),
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                    "404": {
                        "description": "No such organisation, or it was not "
                        "created by an application.",
                        "content": {"application/json": {"schema": ref("PloneError")}},
                    },
                },
            },
        }
    }


# --- @translation-status --------------------------------------------------

OPTIONAL_DATE = {"type": ["string", "null"], "format": "date-time"}

TRANSLATION_STATUS_SCHEMAS = {
    "TranslationStatus": closed(
        {
            "@id": URI,
            "language": {"type": "string"},
            "outdated": {
                "type": "boolean",
                "description": "The source's text changed since the "
                "translation was last saved.",
            },
            "source": {
                "oneOf": [
                    {"type": "null"},
                    closed(
                        {
                            "UID": {"type": "string"},
                            "language": {"type": "string"},
                            "title": {"type": "string"},
                            "url": URI,
                            "modified": {"type": "string", "format": "date-time"},
                        },
                        required=("UID", "language", "title", "url", "modified"),
                    ),
                ]
            },
            "translated_from_modified": OPTIONAL_DATE,
            "recorded": OPTIONAL_DATE,
            "changes": {
                "type": "array",
                "items": closed(
                    {
                        "field": {"type": "string"},
                        "title": {"type": "string"},
                        "diff": {
                            "type": "array",
                            "items": closed(
                                {
                                    "op": {"enum": [" ", "-", "+"]},
                                    "text": {"type": "string"},
                                },
                                required=("op", "text"),
                            ),
                        },
                    },
                    required=("field", "title", "diff"),
                ),
            },
        },
        required=("@id", "outdated", "source", "changes"),
        description="Whether a translation is behind the item it was "
        "translated from, and what changed there since.",
    )
}


def translation_status_operation(types):
    return {
        "get": {
            "tags": ["multilingual"],
            "operationId": f"get{''.join(types)}TranslationStatus",
            "summary": f"Translation status of a {' or '.join(types)}",
            "description": "For those who may edit the item. Outdated "
            "translations of a language are listed by "
            "`@search?translation_outdated=true&Language=xx`.",
            "security": AUTHENTICATED,
            "responses": {
                "200": json_answer("The status.", ref("TranslationStatus")),
                "401": {"$ref": "#/components/responses/Unauthorized"},
            },
        }
    }
