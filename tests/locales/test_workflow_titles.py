"""The states and transitions of the add-on's workflows are shown in Greek
(Plone translates their titles in its own "plone" domain)."""

from zope.i18n import translate

import pytest


WORKFLOWS = (
    "network_review_workflow",
    "organisation_workflow",
    "newsletter_workflow",
    "network_workflow",
)


def titles(portal, kind):
    workflow_tool = portal.portal_workflow
    for workflow_id in WORKFLOWS:
        workflow = workflow_tool[workflow_id]
        folder = workflow.states if kind == "states" else workflow.transitions
        for item in folder.objectValues():
            yield workflow_id, item.getId(), item.title
            if kind == "transitions" and item.actbox_name:  # automatic: none
                yield workflow_id, item.getId(), item.actbox_name


@pytest.mark.parametrize("kind", ["states", "transitions"])
def test_every_title_has_greek(portal, kind):
    untranslated = [
        (workflow_id, item_id, title)
        for workflow_id, item_id, title in titles(portal, kind)
        if translate(title, domain="plone", target_language="el") == title
    ]
    assert untranslated == []


def test_english_titles_stay_english(portal):
    for _workflow_id, _item_id, title in titles(portal, "states"):
        assert translate(title, domain="plone", target_language="en") == title
