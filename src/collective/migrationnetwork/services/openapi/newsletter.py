"""The newsletter's services: subscribing and the links of its mails
(``@subscribe``, ``@subscribe/confirm``, ``@unsubscribe``,
``@subscription``), the subscribers for the newsletter editors
(``@subscribers``) and the delivery report of an issue
(``@newsletter-report``).

The subscription services are registered on every navigation root (the
site and each language root) and answer the same there, but for the
default language of ``@subscribe``; the document gives them where the site
uses them.
"""

from collective.migrationnetwork.newsletter.store import STATES
from collective.migrationnetwork.newsletter.subscription import RATE_LIMIT
from collective.migrationnetwork.notifications.mail import site_languages
from collective.migrationnetwork.services.openapi.components import AUTHENTICATED
from collective.migrationnetwork.services.openapi.components import COUNT
from collective.migrationnetwork.services.openapi.components import closed
from collective.migrationnetwork.services.openapi.components import error_response
from collective.migrationnetwork.services.openapi.components import json_answer
from collective.migrationnetwork.services.openapi.fields import NULL
from collective.migrationnetwork.services.openapi.fields import VOCABULARY_PREFIX_SCHEMA
from collective.migrationnetwork.services.openapi.fields import ref


VOCABULARY = VOCABULARY_PREFIX_SCHEMA + "collective.migrationnetwork."
TEXT = {"type": "string", "minLength": 1}
OPTIONAL_DATE = {"type": ["string", "null"], "format": "date-time"}


def any_of(description, *names):
    if len(names) == 1:
        return json_answer(description, ref(names[0]))
    return json_answer(description, {"anyOf": [ref(name) for name in names]})


def token_or_term(token):
    """A token, or a term as plone.restapi serializes it."""
    return {
        "anyOf": [
            token,
            {"type": "object", "properties": {"token": token}, "required": ["token"]},
        ]
    }


def token_list(token, what):
    return {
        "anyOf": [
            {"type": "array", "items": token_or_term(token)},
            token,
            {"const": ""},
            NULL,
        ],
        "description": f"Tokens of {what}, none for all of them. A single "
        "token counts as a list of one; null or an empty string as an "
        "empty list.",
    }


def preferences_properties():
    language = ref("NewsletterLanguage")
    return {
        "language": {
            "anyOf": [token_or_term(language), {"const": ""}, NULL],
            "description": "The language of the issues; when left out, that "
            "of the language root posted to (on the site root it is "
            "required).",
        },
        "thematic_areas": token_list(
            ref(VOCABULARY + "thematic_areas"),
            "@vocabularies/collective.migrationnetwork.thematic_areas",
        ),
        "countries": token_list(
            ref(VOCABULARY + "countries"),
            "@vocabularies/collective.migrationnetwork.countries",
        ),
    }


TOKEN = {
    "type": "string",
    "description": "The token of the link of a mail (its ?token= value).",
}
CONSENT = {
    "anyOf": [
        {"const": True},
        {
            "type": "string",
            "pattern": r"^\s*([Tt][Rr][Uu][Ee]|[Oo][Nn]|1|[Yy][Ee][Ss])\s*$",
        },
    ],
    "description": "Agreement to receive the newsletter and to the "
    "processing of the address (true; the values of a checked form box "
    "are taken too).",
}


