"""DELETE_EXISTING: the site is deleted only once confirmed, and also when
it holds working copies (whose subscribers look up the site's IIntIds)."""

from collective.migrationnetwork.sitesetup import DeletionRefused
from collective.migrationnetwork.sitesetup import confirm_deletion
from collective.migrationnetwork.sitesetup import delete_site
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy

import pytest


def test_a_site_with_a_working_copy_is_deleted(app, portal, sample):
    practice = next(obj for obj in sample.values() if obj.portal_type == "Practice")
    with api.env.adopt_roles(["Manager"]):
        if api.content.get_state(practice) != "published":
            api.content.transition(practice, to_state="published")
        ICheckinCheckoutPolicy(practice).checkout(practice.__parent__)
    site_id = portal.getId()
    delete_site(app, site_id)
    assert site_id not in app.objectIds()


@pytest.mark.parametrize(
    ("environ", "typed"),
    [({}, None), ({"FORCE": "0"}, None), ({}, "other"), ({}, "")],
)
def test_deletion_is_refused_without_confirmation(environ, typed):
    ask = None if typed is None else (lambda prompt: typed)
    with pytest.raises(DeletionRefused, match="FORCE=1"):
        confirm_deletion("Plone", environ=environ, ask=ask)


@pytest.mark.parametrize(
    ("environ", "typed"), [({"FORCE": "1"}, None), ({}, "Plone"), ({}, " Plone\n")]
)
def test_deletion_is_confirmed(environ, typed):
    ask = None if typed is None else (lambda prompt: typed)
    assert confirm_deletion("Plone", environ=environ, ask=ask) is None
