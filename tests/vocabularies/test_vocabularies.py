"""Vocabularies are built once (per language, per content of an editable
record) and still follow the language and the control panel at once."""

from collective.migrationnetwork import SETTINGS_PREFIX
from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest


PREFIX = "collective.migrationnetwork."


def vocabulary(portal, name):
    return getUtility(IVocabularyFactory, PREFIX + name)(portal)


def titles(vocab):
    return {term.token: term.title for term in vocab}


@pytest.mark.parametrize("name", ["organisation_kinds", "thematic_areas", "countries"])
def test_built_once(portal, name):
    assert vocabulary(portal, name) is vocabulary(portal, name)


def test_countries_follow_the_language(portal, monkeypatch):
    monkeypatch.setattr(api.portal, "get_current_language", lambda *a, **k: "el")
    greek = titles(vocabulary(portal, "countries"))
    monkeypatch.setattr(api.portal, "get_current_language", lambda *a, **k: "en")
    english = titles(vocabulary(portal, "countries"))
    assert greek["GR"] == "Ελλάδα"
    assert english["GR"] == "Greece"


def test_an_edited_record_shows_at_once(portal, monkeypatch):
    monkeypatch.setattr(api.portal, "get_current_language", lambda *a, **k: "en")
    record = f"{SETTINGS_PREFIX}.thematic_areas"
    before = vocabulary(portal, "thematic_areas")
    lines = list(api.portal.get_registry_record(record))
    api.portal.set_registry_record(
        record, [*lines, "climate | el=Κλίμα | en=Climate and migration"]
    )
    after = vocabulary(portal, "thematic_areas")
    assert "climate" not in titles(before)
    assert titles(after)["climate"] == "Climate and migration"
    api.portal.set_registry_record(record, lines)
    assert "climate" not in titles(vocabulary(portal, "thematic_areas"))
