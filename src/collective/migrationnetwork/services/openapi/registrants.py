"""The operations of a training's registrants and of the organisers'
message: ``GET``, ``PATCH`` of ``{training}/@my-registration`` and ``POST
…/@my-registration/withdraw`` (with the token of the link), ``POST`` and
``GET`` of ``{training}/@registrations-message``."""

from collective.migrationnetwork.registrations.message import LIMITS
from collective.migrationnetwork.registrations.own import OWN_FIELDS
from collective.migrationnetwork.registrations.store import FIELDS
from collective.migrationnetwork.services.openapi.components import AUTHENTICATED
from collective.migrationnetwork.services.openapi.components import COUNT
from collective.migrationnetwork.services.openapi.components import PUBLIC
from collective.migrationnetwork.services.openapi.components import URI
from collective.migrationnetwork.services.openapi.components import closed
from collective.migrationnetwork.services.openapi.components import error_response
from collective.migrationnetwork.services.openapi.components import json_answer
from collective.migrationnetwork.services.openapi.registrations import REGISTRATION
from collective.migrationnetwork.services.openapi.registrations import (
    registration_paths,
)


TEXT = {"type": "string"}
OWN_REGISTRATION = closed(
    {name: REGISTRATION["properties"][name] for name in OWN_FIELDS},
    required=("id", "name", "email", "status", "waiting_position", "attended"),
)
MY_REGISTRATION = closed(
    {
        "training": closed(
            {"@id": URI, "title": TEXT, "when": TEXT},
            required=("@id", "title", "when"),
        ),
        "registration": OWN_REGISTRATION,
        "online_url": {
            "anyOf": [URI, {"type": "null"}],
            "description": "The online link: for a confirmed registration only.",
        },
        "can_withdraw": {"type": "boolean"},
        "can_change_needs": {"type": "boolean"},
        "message": TEXT,
    },
    required=(
        "training",
        "registration",
        "online_url",
        "can_withdraw",
        "can_change_needs",
    ),
)
NOT_CHANGED = closed(
    {
        "type": TEXT,
        "reason": {"type": "string", "enum": ["inactive", "started"]},
        "message": TEXT,
    },
    required=("type", "reason", "message"),
)
SENDING = {
    "sent": {"type": "string", "format": "date-time"},
    "by": TEXT,
    "by_name": TEXT,
    "subject": TEXT,
    "recipients": COUNT,
}
SENT = closed(SENDING | {"message": TEXT}, required=(*SENDING, "message"))
SENDINGS = closed(
    {
        "@id": URI,
        "items": {"type": "array", "items": closed(SENDING, required=SENDING)},
    },
    required=("@id", "items"),
)
MESSAGE_BODY = closed(
    {
        "subject": {
            "type": "string",
            "minLength": 1,
            "maxLength": LIMITS["subject"],
            "pattern": "^[^\\r\\n]*$",
            "description": "One line.",
        },
        "text": {"type": "string", "minLength": 1, "maxLength": LIMITS["text"]},
    },
    required=("subject", "text"),
)
TOKEN_PARAMETERS = [
    {
        "name": "token",
        "in": "query",
        "required": False,
        "description": "The token of the link of the registrant's mails (its "
        "?token= value); or the header X-Registration-Token.",
        "schema": {"type": "string"},
    },
    {
        "name": "X-Registration-Token",
        "in": "header",
        "required": False,
        "description": "The token, instead of the query's.",
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]*$"},
    },
]
LINK_REFUSED = {
    "404": error_response(
        "No such training here, or the token is not valid (forged, of "
        "another training, voided): no data.",
        "PloneError",
    ),
    "410": error_response("The token has expired: no data.", "PloneError"),
}


def _own_operation(operation_id, summary, description, answer, **more):
    return {
        "tags": ["trainings"],
        "operationId": operation_id,
        "summary": summary,
        "description": description,
        "security": PUBLIC,
        "parameters": TOKEN_PARAMETERS,
        **more,
        "responses": {"200": json_answer(answer, MY_REGISTRATION), **LINK_REFUSED},
    }


def registrant_paths(lang):
    # The parameters of the organisers' paths, the same objects.
    organisation, training = next(iter(registration_paths(lang).values()))[
        "parameters"
    ][1:3]
    training_path = "/{lang}/organisations/{organisation}/{training}"
    mine = f"{training_path}/@my-registration"
    field_errors = {"$ref": "#/components/responses/FieldErrors"}
    not_changed = json_answer(
        "The registration is no longer active, or the training has started.",
        NOT_CHANGED,
    )
    change = _own_operation(
        "changeMyRegistration",
        "Change one's needs",
        "With the token of the link; while the registration is active.",
        "Saved.",
        requestBody={
            "required": True,
            "content": {
                "application/json": {
                    "schema": closed(
                        {"needs": {"type": "string", "maxLength": FIELDS["needs"]}},
                        required=("needs",),
                    )
                }
            },
        },
    )
    change["responses"] |= {"400": field_errors, "409": not_changed}
    withdraw = _own_operation(
        "withdrawMyRegistration",
        "Withdraw one's registration",
        "With the token of the link, until the training starts; the first "
        "on the waiting list takes the place. Withdrawing twice is harmless.",
        "Withdrawn.",
    )
    withdraw["responses"] |= {"409": not_changed}
    denied = {"$ref": "#/components/responses/Unauthorized"}
    return {
        mine: {
            "parameters": [lang, organisation, training],
            "get": _own_operation(
                "getMyRegistration",
                "One's own registration",
                "With the token of the link of the registrant's mails: that "
                "registration only, the online link once confirmed.",
                "The registration.",
            ),
            "patch": change,
        },
        f"{mine}/withdraw": {
            "parameters": [lang, organisation, training],
            "post": withdraw,
        },
        f"{training_path}/@registrations-message": {
            "parameters": [lang, organisation, training],
            "post": {
                "tags": ["trainings"],
                "operationId": "sendRegistrationsMessage",
                "summary": "Write to every confirmed registrant",
                "description": "For the organisers, the coordinators of its "
                "networks and the secretariat: one mail per confirmed "
                "registrant, with the link to their registration.",
                "security": AUTHENTICATED,
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": MESSAGE_BODY}},
                },
                "responses": {
                    "201": json_answer("Queued.", SENT),
                    "400": field_errors,
                    "401": denied,
                    "409": json_answer(
                        "Nobody is confirmed.",
                        closed(
                            {"type": TEXT, "reason": TEXT, "message": TEXT},
                            required=("type", "reason", "message"),
                        ),
                    ),
                },
            },
            "get": {
                "tags": ["trainings"],
                "operationId": "listRegistrationsMessages",
                "summary": "The messages sent to the registrants",
                "description": "Newest first: when, by whom, the subject, how many.",
                "security": AUTHENTICATED,
                "responses": {
                    "200": json_answer("The sendings.", SENDINGS),
                    "401": denied,
                },
            },
        },
    }
