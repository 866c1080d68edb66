"""Fixtures of the multilingual tests: the sample network of
content_builders in /el, with some of it translated into English the way
plone.app.multilingual does it (``ITranslationManager.add_translation``:
in the translated parent, language-independent fields copied)."""

from content_builders import build_sample
from content_builders import publish
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager

import pytest
import transaction


# The items the fixtures translate, parents before children.
TRANSLATED = ("cities", "athens", "mentoring", "webinar")
ENGLISH_TITLES = {
    "cities": "Cities Network for Integration (EN)",
    "athens": "Municipality of Athens (EN)",
    "mentoring": "Job mentoring for refugees (EN)",
    "webinar": "Webinar on labour integration (EN)",
}


def translate(obj, language="en", title=None):
    """The translation of ``obj`` into ``language``, created as the Classic
    UI's "Translate into" does (in the translated parent)."""
    with api.env.adopt_roles(["Manager"]):
        translation = ITranslationManager(obj).add_translation(language)
        translation.title = title or f"{obj.title} ({language})"
        translation.reindexObject()
        publish(translation)
    return translation


def build_translated(portal):
    greek = build_sample(portal)
    english = {
        key: translate(greek[key], "en", ENGLISH_TITLES[key]) for key in TRANSLATED
    }
    return greek, english


@pytest.fixture
def translated(portal):
    """``(greek, english)``: dicts of the sample's objects by short name."""
    return build_translated(portal)


@pytest.fixture
def functional_translated(functional):
    objects = build_translated(functional["portal"])
    transaction.commit()
    return objects
