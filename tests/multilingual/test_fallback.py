"""Language fallback: with the setting on, listings and searches in /en also
find the items that exist only in another language, marked with their
language; items translated into English are found once, in English. All
from the catalogue: no content object is woken."""

from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.search.fallback import SETTING
from collective.migrationnetwork.search.summary import Summarizer
from plone import api
from search.test_network_search_loads import CONTENT_CLASSES
from search.test_network_search_loads import content_oids
from search.test_network_search_loads import recorder  # noqa: F401 (fixture)
from search.test_network_search_loads import woken

import pytest
import transaction


def fallback(on=True):
    api.portal.set_registry_record(SETTING, on)


def found(context, **params):
    result = network_search(context, params)
    return {brain.UID: brain.Language for brain in result.items}, result


def test_setting_is_off_by_default(portal):
    assert api.portal.get_registry_record(SETTING) is False


def test_without_fallback_only_english(translated):
    greek, english = translated
    items, _result = found(english["athens"], portal_type="Practice")
    assert items == {english["mentoring"].UID(): "en"}


@pytest.mark.parametrize(
    "portal_type", ["Practice", "Training", "Organisation", "Network"]
)
def test_fallback_adds_items_only_in_greek(translated, portal_type):
    greek, english = translated
    fallback()
    items, result = found(api.portal.get()["en"], portal_type=portal_type)
    expected = {
        (english.get(key) or obj).UID(): "en" if key in english else "el"
        for key, obj in greek.items()
        if obj.portal_type == portal_type
    }
    assert items == expected
    assert result.language == "en"


def test_summaries_and_listing_mark_the_language(translated):
    greek, english = translated
    fallback()
    items, result = found(api.portal.get()["en"], portal_type="Practice")
    summaries = {
        summary["UID"]: summary
        for _b, summary in Summarizer(api.portal.get()["en"], result.batch, "en")
    }
    assert summaries[greek["housing"].UID()]["language"] == "el"
    assert summaries[english["mentoring"].UID()]["language"] == "en"


def test_facet_counts_include_fallback_items(translated):
    greek, english = translated
    fallback()
    result = network_search(
        api.portal.get()["en"], {"portal_type": "Practice", "facets": "countries"}
    )
    counts = {value.token: value.count for value in result.facets["countries"].values}
    assert counts["CY"] == 1  # the housing help desk, only in Greek
    assert counts["GR"] == 2  # mentoring in English, the draft in Greek


def test_english_only_item_found_from_greek(translated):
    greek, english = translated
    with api.env.adopt_roles(["Manager"]):
        only_english = api.content.create(
            container=english["athens"],
            type="Practice",
            id="english-only",
            title="English-only practice",
            kind="tool",
        )
    fallback()
    items, _result = found(api.portal.get()["el"], portal_type="Practice")
    assert items[only_english.UID()] == "en"
    assert english["mentoring"].UID() not in items
    assert greek["mentoring"].UID() in items


def test_one_item_per_translation_group(translated):
    """An item in Greek and Italian, not English: found once, in Greek (the
    default language)."""
    greek, english = translated
    api.portal.set_registry_record("plone.available_languages", ["el", "en", "it"])
    from multilingual.conftest import translate

    translate(greek["nicosia"], "it", "Università di Nicosia")
    italian = translate(greek["housing"], "it", "Sportello casa")
    fallback()
    items, _result = found(api.portal.get()["en"], portal_type="Practice")
    assert items[greek["housing"].UID()] == "el"
    assert italian.UID() not in items


# Over HTTP: the listing page and @network-search


@pytest.fixture
def committed(functional_translated):
    fallback()
    transaction.commit()
    return functional_translated


def test_listing_page_marks_greek_items(committed, http):
    greek, english = committed
    page = http().get("/en/practices")
    assert page.status_code == 200
    assert greek["housing"].absolute_url() in page.text
    assert 'class="badge bg-secondary network-item-language"' in page.text
    assert 'lang="el"' in page.text
    assert greek["mentoring"].absolute_url() not in page.text


def test_network_search_with_fallback_loads_no_content(committed, http, recorder):  # noqa: F811
    greek, english = committed
    session = http(json=True)
    params = {"facets": "countries,thematic_areas", "b_size": "100"}
    session.get("/en/@network-search", params=params)  # warm up
    response, loads = recorder.record(
        lambda: session.get("/en/@network-search", params=params)
    )
    assert response.status_code == 200
    items = {item["UID"]: item["language"] for item in response.json()["items"]}
    assert items[greek["housing"].UID()] == "el"
    assert items[english["mentoring"].UID()] == "en"
    assert greek["mentoring"].UID() not in items
    assert len(loads) > 0
    objects = list(greek.values()) + list(english.values())
    assert woken(loads, content_oids(objects)) == []
    assert CONTENT_CLASSES  # the classes the measure looks for
