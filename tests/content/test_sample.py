"""The sample network builds, and is indexed as designed."""

from plone import api


def test_sample_indexes_organisation_and_networks(sample):
    catalog = api.portal.get_tool("portal_catalog")
    cities_uid = api.content.get_uuid(sample["cities"])
    cyprus_uid = api.content.get_uuid(sample["cyprus"])
    # The Cyprus network is a sub-network of the cities network, so the
    # University of Nicosia's practice belongs to both.
    brains = catalog(portal_type="Practice", networks=cities_uid, sort_on="id")
    assert [b.id for b in brains] == ["draft-practice", "housing-help", "job-mentoring"]
    brains = catalog(portal_type="Practice", networks=cyprus_uid)
    assert [b.id for b in brains] == ["housing-help"]
    brain = catalog(UID=api.content.get_uuid(sample["housing"]))[0]
    assert brain.organisation == api.content.get_uuid(sample["nicosia"])
    assert brain.organisation_title == "University of Nicosia"
    assert brain.countries == ("CY",)
    assert brain.thematic_areas == ("housing",)


def test_training_takes_country_of_organisation(sample):
    catalog = api.portal.get_tool("portal_catalog")
    brain = catalog(UID=api.content.get_uuid(sample["visit"]))[0]
    assert brain.countries == ("CY",)
    assert brain.format == "in_person"


def test_items_follow_organisation_changes(sample):
    """Renaming the organisation or changing its networks reaches the
    entries of its practices at once."""
    from collective.migrationnetwork.content.organisation import IOrganisation
    from content_builders import relation
    from zope.lifecycleevent import Attributes
    from zope.lifecycleevent import modified

    catalog = api.portal.get_tool("portal_catalog")
    athens = sample["athens"]
    athens.title = "City of Athens"
    athens.networks = [relation(sample["cyprus"])]
    modified(athens, Attributes(IOrganisation, "networks"))
    brain = catalog(UID=api.content.get_uuid(sample["mentoring"]))[0]
    assert brain.organisation_title == "City of Athens"
    assert api.content.get_uuid(sample["cyprus"]) in brain.networks


def test_adding_an_item_does_not_reindex_siblings(sample, monkeypatch):
    calls = []
    original = sample["mentoring"].aq_base.__class__.reindexObject

    def spy(self, idxs=None):
        calls.append(self.getId())
        return original(self, idxs=idxs or [])

    monkeypatch.setattr(sample["mentoring"].aq_base.__class__, "reindexObject", spy)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=sample["athens"], type="Practice", id="new-one", title="New"
        )
    assert "job-mentoring" not in calls
