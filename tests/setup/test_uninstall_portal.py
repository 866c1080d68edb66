"""Uninstalling the add-on from the portal (the distribution's site, with
its language roots, sections and content): every remaining page answers
200 or 404, never 500; the sections are plain folders again; the root
has Plone's view of a multilingual site."""

from collective.migrationnetwork import PACKAGE_NAME
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import transaction


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def uninstalled(functional, functional_sample, http):
    answer = http(auth=ADMIN, json=True).post(f"@addons/{PACKAGE_NAME}/uninstall")
    assert answer.status_code == 204, answer.text
    transaction.begin()
    return functional["portal"]


def remaining_paths(portal):
    site_path = "/".join(portal.getPhysicalPath())
    return sorted(
        {
            brain.getPath()[len(site_path) + 1 :]
            for brain in portal.portal_catalog.unrestrictedSearchResults(path=site_path)
        }
        | {""}
    )


@pytest.mark.parametrize("user", ["anonymous", "admin"])
def test_every_remaining_page_answers(uninstalled, functional_sample, http, user):
    browser = http(auth=ADMIN) if user == "admin" else http()
    deleted = [
        "/".join(obj.getPhysicalPath()[2:]) for obj in functional_sample.values()
    ]
    seen = {
        path: browser.get(path, allow_redirects=False).status_code
        for path in remaining_paths(uninstalled) + deleted
    }
    assert set(seen.values()) <= {200, 302, 404}, seen
    for section in ("organisations", "practices", "trainings", "networks"):
        assert seen[f"el/{section}"] == 200
    assert seen[""] == 302  # plone.app.multilingual's language switcher
    for path in deleted:
        assert seen[path] == 404, path


def test_sections_are_plain_folders_again(uninstalled):
    for section in ("organisations", "practices", "trainings"):
        folder = uninstalled["el"][section]
        assert folder.getLayout() == folder.getTypeInfo().default_view
    assert uninstalled.getLayout() == "language-switcher"
    assert api.portal.get_registry_record("plone.default_language") == "el"


def test_reinstalling_the_portal_layer_gives_the_portal_back(uninstalled, http):
    from zope.component.hooks import setSite

    answer = http(auth=ADMIN, json=True).post(f"@addons/{PACKAGE_NAME}/install")
    assert answer.status_code == 204, answer.text
    transaction.begin()
    setSite(uninstalled)
    uninstalled.portal_setup.runAllImportStepsFromProfile(
        f"profile-{PACKAGE_NAME}:portal"
    )
    assert uninstalled.getLayout() == "network-home"
    assert uninstalled["el"]["organisations"].getLayout() == "organisations-listing"
