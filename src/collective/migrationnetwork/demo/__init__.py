"""Demo content: the networks and organisations of the source documents,
with sample practices, trainings and newsletters.

The content is data (``data.yaml``); ``load_demo(portal)`` creates it in
every language root of the portal, links the languages as translations,
resolves relations by key and publishes it. Loading is idempotent: an item
that exists (by path) is left exactly as it is, so a second load creates
and changes nothing.
"""

from Acquisition import aq_base
from collective.migrationnetwork import logger
from collective.migrationnetwork.demo.users import load_users
from collective.migrationnetwork.sections import language_roots
from collective.migrationnetwork.workflows import make_public
from decimal import Decimal
from pathlib import Path
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield import RichTextValue
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.utils import iterSchemataForType
from Products.CMFCore.indexing import processQueue
from z3c.relationfield import RelationValue
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest
from zope.intid.interfaces import IIntIds
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDecimal

import datetime
import pytz
import yaml


DATA_FILE = Path(__file__).with_name("data.yaml")

# Section of data.yaml, portal type, folder of the language root that holds
# the items (None: the item lives in the organisation named by its
# "organisation" key). Items are created in this order, so that relations
# point only to items created before them.
SECTIONS = (
    ("networks", "Network", "networks"),
    ("organisations", "Organisation", "organisations"),
    ("practices", "Practice", None),
    ("trainings", "Training", None),
    ("newsletters", "Newsletter", "newsletters"),
)

# Keys of an item that are not fields.
META = ("id", "organisation", "publish")

# Datetime fields stored with their time zone (plone.app.event's); the
# others are stored as the edit form stores them, naive in local time.
AWARE = ("start", "end")


def read_data(path=DATA_FILE):
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


