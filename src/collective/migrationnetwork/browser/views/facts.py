"""Turn schema fields into facts a reader can scan: a label and its values.

A fact is ``{"name": ..., "label": ..., "entries": [{"text": ..., "url": ...}]}``.
The label is the field's own (translated) title, vocabulary tokens become
their translated titles, relations become links to the targets the current
user may view, dates are localised. Empty fields give no fact.
"""

from Acquisition import aq_base
from collective.migrationnetwork import _
from collective.migrationnetwork import dates
from collective.migrationnetwork.validation import MAIL_SCHEMES
from collective.migrationnetwork.validation import safe_href
from DateTime import DateTime
from decimal import Decimal
from plone import api
from plone.autoform.interfaces import READ_PERMISSIONS_KEY
from plone.schema.email import IEmail
from plone.supermodel.utils import mergedTaggedValueDict
from plone.uuid.interfaces import IUUID
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import queryUtility
from zope.i18n import translate
from zope.i18n.locales import locales
from zope.schema.interfaces import IURI
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IVocabularyFactory
from zope.security import checkPermission

import datetime


EMPTY = (None, "", [], (), set())


def can_view(obj):
    return obj is not None and api.user.has_permission("View", obj=obj)


def link(obj):
    """A reader's link to a content object."""
    return {
        "text": obj.Title(),
        "title": obj.Title(),
        "url": obj.absolute_url(),
        "description": obj.Description(),
        "uid": IUUID(obj, None),
    }


def brain_link(brain):
    """The same link, read from a catalogue brain without waking the object."""
    return {
        "text": brain.Title,
        "title": brain.Title,
        "url": brain.getURL(),
        "description": brain.Description,
        "uid": brain.UID,
    }


def targets(value):
    """The objects a relation or relation list points to, broken ones left out."""
    relations = value if isinstance(value, (list, tuple)) else [value]
    for relation in relations:
        if relation is None or relation.isBroken():
            continue
        target = relation.to_object
        if target is not None:
            yield target


def format_number(value, language):
    try:
        locale = locales.getLocale(language)
    except Exception:  # noqa: BLE001 - unknown locale: fall back to English
        locale = locales.getLocale("en")
    formatter = locale.numbers.getFormatter("decimal")
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return formatter.format(value)


class FactReader:
    """Reads fields of ``context`` for display in ``request``'s language."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self._vocabularies = {}

    def translate(self, message):
        return translate(message, context=self.request)

    def vocabulary(self, name):
        if name not in self._vocabularies:
            factory = queryUtility(IVocabularyFactory, name)
            self._vocabularies[name] = factory(self.context) if factory else None
        return self._vocabularies[name]

    def term_title(self, vocabulary, token):
        """The translated title of ``token``, or the token when unknown."""
        vocab = self.vocabulary(vocabulary)
        try:
            title = vocab.getTerm(token).title if vocab is not None else None
        except LookupError:
            title = None
        return self.translate(title) if title else str(token)

    def term_titles(self, vocabulary, tokens):
        return [self.term_title(vocabulary, token) for token in tokens or ()]

    def date(self, value, long_format=False):
        """A date, or a date and time in the item's time zone (the add-on's
        one date helper: 24-hour, day before the month)."""
        if long_format and isinstance(value, (datetime.datetime, DateTime)):
            return dates.format_datetime(value, zone=dates.zone_of(self.context))
        return dates.format_date(value, zone=dates.zone_of(self.context))

    def time(self, value):
        return dates.format_time(value, zone=dates.zone_of(self.context))

    def related(self, value):
        """Links to the viewable targets of a relation value or list."""
        return [link(target) for target in targets(value) if can_view(target)]

    def value_of(self, schema, name):
        adapted = schema(self.context, None)
        if adapted is None:
            return None
        return getattr(aq_base(adapted), name, None)

    def values(self, field, value):
        """``[{"text", "url"}]`` for ``value`` of ``field``."""
        if IRelationList.providedBy(field) or IRelationChoice.providedBy(field):
            return self.related(value)
        if ICollection.providedBy(field) and IChoice.providedBy(field.value_type):
            name = field.value_type.vocabularyName
            return [{"text": t} for t in self.term_titles(name, value)]
        if IChoice.providedBy(field):
            return [{"text": self.term_title(field.vocabularyName, value)}]
        if IDatetime.providedBy(field):
            return [{"text": self.date(value, long_format=True)}]
        if IDate.providedBy(field):
            return [{"text": self.date(value)}]
        if IBool.providedBy(field):
            answer = (
                _("label_yes", default="Yes") if value else _("label_no", default="No")
            )
            return [{"text": self.translate(answer)}]
        if IEmail.providedBy(field):
            url = safe_href(f"mailto:{value}", MAIL_SCHEMES)
            return [{"text": value, "url": url}]
        if IURI.providedBy(field):
            # A value stored before web addresses were checked is shown as
            # text, never as a javascript: or data: link.
            return [{"text": value, "url": safe_href(value)}]
        if isinstance(value, (int, float, Decimal)):
            language = api.portal.get_current_language()
            return [{"text": format_number(value, language)}]
        return [{"text": str(value)}]

    def fact(self, schema, name, label=None):
        """The fact of field ``name`` of ``schema``, or None when it is empty
        or the field's read permission (plone.autoform) is not the user's."""
        field = schema[name]
        permission = mergedTaggedValueDict(schema, READ_PERMISSIONS_KEY).get(name)
        if permission and not checkPermission(permission, self.context):
            return None
        value = self.value_of(schema, name)
        if value in EMPTY:
            return None
        values = self.values(field, value)
        if not values:
            return None
        return {
            "name": name,
            "label": self.translate(label or field.title),
            "entries": values,
        }

    def facts(self, *fields):
        """Facts of ``(schema, name)`` pairs, in order, empty ones left out."""
        result = []
        for schema, name in fields:
            fact = self.fact(schema, name)
            if fact is not None:
                result.append(fact)
        return result
