"""Translation status: is a translation behind the item it was translated from?

The rule
--------
A translation records its *source*: the translation it was made from (the
item the editor chose "Translate into ..." on, or that ``translation_of``
named in the REST API), with the source's translatable text at that moment.
Translatable text is every field that is not language-independent and holds
text: title, description, the rich text sections, text lines (``texts``).

- The translation is *outdated* when the source's translatable text now
  differs from what was recorded; the fields that differ are what changed.
  Language-independent fields never make a translation outdated: they are
  copied to it.
- Saving the translation (edit form, REST PATCH) records the source's
  current text again: the editor has reviewed it, and the status clears.
- The source itself is never outdated by its translations: a save of a
  translation changes no status but its own (and that of translations
  made from it, in turn).
- A translation whose source was deleted, or that records none (an item
  created before this feature, or the original), is not outdated.

The record lives in the translation's annotations. When a source's text
changes, its translations' ``translation_outdated`` index is refreshed (the
index only: the translations are read, not written).
"""

from collective.migrationnetwork.multilingual.fields import described_names
from collective.migrationnetwork.multilingual.fields import in_translation_form
from collective.migrationnetwork.multilingual.fields import independent_names
from collective.migrationnetwork.multilingual.fields import is_sync_event
from collective.migrationnetwork.multilingual.interfaces import (
    ITranslatableNetworkContent,
)
from DateTime import DateTime
from plone import api
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ILanguageIndependentFieldsManager
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.interfaces import IRichTextValue
from plone.base.interfaces import ILanguage
from plone.dexterity.utils import iterSchemata
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations
from zope.schema.interfaces import IText

import difflib
import html
import re


KEY = "collective.migrationnetwork.translated_from"
INDEX = "translation_outdated"
# Text fields that are not the content's text.
NOT_TEXT = frozenset({"id", "changeNote", "rights"})
FIRST = ("title", "description")


def text_fields(obj):
    """``{name: field}`` of the translatable text fields of ``obj``."""
    independent = independent_names(obj)
    found = {}
    for schema in iterSchemata(obj):
        for name in schema:
            field = schema[name]
            if name in independent or name in NOT_TEXT or name in found:
                continue
            if IText.providedBy(field) or IRichText.providedBy(field):
                found[name] = (schema, field)
    # Title and description first, as an editor reads them.
    first = {name: found.pop(name) for name in FIRST if name in found}
    return {**first, **found}


def as_text(value):
    if IRichTextValue.providedBy(value):
        return value.raw or ""
    return value if isinstance(value, str) else ""


def texts(obj):
    """``{name: text}`` of the translatable text of ``obj`` (rich text as
    its HTML source)."""
    return {
        name: as_text(getattr(schema(obj), name, None))
        for name, (schema, _field) in text_fields(obj).items()
    }


def record(translation):
    """What ``translation`` recorded of its source, or None."""
    annotations = IAnnotations(translation, None)
    return annotations.get(KEY) if annotations is not None else None


def source_of(translation):
    """The item ``translation`` was translated from (even one the current
    user may not see), or None."""
    recorded = record(translation)
    if not recorded:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=recorded["uid"])
    return brains[0]._unrestrictedGetObject() if len(brains) == 1 else None


def record_source(translation, source):
    """Record ``source``'s current text on ``translation``. Nothing is
    written when the record would not change. True when it changed."""
    new = {
        "uid": IUUID(source),
        "language": ILanguage(source).get_language(),
        "modified": source.modified().ISO8601(),
        "texts": texts(source),
    }
    old = record(translation)
    if old and all(old.get(key) == value for key, value in new.items()):
        return False
    new["recorded"] = DateTime().ISO8601()
    IAnnotations(translation)[KEY] = new
    return True


def changed_fields(translation, source=None):
    """Names of the source's text fields that changed since ``translation``
    recorded them; empty when it is up to date or has no source."""
    recorded = record(translation)
    if not recorded:
        return []
    source = source if source is not None else source_of(translation)
    if source is None:
        return []
    then = recorded.get("texts") or {}
    now = texts(source)
    return [name for name, text in now.items() if then.get(name, "") != text]


def is_outdated(translation):
    return bool(changed_fields(translation))


# What changed, for the editor


TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(p|div|li|h\d|tr|blockquote|pre)>|<br\s*/?>", re.I)


def plain_lines(text):
    """HTML or plain text as a list of non-empty lines of plain text."""
    text = BLOCK_END.sub("\n", text or "")
    text = html.unescape(TAG.sub("", text))
    return [line.strip() for line in text.splitlines() if line.strip()]


