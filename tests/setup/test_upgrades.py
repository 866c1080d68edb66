"""Upgrade steps: a site made with an earlier profile ends up like a new one."""

from collective.migrationnetwork import PACKAGE_NAME
from plone import api
from plone.app.testing import logout

import pytest


PROFILE = f"{PACKAGE_NAME}:default"
# Every profile version after 1000, in order; the last is the current one.
VERSIONS = [
    ("1001",),
    ("1002",),
    ("1003",),
    ("1004",),
    ("1005",),
    ("1006",),
    ("1007",),
    ("1008",),
    ("1009",),
    ("1010",),
    ("1011",),
    ("1012",),
]
CURRENT = VERSIONS[-1]
TYPES = ("Network", "Organisation", "Practice", "Training", "Newsletter")


@pytest.fixture
def site_of_1000(portal):
    """Items as profile 1000 left them: Plone's simple publication workflow
    on the add-on's types, some published, some not."""
    workflow_tool = portal.portal_workflow
    workflow_tool.setChainForPortalTypes(TYPES, "simple_publication_workflow")
    root = portal["el"]
    with api.env.adopt_roles(["Manager"]):
        network = api.content.create(root["networks"], "Network", id="net", title="N")
        organisation = api.content.create(
            root["organisations"], "Organisation", id="org", title="O", kind="ngo"
        )
        published = api.content.create(organisation, "Practice", id="pub", title="P")
        draft = api.content.create(organisation, "Practice", id="draft", title="D")
        pending = api.content.create(organisation, "Training", id="pending", title="T")
        newsletter = api.content.create(
            root["newsletters"], "Newsletter", id="issue", title="I"
        )
        for obj in (network, organisation, published, newsletter):
            api.content.transition(obj, transition="publish")
        api.content.transition(pending, transition="submit")
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1000")
    return {
        "network": network,
        "organisation": organisation,
        "published": published,
        "draft": draft,
        "pending": pending,
        "newsletter": newsletter,
    }


def test_the_site_needs_the_upgrade(portal, site_of_1000):
    assert PROFILE in portal.portal_setup.listProfilesWithUpgrades()
    steps = [
        step
        for group in portal.portal_setup.listUpgrades(PROFILE)
        for step in (group if isinstance(group, list) else [group])
    ]
    assert [step["dest"] for step in steps] == VERSIONS


@pytest.mark.parametrize(
    ("key", "state"),
    [
        ("network", "published"),
        ("organisation", "active"),
        ("published", "published"),
        ("draft", "private"),
        ("pending", "pending_coordinator"),
        ("newsletter", "sent"),
    ],
)
def test_items_are_carried_over(portal, site_of_1000, key, state):
    portal.portal_setup.upgradeProfile(PROFILE)
    obj = site_of_1000[key]
    assert portal.portal_setup.getLastVersionForProfile(PROFILE) == CURRENT
    assert api.content.get_state(obj) == state
    (workflow,) = portal.portal_workflow.getWorkflowsFor(obj)
    assert workflow.getId() != "simple_publication_workflow"


def test_public_stays_public_and_drafts_private(portal, site_of_1000):
    portal.portal_setup.upgradeProfile(PROFILE)
    logout()
    found = {brain.getId for brain in api.content.find(portal_type="Practice")}
    assert found == {"pub"}
    assert api.content.find(UID=site_of_1000["organisation"].UID())


def test_upgrading_twice_changes_nothing(portal, site_of_1000):
    portal.portal_setup.upgradeProfile(PROFILE)
    history = len(site_of_1000["published"].workflow_history)
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1000")
    portal.portal_setup.upgradeProfile(PROFILE)
    assert len(site_of_1000["published"].workflow_history) == history
    assert api.content.get_state(site_of_1000["published"]) == "published"


def test_starting_an_existing_site_runs_pending_upgrades(portal, site_of_1000):
    from collective.migrationnetwork.sitesetup import upgrade

    assert upgrade(portal) is True
    assert portal.portal_setup.getLastVersionForProfile(PROFILE) == CURRENT
    assert api.content.get_state(site_of_1000["organisation"]) == "active"
    assert upgrade(portal) is False


