"""The review queue is one click away in the personal bar, for members."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import logout
from plone.app.testing import setRoles

import pytest


def user_actions(portal):
    return {
        info["id"]: info
        for info in portal.portal_actions.listActionInfos(
            object=portal["el"], categories=["user"]
        )
        if info["available"] and info["allowed"]
    }


@pytest.mark.parametrize(
    ("roles", "shown"),
    [(["Member"], True), (["Reviewer"], True), (["Site Administrator"], True)],
)
def test_members_have_the_review_queue_in_the_personal_bar(portal, roles, shown):
    setRoles(portal, TEST_USER_ID, roles)
    actions = user_actions(portal)
    assert ("review-queue" in actions) is shown
    assert actions["review-queue"]["url"] == portal["el"].absolute_url() + (
        "/@@review-queue"
    )


def test_anonymous_visitors_do_not(portal):
    logout()
    assert "review-queue" not in user_actions(portal)
    assert api.user.is_anonymous()
