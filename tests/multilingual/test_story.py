"""The issue's story, as a new user would try it over HTTP: in
/el/practices open a practice, switch to English and see the translation;
change a date in the Greek one and see it in the English one; change the
Greek text and see the English one marked outdated, until it is saved."""

from accounts import ADMIN
from lxml import html as lxml_html

import transaction


def links(page):
    return [a.get("href") or "" for a in lxml_html.fromstring(page.text).cssselect("a")]


def test_story(functional_translated, http):
    greek, english = functional_translated
    greek_url = greek["mentoring"].absolute_url()
    english_url = english["mentoring"].absolute_url()
    editor = http(auth=ADMIN)

    listing = editor.get("/el/practices")
    assert greek_url in links(listing)

    page = editor.get(greek_url)
    [switch] = [
        url
        for url in links(page)
        if "@@multilingual-selector/" in url and url.split("?")[0].endswith("/en")
    ]
    translation = editor.get(switch)
    assert translation.url.split("?")[0].rstrip("/") == english_url
    assert english["mentoring"].title in translation.text
    assert 'id="translation-status"' not in translation.text

    rest = http(json=True, auth=ADMIN)
    response = rest.patch(greek_url, json={"start_date": "2025-03-14"})
    assert response.status_code == 204
    shown = lxml_html.fromstring(editor.get(english_url).text)
    [start] = shown.cssselect(".fact-start_date li")
    assert "2025" in start.text_content()
    assert "14" in start.text_content()
    assert not shown.cssselect("#translation-status")

    response = rest.patch(
        greek_url,
        json={"description": "Καθοδήγηση προσφύγων για την εύρεση εργασίας."},
    )
    assert response.status_code == 204
    outdated = lxml_html.fromstring(editor.get(english_url).text)
    [box] = outdated.cssselect("#translation-status")
    assert [n.get("data-field") for n in box.cssselect("[data-field]")] == [
        "description"
    ]
    assert "Καθοδήγηση προσφύγων" in box.text_content()

    response = rest.patch(
        english_url, json={"description": "Mentoring refugees into work."}
    )
    assert response.status_code == 204
    transaction.begin()
    assert 'id="translation-status"' not in editor.get(english_url).text
