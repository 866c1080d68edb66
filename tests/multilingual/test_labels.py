"""A Greek page and an English page of the same practice: each shows its own
language's labels and vocabulary titles, whatever the browser prefers."""

from collective.migrationnetwork import _
from collective.migrationnetwork.vocabularies.fixed import FIXED
from lxml import html as lxml_html
from zope.i18n import translate

import pytest


LABELS = {
    "kind": _("label_practice_kind", default="Kind"),
    "thematic_areas": _("label_thematic_areas", default="Thematic areas"),
    "target_groups": _("label_target_groups", default="Target groups"),
}
THEMATIC = {"el": "Ένταξη στην αγορά εργασίας", "en": "Labour market integration"}
TARGET = {
    "el": "Δικαιούχοι διεθνούς προστασίας",
    "en": "Beneficiaries of international protection",
}


def facts(page):
    """``{field name: (label, [values])}`` of the page's facts."""
    tree = lxml_html.fromstring(page.text)
    found = {}
    for dd in tree.cssselect("dl.content-facts dd"):
        name = next(c[5:] for c in dd.get("class").split() if c.startswith("fact-"))
        label = dd.getprevious().text_content().strip()
        found[name] = (label, [li.text_content().strip() for li in dd.cssselect("li")])
    return found


@pytest.mark.parametrize(
    ("language", "browser_language"), [("el", "en"), ("en", "el"), ("en", "en")]
)
def test_page_in_the_language_of_its_root(
    functional_translated, http, language, browser_language
):
    greek, english = functional_translated
    practice = {"el": greek, "en": english}[language]["mentoring"]
    session = http()
    session.headers["Accept-Language"] = browser_language
    page = session.get(practice.absolute_url())
    assert page.status_code == 200
    assert f'lang="{language}"' in page.text[:500]
    shown = facts(page)
    for name, label in LABELS.items():
        assert shown[name][0] == translate(label, target_language=language), name
    kind = dict(FIXED["practice_kinds"])["good_practice"]
    assert shown["kind"][1] == [translate(kind, target_language=language)]
    assert shown["thematic_areas"][1] == [THEMATIC[language]]
    assert shown["target_groups"][1] == [TARGET[language]]
    # The two languages do differ.
    other = "en" if language == "el" else "el"
    assert THEMATIC[other] not in page.text
