"""Every item of the demo content, as plone.restapi serializes it for a
Manager and for an anonymous client, fits its type's schema in @openapi."""

from collective.migrationnetwork.services.openapi.document import openapi_document
from jsonschema import Draft202012Validator
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.restapi.interfaces import ISerializeToJson
from referencing import Registry
from referencing import Resource
from referencing.jsonschema import DRAFT202012
from zope.component import getMultiAdapter

import json
import pytest


TYPES = ["Network", "Organisation", "Practice", "Training", "Newsletter"]


def errors(document, name, instance):
    registry = Registry().with_resource(
        "urn:openapi", Resource(contents=document, specification=DRAFT202012)
    )
    validator = Draft202012Validator(
        {"$ref": f"urn:openapi#/components/schemas/{name}"}, registry=registry
    )
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in validator.iter_errors(instance)
    ]


class TestDemoContentInOpenAPI:
    """One class, so that the demo layer (tests/demo/conftest.py) is set up once."""

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_demo_items_fit_their_schema(self, integration, portal_type):
        portal = integration["portal"]
        request = integration["request"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        document = openapi_document(portal)
        catalog = api.portal.get_tool("portal_catalog")
        items = [brain.getObject() for brain in catalog(portal_type=portal_type)]
        assert items
        found, checked = {}, []

        def check(obj, who):
            data = json.loads(
                json.dumps(getMultiAdapter((obj, request), ISerializeToJson)())
            )
            problems = errors(document, portal_type, data)
            checked.append(who)
            if problems:
                found[f"{who} {obj.absolute_url(1)}"] = problems[:5]

        for obj in items:
            check(obj, "Manager")
        logout()
        for obj in items:
            if api.user.has_permission("View", obj=obj):
                check(obj, "Anonymous")
        assert not found, json.dumps(found, indent=1, ensure_ascii=False)
        # The public demo content was checked as anonymous clients see it too.
        assert "Anonymous" in checked
