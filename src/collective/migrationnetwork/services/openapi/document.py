"""The OpenAPI 3.1 document of the add-on, built for each request.

    from collective.migrationnetwork.services.openapi.document import (
        openapi_document,
    )

    document = openapi_document(portal)

Paths are relative to the site (``servers``); ``{lang}`` is a language
root. Everything that can drift is read from the code at request time: the
content schemas from the FTIs and behaviours, the search parameters from
the search package, the vocabularies' tokens from the vocabularies, the
review states from the workflows.
"""

from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.search.params import CONTENT_TYPES
from collective.migrationnetwork.sections import language_roots
from collective.migrationnetwork.services.openapi import endpoints
from collective.migrationnetwork.services.openapi import erasure
from collective.migrationnetwork.services.openapi import newsletter
from collective.migrationnetwork.services.openapi import registrants
from collective.migrationnetwork.services.openapi import registrations
from collective.migrationnetwork.services.openapi.components import AUTHENTICATED
from collective.migrationnetwork.services.openapi.components import COMMON_RESPONSES
from collective.migrationnetwork.services.openapi.components import COMMON_SCHEMAS
from collective.migrationnetwork.services.openapi.components import PUBLIC
from collective.migrationnetwork.services.openapi.components import SECURITY_SCHEMES
from collective.migrationnetwork.services.openapi.components import json_answer
from collective.migrationnetwork.services.openapi.content import content_schemas
from collective.migrationnetwork.services.openapi.fields import VOCABULARY_PREFIX_SCHEMA
from collective.migrationnetwork.services.openapi.fields import ref
from collective.migrationnetwork.services.openapi.fields import vocabulary_tokens
from collective.migrationnetwork.services.openapi.search import SEARCH_SCHEMAS
from collective.migrationnetwork.services.openapi.search import feed_paths
from collective.migrationnetwork.services.openapi.search import ref_parameter
from collective.migrationnetwork.services.openapi.search import search_operation
from collective.migrationnetwork.services.openapi.search import search_parameters
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version
from plone import api


OPENAPI_VERSION = "3.1.0"
DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"

DESCRIPTION = """\
The REST API of a migration network portal, for member websites and other
clients. These endpoints come on top of plone.restapi's (`@search`,
`@types`, `@vocabularies`, `@workflow`, ...), which work for every type
described here.

Send `Accept: application/json` (feeds: their own media type). Anonymous
clients see what an anonymous visitor sees: published content, no contact
persons. Bad input is answered 4xx with a JSON body naming the problem.
In the query of the search and its feeds, a parameter with an empty value
counts as absent (as HTML forms send them), and repeated values count once.
"""


def package_version():
    try:
        return version(PACKAGE_NAME)
    except PackageNotFoundError:  # pragma: no cover - always installed
        return "0"


def lang_parameter(portal):
    codes = [code for code, _root in language_roots(portal)]
    return {
        "name": "lang",
        "in": "path",
        "required": True,
        "description": "A language root of the site.",
        "schema": {"type": "string", "enum": codes},
    }


def path_parameter(name, description):
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]+$"},
    }


def operation_ids(operations, suffix):
    """Copies of ``operations`` with distinct operationIds."""
    result = {}
    for method, operation in operations.items():
        operation = dict(operation)
        base = operation.get("operationId") or operation["summary"]
        operation["operationId"] = f"{base}{suffix}"
        result[method] = operation
    return result