def text_diff(before, after):
    """``[(op, line)]`` with op one of ' ', '-', '+' (a line diff of the
    plain text)."""
    lines = []
    for line in difflib.ndiff(plain_lines(before), plain_lines(after)):
        if line[:1] in (" ", "-", "+"):
            lines.append((line[:1], line[2:]))
    return lines


def field_title(obj, name):
    found = text_fields(obj).get(name)
    return found[1].title if found else name


def status(translation):
    """The translation status of ``translation`` as a JSON-able dict:
    ``outdated``, its ``source`` (or None), when it was recorded and the
    ``changes``: for each changed field its name, title (a message id) and
    the diff of its text, ``[{"op": "-"|"+"|" ", "text": ...}]``."""
    recorded = record(translation)
    source = source_of(translation)
    if not recorded or source is None:
        return {"outdated": False, "source": None, "changes": []}
    names = changed_fields(translation, source)
    now = texts(source)
    then = recorded.get("texts") or {}
    return {
        "outdated": bool(names),
        "source": {
            "UID": recorded["uid"],
            "language": recorded["language"],
            "title": source.Title(),
            "url": source.absolute_url(),
            "modified": source.modified().ISO8601(),
        },
        "translated_from_modified": recorded.get("modified"),
        "recorded": recorded.get("recorded"),
        "changes": [
            {
                "field": name,
                "title": field_title(source, name),
                "diff": [
                    {"op": op, "text": text}
                    for op, text in text_diff(then.get(name, ""), now.get(name, ""))
                ],
            }
            for name in names
        ],
    }


# Subscribers


def ours(obj):
    return ITranslatableNetworkContent.providedBy(obj)


def reindex_status(obj):
    """Refresh the status index of ``obj`` (no metadata, no date change)."""
    obj.reindexObject(idxs=[INDEX], update_metadata=0)


def translated(event):
    """A translation was created or linked: ``event.object`` is the
    source, ``event.target`` the translation. Its language-independent
    fields are filled from the source, and the source is recorded."""
    source, translation = event.object, getattr(event, "target", None)
    if not (ours(source) and ours(translation)) or source is translation:
        return
    if IUUID(source) == IUUID(translation):
        return
    copied = ILanguageIndependentFieldsManager(source).changed_fields(translation)
    record_source(translation, source)
    if copied:
        translation.reindexObject()
    else:
        reindex_status(translation)


def saved(obj, event):
    """A save of ``obj``: as a translation, it records its source again
    (which clears the outdated status); as a source whose text changed, the
    status index of the translations made from it is refreshed."""
    if is_sync_event(obj, event) or in_translation_form():
        return
    if record(obj):
        source = source_of(obj)
        if source is not None and record_source(obj, source):
            reindex_status(obj)
    names = described_names(event)
    if names is not None and not names & set(text_fields(obj)):
        return
    if not ITG(obj, None):
        return
    uid = IUUID(obj)
    language = ILanguage(obj).get_language()
    for code, translation in ITranslationManager(obj).get_translations().items():
        if code == language or translation is None:
            continue
        recorded = record(translation)
        if recorded and recorded.get("uid") == uid:
            reindex_status(translation)


def record_existing_translations(portal):
    """Record a source for translations made before the status existed: in
    each translation group of the add-on's types, the item in the default
    language (else the first of the available languages) is the source of
    the others. Their status starts up to date. Returns how many were
    recorded."""
    catalog = api.portal.get_tool("portal_catalog")
    codes = list(api.portal.get_registry_record("plone.available_languages") or ())
    default = api.portal.get_registry_record("plone.default_language", default=None)
    order = [default] + [code for code in codes if code != default]
    groups = {}
    types = ("Network", "Organisation", "Practice", "Training", "Newsletter")
    for brain in catalog.unrestrictedSearchResults(portal_type=types):
        if brain.TranslationGroup:
            groups.setdefault(brain.TranslationGroup, []).append(brain)
    recorded = 0
    for brains in groups.values():
        if len(brains) < 2:
            continue
        rank = {code: position for position, code in enumerate(order)}
        brains.sort(key=lambda brain: rank.get(brain.Language, len(rank)))
        source = brains[0]._unrestrictedGetObject()
        for brain in brains[1:]:
            translation = brain._unrestrictedGetObject()
            if record(translation):
                continue
            record_source(translation, source)
            reindex_status(translation)
            recorded += 1
    return recorded
