"""The faceted listing pages, over HTTP, as a browser without JavaScript
sees them: a GET form, checkboxes with counts, links to remove a filter."""

from collective.migrationnetwork.workflows import make_public
from lxml import html
from plone import api
from urllib.parse import parse_qsl
from urllib.parse import urlsplit

import datetime
import pytest
import pytz
import transaction


@pytest.fixture
def anon(functional_sample, http):
    return http()


def page(anon, path, status=200):
    response = anon.get(path, allow_redirects=False)
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("text/html")
    return html.fromstring(response.text)


def titles(doc):
    return sorted(
        link.text_content().strip()
        for link in doc.xpath(
            "//article[contains(@class, 'network-listing-item')]//h2/a"
        )
    )


def facet_counts(doc, name):
    """{token: count} of the checkboxes of facet ``name``."""
    result = {}
    for box in doc.xpath(f"//form//input[@type='checkbox'][@name='{name}']"):
        (label,) = doc.xpath(f"//label[@for='{box.get('id')}']")
        (badge,) = label.xpath(".//span[contains(@class, 'network-facet-count')]")
        result[box.get("value")] = int(badge.text_content())
    return result


def checked(doc, name):
    return sorted(
        box.get("value")
        for box in doc.xpath(f"//input[@type='checkbox'][@name='{name}'][@checked]")
    )


def total(doc):
    (paragraph,) = doc.xpath("//p[contains(@class, 'network-listing-total')]")
    return int(paragraph.text_content().split()[-1])


def test_sections_have_the_listing_layouts(functional_sample, functional):
    el = functional["portal"]["el"]
    assert el["practices"].getLayout() == "practices-listing"
    assert el["trainings"].getLayout() == "trainings-listing"
    assert el["organisations"].getLayout() == "organisations-listing"


def test_practices_page_lists_published_practices(anon):
    doc = page(anon, "/el/practices")
    assert titles(doc) == ["Housing help desk", "Job mentoring for refugees"]
    assert total(doc) == 2
    # no draft, and what a result shows comes with it
    text = doc.text_content()
    assert "Draft language cafe" not in text
    assert "Municipality of Athens" in text
    assert "University of Nicosia" in text
    assert "Κύπρος" in text


def test_practices_form_works_without_javascript(anon, functional):
    doc = page(anon, "/el/practices")
    (form,) = doc.xpath("//form[contains(@class, 'network-listing-form')]")
    assert form.get("method") == "get"
    assert form.get("action") == functional["portal"].absolute_url() + "/el/practices"
    assert form.xpath(".//input[@name='SearchableText']")
    assert form.xpath(".//button[@type='submit']")
    assert facet_counts(doc, "thematic_areas") == {"labour_market": 1, "housing": 1}
    assert facet_counts(doc, "countries") == {"GR": 1, "CY": 1}
    assert facet_counts(doc, "status") == {"ongoing": 1, "completed": 1}
    assert set(facet_counts(doc, "networks").values()) == {1, 2}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thematic_areas=housing", ["Housing help desk"]),
        ("countries=GR", ["Job mentoring for refugees"]),
        (
            "thematic_areas=housing&thematic_areas=labour_market",
            ["Housing help desk", "Job mentoring for refugees"],
        ),
        (
            "thematic_areas=housing&thematic_areas=labour_market&countries=CY",
            ["Housing help desk"],
        ),
        ("thematic_areas=housing&countries=GR", []),
        ("SearchableText=mentoring", ["Job mentoring for refugees"]),
    ],
)
def test_practices_filtered_by_query_string(anon, query, expected):
    doc = page(anon, f"/el/practices?{query}")
    assert titles(doc) == expected
    assert total(doc) == len(expected)


def test_filtered_page_shows_counts_and_active_filters(anon, functional):
    doc = page(anon, "/el/practices?thematic_areas=housing&countries=CY")
    assert checked(doc, "thematic_areas") == ["housing"]
    assert checked(doc, "countries") == ["CY"]
    # counts of a facet leave out its own filter, honour the others
    assert facet_counts(doc, "thematic_areas") == {"housing": 1}
    assert facet_counts(doc, "countries") == {"CY": 1}
    doc = page(anon, "/el/practices?countries=GR")
    assert facet_counts(doc, "countries") == {"GR": 1, "CY": 1}
    assert facet_counts(doc, "thematic_areas") == {"labour_market": 1}


def test_active_filters_can_be_removed(anon):
    doc = page(anon, "/el/practices?thematic_areas=housing&countries=CY")
    links = doc.xpath("//a[contains(@class, 'network-remove-filter')]")
    queries = sorted(sorted(parse_qsl(urlsplit(a.get("href")).query)) for a in links)
    assert queries == [[("countries", "CY")], [("thematic_areas", "housing")]]
    assert "Στέγαση" in links[0].text_content() + links[1].text_content()
    (clear,) = doc.xpath("//a[contains(@class, 'network-clear-filters')]")
    assert urlsplit(clear.get("href")).query == ""
    # following a removal link drops that filter and keeps the other
    removed = next(a.get("href") for a in links if "countries" not in a.get("href"))
    doc = page(anon, removed)
    assert titles(doc) == ["Housing help desk"]
    assert checked(doc, "countries") == []
    assert checked(doc, "thematic_areas") == ["housing"]
    assert facet_counts(doc, "countries") == {"CY": 1}


