"""``@network-search?format=geojson``: the organisations found as a GeoJSON
FeatureCollection (RFC 7946), documented beside the search's JSON answer.

``format`` is also the trainings' facet: the search operation takes
``geojson`` as one more value of it (the feeds do not).
"""

from collective.migrationnetwork.geo import MAX_MEMBERS
from collective.migrationnetwork.search.facets import VOCABULARY_PREFIX as VOCABULARY
from collective.migrationnetwork.services.network_search.get import GEOJSON
from collective.migrationnetwork.services.network_search.get import GEOJSON_B_SIZE
from collective.migrationnetwork.services.network_search.get import GEOJSON_TYPE
from collective.migrationnetwork.services.openapi.components import COUNT
from collective.migrationnetwork.services.openapi.components import closed
from collective.migrationnetwork.services.openapi.fields import VOCABULARY_PREFIX_SCHEMA
from collective.migrationnetwork.services.openapi.fields import ref


DESCRIPTION = (
    f"With format={GEOJSON}: the organisations the search finds, as a "
    f"GeoJSON FeatureCollection ({GEOJSON_TYPE}, RFC 7946, positions "
    "[longitude, latitude]), one Point feature per organisation that has a "
    "place; items_total counts those without one too. portal_type may only "
    f"be Organisation; pages of {GEOJSON_B_SIZE} features by default, b_size "
    f"up to {MAX_MEMBERS}."
)
LONGITUDE = {"type": "number", "minimum": -180, "maximum": 180}
LATITUDE = {"type": "number", "minimum": -90, "maximum": 90}

GEOJSON_SCHEMAS = {
    "SearchFeature": closed(
        {
            "type": {"const": "Feature"},
            "id": ref("UID"),
            "geometry": closed(
                {
                    "type": {"const": "Point"},
                    "coordinates": {
                        "type": "array",
                        "prefixItems": [LONGITUDE, LATITUDE],
                        "minItems": 2,
                        "maxItems": 2,
                    },
                },
                required=("type", "coordinates"),
            ),
            "properties": ref("SearchItem"),
        },
        required=("type", "id", "geometry", "properties"),
        description="An organisation and its place; its properties are the "
        "search's summary.",
    ),
    "SearchFeatureCollection": closed(
        {
            "type": {"const": "FeatureCollection"},
            "features": {"type": "array", "items": ref("SearchFeature")},
            "items_total": COUNT,
            "batching": ref("BatchingLinks"),
        },
        required=("type", "features", "items_total", "batching"),
        description=DESCRIPTION,
    ),
}


def format_parameter():
    """``format``: a training format, or ``geojson`` for the answer."""
    return {
        "name": "format",
        "in": "query",
        "required": False,
        "style": "form",
        "explode": True,
        "description": "Filter trainings on their format (a token of "
        "@vocabularies/collective.migrationnetwork.training_formats; repeat "
        f"it for several), or {GEOJSON} for the GeoJSON answer.",
        "schema": {
            "type": "array",
            "items": {
                "anyOf": [
                    ref(f"{VOCABULARY_PREFIX_SCHEMA}{VOCABULARY}training_formats"),
                    {"const": GEOJSON},
                ]
            },
        },
    }


def with_geojson(operation):
    """The search operation, answering GeoJSON too."""
    format_ref = "#/components/parameters/search.format"
    operation["parameters"] = [
        format_parameter() if parameter.get("$ref") == format_ref else parameter
        for parameter in operation["parameters"]
    ]
    ok = operation["responses"]["200"]
    ok["description"] += " " + DESCRIPTION
    ok["content"][GEOJSON_TYPE] = {"schema": ref("SearchFeatureCollection")}
    return operation
