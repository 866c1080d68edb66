"""The five content types: FTIs, schemas, where they may be added."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.dexterity.interfaces import IDexterityFTI
from zope.component import queryUtility
from zope.schema import getFieldsInOrder

import pytest


TYPES = {
    "Network": {
        "klass": "collective.migrationnetwork.content.network.Network",
        "schema": "collective.migrationnetwork.content.network.INetwork",
        "add_permission": "collective.migrationnetwork.AddNetwork",
        "allowed": {"File", "Image", "Document"},
        "global_allow": True,
        "behaviors": {"plone.translatable", "plone.namefromtitle", "plone.shortname"},
    },
    "Organisation": {
        "klass": "collective.migrationnetwork.content.organisation.Organisation",
        "schema": "collective.migrationnetwork.content.organisation.IOrganisation",
        "add_permission": "collective.migrationnetwork.AddOrganisation",
        "allowed": {"Practice", "Training", "File", "Image", "Link"},
        "global_allow": True,
        "behaviors": {"plone.translatable", "plone.excludefromnavigation"},
    },
    "Practice": {
        "klass": "collective.migrationnetwork.content.practice.Practice",
        "schema": "collective.migrationnetwork.content.practice.IPractice",
        "add_permission": "collective.migrationnetwork.AddPractice",
        "allowed": {"File", "Image", "Link"},
        "global_allow": False,
        "behaviors": {"plone.translatable", "plone.versioning", "plone.leadimage"},
    },
    "Training": {
        "klass": "collective.migrationnetwork.content.training.Training",
        "schema": "collective.migrationnetwork.content.training.ITraining",
        "add_permission": "collective.migrationnetwork.AddTraining",
        "allowed": {"File", "Image", "Link"},
        "global_allow": False,
        "behaviors": {
            "plone.eventbasic",
            "plone.eventrecurrence",
            "plone.eventlocation",
            "plone.eventcontact",
            "plone.versioning",
        },
    },
    "Newsletter": {
        "klass": "collective.migrationnetwork.content.newsletter.Newsletter",
        "schema": "collective.migrationnetwork.content.newsletter.INewsletter",
        "add_permission": "collective.migrationnetwork.AddNewsletter",
        "allowed": {"File", "Image"},
        "global_allow": True,
        "behaviors": {"plone.translatable", "plone.versioning"},
    },
}


@pytest.mark.parametrize("portal_type", TYPES)
class TestFTI:
    def test_fti(self, portal, portal_type):
        fti = queryUtility(IDexterityFTI, name=portal_type)
        expected = TYPES[portal_type]
        assert fti.klass == expected["klass"]
        assert fti.schema == expected["schema"]
        assert fti.add_permission == expected["add_permission"]
        assert set(fti.allowed_content_types) == expected["allowed"]
        assert fti.filter_content_types is True
        assert fti.global_allow is expected["global_allow"]
        assert expected["behaviors"] <= set(fti.behaviors)
        assert fti.add_view_expr == f"string:${{folder_url}}/++add++{portal_type}"

    def test_add_permission_registered(self, portal, portal_type):
        title = f"collective.migrationnetwork: Add {portal_type}"
        roles = {r["name"] for r in portal.rolesOfPermission(title) if r["selected"]}
        assert {"Manager", "Site Administrator"} <= roles
        assert "Anonymous" not in roles

    def test_every_field_has_a_title(self, portal, portal_type):
        fti = queryUtility(IDexterityFTI, name=portal_type)
        for name, field in getFieldsInOrder(fti.lookupSchema()):
            assert field.title, name


VOCABULARY_FIELDS = [
    ("Organisation", "kind", "collective.migrationnetwork.organisation_kinds"),
    ("Organisation", "country", "collective.migrationnetwork.countries"),
    ("Organisation", "network_role", "collective.migrationnetwork.network_roles"),
    ("Organisation", "thematic_areas", "collective.migrationnetwork.thematic_areas"),
    ("Network", "scope", "collective.migrationnetwork.network_scopes"),
    ("Practice", "kind", "collective.migrationnetwork.practice_kinds"),
    ("Practice", "status", "collective.migrationnetwork.practice_statuses"),
    ("Practice", "target_groups", "collective.migrationnetwork.target_groups"),
    ("Practice", "funding_sources", "collective.migrationnetwork.funding_sources"),
    ("Practice", "gcm_objectives", "collective.migrationnetwork.gcm_objectives"),
    ("Training", "kind", "collective.migrationnetwork.training_kinds"),
    ("Training", "format", "collective.migrationnetwork.training_formats"),
    ("Training", "audience", "collective.migrationnetwork.audiences"),
    ("Newsletter", "segment_countries", "collective.migrationnetwork.countries"),
]


@pytest.mark.parametrize(("portal_type", "field", "vocabulary"), VOCABULARY_FIELDS)
def test_field_vocabulary(portal, portal_type, field, vocabulary):
    schema = queryUtility(IDexterityFTI, name=portal_type).lookupSchema()
    f = schema[field]
    choice = getattr(f, "value_type", None) or f
    assert choice.vocabularyName == vocabulary


CONTAINERS = [
    ("Network", "el/networks", True),
    ("Organisation", "el/organisations", True),
    ("Newsletter", "el/newsletters", True),
    ("Organisation", "el/networks", False),
    ("Practice", "el/practices", False),
    ("Practice", "el/organisations", False),
    ("Training", "el/trainings", False),
    ("Network", "el/newsletters", False),
]


@pytest.mark.parametrize(("portal_type", "path", "allowed"), CONTAINERS)
def test_where_types_may_be_added(portal, portal_type, path, allowed):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    container = portal.unrestrictedTraverse(path)
    addable = {fti.getId() for fti in container.allowedContentTypes()}
    assert (portal_type in addable) is allowed


@pytest.mark.parametrize("portal_type", ["Practice", "Training"])
def test_items_are_added_inside_an_organisation(sample, portal_type):
    addable = {fti.getId() for fti in sample["athens"].allowedContentTypes()}
    assert portal_type in addable


@pytest.mark.parametrize(
    ("role", "portal_type", "allowed"),
    [
        ("Contributor", "Practice", True),
        ("Contributor", "Training", True),
        ("Contributor", "Organisation", False),
        ("Member", "Practice", False),
        ("Reviewer", "Organisation", True),
        ("Reviewer", "Network", True),
    ],
)
def test_add_permission_by_role(sample, role, portal_type, allowed):
    container = {
        "Practice": sample["athens"],
        "Training": sample["athens"],
        "Organisation": api.portal.get()["el"]["organisations"],
        "Network": api.portal.get()["el"]["networks"],
    }[portal_type]
    with api.env.adopt_roles([role]):
        assert (
            api.user.has_permission(
                f"collective.migrationnetwork: Add {portal_type}", obj=container
            )
            is allowed
        )


def test_types_never_listed_in_navigation(portal):
    displayed = set(api.portal.get_registry_record("plone.displayed_types"))
    assert displayed.isdisjoint(set(TYPES))
