"""The Resources listing: Files that networks, organisations and practices
hold, filtered by network and thematic area from the catalogue."""

from lxml import html
from plone import api
from plone.namedfile.file import NamedBlobFile
from search.test_network_search_loads import content_oids
from search.test_network_search_loads import recorder  # noqa: F401
from search.test_network_search_loads import woken

import pytest
import transaction


@pytest.fixture
def files(functional_sample):
    def add(container, name, title):
        return api.content.create(
            container,
            "File",
            id=name,
            title=title,
            file=NamedBlobFile(b"%PDF-1.4 report", filename=f"{name}.pdf"),
        )

    sample = functional_sample
    with api.env.adopt_roles(["Manager"]):
        made = {
            "memorandum": add(
                sample["cities"], "memorandum", "Memorandum of the network"
            ),
            "report": add(sample["mentoring"], "report", "Mentoring report"),
            "leaflet": add(sample["nicosia"], "leaflet", "Nicosia leaflet"),
            "hidden": add(sample["draft"], "notes", "Notes of a draft"),
        }
    transaction.commit()
    return {**sample, **made}


def titles(response):
    doc = html.fromstring(response.text)
    return sorted(
        a.text_content().strip()
        for a in doc.xpath("//article[contains(@class, 'network-listing-item')]//h2/a")
    )


def test_resources_section_lists_public_files(files, http):
    response = http().get("/el/resources")
    assert response.status_code == 200
    assert titles(response) == [
        "Memorandum of the network",
        "Mentoring report",
        "Nicosia leaflet",
    ]
    assert "Notes of a draft" not in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"networks": "cyprus"}, ["Nicosia leaflet"]),
        (
            {"networks": "cities"},
            ["Memorandum of the network", "Mentoring report", "Nicosia leaflet"],
        ),
        ({"thematic_areas": "labour_market"}, ["Mentoring report"]),
    ],
)
def test_facets(files, http, params, expected):
    params = {
        name: api.content.get_uuid(files[value]) if name == "networks" else value
        for name, value in params.items()
    }
    response = http().get("/el/resources", params=params)
    assert response.status_code == 200
    assert titles(response) == expected


def test_files_are_addable_where_resources_live(files):
    for name in ("cities", "athens", "mentoring"):
        allowed = [fti.getId() for fti in files[name].allowedContentTypes()]
        assert "File" in allowed


def test_listing_wakes_no_file_nor_content(recorder, files, http):  # noqa: F811
    session = http()
    session.get("/el/resources")
    response, loads = recorder.record(lambda: session.get("/el/resources"))
    assert response.status_code == 200
    assert "Mentoring report" in response.text
    assert woken(loads, content_oids(files.values())) == []