def service_paths(context):
    paths = {}
    stats = {"get": {**endpoints.STATS_OPERATION, "operationId": "networkStats"}}
    openapi = {"get": {**endpoints.OPENAPI_OPERATION, "operationId": "openapi"}}
    queue = {"get": {**endpoints.REVIEW_QUEUE_OPERATION, "operationId": "reviewQueue"}}
    for name, operations in (
        ("@network-stats", stats),
        ("@openapi", openapi),
        ("@review-queue", queue),
    ):
        paths[f"/{name}"] = operations
        paths[f"/{{lang}}/{name}"] = {
            "parameters": [ref_parameter("lang")],
            **operation_ids(operations, "InLanguage"),
        }
    search_refs = [ref_parameter(f"search.{name}") for name in search_parameters()]
    paths["/{lang}/@network-search"] = {
        "parameters": [ref_parameter("lang")],
        "get": search_operation(search_refs),
    }
    paths.update(feed_paths())
    if endpoints.IJoinApplication is not None:
        paths["/{lang}/@join-network"] = {
            "parameters": [ref_parameter("lang")],
            "post": {**endpoints.JOIN_OPERATION, "operationId": "joinNetwork"},
        }
    paths.update(endpoints.team_paths(ref_parameter("lang")))
    paths.update(endpoints.application_paths(ref_parameter("lang")))
    paths.update(newsletter.newsletter_paths(ref_parameter("lang")))
    paths.update(registrations.registration_paths(ref_parameter("lang")))
    paths.update(erasure.erasure_paths())
    paths.update(registrants.registrant_paths(ref_parameter("lang")))
    return paths


CONTAINERS = (
    # path, path parameter, description, types created there, item types
    ("/{lang}/networks", None, None, ("Network",)),
    ("/{lang}/organisations", None, None, ("Organisation",)),
    (
        "/{lang}/organisations/{organisation}",
        "organisation",
        "The id of an organisation.",
        ("Practice", "Training"),
    ),
    ("/{lang}/newsletters", None, None, ("Newsletter",)),
)


def one_of(names):
    if len(names) == 1:
        return ref(names[0])
    return {
        "oneOf": [ref(name) for name in names],
        "discriminator": {
            "propertyName": "@type",
            "mapping": {
                name.removesuffix("Create").removesuffix("Update"): (
                    f"#/components/schemas/{name}"
                )
                for name in names
            },
        },
    }


def any_of(names):
    """A PATCH body of one of ``names``: they overlap (``{"title": "x"}``
    changes a practice or a training alike), so any of them, not one of
    them; an ``@type``, when given, must be the item's."""
    if len(names) == 1:
        return ref(names[0])
    return {"anyOf": [ref(name) for name in names]}


def content_operations(types):
    """GET, PATCH and DELETE of an item of ``types``."""
    return {
        "get": {
            "tags": ["content"],
            "operationId": f"get{''.join(types)}",
            "summary": f"Read a {' or '.join(types)}",
            "responses": {
                "200": json_answer(
                    "The item, as plone.restapi serializes it.", one_of(types)
                ),
                "401": {"$ref": "#/components/responses/Unauthorized"},
                "404": {"$ref": "#/components/responses/NotFound"},
            },
        },
        "patch": {
            "tags": ["content"],
            "operationId": f"update{''.join(types)}",
            "summary": f"Change a {' or '.join(types)}",
            "security": AUTHENTICATED,
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": any_of([f"{name}Update" for name in types])
                    }
                },
            },
            "responses": {
                "204": {"description": "Changed."},
                "400": {"$ref": "#/components/responses/BadRequest"},
                "401": {"$ref": "#/components/responses/Unauthorized"},
            },
        },
    }


def content_paths():
    paths = {}
    for path, parameter, description, types in CONTAINERS:
        parameters = [ref_parameter("lang")]
        if parameter:
            parameters.append(path_parameter(parameter, description))
        container = paths.setdefault(path, {"parameters": parameters})
        container["post"] = {
            "tags": ["content"],
            "operationId": f"create{''.join(types)}",
            "summary": f"Add a {' or '.join(types)}",
            "security": AUTHENTICATED,
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": one_of([f"{name}Create" for name in types])
                    }
                },
            },
            "responses": {
                "201": json_answer("The new item.", one_of(types)),
                "400": {"$ref": "#/components/responses/BadRequest"},
                "401": {"$ref": "#/components/responses/Unauthorized"},
            },
        }
        item_parameter = {
            "Network": "network",
            "Organisation": "organisation",
            "Newsletter": "newsletter",
        }.get(types[0], "item")
        item_path = f"{path}/{{{item_parameter}}}"
        item = paths.setdefault(
            item_path,
            {
                "parameters": [
                    *parameters,
                    path_parameter(item_parameter, "The id of the item."),
                ]
            },
        )
        item.update(content_operations(types))
        paths[f"{item_path}/@translation-status"] = {
            "parameters": item["parameters"],
            **endpoints.translation_status_operation(types),
        }
    return paths


