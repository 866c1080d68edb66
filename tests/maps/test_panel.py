"""@@members-map-panel: the members of a language root or of a network, on
a map and by country, from catalogue metadata; the filter by network and
kind works without JavaScript."""

from lxml import html
from plone import api

import json
import pytest


def panel(context, **form):
    request = context.REQUEST
    request.form.clear()
    request.form.update(form)
    view = api.content.get_view("members-map-panel", context, request)
    return view, html.fragment_fromstring(view(), create_parent="div")


def listed(doc):
    """{country code: [titles]} of the members the list shows."""
    return {
        group.get("data-country"): [
            item.xpath(".//a")[0].text_content()
            for item in group.xpath("./li[not(@hidden)]")
        ]
        for group in doc.xpath("//ul[contains(@class, 'network-country-members')]")
        if group.get("hidden") is None
    }


def data(doc):
    (script,) = doc.xpath("//script[@type='application/json']")
    return json.loads(script.text)


def test_fragment_is_not_a_page(placed, portal):
    view, doc = panel(portal["el"])
    text = view()
    assert "<html" not in text
    assert "<body" not in text
    assert text.lstrip().startswith("<section")


def test_language_root_lists_every_member_by_country(placed, portal):
    _view, doc = panel(portal["el"])
    countries = [
        h.text_content() for h in doc.xpath("//h3[contains(@class, 'network-country')]")
    ]
    assert countries == ["Ελλάδα", "Κύπρος"]
    assert listed(doc) == {
        "GR": ["Municipality of Athens"],
        "CY": ["CARDET", "University of Nicosia"],
    }
    members = data(doc)["members"]
    # CARDET has no place: listed, not on the map; [lat, lon] as stored
    assert sorted((m["title"], m["lat"], m["lon"]) for m in members) == [
        ("Municipality of Athens", 37.98, 23.73),
        ("University of Nicosia", 35.17, 33.36),
    ]
    athens = next(m for m in members if m["title"] == "Municipality of Athens")
    assert athens["url"] == placed["athens"].absolute_url()
    assert athens["kind_title"] == "Δήμος"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"kind": "university"}, {"CY": ["University of Nicosia"]}),
        ({"kind": "ngo"}, {"CY": ["CARDET"]}),
        ({"network": "cyprus"}, {"CY": ["University of Nicosia"]}),
        (
            {"network": "cities"},
            {"GR": ["Municipality of Athens"], "CY": ["University of Nicosia"]},
        ),
        (
            {"network": "cities", "kind": "municipality"},
            {"GR": ["Municipality of Athens"]},
        ),
        ({"network": "cyprus", "kind": "municipality"}, {}),
    ],
)
def test_filters_without_javascript(placed, portal, form, expected):
    form = {
        name: api.content.get_uuid(placed[value]) if name == "network" else value
        for name, value in form.items()
    }
    view, doc = panel(portal["el"], **form)
    assert listed(doc) == expected
    assert view.errors == []
    for name, value in form.items():
        (selected,) = doc.xpath(f"//select[@name='{name}']/option[@selected]")
        assert selected.get("value") == value
    assert bool(doc.xpath("//p[contains(@class, 'members-map-empty')]")) == (
        not expected
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("kind", "no-such-kind"),
        ("kind", "good_practice"),  # a practice's kind, not an organisation's
        ("kind", ["ngo", "university"]),
        ("network", "0" * 32),
        ("network", "<script>alert(1)</script>"),
    ],
)
def test_bad_filter_is_said_and_not_used(placed, portal, name, value):
    view, doc = panel(portal["el"], **{name: value})
    (error,) = doc.xpath("//div[contains(@class, 'members-map-error')]")
    assert f"«{name}»" in error.text_content()
    assert "<script>alert" not in view()
    assert sum(len(titles) for titles in listed(doc).values()) == 3


def test_network_shows_only_its_members(placed, portal):
    _view, doc = panel(placed["cyprus"])
    assert listed(doc) == {"CY": ["University of Nicosia"]}
    assert [m["title"] for m in data(doc)["members"]] == ["University of Nicosia"]
    # one member: nothing to filter on
    assert doc.xpath("//form[contains(@class, 'members-map-filters')]") == []


def test_parent_network_includes_sub_network_members(placed, portal):
    _view, doc = panel(placed["cities"])
    assert listed(doc) == {
        "GR": ["Municipality of Athens"],
        "CY": ["University of Nicosia"],
    }
    # the network of every member (the page's own) is no filter; the
    # sub-network is
    options = doc.xpath("//select[@name='network']/option/@value")
    assert options == ["", api.content.get_uuid(placed["cyprus"])]


def test_anonymous_sees_no_unpublished_member(placed, portal):
    from plone.app.testing import logout

    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            portal["el"]["organisations"],
            "Organisation",
            id="applicant",
            title="Applicant in draft",
            kind="ngo",
            country="GR",
            latitude=40.0,
            longitude=22.0,
        )
    logout()
    view, doc = panel(portal["el"])
    assert "Applicant in draft" not in view()
    assert len(data(doc)["members"]) == 2
