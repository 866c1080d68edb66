"""The JSON of the add-on's content types, from their schemas.

For each type the schemata that Dexterity uses for it (the FTI's schema
and every behaviour, ``iterSchemataForType``) are walked field by field, so
the document changes with the code: a new field or behaviour appears in it
without anyone touching this module. Three schemas per type:

* ``<Type>``: a GET of the item (``additionalProperties: false``, so that
  a test validating live answers fails on any undocumented key);
* ``<Type>Create``: the body of a POST to its container;
* ``<Type>Update``: the body of a PATCH.
"""

from collective.migrationnetwork.search.params import CONTENT_TYPES
from collective.migrationnetwork.services.openapi.fields import described
from collective.migrationnetwork.services.openapi.fields import field_schema
from collective.migrationnetwork.services.openapi.fields import nullable
from collective.migrationnetwork.services.openapi.fields import ref
from plone import api
from plone.autoform.interfaces import READ_PERMISSIONS_KEY
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemataForType
from plone.supermodel.utils import mergedTaggedValueDict
from zope.component import queryUtility
from zope.schema import getFieldsInOrder
from zope.security.interfaces import IPermission


DATE_TIME = {"type": "string", "format": "date-time"}
URI = {"type": "string", "format": "uri"}


def base_properties(portal_type):
    """What plone.restapi adds to the fields of every item."""
    return {
        "@id": URI,
        "@type": {"const": portal_type},
        "@components": {"type": "object"},
        "id": {"type": "string"},
        "UID": ref("UID"),
        "type_title": {"type": "string"},
        "parent": ref("Summary"),
        "created": DATE_TIME,
        "modified": DATE_TIME,
        "review_state": {"enum": [*review_states(portal_type), None]},
        "version": {"type": ["string", "integer"]},
        "layout": {"type": ["string", "null"]},
        "is_folderish": {"type": "boolean"},
        "previous_item": {"type": "object"},
        "next_item": {"type": "object"},
        "working_copy": {"anyOf": [ref("Summary"), {"type": "null"}]},
        "working_copy_of": {"anyOf": [ref("Summary"), {"type": "null"}]},
        "lock": {"type": "object"},
        "allow_discussion": {"type": "boolean"},
        "items": {"type": "array", "items": ref("Summary")},
        "items_total": {"type": "integer", "minimum": 0},
        "batching": ref("BatchingLinks"),
        "targetUrl": URI,
    }


BASE_REQUIRED = (
    "@id",
    "@type",
    "UID",
    "id",
    "type_title",
    "parent",
    "created",
    "modified",
    "review_state",
    "is_folderish",
)


def review_states(portal_type):
    workflow_tool = api.portal.get_tool("portal_workflow")
    states = []
    for workflow_id in workflow_tool.getChainForPortalType(portal_type):
        workflow = workflow_tool.getWorkflowById(workflow_id)
        for state in getattr(workflow, "states", None) or ():
            if state not in states:
                states.append(state)
    return states


def permission_title(permission_id):
    permission = queryUtility(IPermission, name=permission_id)
    return permission.title if permission is not None else permission_id


def schema_fields(portal_type):
    """``(name, field, read_permission, write_permission)`` of every field
    of the type, in Dexterity's order; a later schema's field of the same
    name replaces an earlier one, as in plone.restapi's answer."""
    found = {}
    for schema in iterSchemataForType(portal_type):
        read = mergedTaggedValueDict(schema, READ_PERMISSIONS_KEY)
        write = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
        for name, field in getFieldsInOrder(schema):
            found[name] = (field, read.get(name), write.get(name))
    return [(name, *entry) for name, entry in found.items()]


def read_schema(portal_type, context):
    properties = base_properties(portal_type)
    required = list(BASE_REQUIRED)
    for name, field, read_permission, _write in schema_fields(portal_type):
        schema = described(nullable(field_schema(field, context, "read")), field)
        schema["x-schema"] = field.interface.__identifier__
        if read_permission:
            title = permission_title(read_permission)
            schema["x-read-permission"] = title
            schema["description"] = (
                schema.get("description", "") + f" Present only for users who have "
                f"the permission '{title}' on the item (logged-in network members); "
                "left out for anonymous clients."
            ).strip()
        elif name not in required:
            required.append(name)
        properties[name] = schema
    return {
        "type": "object",
        "title": portal_type,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def write_schema(portal_type, context, create):
    properties = {"@type": {"const": portal_type}}
    required = ["@type"] if create else []
    for name, field, _read, write_permission in schema_fields(portal_type):
        if field.readonly:
            continue
        schema = field_schema(field, context, "write")
        if not field.required:
            schema = nullable(schema)
        schema = described(schema, field)
        if write_permission:
            schema["x-write-permission"] = permission_title(write_permission)
        properties[name] = schema
        if create and field.required and field.default is None:
            required.append(name)
    return {
        "type": "object",
        "title": f"{portal_type} ({'create' if create else 'update'})",
        "properties": properties,
        "required": required,
    }


def content_schemas(context, portal_types=CONTENT_TYPES):
    """``{component name: schema}`` for the add-on's types."""
    schemas = {}
    for portal_type in portal_types:
        schemas[portal_type] = read_schema(portal_type, context)
        schemas[f"{portal_type}Create"] = write_schema(portal_type, context, True)
        schemas[f"{portal_type}Update"] = write_schema(portal_type, context, False)
    return schemas
