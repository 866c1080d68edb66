"""``GET /@openapi``: a valid OpenAPI 3.1 document that follows the code."""

from jsonschema import Draft202012Validator
from plone.autoform.interfaces import READ_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemataForType
from plone.supermodel.utils import mergedTaggedValueDict
from schemathesis.specs.openapi.definitions import OPENAPI_31
from zope.schema import getFieldsInOrder

import json
import pytest


TYPES = ["Network", "Organisation", "Practice", "Training", "Newsletter"]


def walk(node, path=""):
    """``(path, dict)`` for every object in ``node``."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def resolve(document, pointer):
    assert pointer.startswith("#/"), pointer
    node = document
    for part in pointer[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@pytest.mark.parametrize("path", ["/@openapi", "/el/@openapi", "/en/@openapi"])
def test_anonymous_get_on_site_and_language_roots(http, functional, path):
    response = http(json=True).get(path)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert document["servers"][0]["url"] == functional["portal"].absolute_url()


def test_valid_against_the_openapi_31_schema(document):
    errors = list(Draft202012Validator(OPENAPI_31).iter_errors(document))
    assert not errors, [(list(e.absolute_path), e.message[:200]) for e in errors]


def test_every_schema_is_valid_json_schema(document):
    for name, schema in document["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
        assert name


def test_every_reference_resolves(document):
    broken = []
    for path, node in walk(document):
        target = node.get("$ref")
        if isinstance(target, str):
            try:
                resolve(document, target)
            except KeyError:
                broken.append((path, target))
    assert not broken


def test_every_field_kind_is_mapped(document):
    unmapped = [path for path, node in walk(document) if "x-unmapped" in node]
    assert not unmapped


def test_operation_ids_are_unique(document):
    ids = [
        operation["operationId"]
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in ("get", "post", "patch", "delete", "put")
    ]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/@network-search",
        "/@network-stats",
        "/{lang}/@network-stats",
        "/@openapi",
        "/@review-queue",
        "/{lang}/@join-network",
        "/{lang}/@subscribe",
        "/@subscribe/confirm",
        "/@unsubscribe",
        "/@subscription",
        "/@subscribers",
        "/{lang}/newsletters/{newsletter}/@newsletter-report",
        "/{lang}/newsletters/{newsletter}/@newsletter-report/retry",
    ],
)
def test_the_add_on_endpoints_are_described(document, path):
    assert path in document["paths"]


def test_languages_are_the_language_roots(document):
    codes = document["components"]["parameters"]["lang"]["schema"]["enum"]
    assert sorted(codes) == ["el", "en"]


def schema_field_names(portal_type):
    """Every field of the type, walked here independently of the code that
    builds the document: ``{name: read permission}``."""
    names = {}
    for schema in iterSchemataForType(portal_type):
        permissions = mergedTaggedValueDict(schema, READ_PERMISSIONS_KEY)
        for name, _field in getFieldsInOrder(schema):
            names[name] = permissions.get(name)
    return names


@pytest.mark.parametrize("portal_type", TYPES)
def test_every_schema_field_is_in_the_document(document, portal_type):
    fields = schema_field_names(portal_type)
    assert fields
    schemas = document["components"]["schemas"]
    read = schemas[portal_type]
    assert set(fields) <= set(read["properties"])
    for name, permission in fields.items():
        # Fields with a read permission are left out for some clients.
        assert (name in read["required"]) is (permission is None), name
    writable = set(schemas[f"{portal_type}Create"]["properties"])
    assert set(fields) <= writable | {"@type"}
    update = schemas[f"{portal_type}Update"]
    assert set(update["properties"]) == writable
    # A PATCH may leave @type out; when given, it is the item's.
    assert "@type" not in update["required"]
    assert update["properties"]["@type"] == {"const": portal_type}


@pytest.mark.parametrize("portal_type", TYPES)
def test_every_property_of_restapi_types_is_in_the_document(
    http, document, portal_type
):
    """plone.restapi's own JSON schema of the type (``@types``) names no
    field that the document lacks."""
    from accounts import ADMIN

    types = http(auth=ADMIN, json=True).get(f"/@types/{portal_type}").json()
    properties = document["components"]["schemas"][f"{portal_type}Create"]
    assert set(types["properties"]) <= set(properties["properties"])


def test_contact_points_are_members_only(document):
    field = document["components"]["schemas"]["Organisation"]["properties"][
        "contact_points"
    ]
    assert field["x-read-permission"] == (
        "collective.migrationnetwork: View contact details"
    )
    assert (
        "contact_points"
        not in (document["components"]["schemas"]["Organisation"]["required"])
    )


@pytest.mark.parametrize(
    ("schema", "field", "expected"),
    [
        ("Organisation", "latitude", {"type": ["number", "null"], "minimum": -90.0}),
        ("Training", "capacity", {"type": ["integer", "null"], "minimum": 0}),
        ("Organisation", "website", {"format": "uri"}),
        ("Organisation", "email", {"format": "email"}),
        ("Practice", "start_date", {"format": "date"}),
        ("Training", "registration_deadline", {"format": "date-time"}),
        ("Training", "registration_open", {"type": ["boolean", "null"]}),
        ("Newsletter", "issue_number", {"type": ["integer", "null"], "minimum": 1}),
    ],
)
def test_field_kinds(document, schema, field, expected):
    found = document["components"]["schemas"][schema]["properties"][field]
    assert expected.items() <= found.items()


def test_choices_are_vocabulary_tokens(document):
    schemas = document["components"]["schemas"]
    kind = schemas["PracticeCreate"]["properties"]["kind"]
    assert kind.pop("description").startswith("Good practice: evaluated")
    assert kind == {
        "$ref": "#/components/schemas/Vocabulary.collective.migrationnetwork."
        "practice_kinds",
        "title": "Kind",
    }
    tokens = schemas["Vocabulary.collective.migrationnetwork.practice_kinds"]["enum"]
    assert tokens == [
        "good_practice",
        "promising_practice",
        "pilot_project",
        "policy",
        "tool",
    ]
    # Registry-driven: the tokens of the control panel's lines.
    areas = schemas["Vocabulary.collective.migrationnetwork.thematic_areas"]["enum"]
    assert "housing" in areas
    assert "GR" in schemas["Vocabulary.collective.migrationnetwork.countries"]["enum"]


def test_a_new_thematic_area_appears_in_the_document(http, functional):
    from plone import api

    import transaction

    record = "collective.migrationnetwork.thematic_areas"
    with api.env.adopt_roles(["Manager"]):
        lines = api.portal.get_registry_record(record)
        api.portal.set_registry_record(record, [*lines, "sport | en=Sport"])
    transaction.commit()
    document = http(json=True).get("/@openapi").json()
    schema = document["components"]["schemas"][
        "Vocabulary.collective.migrationnetwork.thematic_areas"
    ]
    assert schema["enum"][-1] == "sport"


@pytest.mark.parametrize(
    ("schema", "field", "kind"),
    [
        ("Practice", "context", "RichText"),
        ("Practice", "partners", "RelationTarget"),
        ("Network", "parent_network", "RelationTarget"),
        ("Network", "logo", "Image"),
        ("Newsletter", "pdf", "File"),
    ],
)
def test_structured_fields(document, schema, field, kind):
    found = json.dumps(document["components"]["schemas"][schema]["properties"][field])
    assert f'"#/components/schemas/{kind}"' in found


def test_rows_of_a_data_grid_are_objects_of_the_row_schema(document):
    indicators = document["components"]["schemas"]["Practice"]["properties"][
        "indicators"
    ]
    array = indicators["anyOf"][0]
    assert array["type"] == "array"
    assert set(array["items"]["properties"]) == {"name", "value", "unit"}
    assert array["items"]["additionalProperties"] is False


@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/@network-search",
        "/{lang}/network-search.rss",
        "/{lang}/network-search.ics",
        "/{lang}/network-search.csv",
    ],
)
def test_search_parameters_are_those_the_parser_takes(document, path):
    from collective.migrationnetwork.search.facets import FACETS
    from collective.migrationnetwork.search.params import CONTROLS

    operation = document["paths"][path]["get"]
    names = {
        (resolve(document, p["$ref"]) if "$ref" in p else p)["name"]
        for p in operation["parameters"]
    }
    assert names == set(CONTROLS) | set(FACETS)


@pytest.mark.parametrize(
    ("extension", "media_type"),
    [("rss", "application/rss+xml"), ("ics", "text/calendar"), ("csv", "text/csv")],
)
def test_feeds_are_described_with_their_media_type(document, extension, media_type):
    operation = document["paths"][f"/{{lang}}/network-search.{extension}"]["get"]
    assert media_type in operation["responses"]["200"]["content"]
    assert operation["responses"]["400"] == {
        "$ref": "#/components/responses/BadRequest"
    }
