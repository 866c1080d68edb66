"""Rebuild the message catalogue of the add-on from its code.

    python scripts/update_locales.py [translations.json ...]

Collects every message id of the package (``_("id", default="...")`` in
Python, explicit ``i18n:translate="id"`` in templates, ``i18n:translate`` and
``i18n:attributes`` in GenericSetup XML), writes ``locales/<domain>.pot``
and brings ``locales/el/LC_MESSAGES/<domain>.po`` (and the English one,
whose translations stay empty so the defaults are shown) in step: existing
translations are kept, new ids are added untranslated, ids no longer used
are dropped. Optional JSON files ({msgid: Greek text}) fill translations.
"""

from lxml import etree
from pathlib import Path

import json
import re
import sys


PACKAGE = (
    Path(__file__).resolve().parents[1] / "src" / "collective" / "migrationnetwork"
)
DOMAIN = "collective.migrationnetwork"
I18N_NS = "http://xml.zope.org/namespaces/i18n"
PY_MESSAGE = re.compile(
    r'\b_\(\s*"([^"]+)"(?:\s*,\s*default=\(?\s*((?:"(?:[^"\\]|\\.)*"\s*)+))?', re.S
)
PT_MESSAGE = re.compile(r'i18n:translate="([^"]+)"')
PT_ATTRIBUTES = re.compile(r'i18n:attributes="([^"]+)"')
HEADER = """msgid ""
msgstr ""
"Project-Id-Version: {domain}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {plural}\\n"
"Language-Code: {code}\\n"
"Language-Name: {name}\\n"
"Preferred-Encodings: utf-8\\n"
"Domain: {domain}\\n"
"""


def _join(literals):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', literals or ""))


def template_ids(text):
    """Explicit message ids of a page template: ``i18n:translate="id"`` and
    ``i18n:attributes="title id; alt other_id"``."""
    yield from PT_MESSAGE.findall(text)
    for attributes in PT_ATTRIBUTES.findall(text):
        for pair in attributes.split(";"):
            words = pair.split()
            if len(words) == 2:
                yield words[1]


def collect():
    """Return {msgid: (default, first file)}."""
    messages = {}

    def add(msgid, default, path):
        msgid = " ".join(msgid.split())
        if msgid and msgid not in messages:
            messages[msgid] = (default, path.relative_to(PACKAGE).as_posix())

    for path in sorted(PACKAGE.rglob("*.py")):
        for msgid, default in PY_MESSAGE.findall(path.read_text(encoding="utf-8")):
            add(msgid, _join(default), path)
    for path in sorted(PACKAGE.rglob("*.pt")):
        for msgid in template_ids(path.read_text(encoding="utf-8")):
            add(msgid, "", path)
    for path in sorted((PACKAGE / "profiles").rglob("*.xml")):
        for msgid, default in xml_messages(path):
            add(msgid, default, path)
    return messages


def xml_messages(path):
    """(msgid, default) of a GenericSetup XML file: ``i18n:translate``,
    empty (the text is the id) or explicit, and ``i18n:attributes``."""
    for element in etree.parse(str(path)).iter():
        msgid = element.get(f"{{{I18N_NS}}}translate")
        if msgid == "" and element.text:
            yield element.text.strip(), ""
        elif msgid:
            yield msgid, (element.text or "").strip()
        for attribute in (element.get(f"{{{I18N_NS}}}attributes") or "").split():
            if element.get(attribute):
                yield element.get(attribute), ""


def quote(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def read_po(path):
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, re.M)
    return {
        msgid.replace('\\"', '"'): msgstr.replace('\\"', '"') for msgid, msgstr in pairs
    }


def write(path, header, messages, translations):
    entries = [header]
    for msgid, (default, source) in sorted(
        messages.items(), key=lambda m: (m[1][1], m[0])
    ):
        comment = f"#: {source}\n"
        if default:
            comment += f'#. Default: "{quote(default)}"\n'
        entries.append(
            f'{comment}msgid "{quote(msgid)}"\nmsgstr "{quote(translations.get(msgid, ""))}"\n'
        )
    path.write_text("\n".join(entries), encoding="utf-8")


def main(extra):
    messages = collect()
    locales = PACKAGE / "locales"
    write(
        locales / f"{DOMAIN}.pot",
        HEADER.format(
            domain=DOMAIN, plural="nplurals=1; plural=0;", code="en", name="English"
        ),
        messages,
        {},
    )
    po = locales / "el" / "LC_MESSAGES" / f"{DOMAIN}.po"
    translations = read_po(po)
    for name in extra:
        translations.update(json.loads(Path(name).read_text(encoding="utf-8")))
    write(
        po,
        HEADER.format(
            domain=DOMAIN,
            plural="nplurals=2; plural=(n != 1);",
            code="el",
            name="Ελληνικά",
        ),
        messages,
        translations,
    )
    # English is the language of the defaults: an English catalogue with
    # empty translations keeps Zope from negotiating Greek for English readers.
    write(
        locales / "en" / "LC_MESSAGES" / f"{DOMAIN}.po",
        HEADER.format(
            domain=DOMAIN,
            plural="nplurals=2; plural=(n != 1);",
            code="en",
            name="English",
        ),
        messages,
        {},
    )
    missing = [m for m in messages if not translations.get(m)]
    print(f"{len(messages)} messages, {len(missing)} without a Greek translation")
    for msgid in missing:
        print(f"  {msgid}")


if __name__ == "__main__":
    main(sys.argv[1:])
