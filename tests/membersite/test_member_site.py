"""The example member site (examples/member-site/) in headless Chromium:
served from its own origin, it reads a running portal across origins
(CORS) and shows an organisation's practices and upcoming trainings, in the
visitor's language, with a thematic filter."""

from urllib.parse import urlencode
from urllib.parse import urlsplit

import datetime
import pytest
import re


BOX = "#migration-network"
GREEK_MONTHS = [
    "Ιανουαρίου",
    "Φεβρουαρίου",
    "Μαρτίου",
    "Απριλίου",
    "Μαΐου",
    "Ιουνίου",
    "Ιουλίου",
    "Αυγούστου",
    "Σεπτεμβρίου",
    "Οκτωβρίου",
    "Νοεμβρίου",
    "Δεκεμβρίου",
]
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
LABELS = {
    "el": {
        "filter": "Θεματική περιοχή",
        "practices": "Πρακτικές",
        "trainings": "Επερχόμενες επιμορφώσεις",
        "housing": "Στέγαση",
        "unreachable": "Η πύλη του δικτύου δεν είναι διαθέσιμη",
        "not_found": "Ο οργανισμός δεν βρέθηκε",
        "no_trainings": "Δεν υπάρχουν επερχόμενες επιμορφώσεις.",
    },
    "en": {
        "filter": "Thematic area",
        "practices": "Practices",
        "trainings": "Upcoming trainings",
        "housing": "Housing",
        "unreachable": "The network portal cannot be reached",
        "not_found": "This organisation was not found",
        "no_trainings": "No upcoming trainings.",
    },
}
MONTHS = {"el": GREEK_MONTHS, "en": ENGLISH_MONTHS}


@pytest.fixture
def portal_url(functional):
    return functional["portal"].absolute_url()


def address(member_site, **settings):
    return f"{member_site}/index.html?{urlencode(settings)}"


def wait_until_shown(page):
    """The box has finished loading: lists or an error are shown."""
    page.wait_for_selector(
        f"{BOX}:not([aria-busy]) :is(.mn-results > section, .mn-error)"
    )


def open_box(visit, member_site, portal_url, organisation, lang=None, locale="el-GR"):
    tab = visit(locale=locale)
    settings = {"portal": portal_url, "organisation": organisation}
    if lang:
        settings["lang"] = lang
    tab.page.goto(address(member_site, **settings))
    wait_until_shown(tab.page)
    return tab


def titles(page, kind):
    return page.locator(f"{BOX} .mn-{kind} li > a").all_inner_texts()


def label_texts(page):
    return {
        "filter": page.locator(f"{BOX} label").inner_text(),
        "practices": page.locator(f"{BOX} .mn-practices h2").inner_text(),
        "trainings": page.locator(f"{BOX} .mn-trainings h2").inner_text(),
    }


def assert_date_shown(page, training, lang):
    """The training's start is given as an instant and written out in the
    language at the training's own wall time, 24-hour, whatever the
    visitor's time zone (New York's here)."""
    time = page.locator(f"{BOX} .mn-trainings time")
    assert time.count() == 1
    shown = datetime.datetime.fromisoformat(time.get_attribute("datetime"))
    start = training.start
    assert abs(shown - start) < datetime.timedelta(seconds=1)
    text = time.inner_text()
    assert MONTHS[lang][start.month - 1] in text
    assert str(start.year) in text
    assert re.search(rf"\b{start.day}\b", text)
    assert f"{start.hour:02d}:{start.minute:02d}" in text
    assert not re.search(r"\b(AM|PM|π\.μ\.|μ\.μ\.)", text)


def test_practices_and_upcoming_trainings_of_the_organisation(
    visit, member_site, portal_url, network, tmp_path
):
    greek = network["el"]
    tab = open_box(visit, member_site, portal_url, greek["athens"].UID(), lang="el")
    page = tab.page
    # Published practices of Athens only: not its draft, not Nicosia's.
    assert sorted(titles(page, "practices")) == sorted(
        [greek["mentoring"].title, greek["rent"].title]
    )
    # Its upcoming training only: not its past one, not Nicosia's.
    assert titles(page, "trainings") == [greek["webinar"].title]
    assert_date_shown(page, greek["webinar"], "el")
    links = page.locator(f"{BOX} .mn-practices li > a")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert hrefs == {greek["mentoring"].absolute_url(), greek["rent"].absolute_url()}
    assert label_texts(page) == {
        key: LABELS["el"][key] for key in ("filter", "practices", "trainings")
    }
    page.screenshot(path=tmp_path / "member-site.png", full_page=True)
    assert (tmp_path / "member-site.png").stat().st_size > 0


