"""Every message of the add-on has a Greek translation."""

from collective.migrationnetwork import _
from pathlib import Path
from zope.i18n import translate

import collective.migrationnetwork
import re


LOCALES = Path(collective.migrationnetwork.__file__).parent / "locales"
MSGID = re.compile(r'^msgid "(.+)"$', re.MULTILINE)


def msgids(path):
    return set(MSGID.findall(path.read_text(encoding="utf-8")))


def test_greek_catalogue_covers_the_template():
    pot = msgids(LOCALES / "collective.migrationnetwork.pot")
    po_path = LOCALES / "el" / "LC_MESSAGES" / "collective.migrationnetwork.po"
    po = po_path.read_text(encoding="utf-8")
    untranslated = re.findall(r'^msgid "(.+)"\nmsgstr ""$', po, re.MULTILINE)
    assert pot - msgids(po_path) == set()
    assert untranslated == []


def test_greek_translation_is_served(portal):
    message = _("label_enter_portal", default="Enter the portal")
    assert translate(message, target_language="el") == "Είσοδος στην πύλη"
    assert translate(message, target_language="en") == "Enter the portal"


def test_template_lists_every_message_id_of_the_code():
    """A message id used in Python code but missing from the .pot would be
    shown untranslated in Greek."""
    source = Path(collective.migrationnetwork.__file__).parent
    used = set()
    for path in source.rglob("*.py"):
        used.update(re.findall(r'\b_\(\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    for path in source.rglob("*.pt"):
        text = path.read_text(encoding="utf-8")
        used.update(re.findall(r'i18n:translate="([^"]+)"', text))
    pot = msgids(LOCALES / "collective.migrationnetwork.pot")
    assert used - pot == set()