def test_new_indexes_are_filled_on_upgrade(portal):
    """A site of 1001 lacking an index of the current profile gets it, filled."""
    catalog = portal.portal_catalog
    with api.env.adopt_roles(["Manager"]):
        organisation = api.content.create(
            portal["el"]["organisations"], "Organisation", id="o", title="O", kind="ngo"
        )
        api.content.create(organisation, "Practice", id="p", title="P")
    catalog.delIndex("review_state_date")
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1001")
    portal.portal_setup.upgradeProfile(PROFILE)
    assert portal.portal_setup.getLastVersionForProfile(PROFILE) == CURRENT
    assert "review_state_date" in catalog.indexes()
    assert len(catalog._catalog.getIndex("review_state_date")) >= 1


def test_the_format_index_loses_mime_types_on_upgrade(portal):
    catalog = portal.portal_catalog
    with api.env.adopt_roles(["Manager"]):
        document = api.content.create(portal["el"], "Document", id="d", title="D")
    index = catalog._catalog.getIndex("format")
    index.index_object(catalog.getrid("/".join(document.getPhysicalPath())), document)
    assert len(catalog.unrestrictedSearchResults(format="text/html")) == 1
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1001")
    portal.portal_setup.upgradeProfile(PROFILE)
    assert len(catalog.unrestrictedSearchResults(format="text/html")) == 0


def test_translations_get_their_source_recorded(portal):
    """Translations made before profile 1002 record no source: the upgrade
    records the Greek item as the source of its English translation, up to
    date; a later change of the Greek text outdates it."""
    from collective.migrationnetwork.multilingual.status import KEY
    from collective.migrationnetwork.multilingual.status import is_outdated
    from plone.app.multilingual.interfaces import ITranslationManager
    from zope.annotation.interfaces import IAnnotations
    from zope.lifecycleevent import modified

    with api.env.adopt_roles(["Manager"]):
        greek = api.content.create(
            portal["el"]["networks"], "Network", id="net", title="Δίκτυο"
        )
        english = ITranslationManager(greek).add_translation("en")
        english.title = "Network"
    del IAnnotations(english)[KEY]
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1001")
    portal.portal_setup.upgradeProfile(PROFILE)
    assert IAnnotations(english)[KEY]["uid"] == greek.UID()
    assert KEY not in IAnnotations(greek)
    assert not is_outdated(english)
    greek.title = "Άλλο δίκτυο"
    modified(greek)
    assert is_outdated(english)
    assert [b.UID for b in api.content.find(translation_outdated=True)] == [
        english.UID()
    ]


def test_upgrade_1003_takes_sharing_from_editors(portal, sample):
    """A site of 1002 gets the workflows of 1003: an organisation's editors
    no longer hold the sharing permissions on it."""
    from collective.migrationnetwork.sitesetup import upgrade

    athens = sample["athens"]
    athens.manage_permission("Sharing page: Delegate roles", ["Editor"], acquire=0)
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1002")
    upgrade(portal)
    roles = {
        r["name"]
        for r in athens.rolesOfPermission("Sharing page: Delegate roles")
        if r["selected"]
    }
    assert roles == {"Manager", "Site Administrator"}


def test_querystring_criteria_are_registered_on_upgrade(portal):
    """A site of 1010 gets the classifications as querystring criteria."""
    registry = portal.portal_registry
    prefix = "plone.app.querystring.field.thematic_areas"
    for name in [record for record in registry.records if record.startswith(prefix)]:
        del registry.records[name]
    assert f"{prefix}.title" not in registry.records
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1010")
    portal.portal_setup.upgradeProfile(PROFILE)
    assert portal.portal_setup.getLastVersionForProfile(PROFILE) == CURRENT
    assert registry[f"{prefix}.vocabulary"] == (
        "collective.migrationnetwork.thematic_areas"
    )
    assert registry[f"{prefix}.enabled"] is True