def test_batching(anon):
    doc = page(anon, "/el/practices?b_size=1")
    assert titles(doc) == ["Housing help desk"]
    assert total(doc) == 2
    next_links = [
        a.get("href")
        for a in doc.xpath("//a")
        if "b_start:int=1" in (a.get("href") or "")
    ]
    assert next_links
    doc = page(anon, next_links[0])
    assert titles(doc) == ["Job mentoring for refugees"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("thematic_areas=no_such_area", "thematic_areas"),
        ("b_size=ten", "b_size"),
        ("SearchableText=%22", "SearchableText"),
        ("countries=%3Cscript%3E", "countries"),
    ],
)
def test_bad_input_answers_400_with_a_message(anon, query, parameter):
    doc = page(anon, f"/el/practices?{query}", status=400)
    (alert,) = doc.xpath("//div[@role='alert']")
    assert parameter in alert.text_content()
    assert "<script>" not in alert.text_content()
    assert titles(doc) == ["Housing help desk", "Job mentoring for refugees"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Webinar on labour integration"]),
        ("when=upcoming", ["Webinar on labour integration"]),
        ("when=past", ["Study visit to Nicosia"]),
        ("when=past&format=online", []),
        ("when=past&audience=ngo_staff", ["Study visit to Nicosia"]),
    ],
)
def test_trainings_page(anon, query, expected):
    doc = page(anon, f"/el/trainings?{query}")
    assert titles(doc) == expected


def test_trainings_page_shows_dates_format_and_switch(anon):
    doc = page(anon, "/el/trainings")
    assert doc.xpath("//article//time[@datetime]")
    assert "Διαδικτυακά" in doc.xpath("//article")[0].text_content()
    assert facet_counts(doc, "format") == {"online": 1}
    switch = doc.xpath("//nav[contains(@class, 'network-listing-when')]//a")
    assert [dict(parse_qsl(urlsplit(a.get("href")).query))["when"] for a in switch] == [
        "upcoming",
        "past",
    ]
    assert "active" in switch[0].get("class")
    (hidden,) = doc.xpath("//form//input[@type='hidden'][@name='when']")
    assert hidden.get("value") == "upcoming"


def test_organisations_page(anon):
    doc = page(anon, "/el/organisations")
    assert titles(doc) == ["CARDET", "Municipality of Athens", "University of Nicosia"]
    assert facet_counts(doc, "kind") == {"municipality": 1, "ngo": 1, "university": 1}
    assert facet_counts(doc, "countries") == {"GR": 1, "CY": 2}
    doc = page(anon, "/el/organisations?countries=CY&kind=ngo")
    assert titles(doc) == ["CARDET"]


ATHENS = pytz.timezone("Europe/Athens")


@pytest.fixture
def timed_trainings(functional_sample, functional):
    """Issue #24's training (20/01/2027 11:00-13:00 in Athens, winter time)
    and one in summer time, on a site in Europe/Athens."""
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Athens")
    trainings = {}
    with api.env.adopt_roles(["Manager"]):
        for name, month in (("winter", 1), ("summer", 7)):
            trainings[name] = make_public(
                api.content.create(
                    container=functional_sample["athens"],
                    type="Training",
                    id=f"{name}-training",
                    title=f"Mediation in {name}",
                    format="in_person",
                    start=ATHENS.localize(datetime.datetime(2027, month, 20, 11)),
                    end=ATHENS.localize(datetime.datetime(2027, month, 20, 13)),
                )
            )
    transaction.commit()
    return trainings


def when_of(doc, title):
    (article,) = doc.xpath(
        f"//article[contains(@class, 'network-listing-item')][.//h2/a["
        f"normalize-space()='{title}']]"
    )
    (time,) = article.xpath(".//time")
    return time.text_content(), time.get("datetime")


def test_trainings_page_shows_times_in_athens(timed_trainings, anon):
    """Not in UTC ("09:00 – 11:00"), 24-hour, day before the month in its
    Greek genitive, on both sides of summer time."""
    now = datetime.datetime.now(ATHENS)
    winter_when = "upcoming" if now < timed_trainings["winter"].end else "past"
    summer_when = "upcoming" if now < timed_trainings["summer"].end else "past"
    doc = page(anon, f"/el/trainings?when={winter_when}")
    assert when_of(doc, "Mediation in winter") == (
        "20 Ιανουαρίου 2027, 11:00–13:00",
        "2027-01-20T11:00:00+02:00",
    )
    doc = page(anon, f"/el/trainings?when={summer_when}")
    assert when_of(doc, "Mediation in summer") == (
        "20 Ιουλίου 2027, 11:00–13:00",
        "2027-07-20T11:00:00+03:00",
    )