def test_requests_cross_origin_succeed(visit, member_site, portal_url, network):
    tab = open_box(visit, member_site, portal_url, network["el"]["athens"].UID())
    site_origin = member_site
    portal_origin = "{0.scheme}://{0.netloc}".format(urlsplit(portal_url))
    assert site_origin != portal_origin
    to_portal = [r for r in tab.responses if r.url.startswith(portal_url)]
    # Finding the organisation, then practices and trainings.
    assert len(to_portal) >= 3
    for response in to_portal:
        assert response.status == 200, response.url
        assert response.header_value("access-control-allow-origin") == "*"
        assert response.request.header_value("origin") == site_origin
        assert response.request.header_value("cookie") is None
    assert any("@network-search" in r.url for r in to_portal)
    assert tab.failed == []
    assert tab.errors() == []


def test_thematic_filter_narrows_the_lists(visit, member_site, portal_url, network):
    greek = network["el"]
    tab = open_box(visit, member_site, portal_url, greek["athens"].UID(), lang="el")
    page = tab.page
    select = page.get_by_label(LABELS["el"]["filter"])
    options = select.locator("option").all_inner_texts()
    # Every area of the organisation's practices and upcoming trainings,
    # in Greek, with the number of items it would show.
    assert LABELS["el"]["housing"] + " (1)" in options
    assert any(option.endswith("(2)") for option in options)  # labour market
    select.select_option("housing")
    wait_until_shown(page)
    assert titles(page, "practices") == [greek["rent"].title]
    assert titles(page, "trainings") == []
    assert (
        page.locator(f"{BOX} .mn-trainings")
        .inner_text()
        .endswith(LABELS["el"]["no_trainings"])
    )
    select.select_option("labour_market")
    wait_until_shown(page)
    assert titles(page, "practices") == [greek["mentoring"].title]
    assert titles(page, "trainings") == [greek["webinar"].title]
    select.select_option("")
    wait_until_shown(page)
    assert len(titles(page, "practices")) == 2
    assert tab.errors() == []


@pytest.mark.parametrize("lang", ["el", "en"])
def test_language_of_labels_titles_and_dates(
    visit, member_site, portal_url, network, lang
):
    """Configured with the Greek organisation, the box finds its English
    translation and shows English content for English readers."""
    items = network[lang]
    tab = open_box(visit, member_site, portal_url, network["el"]["athens"].UID(), lang)
    page = tab.page
    assert page.locator(BOX).get_attribute("lang") == lang
    assert label_texts(page) == {
        key: LABELS[lang][key] for key in ("filter", "practices", "trainings")
    }
    assert sorted(titles(page, "practices")) == sorted(
        [items["mentoring"].title, items["rent"].title]
    )
    assert titles(page, "trainings") == [items["webinar"].title]
    assert_date_shown(page, items["webinar"], lang)
    assert (
        LABELS[lang]["housing"] + " (1)"
        in page.locator(f"{BOX} select option").all_inner_texts()
    )


def test_language_switch_of_the_site_redraws_the_box(
    visit, member_site, portal_url, network
):
    """The chosen thematic area stays chosen."""
    tab = open_box(visit, member_site, portal_url, "athens", lang="el")
    page = tab.page
    page.get_by_label(LABELS["el"]["filter"]).select_option("labour_market")
    wait_until_shown(page)
    assert titles(page, "trainings") == [network["el"]["webinar"].title]
    page.get_by_role("button", name="English").click()
    page.wait_for_selector(f"{BOX}[lang=en]:not([aria-busy]) .mn-results > section")
    assert page.locator("html").get_attribute("lang") == "en"
    assert label_texts(page)["practices"] == LABELS["en"]["practices"]
    assert page.get_by_label(LABELS["en"]["filter"]).input_value() == "labour_market"
    assert titles(page, "practices") == [network["en"]["mentoring"].title]
    assert titles(page, "trainings") == [network["en"]["webinar"].title]


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("el-GR", "el"), ("el", "el"), ("en-US", "en"), ("fr-FR", "en")],
)
def test_language_defaults_to_the_visitors(
    visit, member_site, portal_url, network, locale, lang
):
    tab = open_box(visit, member_site, portal_url, "athens", locale=locale)
    assert tab.page.locator(BOX).get_attribute("lang") == lang
    assert label_texts(tab.page)["trainings"] == LABELS[lang]["trainings"]
    assert titles(tab.page, "trainings") == [network[lang]["webinar"].title]


