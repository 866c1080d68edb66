"""Fixtures of the OpenAPI tests: the document, a validator of JSON against
its schemas, and content with every kind of field filled in."""

from jsonschema import Draft202012Validator
from jsonschema import FormatChecker
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from referencing import Registry
from referencing import Resource
from referencing.jsonschema import DRAFT202012
from urllib.parse import urlsplit

import base64
import datetime
import decimal
import pytest
import transaction


# A 1x1 PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date", raises=ValueError)
def is_date(value):
    return not isinstance(value, str) or bool(datetime.date.fromisoformat(value))


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value):
    """ISO 8601 with a time; plone.restapi writes naive local times of
    zope.schema Datetime fields without an offset."""
    if not isinstance(value, str):
        return True
    return "T" in value and bool(datetime.datetime.fromisoformat(value))


@FORMATS.checks("uri")
def is_uri(value):
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path))


@FORMATS.checks("email")
def is_email(value):
    return not isinstance(value, str) or value.count("@") == 1


def validator_for(document, name):
    """A validator of ``#/components/schemas/<name>`` of ``document``."""
    resource = Resource(contents=document, specification=DRAFT202012)
    registry = Registry().with_resource("urn:openapi", resource)
    return Draft202012Validator(
        {"$ref": f"urn:openapi#/components/schemas/{name}"},
        registry=registry,
        format_checker=FORMATS,
    )


def errors_of(document, name, instance):
    """Readable validation errors of ``instance`` against schema ``name``."""
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message[:300]}"
        for error in validator_for(document, name).iter_errors(instance)
    ]


@pytest.fixture
def document(http):
    response = http(json=True).get("/@openapi")
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
def schema_errors(document):
    """``schema_errors(instance, "Practice")``: the list of errors."""

    def errors(instance, name):
        return errors_of(document, name, instance)

    return errors


@pytest.fixture
def validate(document):
    """``validate(instance, "Practice")`` asserts that ``instance`` is
    valid against the document's schema."""

    def check(instance, name, against=None):
        errors = errors_of(against or document, name, instance)
        assert not errors, "\n".join(errors)

    return check


def fill_rich_fields(objects):
    """Values in the fields that the sample leaves empty: rich text, files,
    images, decimals, rows, dates."""
    network = objects["cities"]
    network.text = RichTextValue("<p>About</p>", "text/html", "text/x-html-safe")
    network.founded = datetime.date(2016, 3, 1)
    network.logo = NamedBlobImage(data=PIXEL, filename="logo.png")
    athens = objects["athens"]
    athens.latitude, athens.longitude = 37.98, 23.72
    athens.website = "https://www.cityofathens.gr"
    athens.email = "info@athens.example"
    athens.joined = datetime.date(2018, 5, 1)
    athens.languages = ["el", "en"]
    practice = objects["mentoring"]
    practice.budget = decimal.Decimal("12000.50")
    practice.indicators = [{"name": "Mentees", "value": "40", "unit": "people"}]
    practice.context = RichTextValue("<p>Context</p>", "text/html", "text/x-html-safe")
    practice.image = NamedBlobImage(data=PIXEL, filename="lead.png")
    practice.gcm_objectives = ["gcm16", "gcm18"]
    training = objects["webinar"]
    training.capacity = 30
    training.registration_open = True
    training.registration_deadline = datetime.datetime(2030, 1, 1, 12, 0)
    for obj in (network, athens, practice, training):
        obj.reindexObject()


@pytest.fixture
def rich_content(functional, functional_sample):
    """The sample with every kind of field filled, and a newsletter."""
    from content_builders import relation

    objects = dict(functional_sample)
    with api.env.adopt_roles(["Manager"]):
        fill_rich_fields(objects)
        objects["newsletter"] = api.content.create(
            container=functional["portal"]["el"]["newsletters"],
            type="Newsletter",
            id="issue-1",
            title="Newsletter, July 2026",
            issue_number=1,
            issue_date=datetime.date(2026, 7, 1),
            introduction=RichTextValue("<p>Hello</p>", "text/html", "text/x-html-safe"),
            featured=[relation(objects["mentoring"]), relation(objects["webinar"])],
            pdf=NamedBlobFile(data=b"%PDF-1.4", filename="issue-1.pdf"),
            segment_languages=["el"],
            segment_thematic_areas=["housing"],
            segment_countries=["GR", "CY"],
        )
    transaction.commit()
    return objects