class DemoLoader:
    """Creates the items of ``data`` in ``portal``; see ``load_demo``."""

    def __init__(self, portal, data, today=None):
        self.portal = portal
        self.data = data
        self.languages = [
            code for code in data["languages"] if code in dict(language_roots(portal))
        ]
        self.timezone = pytz.timezone(
            api.portal.get_registry_record("plone.portal_timezone", default=None)
            or "Europe/Athens"
        )
        self.today = today or datetime.datetime.now(self.timezone).date()
        self.intids = getUtility(IIntIds)
        self.items = {}  # key: {language: object}
        self.created = []  # paths of the objects created
        self.kept = 0  # objects that were already there

    def load(self):
        if not self.languages:
            raise ValueError("The portal has none of the demo's language roots")
        for section, portal_type, folder in SECTIONS:
            for key, item in (self.data.get(section) or {}).items():
                if key in self.items:
                    raise ValueError(f"Demo key {key!r} is used twice")
                self.items[key] = self.load_item(key, item, portal_type, folder)
        return {"created": self.created, "kept": self.kept}

    def load_item(self, key, item, portal_type, folder):
        objects = {}
        for language in self.languages:
            container = self.container(key, item, folder, language)
            object_id = self.localise(item.get("id", key), language)
            obj = container.get(object_id)
            if obj is None:
                obj = api.content.create(
                    container=container,
                    type=portal_type,
                    id=object_id,
                    safe_id=False,
                    language=language,
                    **self.values(key, item, portal_type, container, language),
                )
                self.created.append("/".join(obj.getPhysicalPath()))
            elif obj.portal_type != portal_type:
                raise ValueError(
                    f"Demo item {key!r}: {obj.absolute_url_path()} is a "
                    f"{obj.portal_type}, not a {portal_type}"
                )
            else:
                self.kept += 1
            objects[language] = obj
        self.link_translations(key, objects)
        if item.get("publish", True):
            for obj in objects.values():
                make_public(obj)
        # Translations are found through the catalogue: index them now.
        processQueue()
        return objects

    def container(self, key, item, folder, language):
        if folder is not None:
            return self.portal[language][folder]
        if "organisation" not in item:
            raise ValueError(f"Demo item {key!r} names no organisation")
        return self.resolve(key, item["organisation"], language)

    def link_translations(self, key, objects):
        canonical_language, *others = self.languages
        manager = ITranslationManager(objects[canonical_language])
        for language in others:
            current = manager.get_translation(language)
            if current is None:
                manager.register_translation(language, objects[language])
            elif aq_base(current) is not aq_base(objects[language]):
                logger.warning(
                    "Demo item %s: %s has another %s translation, %s",
                    key,
                    objects[canonical_language].absolute_url_path(),
                    language,
                    current.absolute_url_path(),
                )

    def localise(self, value, language):
        """The value for ``language`` of a value given per language, else
        the value itself; a missing language falls back to the first."""
        if (
            isinstance(value, dict)
            and value
            and set(value) <= set(self.data["languages"])
        ):
            return value.get(language, value[self.data["languages"][0]])
        return value

    def resolve(self, key, target, language):
        if target not in self.items:
            raise ValueError(
                f"Demo item {key!r} refers to {target!r}, which is not an item "
                "above it in the data"
            )
        objects = self.items[target]
        return objects.get(language) or objects[self.languages[0]]

    def relation(self, key, target, language):
        return RelationValue(self.intids.getId(self.resolve(key, target, language)))

    def moment(self, value, aware):
        """A datetime from {in_days: N, at: "HH:MM"}, relative to today."""
        if isinstance(value, datetime.datetime):
            naive = value
        else:
            hours, minutes = (int(part) for part in str(value["at"]).split(":"))
            day = self.today + datetime.timedelta(days=int(value["in_days"]))
            naive = datetime.datetime.combine(day, datetime.time(hours, minutes))
        return self.timezone.localize(naive) if aware else naive

    def values(self, key, item, portal_type, container, language):
        """The field values of ``item`` in ``language``, converted to what
        the fields store and validated against them."""
        fields = {}
        for schema in iterSchemataForType(portal_type):
            fields.update(getFieldsInOrder(schema))
        values = {}
        for name, raw in item.items():
            if name in META:
                continue
            if name not in fields:
                raise ValueError(f"Demo item {key!r}: {portal_type} has no {name!r}")
            field, value = fields[name], self.localise(raw, language)
            if IRelationList.providedBy(field):
                value = [self.relation(key, target, language) for target in value]
            elif IRelationChoice.providedBy(field):
                value = self.relation(key, value, language)
            else:
                if IRichText.providedBy(field):
                    value = RichTextValue(
                        value.strip(), "text/html", "text/x-html-safe"
                    )
                elif IDatetime.providedBy(field):
                    value = self.moment(value, aware=name in AWARE)
                elif IDecimal.providedBy(field):
                    value = Decimal(str(value))
                field.bind(container).validate(value)
            values[name] = value
        return values


def load_demo(portal, data=None, today=None):
    """Create the demo content in ``portal``; idempotent.

    Returns ``{"created": [paths of the new objects], "kept": number of
    objects that were already there, "users": {"created": [user ids],
    "kept": number}}`` (the demo users of ``demo/users.py``). ``today``
    (a date) is the day the trainings' relative dates count from; by
    default, today in the portal's time zone.
    """
    # Scripts (zconsole run) and test layers may have no global request;
    # vocabularies and plone.api need one.
    own_request = getRequest() is None
    if own_request:
        setRequest(portal.REQUEST)
    try:
        loader = DemoLoader(portal, read_data() if data is None else data, today)
        with api.env.adopt_roles(["Manager"]):
            summary = loader.load()
            summary["users"] = load_users(portal, loader.data, loader.items)
    finally:
        if own_request:
            setRequest(None)
    logger.info(
        "Demo content: %d objects created, %d already there; "
        "%d users created, %d already there",
        len(summary["created"]),
        summary["kept"],
        len(summary["users"]["created"]),
        summary["users"]["kept"],
    )
    return summary
