"""The sample network in /el and /en, with newsletters, committed for HTTP."""

from collective.migrationnetwork.workflows import make_public
from content_builders import build_sample
from plone import api

import pytest
import transaction


def add_newsletters(portal, lang):
    """A sent newsletter (public) and a draft one in ``lang``."""
    with api.env.adopt_roles(["Manager"]):
        folder = portal[lang]["newsletters"]
        sent = make_public(
            api.content.create(
                container=folder,
                type="Newsletter",
                id="issue-1",
                title="Newsletter, issue 1",
                description="Housing and work in the network's cities.",
                issue_number=1,
            )
        )
        draft = api.content.create(
            container=folder,
            type="Newsletter",
            id="issue-2",
            title="Newsletter, issue 2 (draft)",
            issue_number=2,
        )
    return {"newsletter": sent, "draft_newsletter": draft}


@pytest.fixture
def bilingual(functional):
    """``{lang: {short name: object}}`` for el and en."""
    portal = functional["portal"]
    objects = {}
    for lang in ("el", "en"):
        objects[lang] = build_sample(portal, lang)
        objects[lang].update(add_newsletters(portal, lang))
    transaction.commit()
    return objects


@pytest.fixture
def browser(http):
    """An anonymous client, as a feed reader or a spreadsheet program."""
    return http()