METHODS = ("get", "post", "patch", "put", "delete")


def with_not_found(paths):
    """Operations below a path parameter may find nothing there: 404 (a
    feed, being a page, answers Plone's HTML page then)."""
    for path, item in paths.items():
        if "{" not in path:
            continue
        for method in METHODS:
            operation = item.get(method)
            if operation is None or "404" in operation["responses"]:
                continue
            if ".rss" in path or ".ics" in path or ".csv" in path:
                answer = {
                    "description": "No such language root: Plone's page, or "
                    "its JSON for clients that do not accept HTML.",
                    "content": {
                        "text/html": {"schema": {"type": "string"}},
                        "application/json": {"schema": {"type": "object"}},
                    },
                }
            else:
                answer = {"$ref": "#/components/responses/NotFound"}
            operation["responses"]["404"] = answer
    return paths


def refs(node):
    """Every ``$ref`` in ``node``."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def token_schemas(document, context):
    """``Vocabulary.<vocabulary>``: the tokens of each vocabulary that the
    document refers to, listed once."""
    prefix = f"#/components/schemas/{VOCABULARY_PREFIX_SCHEMA}"
    names = sorted({r[len(prefix) :] for r in refs(document) if r.startswith(prefix)})
    # A vocabulary may depend on the language root (the networks one may
    # apply to): the tokens of every root.
    portal = api.portal.get()
    contexts = [context] + [root for _code, root in language_roots(portal)]
    schemas = {}
    for name in names:
        schema = {
            "type": "string",
            "description": f"A token of @vocabularies/{name} (on the language "
            "root, for a vocabulary whose terms differ by language).",
            "x-vocabulary": name,
        }
        tokens = []
        for each in contexts:
            for token in vocabulary_tokens(name, each) or ():
                if token not in tokens:
                    tokens.append(token)
        if tokens:
            schema["enum"] = tokens
        schemas[VOCABULARY_PREFIX_SCHEMA + name] = schema
    return schemas


def with_security(paths):
    """An operation that does not require a login says so: anonymous
    clients may call it, and a logged-in one may see more."""
    for item in paths.values():
        for method in METHODS:
            operation = item.get(method)
            if operation is not None:
                item[method] = {"security": PUBLIC, **operation}
    return paths


def openapi_document(context):
    """The document, for the site of ``context``."""
    portal = api.portal.get()
    search = search_parameters()
    components = {
        "schemas": {
            **COMMON_SCHEMAS,
            **SEARCH_SCHEMAS,
            **endpoints.stats_schemas(),
            **endpoints.REVIEW_QUEUE_SCHEMAS,
            **endpoints.TEAM_SCHEMAS,
            **endpoints.join_schemas(context),
            **endpoints.TRANSLATION_STATUS_SCHEMAS,
            **newsletter.newsletter_schemas(),
            **content_schemas(context, CONTENT_TYPES),
        },
        "parameters": {
            "lang": lang_parameter(portal),
            **{f"search.{name}": parameter for name, parameter in search.items()},
        },
        "responses": COMMON_RESPONSES,
        "securitySchemes": SECURITY_SCHEMES,
    }
    document = {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": "Migration network portal API",
            "version": package_version(),
            "description": DESCRIPTION,
            "license": {"name": "GPL-2.0-only", "identifier": "GPL-2.0-only"},
        },
        "servers": [{"url": portal.absolute_url()}],
        "tags": [
            {"name": "search", "description": "Search and feeds."},
            {"name": "statistics", "description": "Figures for a dashboard."},
            {"name": "review", "description": "What waits for review."},
            {"name": "membership", "description": "Applications and teams."},
            {"name": "content", "description": "The add-on's content types."},
            {"name": "multilingual", "description": "Translation status."},
            {
                "name": "newsletter",
                "description": "Subscriptions, subscribers, delivery reports.",
            },
            {"name": "meta", "description": "This document."},
        ],
        "paths": with_security(
            with_not_found({**service_paths(context), **content_paths()})
        ),
        "components": components,
    }
    components["schemas"].update(token_schemas(document, context))
    return document
