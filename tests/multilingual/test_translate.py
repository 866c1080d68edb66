"""Translating each of the five types, from the Classic UI ("Translate into"
→ ``@@create_translation`` → the ``++addtranslation++`` form) and over REST
(``@translation-locator``, then a POST with ``translation_of``): the
translation is made in the translated parent, linked to its source, its
language-independent fields filled from the source, and the source
recorded for the translation status."""

from accounts import ADMIN
from collective.migrationnetwork.multilingual.status import record
from multilingual.conftest import translate
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.testing.zope import Browser
from plone.uuid.interfaces import IUUID

import datetime
import pytest
import transaction


# portal_type: (key of the source, path of the translated parent, the
# language-independent fields to compare).
TYPES = {
    "Network": ("cities", "/en/networks", ("scope", "countries")),
    "Organisation": ("nicosia", "/en/organisations", ("kind", "country", "networks")),
    "Practice": (
        "mentoring",
        "/en/organisations/athens",
        ("kind", "status", "thematic_areas", "start_date", "funding_sources"),
    ),
    "Training": (
        "webinar",
        "/en/organisations/athens",
        ("kind", "format", "audience", "start", "end"),
    ),
    "Newsletter": ("newsletter", "/en/newsletters", ()),
}


@pytest.fixture
def sources(functional):
    """The Greek sample, Athens already in English (the parent of the
    practice and training translations), and a Greek newsletter."""
    from content_builders import build_sample

    portal = functional["portal"]
    greek = build_sample(portal)
    translate(greek["athens"], "en", "Municipality of Athens")
    with api.env.adopt_roles(["Manager"]):
        greek["newsletter"] = api.content.create(
            container=portal["el"]["newsletters"],
            type="Newsletter",
            id="issue-1",
            title="Ενημερωτικό δελτίο, Φεβρουάριος 2021",
            issue_number=1,
            issue_date=datetime.date(2021, 2, 1),
        )
    transaction.commit()
    return greek


def relation_targets(value):
    return [rel.to_object.UID() for rel in value or ()]


def check_translation(portal, source, translation, parent_path, fields):
    portal_path = "/".join(portal.getPhysicalPath())
    parent = translation.aq_parent
    assert "/".join(parent.getPhysicalPath()) == portal_path + parent_path
    assert translation.Language() == "en"
    assert ITranslationManager(source).get_translation("en").UID() == IUUID(translation)
    for name in fields:
        value, copied = getattr(source, name), getattr(translation, name)
        if name == "networks":
            assert relation_targets(copied) == relation_targets(value)
        else:
            assert copied == value, name
    assert record(translation)["uid"] == IUUID(source)


@pytest.mark.parametrize("portal_type", TYPES)
def test_translate_over_rest(functional, sources, http, portal_type):
    key, parent_path, fields = TYPES[portal_type]
    source = sources[key]
    client = http(json=True, auth=ADMIN)
    located = client.get(
        f"{source.absolute_url()}/@translation-locator",
        params={"target_language": "en"},
    )
    assert located.status_code == 200, located.text
    parent_url = located.json()["@id"]
    assert parent_url.endswith(parent_path)
    response = client.post(
        parent_url,
        json={
            "@type": portal_type,
            "title": f"{portal_type} in English",
            "translation_of": IUUID(source),
            "language": "en",
        },
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        translation = api.content.get(UID=response.json()["UID"])
    check_translation(functional["portal"], source, translation, parent_path, fields)
    # Both sides list each other.
    translations = client.get(f"{source.absolute_url()}/@translations").json()
    assert [item["language"] for item in translations["items"]] == ["en"]


@pytest.mark.parametrize("portal_type", TYPES)
def test_translate_in_the_classic_ui(functional, sources, portal_type):
    key, parent_path, fields = TYPES[portal_type]
    source = sources[key]
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic {}:{}".format(*ADMIN))
    browser.open(f"{source.absolute_url()}/@@create_translation?language=en")
    assert "++addtranslation++" in browser.url
    assert parent_path + "/++addtranslation++" in browser.url
    browser.getControl(
        name="form.widgets.IDublinCore.title"
    ).value = f"{portal_type} in English"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    translation = ITranslationManager(source).get_translation("en")
    assert translation is not None
    assert translation.Title() == f"{portal_type} in English"
    assert browser.url.startswith(translation.absolute_url())
    check_translation(functional["portal"], source, translation, parent_path, fields)