def newsletter_schemas():
    subscriber = {
        "email": {"type": "string", "format": "email"},
        "language": ref("NewsletterLanguage"),
        "thematic_areas": {
            "type": "array",
            "items": ref(VOCABULARY + "thematic_areas"),
        },
        "countries": {"type": "array", "items": ref(VOCABULARY + "countries")},
        "state": {"enum": list(STATES)},
    }
    return {
        "NewsletterLanguage": {
            "type": "string",
            "enum": list(site_languages()),
            "description": "A language of the site.",
        },
        "NewsletterSubscribe": {
            "type": "object",
            "title": "A subscription to the newsletter",
            "properties": {
                "email": {"type": "string", "format": "email", "maxLength": 254},
                **preferences_properties(),
                "consent": CONSENT,
            },
            "required": ["email", "consent"],
        },
        "NewsletterMessage": closed(
            {"message": TEXT},
            required=("message",),
            description="What to tell the person.",
        ),
        "NewsletterToken": {
            "type": "object",
            "properties": {"token": TOKEN},
            "required": ["token"],
        },
        "NewsletterState": closed(
            {"message": TEXT, "state": {"enum": list(STATES)}},
            required=("message", "state"),
        ),
        "NewsletterPreferencesUpdate": {
            "type": "object",
            "properties": {
                "token": TOKEN,
                **preferences_properties(),
                "resubscribe": {
                    **CONSENT,
                    "description": "True subscribes again an address that "
                    "unsubscribed (the form box's values are taken too).",
                },
            },
            "required": ["token"],
        },
        "NewsletterSubscriber": closed(
            subscriber,
            required=tuple(subscriber),
            description="What the owner of a link may read about themselves.",
        ),
        "NewsletterSubscriberSaved": closed(
            {**subscriber, "message": TEXT},
            required=(*subscriber, "message"),
        ),
        "TokenRefused": closed(
            {
                "type": {"enum": ["TokenInvalid", "TokenExpired"]},
                "message": TEXT,
                "errors": {
                    "type": "array",
                    "minItems": 1,
                    "items": closed(
                        {
                            "field": {"const": "token"},
                            "label": {"type": "string"},
                            "message": TEXT,
                            "reason": {"enum": ["invalid", "expired"]},
                        },
                        required=("field", "message", "reason"),
                    ),
                },
            },
            required=("type", "message", "errors"),
            description="A token that is not valid (400) or has expired (410).",
        ),
        "SubscriberCounts": closed(
            {
                "confirmed": COUNT,
                "by_language": {"type": "object", "additionalProperties": COUNT},
                "by_thematic_area": {
                    "type": "object",
                    "additionalProperties": COUNT,
                    "description": 'By token; "" counts those who follow every area.',
                },
                "by_country": {
                    "type": "object",
                    "additionalProperties": COUNT,
                    "description": 'By token; "" counts those who follow '
                    "every country.",
                },
                "by_state": closed(
                    dict.fromkeys(STATES, COUNT), required=tuple(STATES)
                ),
            },
            required=(
                "confirmed",
                "by_language",
                "by_thematic_area",
                "by_country",
                "by_state",
            ),
            description="The confirmed subscribers by language, thematic area "
            "and country, and every subscriber by state.",
        ),
        "NewsletterReport": closed(
            {
                "state": {"enum": ["queued", "sending", "finished"]},
                "recipients": COUNT,
                "sent": COUNT,
                "failed": COUNT,
                "skipped": COUNT,
                "pending": COUNT,
                "started": OPTIONAL_DATE,
                "finished": OPTIONAL_DATE,
            },
            required=(
                "state",
                "recipients",
                "sent",
                "failed",
                "skipped",
                "pending",
                "started",
                "finished",
            ),
            description="The delivery of an issue (of the translation it was "
            "sent with, if it was).",
        ),
        "NewsletterRetry": closed(
            {
                "retried": {
                    **COUNT,
                    "description": "The failed deliveries queued again.",
                },
                "report": {"anyOf": [ref("NewsletterReport"), NULL]},
            },
            required=("retried", "report"),
        ),
    }


def body(name):
    return {
        "required": True,
        "content": {"application/json": {"schema": ref(name)}},
    }


UNREADABLE = "or the body is not a JSON object"
TOKEN_EXPIRED = json_answer("The token has expired.", ref("TokenRefused"))
DENIED = error_response("Not logged in.", "PloneError")
FORBIDDEN = error_response("Not allowed to do this.", "PloneError")

SUBSCRIBE = {
    "tags": ["newsletter"],
    "operationId": "subscribeNewsletter",
    "summary": "Subscribe to the newsletter",
    "description": "Anyone may subscribe; a mail with a link to confirm "
    "goes to the address (double opt-in). The answer is the same whether "
    "the address was new, pending or already subscribed (its owner is then "
    "mailed the link to their preferences). At most "
    f"{RATE_LIMIT} subscriptions an hour per address and per e-mail. Also "
    "at the site root (POST /@subscribe), where language is required.",
    "requestBody": body("NewsletterSubscribe"),
    "responses": {
        "202": json_answer(
            "Received: the person is asked to check their inbox.",
            ref("NewsletterMessage"),
        ),
        "400": any_of(
            f"A field is missing or wrong (every one is named), {UNREADABLE}.",
            "FieldErrors",
            "PloneError",
        ),
        "429": {
            **error_response(
                "Too many subscriptions from the same address or for the same "
                "e-mail in the last hour.",
                "RateLimited",
            ),
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait.",
                    "schema": {"type": "integer", "minimum": 1},
                }
            },
        },
    },
}


def token_operation(operation_id, summary, description, request, ok, invalid):
    return {
        "tags": ["newsletter"],
        "operationId": operation_id,
        "summary": summary,
        "description": description,
        **request,
        "responses": {
            "200": ok,
            "400": invalid,
            "410": TOKEN_EXPIRED,
        },
    }


TOKEN_REFUSED = any_of(
    f"The token is not valid (or not one for this), {UNREADABLE}.",
    "TokenRefused",
    "PloneError",
)

