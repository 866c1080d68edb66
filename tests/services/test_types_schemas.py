"""``@types/<Type>`` is a schema a schema-driven client (Volto) can render:
valid JSON Schema, numbers as numbers, data grids as ``object_list`` with
the row's schema; and the values are served as the schema says."""

from accounts import ADMIN
from decimal import Decimal
from jsonschema import Draft202012Validator
from plone import api

import pytest
import transaction


TYPES = ("Network", "Organisation", "Practice", "Training", "Newsletter")
GRIDS = (
    ("Practice", "indicators", {"name", "value", "unit"}, ["name"]),
    (
        "Organisation",
        "contact_points",
        {"name", "role", "email", "phone", "verified"},
        ["role"],
    ),
)


@pytest.fixture
def types_schema(http):
    client = http(auth=ADMIN, json=True)

    def get(portal_type):
        response = client.get(f"/el/@types/{portal_type}")
        assert response.status_code == 200, response.text
        return response.json()

    return get


@pytest.mark.parametrize("portal_type", TYPES)
def test_every_type_schema_is_valid_json_schema(types_schema, portal_type):
    schema = types_schema(portal_type)
    Draft202012Validator.check_schema(schema)
    for name, field in schema["properties"].items():
        for keyword in ("minimum", "maximum"):
            if keyword in field:
                assert isinstance(field[keyword], (int, float)), (name, field)


def test_budget_minimum_is_a_number(types_schema):
    budget = types_schema("Practice")["properties"]["budget"]
    assert budget["type"] == "number"
    assert budget["minimum"] == 0
    assert not isinstance(budget["minimum"], str)


@pytest.mark.parametrize(("portal_type", "name", "columns", "required"), GRIDS)
def test_data_grids_are_object_lists_with_the_row_schema(
    types_schema, portal_type, name, columns, required
):
    field = types_schema(portal_type)["properties"][name]
    assert field["type"] == "array"
    assert field["widget"] == "object_list"
    row = field["schema"]
    assert set(row["properties"]) == columns
    assert set(row["fieldsets"][0]["fields"]) == columns
    assert set(field["items"]["properties"]) == columns
    assert row["required"] == required


def test_a_plain_list_keeps_its_widget(types_schema):
    """Only lists of rows change: a list of choices stays a list."""
    field = types_schema("Practice")["properties"]["thematic_areas"]
    assert field.get("widget") != "object_list"
    assert "schema" not in field


def test_budget_is_served_as_a_number(http, functional_sample):
    practice = functional_sample["mentoring"]
    with api.env.adopt_roles(["Manager"]):
        practice.budget = Decimal("12000.50")
    transaction.commit()
    url = practice.absolute_url()
    client = http(json=True)
    assert client.get(url).json()["budget"] == 12000.5
    with api.env.adopt_roles(["Manager"]):
        practice.budget = Decimal("8000")
    transaction.commit()
    answer = client.get(url).json()["budget"]
    assert answer == 8000
    assert isinstance(answer, int)


def test_a_budget_sent_as_a_number_is_stored_and_served_as_one(http, functional_sample):
    practice = functional_sample["mentoring"]
    client = http(auth=ADMIN, json=True)
    response = client.patch(practice.absolute_url(), json={"budget": 2500.25})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert practice.budget == Decimal("2500.25")
    assert client.get(practice.absolute_url()).json()["budget"] == 2500.25
    refused = client.patch(practice.absolute_url(), json={"budget": -1})
    assert refused.status_code == 400
    assert "budget" in refused.text
    transaction.begin()
    assert practice.budget == Decimal("2500.25")
