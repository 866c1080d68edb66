"""1003 -> 1004: no stored link may be a script.

Web address fields took any URI before 1004 (``javascript:``, ``data:``,
``vbscript:``), which pages rendered as links. The step clears, on every
item of the add-on's types, each URI field whose value is not an http(s)
address, and logs the item, the field and the value it cleared.
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.validation import is_web_url
from plone import api
from plone.dexterity.utils import iterSchemata
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IURI


TYPES = ("Network", "Organisation", "Practice", "Training", "Newsletter")


def clear_script_links(obj):
    """Clear the URI fields of ``obj`` that hold no web address; the
    ``(field name, old value)`` pairs cleared."""
    cleared = []
    for schema in iterSchemata(obj):
        adapted = schema(obj, None)
        if adapted is None:
            continue
        for name, field in getFieldsInOrder(schema):
            if not IURI.providedBy(field):
                continue
            value = getattr(adapted, name, None)
            if value and not is_web_url(value):
                setattr(adapted, name, None)
                cleared.append((name, value))
    return cleared


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    with api.env.adopt_roles(["Manager"]):
        objects = [b.getObject() for b in catalog(portal_type=TYPES)]
    for obj in objects:
        for name, value in clear_script_links(obj):
            count += 1
            logger.warning(
                "Upgrade 1004: cleared %s of %s (was %r)",
                name,
                "/".join(obj.getPhysicalPath()),
                value,
            )
    logger.info("Upgrade 1004: cleared %s stored links that were not http(s)", count)
    return count
