"""An organisation's place in the catalogue: only finite numbers in range,
only for organisations; a hostile title stays text in the map's JSON."""

from collective.migrationnetwork.geo import place
from lxml import html
from plone import api

import json
import math
import pytest


def brain(obj):
    catalog = api.portal.get_tool("portal_catalog")
    (found,) = catalog(UID=api.content.get_uuid(obj))
    return found


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (37.98, 23.73, (37.98, 23.73)),
        (-90, 180, (-90.0, 180.0)),
        (0, 0, (0.0, 0.0)),
        (37.1234567891, 23.0, (37.123457, 23.0)),
        (math.nan, 23.73, None),
        (37.98, math.inf, None),
        (-math.inf, 0, None),
        (90.5, 23.73, None),
        (37.98, -180.01, None),
        ("37.98", 23.73, None),
        (True, 23.73, None),
        (None, 23.73, None),
        (37.98, None, None),
    ],
)
def test_place(latitude, longitude, expected):
    assert place(latitude, longitude) == expected


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(math.nan, 23.0), (37.0, math.inf), (91.0, 23.0), ("north", "east"), (37.0, None)],
)
def test_bad_values_stored_around_the_form_are_not_drawn(
    placed, portal, latitude, longitude
):
    """A script (or an old import) that wrote a bad value directly: the
    catalogue keeps no place, the map draws nothing, the list keeps it."""
    athens = placed["athens"]
    athens.latitude, athens.longitude = latitude, longitude
    athens.reindexObject()
    found = brain(athens)
    assert place(found.latitude, found.longitude) is None
    view = api.content.get_view("members-map-panel", portal["el"], portal.REQUEST)
    doc = html.fragment_fromstring(view(), create_parent="div")
    (script,) = doc.xpath("//script[@type='application/json']")
    titles = [m["title"] for m in json.loads(script.text)["members"]]
    assert titles == ["University of Nicosia"]
    assert "Municipality of Athens" in doc.text_content()


def test_only_organisations_have_a_place(placed):
    """A Practice inside Athens does not acquire its organisation's place."""
    assert brain(placed["athens"]).latitude == 37.98
    found = brain(placed["mentoring"])
    assert place(found.latitude, found.longitude) is None


HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)> & <!--'


def test_hostile_title_stays_text_in_the_json(placed, portal):
    athens = placed["athens"]
    athens.title = HOSTILE
    athens.reindexObject()
    view = api.content.get_view("members-map-panel", portal["el"], portal.REQUEST)
    text = view()
    (data,) = html.fragment_fromstring(text, create_parent="div").xpath(
        "//script[@type='application/json']"
    )
    # nothing in the JSON closes the element or opens a comment...
    assert "<" not in data.text
    assert ">" not in data.text
    assert "&" not in data.text
    # ... and JSON.parse gives back the title as it is
    titles = [m["title"] for m in json.loads(data.text)["members"]]
    assert HOSTILE in titles
    # the list shows it as text
    assert "<img src=x" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
