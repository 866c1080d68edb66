"""The add-on in an integrator's site: a plain English Plone site with a
page, a folder and a news item keeps its language, front page, root view
and navigation when the add-on is installed, and answers 200 or 404 on
every remaining page once it is uninstalled, never 500."""

from collective.migrationnetwork import PACKAGE_NAME
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import transaction


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
ADDON = f"@addons/{PACKAGE_NAME}"


@pytest.fixture
def site(functional):
    """The integrator's site, with their content and choices."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(portal, "Document", id="page", title="Welcome")
        folder = api.content.create(portal, "Folder", id="folder", title="About")
        news = api.content.create(folder, "News Item", id="news", title="Opening")
        for obj in (page, folder, news):
            api.content.transition(obj, transition="publish")
    portal.setDefaultPage("page")
    transaction.commit()
    return portal


@pytest.fixture
def admin(http):
    return http(auth=ADMIN, json=True)


def install(admin):
    answer = admin.post(f"{ADDON}/install")
    assert answer.status_code == 204, answer.text
    transaction.begin()


def uninstall(admin):
    answer = admin.post(f"{ADDON}/uninstall")
    assert answer.status_code == 204, answer.text
    transaction.begin()


def tabs(portal):
    return set(portal.portal_actions.portal_tabs.objectIds())


def test_install_keeps_language_front_page_and_navigation(site, admin, http):
    layout = site.getLayout()
    before_tabs = tabs(site)
    install(admin)
    assert api.addon.get(PACKAGE_NAME).valid  # noqa: SIM300
    assert api.portal.get_registry_record("plone.default_language") == "en"
    assert api.portal.get_registry_record("plone.available_languages") == ["en"]
    assert site.getLayout() == layout
    assert site.getDefaultPage() == "page"
    assert tabs(site) == before_tabs
    assert "el" not in site.objectIds()
    assert site["folder"]["news"].getPhysicalPath()[-2:] == ("folder", "news")
    browser = http()
    for path in ("", "page", "folder", "folder/news"):
        answer = browser.get(path)
        assert answer.status_code == 200, path
        assert '<html lang="en"' in answer.text or 'lang="en"' in answer.text, path
        assert "Join the network" not in answer.text, path


def test_install_gives_the_types_workflows_and_services(site, admin):
    install(admin)
    types = api.portal.get_tool("portal_types")
    for name in ("Network", "Organisation", "Practice", "Training", "Newsletter"):
        assert name in types.objectIds()
    organisation = admin.post(
        "folder",
        json={
            "@type": "Organisation",
            "id": "ngo",
            "title": "An NGO",
            "kind": "ngo",
            "country": "GR",
        },
    )
    assert organisation.status_code == 201, organisation.text
    transaction.begin()
    assert api.content.get_state(site["folder"]["ngo"]) == "applied"
    assert admin.get("@review-queue").status_code == 200
    assert "thematic_areas" in site.portal_catalog.indexes()


def every_type(portal):
    """An item of each of the add-on's types in the integrator's folder,
    some with content of Plone's types inside, one checked out."""
    from plone.app.iterate.interfaces import ICheckinCheckoutPolicy

    folder = portal["folder"]
    with api.env.adopt_roles(["Manager"]):
        network = api.content.create(folder, "Network", id="net", title="Network")
        organisation = api.content.create(
            folder, "Organisation", id="ngo", title="NGO", kind="ngo"
        )
        practice = api.content.create(organisation, "Practice", id="p", title="P")
        api.content.create(organisation, "Training", id="t", title="Training")
        api.content.create(practice, "File", id="f", title="F")
        api.content.create(folder, "Newsletter", id="issue", title="Issue")
        api.content.create(network, "Document", id="charter", title="Charter")
        api.content.transition(practice, to_state="published")
        ICheckinCheckoutPolicy(practice).checkout(organisation)
    transaction.commit()
    return [
        "/".join(obj.getPhysicalPath()[2:]) for obj in (network, organisation, practice)
    ]


def site_path(portal):
    return "/".join(portal.getPhysicalPath())


def remaining_paths(portal):
    catalog = portal.portal_catalog
    paths = {
        "/".join(brain.getPath().split("/")[2:])
        for brain in catalog.unrestrictedSearchResults(path=site_path(portal))
    }
    return sorted(paths | {""})


@pytest.mark.parametrize("user", ["anonymous", "admin"])
def test_every_page_works_after_uninstall(site, admin, http, user):
    install(admin)
    deleted = every_type(site)
    uninstall(admin)
    browser = http(auth=ADMIN) if user == "admin" else http()
    seen = {}
    for path in remaining_paths(site) + deleted:
        for view in ("", "/folder_contents") if user == "admin" else ("",):
            seen[path + view] = browser.get(path + view).status_code
    assert {code for code in seen.values()} <= {200, 404}, seen
    assert seen[""] == seen["folder"] == seen["page"] == seen["folder/news"] == 200
    for path in deleted:
        assert seen[path] == 404, path


def test_uninstall_removes_what_was_added(site, admin):
    from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP

    install(admin)
    every_type(site)
    assert api.group.get(groupname=SECRETARIAT_GROUP) is not None
    uninstall(admin)
    types = api.portal.get_tool("portal_types")
    workflows = api.portal.get_tool("portal_workflow")
    assert not {"Network", "Organisation", "Newsletter"} & set(types.objectIds())
    assert "network_review_workflow" not in workflows.objectIds()
    assert "Organisation" not in dict(workflows.listChainOverrides())
    stale = [
        brain.getPath()
        for brain in site.portal_catalog.unrestrictedSearchResults(path=site_path(site))
        if site.unrestrictedTraverse(brain.getPath(), None) is None
    ]
    assert stale == []
    assert not [
        group.getId()
        for group in api.group.get_groups()
        if group.getId().startswith(("network-", "organisation-", "newsletter-"))
    ]
    assert not site.portal_catalog.unrestrictedSearchResults(
        portal_type=["Network", "Organisation", "Practice", "Training", "Newsletter"]
    )
    registry = api.portal.get_tool("portal_registry")
    assert not [key for key in registry.records if key.startswith(PACKAGE_NAME)]
    assert api.portal.get_registry_record("plone.default_language") == "en"
    assert site.getDefaultPage() == "page"


def test_the_portal_layer_is_the_integrators_choice(site, admin):
    """Running the portal profile makes the site the portal: Greek and
    English roots with their sections, the network's home page."""
    install(admin)
    site.portal_setup.runAllImportStepsFromProfile(f"profile-{PACKAGE_NAME}:portal")
    assert api.portal.get_registry_record("plone.default_language") == "el"
    assert {"el", "en"} <= set(site.objectIds())
    assert "organisations" in site["en"].objectIds()
    assert site.getLayout() == "network-home"
    assert "join-network" in tabs(site)


def test_the_distribution_is_offered(functional):
    """The Create a Plone site form lists the portal's distribution, with
    the add-on and its portal layer as its profiles."""
    from plone.distribution.api import distribution

    offered = {dist.name: dist for dist in distribution.get_distributions()}
    portal = offered["migrationnetwork"]
    assert portal.profiles[-2:] == [
        f"{PACKAGE_NAME}:default",
        f"{PACKAGE_NAME}:portal",
    ]
    assert portal.schema["properties"]["default_language"]["default"] == "el"
