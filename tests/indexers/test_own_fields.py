"""Facet indexes hold an item's own values, never acquired ones nor
Dublin Core attributes that happen to share a facet's name."""

from plone import api

import pytest


def index_data(obj):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.getIndexDataForUID("/".join(obj.getPhysicalPath()))


@pytest.fixture
def items(portal):
    with api.env.adopt_roles(["Manager"]):
        organisation = api.content.create(
            portal["el"]["organisations"],
            "Organisation",
            id="org",
            title="O",
            kind="ngo",
        )
        training = api.content.create(
            organisation, "Training", id="t", title="T", format="webinar"
        )
        practice = api.content.create(
            organisation, "Practice", id="p", title="P", thematic_areas=["housing"]
        )
        file_ = api.content.create(practice, "File", id="f", title="F")
        document = api.content.create(portal["el"], "Document", id="d", title="D")
    return {
        "training": training,
        "practice": practice,
        "file": file_,
        "document": document,
        "organisation": organisation,
    }


def test_a_trainings_format_is_indexed(items):
    assert index_data(items["training"])["format"] == "webinar"


@pytest.mark.parametrize("key", ["practice", "file", "document", "organisation"])
def test_the_mime_type_of_other_items_is_not_a_format(items, key):
    assert index_data(items[key]).get("format") in (None, "", ())
    assert items[key].format  # the Dublin Core attribute is there


def test_a_file_is_filed_under_its_practices_thematic_areas(items):
    """The Resources listing finds a File by the practice that holds it
    (its own indexer, not acquisition); a Document gets none."""
    assert index_data(items["practice"])["thematic_areas"] == ["housing"]
    assert index_data(items["file"])["thematic_areas"] == ["housing"]
    assert index_data(items["document"]).get("thematic_areas") in (None, "", (), [])
