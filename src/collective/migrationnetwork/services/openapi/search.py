"""``@network-search`` and its feeds: parameters from the search package.

The parameters are read from ``search.params`` (the controls, the sort
indexes, the limits) and ``search.facets`` (one repeatable parameter per
facet, with the tokens of its vocabularies), so a new facet or control
shows up here by itself; a test compares the two.
"""

from collective.migrationnetwork.search import params as search_params
from collective.migrationnetwork.search.facets import FACETS
from collective.migrationnetwork.search.facets import VOCABULARY_PREFIX
from collective.migrationnetwork.services.feeds.search import EXPORT_LIMIT
from collective.migrationnetwork.services.openapi.components import COUNT
from collective.migrationnetwork.services.openapi.components import OPTIONAL_TEXT
from collective.migrationnetwork.services.openapi.components import URI
from collective.migrationnetwork.services.openapi.components import closed
from collective.migrationnetwork.services.openapi.fields import NULL
from collective.migrationnetwork.services.openapi.fields import VOCABULARY_PREFIX_SCHEMA
from collective.migrationnetwork.services.openapi.fields import ref
from collective.migrationnetwork.services.openapi.geojson import GEOJSON_SCHEMAS
from collective.migrationnetwork.services.openapi.geojson import with_geojson


DATE_TIME = {"type": "string", "format": "date-time"}
ISO_DATE = {
    "type": "string",
    "format": "date",
    "description": "An ISO 8601 date before the year 4000; a date and time "
    "(2026-05-01T10:00) is accepted too.",
}


# A blank value (as an HTML form sends an empty field) is ignored: the
# search strips values with ``str.strip``, whose white space is that of
# ``\s`` in Python's regular expressions, which the validators use.
BLANK = {"type": "string", "pattern": "^\\s*$"}


def or_blank(schema):
    return {"anyOf": [schema, BLANK]}


def query(name, schema, description, **extra):
    if schema.get("type") == "array":
        schema = {**schema, "items": or_blank(schema["items"])}
    else:
        schema = or_blank(schema)
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"{description} A blank value is ignored.",
        "schema": schema,
        **extra,
    }


def repeated(name, items, description):
    """A repeatable parameter: ``?name=a&name=b``."""
    return query(
        name,
        {"type": "array", "items": items},
        description,
        style="form",
        explode=True,
    )


def facet_tokens(facet):
    """The schema of one value of a facet: a token of its vocabularies, or
    the UID of a network or organisation."""
    if facet.content_type:
        return ref("UID")
    names = [VOCABULARY_PREFIX + name for name in facet.vocabularies()]
    if len(names) == 1:
        return ref(VOCABULARY_PREFIX_SCHEMA + names[0])
    return {"anyOf": [ref(VOCABULARY_PREFIX_SCHEMA + name) for name in names]}


def facet_parameters():
    parameters = {}
    for name, facet in FACETS.items():
        what = (
            f"the UID of a {facet.content_type}"
            if facet.content_type
            else f"a token of @vocabularies/collective.migrationnetwork.{name}"
            if facet.vocabulary == name
            else "a token of the facet's vocabulary"
        )
        parameters[name] = repeated(
            name,
            facet_tokens(facet),
            f"Filter on {name}: {what}. Repeat it for several values (OR); "
            "different facets combine with AND. An unknown value is a 400.",
        )
    return parameters


def control_parameters():
    p = search_params
    return {
        "portal_type": repeated(
            "portal_type",
            {"enum": list(p.CONTENT_TYPES)},
            "Content types to search (repeatable); default all five.",
        ),
        "SearchableText": query(
            "SearchableText",
            {"type": "string", "maxLength": p.MAX_TEXT},
            "Full-text search; results are then sorted by relevance.",
        ),
        "when": query(
            "when",
            {"enum": list(p.WHEN)},
            "Trainings by date: upcoming (not yet ended), past, all.",
        ),
        "upcoming": query("upcoming", {"type": "boolean"}, "Same as when=upcoming."),
        "past": query("past", {"type": "boolean"}, "Same as when=past."),
        "start.from": query(
            "start.from", ISO_DATE, "Trainings starting on or after this date."
        ),
        "start.to": query(
            "start.to", ISO_DATE, "Trainings starting on or before this date."
        ),
        "include_archived": query(
            "include_archived",
            {"type": "boolean"},
            "Include archived practices and trainings (left out by default).",
        ),
        "sort_on": query(
            "sort_on",
            {"enum": list(p.SORT_INDEXES)},
            "Sort index; default title, or start for dated searches, or "
            "relevance for full text.",
        ),
        "sort_order": query("sort_order", {"enum": list(p.SORT_ORDERS)}, "Sort order."),
        "b_start": query(
            "b_start", {"type": "integer", "minimum": 0}, "First item of the batch."
        ),
        "b_size": query(
            "b_size",
            {"type": "integer", "minimum": 1, "maximum": p.MAX_B_SIZE},
            f"Items per batch (default {p.DEFAULT_B_SIZE}).",
        ),
        "facets": query(
            "facets",
            {
                "type": "array",
                "items": {"enum": list(FACETS)},
            },
            "Facets to count, comma-separated (e.g. facets=thematic_areas,countries).",
            style="form",
            explode=False,
        ),
    }


def search_parameters():
    """``{name: parameter object}``, in the order of ``params.CONTROLS``
    then the facets."""
    controls = control_parameters()
    ordered = {name: controls[name] for name in search_params.CONTROLS}
    ordered.update(facet_parameters())
    return ordered


