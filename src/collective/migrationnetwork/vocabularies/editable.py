"""Vocabularies that a Site Administrator edits in the control panel.

Each term is one line of a registry record::

    housing | el=Στέγαση | en=Housing

The token (before the first ``|``) is stable ASCII and never translated; a
title follows for each language. Adding a language to the portal needs no
code: add ``it=...`` to the lines. A title missing in the current language
falls back to English, then to the token.
"""

from collective.migrationnetwork import SETTINGS_PREFIX
from plone import api
from zope.interface import Invalid
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import functools
import re


TOKEN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
FALLBACK_LANGUAGE = "en"


def parse_line(line):
    """Return ``(token, {language: title})`` for one line of a record."""
    parts = [part.strip() for part in line.split("|")]
    token, titles = parts[0], {}
    for part in parts[1:]:
        if not part:
            continue
        language, sep, title = part.partition("=")
        if not sep or not language.strip() or not title.strip():
            raise Invalid(f"'{part}' is not of the form language=title")
        titles[language.strip().lower()] = title.strip()
    if not TOKEN.match(token):
        raise Invalid(f"'{token}' is not a valid token (lower-case letters, digits, _)")
    return token, titles


def validate_lines(lines):
    """Constraint of the registry records: every line parses, tokens unique."""
    seen = set()
    for line in lines or ():
        token, _titles = parse_line(line)
        if token in seen:
            raise Invalid(f"the token '{token}' is used twice")
        seen.add(token)
    return True


def terms(record, language=None):
    """Return ``[(token, title)]`` of an editable vocabulary, in order."""
    lines = api.portal.get_registry_record(f"{SETTINGS_PREFIX}.{record}", default=None)
    language = language or api.portal.get_current_language()
    return list(_terms(tuple(lines or ()), language))


@functools.lru_cache(maxsize=128)
def _terms(lines, language):
    result = []
    for line in lines:
        try:
            token, titles = parse_line(line)
        except Invalid:
            continue
        title = titles.get(language) or titles.get(FALLBACK_LANGUAGE) or token
        result.append((token, title))
    return tuple(result)


@functools.lru_cache(maxsize=128)
def _vocabulary(lines, language):
    return SimpleVocabulary(
        [
            SimpleTerm(value=t, token=t, title=title)
            for t, title in _terms(lines, language)
        ]
    )


def _factory(record):
    @provider(IVocabularyFactory)
    def factory(context=None):
        """Built once per content of the record and language: editing the
        lines in the control panel gives a new vocabulary at once."""
        lines = api.portal.get_registry_record(
            f"{SETTINGS_PREFIX}.{record}", default=None
        )
        return _vocabulary(tuple(lines or ()), api.portal.get_current_language())

    return factory


thematic_areas = _factory("thematic_areas")
target_groups = _factory("target_groups")