def test_organisation_without_translation_shows_its_own_language(
    visit, member_site, portal_url, network
):
    """Nicosia's university has no English version linked: English readers
    get English labels and dates, and its items as they are, in Greek."""
    greek = network["el"]
    tab = open_box(visit, member_site, portal_url, greek["nicosia"].UID(), "en")
    page = tab.page
    assert label_texts(page)["practices"] == LABELS["en"]["practices"]
    practices = page.locator(f"{BOX} .mn-practices ul")
    assert practices.get_attribute("lang") == "el"
    assert practices.locator("a").get_attribute("href") == (
        greek["housing"].absolute_url()
    )
    # Its training is past.
    assert titles(page, "trainings") == []
    more = page.locator(f"{BOX} .mn-more a")
    assert more.get_attribute("href") == greek["nicosia"].absolute_url()


def test_limit_shows_fewer_and_counts_all(visit, member_site, portal_url, network):
    tab = visit()
    athens = network["el"]["athens"]
    tab.page.goto(
        address(
            member_site,
            portal=portal_url,
            organisation=athens.UID(),
            lang="en",
            limit=1,
        )
    )
    wait_until_shown(tab.page)
    assert len(titles(tab.page, "practices")) == 1
    status = tab.page.get_by_role("status").inner_text()
    assert status == "2 practices, 1 upcoming training"
    more = tab.page.locator(f"{BOX} .mn-more a")
    assert more.get_attribute("href") == network["en"]["athens"].absolute_url()


def test_origin_that_the_portal_does_not_allow_is_refused(
    visit, member_site, portal_url, network
):
    """The other side of CORS: when the portal's settings name other
    origins, the browser keeps the answers from the page."""
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record(
            "collective.migrationnetwork.cors_allowed_origins",
            ["https://www.athens.gr"],
        )
    transaction.commit()
    tab = open_box(visit, member_site, portal_url, "athens", "en")
    alert = tab.page.get_by_role("alert")
    assert alert.inner_text().startswith(LABELS["en"]["unreachable"])
    assert any("CORS" in error for error in tab.errors())


@pytest.mark.parametrize("lang", ["el", "en"])
def test_unknown_organisation_is_said(visit, member_site, portal_url, network, lang):
    tab = open_box(visit, member_site, portal_url, "no-such-organisation", lang)
    alert = tab.page.get_by_role("alert")
    assert alert.inner_text().startswith(LABELS[lang]["not_found"])


@pytest.mark.parametrize("lang", ["el", "en"])
def test_unreachable_portal_is_said(visit, member_site, lang):
    import socket

    # A port that nothing listens on.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tab = open_box(visit, member_site, f"http://127.0.0.1:{port}/Plone", "athens", lang)
    alert = tab.page.get_by_role("alert")
    assert alert.inner_text().startswith(LABELS[lang]["unreachable"])
    assert tab.page.locator(f"{BOX} .mn-results").count() == 0


def test_published_item_appears_without_reloading_the_portal(
    visit, member_site, portal_url, network
):
    """The box reads the portal at each visit: what is published after a
    first visit shows at the next one."""
    from content_builders import publish
    from plone import api

    import transaction

    greek = network["el"]
    tab = open_box(visit, member_site, portal_url, greek["athens"].UID(), lang="el")
    assert greek["draft"].title not in titles(tab.page, "practices")
    with api.env.adopt_roles(["Manager"]):
        publish(greek["draft"])
    transaction.commit()
    tab.page.reload()
    wait_until_shown(tab.page)
    assert greek["draft"].title in titles(tab.page, "practices")