def term_list():
    return {"type": "array", "items": ref("Term")}


SEARCH_SCHEMAS = {
    "SearchOrganisation": closed(
        {
            "@id": {"anyOf": [URI, NULL]},
            "UID": ref("UID"),
            "title": {"type": "string"},
            "country": {"anyOf": [ref("Term"), NULL]},
        },
        required=("@id", "UID", "title", "country"),
        description="The organisation an item belongs to (@id null when the "
        "user may not see it).",
    ),
    "SearchItem": closed(
        {
            "@id": URI,
            "@type": {"enum": list(search_params.CONTENT_TYPES)},
            "UID": ref("UID"),
            "title": {"type": "string"},
            "description": {"type": "string"},
            "review_state": OPTIONAL_TEXT,
            "language": OPTIONAL_TEXT,
            "created": {"anyOf": [DATE_TIME, NULL]},
            "modified": {"anyOf": [DATE_TIME, NULL]},
            "effective": {"anyOf": [DATE_TIME, NULL]},
            "organisation": {"anyOf": [ref("SearchOrganisation"), NULL]},
            "kind": ref("Term"),
            "status": ref("Term"),
            "format": ref("Term"),
            "thematic_areas": term_list(),
            "target_groups": term_list(),
            "audience": term_list(),
            "countries": term_list(),
            "networks": term_list(),
            "start": {"anyOf": [DATE_TIME, NULL]},
            "end": {"anyOf": [DATE_TIME, NULL]},
            "location": OPTIONAL_TEXT,
        },
        required=("@id", "@type", "UID", "title", "description", "review_state"),
        description="A search result, from catalogue metadata; vocabulary "
        "values as {token, title} in the language of the search.",
    ),
    "FacetValue": closed(
        {
            "token": {"type": "string"},
            "title": {"type": "string"},
            "count": COUNT,
            "active": {"type": "boolean"},
        },
        required=("token", "title", "count", "active"),
    ),
    "Facet": closed(
        {
            "title": {"type": "string"},
            "values": {"type": "array", "items": ref("FacetValue")},
        },
        required=("title", "values"),
    ),
    "SearchResults": closed(
        {
            "@id": URI,
            "items_total": COUNT,
            "items": {"type": "array", "items": ref("SearchItem")},
            "batching": ref("BatchingLinks"),
            "facets": {
                "type": "object",
                "propertyNames": {"enum": list(FACETS)},
                "additionalProperties": ref("Facet"),
            },
        },
        required=("@id", "items_total", "items", "batching", "facets"),
    ),
}
SEARCH_SCHEMAS.update(GEOJSON_SCHEMAS)


def search_operation(parameter_refs):
    csv = (
        "The same search as CSV (Accept: text/csv): every row, up to "
        f"{EXPORT_LIMIT}, unless b_start or b_size ask for a page."
    )
    operation = {
        "tags": ["search"],
        "operationId": "networkSearch",
        "summary": "Faceted search of networks, organisations, practices, "
        "trainings and newsletters",
        "description": "Searches below the language root, with the "
        "permissions of the client (anonymous clients see published content "
        "only). Listing and counting use the catalogue alone. Facet counts "
        "honour every other active filter.",
        "parameters": parameter_refs,
        "responses": {
            "200": {
                "description": "The batch of results and the facet counts. " + csv,
                "content": {
                    "application/json": {"schema": ref("SearchResults")},
                    "text/csv": {"schema": {"type": "string"}},
                },
            },
            "400": {"$ref": "#/components/responses/BadRequest"},
        },
    }
    return with_geojson(operation)


# extension: (media type, description, types it may hold, export)
FEEDS = {
    "rss": (
        "application/rss+xml",
        "RSS 2.0 of the search, newest first (default: practices, trainings "
        "and newsletters).",
        None,
        False,
    ),
    "ics": (
        "text/calendar",
        "iCalendar of the trainings the search finds, by start.",
        ("Training",),
        True,
    ),
    "csv": (
        "text/csv",
        "CSV of the search, for spreadsheets.",
        None,
        True,
    ),
}


def feed_parameters(extension):
    """The search's parameters, as a feed takes them: an export allows
    larger batches, the calendar holds trainings only."""
    _media_type, _description, types, export = FEEDS[extension]
    parameters = []
    for name in search_params.CONTROLS:
        parameter = ref_parameter(f"search.{name}")
        if name == "b_size" and export:
            parameter = query(
                "b_size",
                {"type": "integer", "minimum": 1, "maximum": EXPORT_LIMIT},
                f"Rows of the export (default every row, up to {EXPORT_LIMIT}).",
            )
        elif name == "portal_type" and types:
            parameter = repeated(
                "portal_type", {"enum": list(types)}, "Only trainings here."
            )
        parameters.append(parameter)
    parameters.extend(ref_parameter(f"search.{name}") for name in FACETS)
    return parameters


def feed_paths():
    paths = {}
    for extension, (media_type, description, _types, _export) in FEEDS.items():
        paths[f"/{{lang}}/network-search.{extension}"] = {
            "parameters": [ref_parameter("lang")],
            "get": {
                "tags": ["search"],
                "operationId": f"networkSearchFeed{extension.capitalize()}",
                "summary": description,
                "parameters": feed_parameters(extension),
                "responses": {
                    "200": {
                        "description": description,
                        "content": {media_type: {"schema": {"type": "string"}}},
                    },
                    "400": {"$ref": "#/components/responses/BadRequest"},
                },
            },
        }
    return paths


def ref_parameter(name):
    return {"$ref": f"#/components/parameters/{name}"}
