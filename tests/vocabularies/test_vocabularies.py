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


@pytest.mark.parametrize(
    ("name", "token", "greek", "english"),
    [
        ("countries", "GR", "Ελλάδα", "Greece"),
        ("organisation_kinds", "municipality", "Δήμος", "Municipality"),
    ],
)
def test_facet_titles_are_translated_once_per_language(
    portal, monkeypatch, name, token, greek, english
):
    """The search titles its facets and summaries from the vocabularies:
    translated once per vocabulary and language, not at every request."""
    from collective.migrationnetwork.search.facets import vocabulary_titles

    monkeypatch.setattr(api.portal, "get_current_language", lambda *a, **k: "el")
    first = vocabulary_titles(portal, name, "el")
    assert first[token] == greek
    assert vocabulary_titles(portal, name, "el") is first
    monkeypatch.setattr(api.portal, "get_current_language", lambda *a, **k: "en")
    assert vocabulary_titles(portal, name, "en")[token] == english


def test_facet_titles_follow_a_new_vocabulary(portal, monkeypatch):
    """Titles are kept as long as the factory answers the same vocabulary."""
    from collective.migrationnetwork.search.facets import vocabulary_titles
    from zope.component import getSiteManager
    from zope.schema.vocabulary import SimpleTerm
    from zope.schema.vocabulary import SimpleVocabulary

    before = vocabulary_titles(portal, "network_roles", "en")
    replaced = SimpleVocabulary([SimpleTerm("auditor", "auditor", "Auditor")])
    site_manager = getSiteManager()
    site_manager.registerUtility(
        lambda context=None: replaced, IVocabularyFactory, PREFIX + "network_roles"
    )
    try:
        assert vocabulary_titles(portal, "network_roles", "en") == {
            "auditor": "Auditor"
        }
    finally:
        site_manager.unregisterUtility(
            provided=IVocabularyFactory, name=PREFIX + "network_roles"
        )
    assert "auditor" not in before
