"""RSS 2.0 of a network search, read with a real feed parser."""

from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import feedparser
import pytest
import re
import transaction


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def parse(response):
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def slugs(feed):
    return sorted(entry.link.rsplit("/", 1)[1] for entry in feed.entries)


@pytest.mark.parametrize("lang", ["el", "en"])
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["housing-help", "issue-1", "job-mentoring", "study-visit", "webinar"]),
        ({"portal_type": "Practice"}, ["housing-help", "job-mentoring"]),
        ({"portal_type": "Practice", "thematic_areas": "housing"}, ["housing-help"]),
        ({"portal_type": "Practice", "countries": "GR"}, ["job-mentoring"]),
        ({"portal_type": "Training"}, ["study-visit", "webinar"]),
        ({"portal_type": "Training", "upcoming": "true"}, ["webinar"]),
        ({"portal_type": "Training", "format": "in_person"}, ["study-visit"]),
        ({"portal_type": "Newsletter"}, ["issue-1"]),
        ({"SearchableText": "housing"}, ["housing-help", "issue-1"]),
    ],
)
def test_rss_has_the_filtered_items(bilingual, browser, lang, params, expected):
    feed = parse(browser.get(f"/{lang}/network-search.rss", params=params))
    assert slugs(feed) == expected
    assert feed.feed.language == lang
    assert all(f"/{lang}/" in entry.link for entry in feed.entries)
    assert all(entry.id == entry.link for entry in feed.entries)
    assert all(entry.published_parsed for entry in feed.entries)


@pytest.mark.parametrize(
    ("lang", "title", "category"),
    [("el", "Πρακτικές", "Στέγαση"), ("en", "Practices", "Housing")],
)
def test_rss_channel_and_items_in_the_language(
    bilingual, browser, lang, title, category
):
    params = {"portal_type": "Practice", "thematic_areas": "housing"}
    feed = parse(browser.get(f"/{lang}/network-search.rss", params=params))
    assert feed.feed.title.startswith(title)
    assert feed.feed.link.endswith(f"/{lang}/practices")
    (entry,) = feed.entries
    assert entry.title == "Housing help desk"
    assert category in [tag.term for tag in entry.tags]
    assert entry.author == "University of Nicosia"


@pytest.mark.parametrize(("lang", "online"), [("el", "Διαδικτυακά"), ("en", "Online")])
def test_rss_training_says_when_and_where(bilingual, browser, lang, online):
    params = {"portal_type": "Training"}
    feed = parse(browser.get(f"/{lang}/network-search.rss", params=params))
    by_slug = {entry.link.rsplit("/", 1)[1]: entry for entry in feed.entries}
    start = bilingual[lang]["webinar"].start
    assert start.strftime("%H:%M") in by_slug["webinar"].description
    assert "Nicosia" in by_slug["study-visit"].description
    assert by_slug["webinar"].description.endswith(("Online", online))


def test_rss_newest_first_by_publication_date(bilingual, browser):
    objects = bilingual["el"]
    with api.env.adopt_roles(["Manager"]):
        for name, date in (("mentoring", "2026-01-10"), ("housing", "2026-02-10")):
            objects[name].setEffectiveDate(DateTime(f"{date}T10:00:00+00:00"))
            objects[name].reindexObject()
    transaction.commit()
    feed = parse(
        browser.get("/el/network-search.rss", params={"portal_type": "Practice"})
    )
    assert [entry.link.rsplit("/", 1)[1] for entry in feed.entries] == [
        "housing-help",
        "job-mentoring",
    ]
    assert feed.entries[0].published == "Tue, 10 Feb 2026 10:00:00 +0000"


def test_rss_is_one_batch(bilingual, browser):
    feed = parse(browser.get("/el/network-search.rss", params={"b_size": "2"}))
    assert len(feed.entries) == 2


def test_rss_honours_workflow_security(bilingual, http):
    params = {"portal_type": ["Practice", "Newsletter"]}
    anonymous = parse(http().get("/el/network-search.rss", params=params))
    admin = parse(http(auth=ADMIN).get("/el/network-search.rss", params=params))
    assert "draft-practice" not in slugs(anonymous)
    assert "issue-2" not in slugs(anonymous)
    assert {"draft-practice", "issue-2"} <= set(slugs(admin))


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"b_size": "many"}, "b_size"),
        ({"b_size": "1000"}, "b_size"),
        ({"thematic_areas": "nowhere"}, "thematic_areas"),
        ({"portal_type": "Document"}, "portal_type"),
        ({"start.from": "yesterday"}, "start.from"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_rss_bad_parameter(bilingual, browser, params, parameter):
    response = browser.get("/el/network-search.rss", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


@pytest.mark.parametrize(
    ("section", "filters", "expected"),
    [
        ("practices", {"thematic_areas": "housing"}, ["housing-help"]),
        ("practices", {}, ["housing-help", "job-mentoring"]),
        ("trainings", {"when": "past"}, ["study-visit"]),
        ("newsletters", {}, ["issue-1"]),
    ],
)
def test_listing_pages_advertise_their_feed(
    bilingual, browser, section, filters, expected
):
    """The section's page names its RSS in its head, with the filters the
    visitor chose; a feed reader that follows it gets those items."""
    page = browser.get(f"/el/{section}", params=filters)
    assert page.status_code == 200
    links = re.findall(
        r'<link rel="alternate" type="application/rss\+xml" title="([^"]+)" '
        r'href="([^"]+)"',
        page.text,
    )
    assert len(links) == 1
    title, href = links[0]
    assert title.endswith("(RSS)")
    href = href.replace("&amp;", "&")
    for name, value in filters.items():
        assert f"{name}={value}" in href
    assert slugs(parse(browser.get(href))) == expected


def test_trainings_page_advertises_its_calendar(bilingual, browser):
    page = browser.get("/el/trainings")
    assert 'type="text/calendar"' in page.text
    assert "network-search.ics?portal_type=Training" in page.text


def test_other_pages_advertise_no_feed(bilingual, browser):
    for path in ("/el", "/el/organisations", "/el/organisations/athens"):
        page = browser.get(path)
        assert "network-search.rss" not in page.text
