"""Every language root's home page: the network at work, from the catalogue
alone (loads measured as the search's are, tests/search)."""

from search.test_network_search_loads import content_oids
from search.test_network_search_loads import recorder  # noqa: F401
from search.test_network_search_loads import woken

import pytest


@pytest.mark.parametrize("lang", ["el", "en"])
def test_language_roots_show_the_home_page(portal, lang):
    assert portal[lang].getLayout() == "language-home"


def test_home_page_shows_the_network_at_work(functional_sample, http):
    response = http().get("/el")
    assert response.status_code == 200
    page = response.text
    # Published practices only; the draft stays out.
    assert "Job mentoring for refugees" in page
    assert "Housing help desk" in page
    assert "Draft language cafe" not in page
    # Upcoming trainings only.
    assert "Webinar on labour integration" in page
    assert "Study visit to Nicosia" not in page
    # Numbers, newsletter sign-up, map, in Greek.
    assert "Το δίκτυο σε αριθμούς" in page
    assert "/el/@@newsletter-subscribe" in page
    assert "Municipality of Athens" in page


def test_home_page_loads_no_content_object(recorder, functional_sample, http):  # noqa: F811
    session = http()
    session.get("/el")  # warm up
    response, loads = recorder.record(lambda: session.get("/el"))
    assert response.status_code == 200
    assert "Job mentoring for refugees" in response.text
    assert len(loads) > 0
    assert woken(loads, content_oids(functional_sample.values())) == []


def test_subscribe_is_one_click_from_home(functional_sample, http):
    session = http()
    response = session.get("/el/@@newsletter-subscribe")
    assert response.status_code == 200


def test_upgrade_1007_gives_the_roots_their_home_page(portal):
    from collective.migrationnetwork.upgrades.v1007 import upgrade

    portal["el"].setLayout("folder_listing")
    portal["en"].setLayout("summary_view")
    upgrade(portal.portal_setup)
    assert portal["el"].getLayout() == "language-home"
    # A view a Site Administrator chose is kept.
    assert portal["en"].getLayout() == "summary_view"
