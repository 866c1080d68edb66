"""A language added in the Language control panel gets its language root and
the add-on's sections, linked as translations of the other roots' sections,
without code: through the registry, and over HTTP as a Site Administrator."""

from collective.migrationnetwork.sections import SECTIONS
from plone import api
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.multilingual.interfaces import ITranslationManager

import pytest
import transaction


SECTION_IDS = [section[0] for section in SECTIONS]
SITE_ADMIN = ("language-admin", "a-long-secret-language")


def add_language(code):
    languages = list(api.portal.get_registry_record("plone.available_languages"))
    api.portal.set_registry_record("plone.available_languages", [*languages, code])


def check_root(portal, code):
    root = portal[code]
    assert ILanguageRootFolder.providedBy(root)
    for section_id in SECTION_IDS:
        section = root[section_id]
        assert section.Language() == code
        assert api.content.get_state(section) == "published"
        manager = ITranslationManager(section)
        assert manager.get_translation("el") == portal["el"][section_id]
        assert manager.get_translation("en") == portal["en"][section_id]
        assert (
            ITranslationManager(portal["el"][section_id]).get_translation(code)
            == section
        )


@pytest.mark.parametrize("code", ["it", "sl", "ro"])
def test_added_language_gets_root_and_sections(portal, code):
    assert code not in portal.objectIds()
    add_language(code)
    check_root(portal, code)


def test_section_titles_in_the_new_language(portal):
    add_language("it")
    # The Greek catalogue has no Italian: titles fall back to English,
    # ids are the same in every root.
    assert portal["it"]["practices"].Title() == "Practices"
    assert portal["el"]["practices"].Title() != "Practices"


def test_adding_again_changes_nothing(portal):
    add_language("it")
    sections = {name: portal["it"][name] for name in SECTION_IDS}
    add_language("nl")
    assert {name: portal["it"][name] for name in SECTION_IDS} == sections
    assert set(SECTION_IDS) <= set(portal["nl"].objectIds())


def test_other_records_do_not_set_up_anything(portal):
    api.portal.set_registry_record("plone.available_languages", ["el", "en"])
    api.portal.set_registry_record("plone.display_flags", True)
    assert "it" not in portal.objectIds()


def test_site_administrator_adds_italian_over_http(functional, http):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="admin@example.org",
            username=SITE_ADMIN[0],
            password=SITE_ADMIN[1],
        )
        api.user.grant_roles(username=SITE_ADMIN[0], roles=["Site Administrator"])
    transaction.commit()
    client = http(json=True, auth=SITE_ADMIN)
    response = client.patch(
        "/@controlpanels/language",
        json={"available_languages": ["el", "en", "it"]},
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    check_root(portal, "it")
    response = client.get("/it/practices")
    assert response.status_code == 200
    assert response.json()["language"]["token"] == "it"
