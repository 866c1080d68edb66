"""Language-independent fields: the same in every translation, copied on save.

plone.app.multilingual copies them with its ``LanguageIndependentFieldsManager``
after every save, but it counts every relation field as changed, so a save of
any translation rewrote (and reindexed, and re-dated) all the others. The
manager here compares what it copies: a relation is unchanged when it points
to the same item or to a translation of it, other values when they are
equal. A value that is unchanged is not set, so a translation whose
language-independent fields are already equal is not written at all.

It is registered for ``ITranslatableNetworkContent`` (which extends
``IDexterityTranslatable`` and is given to the add-on's five classes), so it
is also what plone.app.multilingual's own subscriber and its translation
forms use. ``sync_language_independent`` does the copying after a save
without depending on plone.app.multilingual's browser layer, so that
scripts and the REST API keep translations equal too.
"""

from collective.migrationnetwork.multilingual.interfaces import (
    ITranslatableNetworkContent,
)
from plone.app.multilingual.dx.cloner import LanguageIndependentFieldsManager
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ILanguageIndependentFieldsManager
from plone.app.multilingual.interfaces import ITranslationManager
from plone.base.interfaces import ILanguage
from plone.dexterity.utils import iterSchemata
from z3c.relationfield import RelationValue
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from z3c.relationfield.interfaces import IRelationValue
from zope.component import adapter
from zope.component import getUtility
from zope.event import notify
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent


_marker = object()


def independent_fields(obj):
    """``(schema, name)`` of every language-independent field of ``obj``."""
    for schema in iterSchemata(obj):
        for name in schema:
            if ILanguageIndependentField.providedBy(schema[name]):
                yield schema, name


def independent_names(obj):
    return {name for _schema, name in independent_fields(obj)}


def _translation_group(obj):
    return ITG(obj, None) if obj is not None else None


def _target(relation):
    if relation is None or not IRelationValue.providedBy(relation):
        return None
    if relation.isBroken():
        return None
    return relation.to_object


def same_relation(source_relation, translation_relation):
    """Both point to the same item, or to two translations of one item."""
    source_target = _target(source_relation)
    target = _target(translation_relation)
    if source_target is None or target is None:
        return source_target is None and target is None
    if source_relation.to_id == translation_relation.to_id:
        return True
    group = _translation_group(source_target)
    return group is not None and group == _translation_group(target)


def same_relations(source_value, translation_value):
    source_value = [r for r in source_value or () if _target(r) is not None]
    translation_value = [r for r in translation_value or () if _target(r) is not None]
    if len(source_value) != len(translation_value):
        return False
    return all(map(same_relation, source_value, translation_value))


@implementer(ILanguageIndependentFieldsManager)
@adapter(ITranslatableNetworkContent)
class NetworkFieldsManager(LanguageIndependentFieldsManager):
    """Copies language-independent values that differ, and only those."""

    def changed_fields(self, translation, language=None, relations=True):
        """Copy the values that differ; ``(schema, name)`` of the fields
        copied. Relations point to their target's translation into
        ``language`` (default: the translation's language) where it
        exists; ``relations=False`` leaves relation fields alone."""
        language = language or ILanguage(translation).get_language()
        changed = []
        for schema, name in independent_fields(self.context):
            value = getattr(schema(self.context), name, _marker)
            if value is _marker:
                continue
            is_relation = IRelationList.providedBy(schema[name]) or (
                IRelationChoice.providedBy(schema[name])
            )
            if is_relation and not relations:
                continue
            translation_adapter = schema(translation)
            current = getattr(translation_adapter, name, _marker)
            field = schema[name]
            if IRelationValue.providedBy(value) or (
                value is None and IRelationValue.providedBy(current)
            ):
                if same_relation(value, current if current is not _marker else None):
                    continue
                value = self.copy_relation(value, language)
            elif IRelationList.providedBy(field):
                if same_relations(value, current if current is not _marker else ()):
                    continue
                copied = (self.copy_relation(rel, language) for rel in value or ())
                value = [rel for rel in copied if rel is not None]
            elif current is not _marker and value == current:
                continue
            setattr(translation_adapter, name, value)
            changed.append((schema, name))
        return changed

    def copy_fields(self, translation):
        return bool(self.changed_fields(translation))

    def copy_relation(self, relation_value, target_language):
        if not relation_value or relation_value.isBroken():
            return None
        obj = relation_value.to_object
        translation = ITranslationManager(obj).get_translation(target_language)
        return RelationValue(getUtility(IIntIds).getId(translation or obj))


def is_sync_event(obj, event):
    """A modified event sent for a translation that was brought in line
    with another one (plone.app.multilingual's convention: the translation
    group as the second description)."""
    descriptions = getattr(event, "descriptions", ()) or ()
    return len(descriptions) > 1 and descriptions[1] == _translation_group(obj)


def described_names(event):
    """Field names the event says were changed, or None when it does not
    say (a script's bare ``modified(obj)``)."""
    names = set()
    for description in getattr(event, "descriptions", ()) or ():
        attributes = getattr(description, "attributes", None)
        if attributes is None:
            continue
        names.update(name.split(".")[-1] for name in attributes)
    return names or None


def in_translation_form():
    """A translation being created by plone.app.multilingual's add form
    (which copies the fields itself)."""
    request = getRequest()
    info = getattr(request, "translation_info", None) or {}
    return "tg" in info


def sync_language_independent(obj, event):
    """After a save of ``obj``, copy its changed language-independent
    values to its translations; translations already equal are not
    touched."""
    if is_sync_event(obj, event) or in_translation_form():
        return
    names = described_names(event)
    if names is not None and not names & independent_names(obj):
        return
    group = _translation_group(obj)
    if not group:
        return
    language = ILanguage(obj).get_language()
    manager = ILanguageIndependentFieldsManager(obj)
    for code, translation in ITranslationManager(obj).get_translations().items():
        if code == language or translation is None:
            continue
        changed = manager.changed_fields(translation)
        if not changed:
            continue
        translation.reindexObject()
        by_schema = {}
        for schema, name in changed:
            by_schema.setdefault(schema, []).append(name)
        descriptions = [
            Attributes(schema, *names) for schema, names in by_schema.items()
        ]
        # The group as the second description marks the event as a copy, so
        # that no subscriber copies back or counts it as the translator's save.
        descriptions.insert(1, group)
        notify(ObjectModifiedEvent(translation, *descriptions))
