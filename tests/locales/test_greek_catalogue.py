"""Every message of the add-on has a Greek translation."""

from collective.migrationnetwork import _
from pathlib import Path
from zope.i18n import translate

import importlib.util
import pytest
import re


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def locales_tool():
    spec = importlib.util.spec_from_file_location(
        "update_locales", ROOT / "scripts" / "update_locales.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _po_ids(path):
    return set(re.findall(r'^msgid "(.+)"$', path.read_text(encoding="utf-8"), re.M))


def test_template_lists_every_message_of_the_code(locales_tool):
    """A message used in code, templates or profiles but missing from the
    catalogue would be shown in English on a Greek page."""
    used = set(locales_tool.collect())
    pot = _po_ids(locales_tool.PACKAGE / "locales" / "collective.migrationnetwork.pot")
    assert used - pot == set()


def test_explicit_ids_of_generic_setup_xml_are_collected(locales_tool):
    """``i18n:translate="fieldset_classification"`` in the registry's
    querystring records: an explicit id is a message too (it was dropped
    from the catalogue once no Python code used it)."""
    assert "fieldset_classification" in set(locales_tool.collect())


def test_every_message_has_a_greek_translation(locales_tool):
    po = (
        locales_tool.PACKAGE
        / "locales"
        / "el"
        / "LC_MESSAGES"
        / "collective.migrationnetwork.po"
    )
    translations = locales_tool.read_po(po)
    missing = sorted(m for m in locales_tool.collect() if not translations.get(m))
    assert missing == []


@pytest.mark.parametrize(
    ("msgid", "default", "greek"),
    [
        ("label_enter_portal", "Enter the portal", "Είσοδος στην πύλη"),
        ("kind_municipality", "Municipality", "Δήμος"),
        ("label_thematic_areas", "Thematic areas", "Θεματικές περιοχές"),
    ],
)
def test_greek_translation_is_served(portal, msgid, default, greek):
    message = _(msgid, default=default)
    assert translate(message, target_language="el") == greek
    assert translate(message, target_language="en") == default
