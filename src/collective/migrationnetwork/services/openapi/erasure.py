"""The operation of the secretariat's erasure of a person's
registrations: ``POST /@registrations-erasure``."""

from collective.migrationnetwork.registrations.store import FIELDS
from collective.migrationnetwork.services.openapi.components import AUTHENTICATED
from collective.migrationnetwork.services.openapi.components import COUNT
from collective.migrationnetwork.services.openapi.components import closed
from collective.migrationnetwork.services.openapi.components import json_answer


ERASURE_BODY = closed(
    {"email": {"type": "string", "format": "email", "maxLength": FIELDS["email"]}},
    required=("email",),
)
ERASED = closed(
    {
        "erased": {
            **COUNT,
            "description": "How many registrations were erased (0: none left).",
        }
    },
    required=("erased",),
)


def erasure_paths():
    return {
        "/@registrations-erasure": {
            "post": {
                "tags": ["trainings"],
                "operationId": "eraseRegistrant",
                "summary": "Erase a person's registrations in every training",
                "description": "For the secretariat (Erase personal data). "
                "Each registration of the address stays as a pseudonymous "
                "record (Erased registrant ...) with its status and "
                "attendance, so that the counts hold; the name, address, "
                "free-text organisation, position and needs are removed, the "
                "links of the person's mails stop working and their pending "
                "mails are not sent. Asking again erases nothing more.",
                "security": AUTHENTICATED,
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ERASURE_BODY}},
                },
                "responses": {
                    "200": json_answer("The registrations erased.", ERASED),
                    "400": {"$ref": "#/components/responses/FieldErrors"},
                    "401": {"$ref": "#/components/responses/Unauthorized"},
                },
            }
        }
    }