CONFIRM = token_operation(
    "confirmSubscription",
    "Confirm a subscription",
    "With the token of the confirmation mail (valid for a week). "
    "Confirming twice is harmless. Also at each language root.",
    {"requestBody": body("NewsletterToken")},
    json_answer("Confirmed.", ref("NewsletterState")),
    TOKEN_REFUSED,
)
UNSUBSCRIBE = token_operation(
    "unsubscribeNewsletter",
    "Unsubscribe",
    "With the token of the preferences link of a mail, or of a "
    "confirmation mail. Also at each language root.",
    {"requestBody": body("NewsletterToken")},
    json_answer("Unsubscribed.", ref("NewsletterState")),
    TOKEN_REFUSED,
)
PREFERENCES = token_operation(
    "getSubscription",
    "A subscriber's preferences",
    "With the token of the preferences link of a mail. Also at each language root.",
    {
        "parameters": [
            {
                "name": "token",
                "in": "query",
                "required": True,
                "description": TOKEN["description"],
                "schema": {"type": "string"},
            }
        ]
    },
    json_answer("The preferences.", ref("NewsletterSubscriber")),
    any_of("The token is not valid.", "TokenRefused"),
)
UPDATE = token_operation(
    "updateSubscription",
    "Change a subscriber's preferences",
    "With the token of the preferences link of a mail; what is left out "
    "is emptied (the language: kept). Also at each language root.",
    {"requestBody": body("NewsletterPreferencesUpdate")},
    json_answer("Saved.", ref("NewsletterSubscriberSaved")),
    any_of(
        f"The token is not valid, a field is wrong, {UNREADABLE}.",
        "TokenRefused",
        "FieldErrors",
        "PloneError",
    ),
)

EDITORS = (
    "For the newsletter editors (Manage subscribers on a newsletters "
    "section or on the site). Also at each language root."
)

SUBSCRIBERS = {
    "tags": ["newsletter"],
    "operationId": "getSubscribers",
    "summary": "Counts of the subscribers, or the CSV export",
    "description": EDITORS,
    "security": AUTHENTICATED,
    "parameters": [
        {
            "name": "format",
            "in": "query",
            "required": False,
            "description": "csv: the confirmed subscribers as CSV (UTF-8 "
            "with a BOM), whatever the Accept header; any other value is "
            "ignored.",
            "schema": {"type": "string", "examples": ["csv"]},
        }
    ],
    "responses": {
        "200": {
            "description": "The counts, or the export.",
            "content": {
                "application/json": {"schema": ref("SubscriberCounts")},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
        "401": DENIED,
        "403": FORBIDDEN,
    },
}

ERASE = {
    "tags": ["newsletter"],
    "operationId": "deleteSubscriber",
    "summary": "Erase a subscriber",
    "description": f"{EDITORS} Removes the record and replaces the address "
    'in the delivery reports. The address may come in a JSON body {"email"} '
    "instead.",
    "security": AUTHENTICATED,
    "parameters": [
        {
            "name": "email",
            "in": "query",
            "required": True,
            "description": "The subscriber's e-mail.",
            "schema": {"type": "string", "format": "email"},
        }
    ],
    "responses": {
        "204": {"description": "Erased."},
        "400": error_response("Not an e-mail address.", "FieldErrors"),
        "401": DENIED,
        "403": FORBIDDEN,
        "404": error_response("No such subscriber.", "PloneError"),
    },
}

REPORT = {
    "tags": ["newsletter"],
    "operationId": "getNewsletterReport",
    "summary": "The delivery report of a sent issue",
    "description": "For those who may send the newsletter, and the newsletter editors.",
    "security": AUTHENTICATED,
    "responses": {
        "200": json_answer("The report.", ref("NewsletterReport")),
        "401": DENIED,
        "403": FORBIDDEN,
        "404": error_response("No such issue, or it has not been sent.", "PloneError"),
    },
}

RETRY = {
    "tags": ["newsletter"],
    "operationId": "retryNewsletterDeliveries",
    "summary": "Send the failed deliveries of an issue again",
    "description": "For those who may send the newsletter. Those who got "
    "the mail do not get it twice.",
    "security": AUTHENTICATED,
    "responses": {
        "200": json_answer(
            "How many were queued again, and the report.", ref("NewsletterRetry")
        ),
        "401": DENIED,
        "403": FORBIDDEN,
        "404": error_response("No such issue.", "PloneError"),
    },
}


def newsletter_paths(lang):
    issue = [
        lang,
        {
            "name": "newsletter",
            "in": "path",
            "required": True,
            "description": "The id of an issue.",
            "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"},
        },
    ]
    base = "/{lang}/newsletters/{newsletter}/@newsletter-report"
    return {
        "/{lang}/@subscribe": {"parameters": [lang], "post": SUBSCRIBE},
        "/@subscribe/confirm": {"post": CONFIRM},
        "/@unsubscribe": {"post": UNSUBSCRIBE},
        "/@subscription": {"get": PREFERENCES, "patch": UPDATE},
        "/@subscribers": {"get": SUBSCRIBERS, "delete": ERASE},
        base: {"parameters": issue, "get": REPORT},
        f"{base}/retry": {"parameters": issue, "post": RETRY},
    }
