"""The default views of the five content types, over real HTTP."""

from accounts import ADMIN
from collective.migrationnetwork.vocabularies.fixed import FIXED
from collective.migrationnetwork.workflows import make_public
from lxml import html as lxml_html
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.i18n import translate
from zope.intid.interfaces import IIntIds

import collections
import datetime
import io
import pytest
import pytz
import transaction


MEMBER = ("network-member", "a-long-secret-1")

PATHS = {
    "cities": "/el/networks/cities-network",
    "cyprus": "/el/networks/cyprus-network",
    "athens": "/el/organisations/athens",
    "nicosia": "/el/organisations/nicosia-university",
    "cardet": "/el/organisations/cardet",
    "mentoring": "/el/organisations/athens/job-mentoring",
    "housing": "/el/organisations/nicosia-university/housing-help",
    "draft": "/el/organisations/athens/draft-practice",
    "webinar": "/el/organisations/athens/webinar",
    "visit": "/el/organisations/nicosia-university/study-visit",
    "newsletter": "/el/newsletters/issue-7",
}


# A term of a fixed vocabulary, translated when the test runs (the
# translations are registered with the test layer).
Term = collections.namedtuple("Term", ["vocabulary", "token"])


def term(vocabulary, token, language="el"):
    """The title of a fixed vocabulary's term, as a reader of ``language``
    sees it."""
    title = dict(FIXED[vocabulary])[token]
    return translate(title, target_language=language)


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def rich(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def enrich(portal, sample):
    """What the sample lacks for these pages: written-up sections, indicators,
    a budget and a newsletter."""
    with api.env.adopt_roles(["Manager"]):
        mentoring = sample["mentoring"]
        mentoring.results = rich("<p>Forty refugees found work.</p>")
        mentoring.context = rich("<p>Refugees lack professional networks.</p>")
        mentoring.lessons_learned = rich("<p>Mentors need training too.</p>")
        mentoring.indicators = [
            {"name": "Participants employed", "value": "40", "unit": "people"}
        ]
        mentoring.budget = 120000
        mentoring.gcm_objectives = ["gcm16"]
        mentoring.evaluation_kind = "external"
        webinar = sample["webinar"]
        webinar.capacity = 25
        webinar.registration_open = True
        webinar.languages = ["el", "en"]
        webinar.co_organisers = [relation(sample["cardet"])]
        sample["cities"].logo = NamedBlobImage(data=png(), filename="logo.png")
        athens = sample["athens"]
        athens.email = "info@athens.example"
        athens.website = "https://www.cityofathens.gr"
        for obj in sample.values():
            obj.reindexObject()
        newsletter = api.content.create(
            container=portal["el"]["newsletters"],
            type="Newsletter",
            id="issue-7",
            title="Newsletter, February 2021",
            issue_number=7,
            issue_date=datetime.date(2021, 2, 1),
            introduction=rich("<p>Welcome to the seventh issue.</p>"),
            featured=[
                relation(sample["housing"]),
                relation(sample["draft"]),
                relation(sample["webinar"]),
                relation(sample["athens"]),
            ],
            pdf=NamedBlobFile(data=b"%PDF-1.4 issue 7", filename="issue-7.pdf"),
        )
        make_public(newsletter)
    sample["newsletter"] = newsletter
    return sample


@pytest.fixture
def pages(functional, functional_sample):
    """The sample, completed, and a network member who may log in."""
    portal = functional["portal"]
    enrich(portal, functional_sample)
    api.user.create(
        email="member@example.org",
        username=MEMBER[0],
        password=MEMBER[1],
        roles=("Member",),
    )
    transaction.commit()
    return functional_sample


@pytest.fixture
def browser(http):
    """A function that opens an HTTP session: anonymous, member or admin."""
    logins = {"member": MEMBER, "admin": ADMIN}

    def open_session(who="anonymous"):
        return http(auth=logins.get(who))

    return open_session


def get_page(session, key):
    response = session.get(PATHS[key])
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"].startswith("text/html")
    return response


def tree(response):
    return lxml_html.fromstring(response.text)


def within(response, css_class):
    """Elements of ``response`` whose class attribute has ``css_class``."""
    return tree(response).xpath(
        f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]"
    )


def links_in(response, css_class):
    """``[(text, href)]`` of the links inside the elements of ``css_class``."""
    return [
        (anchor.text_content().strip(), anchor.get("href"))
        for element in within(response, css_class)
        for anchor in element.xpath(".//a")
    ]


def fact(response, name):
    """The values shown for the fact ``name`` (a field name)."""
    return [
        item.text_content().strip()
        for element in within(response, f"fact-{name}")
        for item in element.xpath(".//li")
    ]


def url(functional, key):
    return functional["portal"].absolute_url() + PATHS[key]


@pytest.mark.parametrize(
    ("key", "facts"),
    [
        (
            "cities",
            {
                "scope": [Term("network_scopes", "national")],
                "countries": ["Ελλάδα"],
            },
        ),
        (
            "athens",
            {
                "kind": [Term("organisation_kinds", "municipality")],
                "country": ["Ελλάδα"],
                "city": ["Athens"],
                "email": ["info@athens.example"],
                "website": ["https://www.cityofathens.gr"],
                "thematic_areas": ["Στέγαση", "Ένταξη στην αγορά εργασίας"],
                "networks": ["Cities Network for Integration"],
                "network_role": [Term("network_roles", "member")],
            },
        ),
        (
            "mentoring",
            {
                "kind": [Term("practice_kinds", "good_practice")],
                "status": [Term("practice_statuses", "ongoing")],
                "start_date": ["1 Ιανουαρίου 2024"],
                "thematic_areas": ["Ένταξη στην αγορά εργασίας"],
                "target_groups": ["Δικαιούχοι διεθνούς προστασίας"],
                "countries": ["Ελλάδα"],
                "geographic_scope": [Term("geographic_scopes", "local")],
                "funding_sources": [Term("funding_sources", "amif")],
                "budget": ["120.000"],
                "gcm_objectives": [Term("gcm_objectives", "gcm16")],
                "evaluation_kind": [Term("evaluation_kinds", "external")],
            },
        ),
        (
            "webinar",
            {
                "kind": [Term("training_kinds", "webinar")],
                "format": [Term("training_formats", "online")],
                # Only for confirmed registrants and organisers (#17).
                "online_url": [],
                "audience": [Term("audiences", "municipal_staff")],
                "languages": ["Ελληνικά", "English"],
                "thematic_areas": ["Ένταξη στην αγορά εργασίας"],
                "capacity": ["25"],
            },
        ),
        ("newsletter", {"issue_number": ["7"], "issue_date": ["1 Φεβρουαρίου 2021"]}),
    ],
)
def test_page_shows_facts_with_translated_titles(pages, browser, key, facts):
    response = get_page(browser(), key)
    assert pages[key].Title() in response.text
    for name, expected in facts.items():
        expected = [term(*v) if isinstance(v, Term) else v for v in expected]
        assert fact(response, name) == expected, name


@pytest.mark.parametrize(
    ("key", "css_class", "linked"),
    [
        ("athens", "fact-networks", ["cities"]),
        ("athens", "organisation-practices", ["mentoring"]),
        ("athens", "organisation-trainings", ["webinar"]),
        ("nicosia", "organisation-trainings", []),
        ("cyprus", "network-parent", ["cities"]),
        ("cities", "network-subnetworks", ["cyprus"]),
        ("mentoring", "practice-lead", ["athens"]),
        ("mentoring", "practice-partners", ["cardet"]),
        ("webinar", "training-organisers", ["athens", "cardet"]),
        ("webinar", "training-practices", ["mentoring"]),
        ("newsletter", "newsletter-featured", ["housing", "webinar", "athens"]),
    ],
)
def test_page_links_related_content(pages, browser, functional, key, css_class, linked):
    """Relations and catalogue results are links, in order; the draft practice
    (featured in the newsletter too) is not shown to anonymous, nor is the
    past study visit among the upcoming trainings."""
    response = get_page(browser(), key)
    hrefs = [href for _text, href in links_in(response, css_class)]
    assert hrefs == [url(functional, other) for other in linked]


def test_draft_practice_not_listed_for_anonymous(pages, browser):
    response = get_page(browser(), "athens")
    assert "Job mentoring for refugees" in response.text
    assert "Draft language cafe" not in response.text


def test_organisation_lists_published_practices_only(pages, browser, functional):
    response = get_page(browser("admin"), "athens")
    hrefs = [href for _t, href in links_in(response, "organisation-practices")]
    assert hrefs == [url(functional, "mentoring")]


@pytest.mark.parametrize(
    ("who", "visible"), [("anonymous", False), ("member", True), ("admin", True)]
)
def test_contact_points_only_for_members(pages, browser, who, visible):
    response = get_page(browser(who), "athens")
    for personal in ("Maria Papadopoulou", "kem@athens.example", "+30 210 000 0000"):
        assert (personal in response.text) is visible
    table = within(response, "contact-points")
    assert bool(table) is visible
    assert bool(within(response, "contact-points-members-only")) is not visible
    # The organisation's general e-mail is public.
    assert "info@athens.example" in response.text


def test_contact_point_row_for_member(pages, browser):
    response = get_page(browser("member"), "athens")
    (table,) = within(response, "contact-points")
    cells = [cell.text_content().strip() for cell in table.xpath(".//tbody//td")]
    assert cells == [
        "Migrant Integration Centre",
        "Maria Papadopoulou",
        "kem@athens.example",
        "+30 210 000 0000",
        "15 Ιανουαρίου 2026",
    ]


def test_practice_replicated_in_and_inspired_by(pages, browser, functional):
    session = browser()
    mentoring = get_page(session, "mentoring")
    assert links_in(mentoring, "practice-replicated-in") == [
        ("Housing help desk", url(functional, "housing"))
    ]
    assert within(mentoring, "practice-inspired-by") == []
    housing = get_page(session, "housing")
    assert links_in(housing, "practice-inspired-by") == [
        ("Job mentoring for refugees", url(functional, "mentoring"))
    ]
    assert within(housing, "practice-replicated-in") == []


def test_replicated_in_hides_what_the_reader_may_not_view(pages, browser, functional):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(pages["housing"], to_state="private")
    transaction.commit()
    assert within(get_page(browser(), "mentoring"), "practice-replicated-in") == []
    admin_page = get_page(browser("admin"), "mentoring")
    assert links_in(admin_page, "practice-replicated-in") == [
        ("Housing help desk", url(functional, "housing"))
    ]


def test_practice_shows_filled_sections_in_order(pages, browser):
    response = get_page(browser(), "mentoring")
    sections = within(response, "practice-section")
    assert [section.get("id") for section in sections] == [
        "section-context",
        "section-results",
        "section-lessons_learned",
    ]
    headings = [section.xpath(".//h2")[0].text_content() for section in sections]
    assert headings == ["Πλαίσιο και ανάγκες", "Αποτελέσματα", "Διδάγματα"]
    assert "Forty refugees found work." in sections[1].text_content()
    (table,) = within(response, "practice-indicators")
    cells = [cell.text_content().strip() for cell in table.xpath(".//tbody//td")]
    assert cells == ["Participants employed", "40", "people"]


def test_practice_without_sections_has_none(pages, browser):
    response = get_page(browser(), "housing")
    assert within(response, "practice-section") == []
    assert within(response, "practice-indicators") == []


def test_network_groups_members_by_country(pages, browser, functional):
    response = get_page(browser(), "cities")
    (members,) = within(response, "network-members")
    countries = [h.text_content().strip() for h in members.xpath(".//h3")]
    assert countries == ["Ελλάδα", "Κύπρος"]
    groups = {
        group.get("data-country"): [a.get("href") for a in group.xpath(".//a")]
        for group in within(response, "network-country-members")
    }
    # Nicosia is a member through the Cyprus sub-network; CARDET is in none.
    assert groups == {
        "GR": [url(functional, "athens")],
        "CY": [url(functional, "nicosia")],
    }
    assert "Cyprus local integration network" in members.text_content()
    assert "CARDET" not in members.text_content()


def test_network_shows_its_logo(pages, browser, functional):
    response = get_page(browser(), "cities")
    (logo,) = within(response, "network-logo")
    (image,) = logo.xpath(".//img")
    assert image.get("src").startswith(url(functional, "cities") + "/@@images/")
    assert browser().get(image.get("src")).headers["Content-Type"] == "image/png"
    assert within(get_page(browser(), "cyprus"), "network-logo") == []


def test_sub_network_lists_only_its_members(pages, browser, functional):
    response = get_page(browser(), "cyprus")
    groups = {
        group.get("data-country"): [a.get("href") for a in group.xpath(".//a")]
        for group in within(response, "network-country-members")
    }
    assert groups == {"CY": [url(functional, "nicosia")]}


def test_training_links_to_its_icalendar(pages, browser, functional):
    session = browser()
    response = get_page(session, "webinar")
    (ical,) = links_in(response, "training-ical")
    assert ical[1] == url(functional, "webinar") + "/@@ics_view"
    calendar = session.get(ical[1])
    assert calendar.status_code == 200
    assert calendar.headers["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in calendar.text
    assert "SUMMARY:Webinar on labour integration" in calendar.text


def timed_training(functional, organisation, id, zone, start, end, **fields):
    """A published training from ``start`` to ``end``, wall times in ``zone``."""
    tz = pytz.timezone(zone)
    with api.env.adopt_roles(["Manager"]):
        training = make_public(
            api.content.create(
                container=organisation,
                type="Training",
                id=id,
                title=f"Training {id}",
                start=tz.localize(datetime.datetime(*start)),
                end=tz.localize(datetime.datetime(*end)),
                location="Αθήνα",
                **fields,
            )
        )
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Athens")
    transaction.commit()
    return training


def test_training_shows_its_times_in_athens(pages, browser, functional):
    """Issue #24: 11:00-13:00 in Athens, 24-hour, no "(Europe/Athens /
    UTC200)"; the time zone is said only when it is not the portal's."""
    training = timed_training(
        functional,
        pages["athens"],
        "mediation",
        "Europe/Athens",
        (2027, 1, 20, 11),
        (2027, 1, 20, 13),
    )
    response = browser().get(training.absolute_url())
    assert response.status_code == 200
    assert fact(response, "when") == ["20 Ιανουαρίου 2027, 11:00–13:00"]
    assert fact(response, "timezone") == []
    assert fact(response, "location") == ["Αθήνα"]
    assert "UTC200" not in response.text
    assert "π.μ." not in response.text
    assert "μ.μ." not in response.text


def test_training_in_another_zone_says_so(pages, browser, functional):
    training = timed_training(
        functional,
        pages["athens"],
        "in-berlin",
        "Europe/Berlin",
        (2027, 7, 20, 9, 30),
        (2027, 7, 21, 17),
    )
    response = browser().get(training.absolute_url())
    assert fact(response, "when") == ["20 Ιουλίου 2027, 09:30 – 21 Ιουλίου 2027, 17:00"]
    assert fact(response, "timezone") == ["Europe/Berlin (UTC+02:00)"]


def test_whole_day_training_shows_days_only(pages, browser, functional):
    training = timed_training(
        functional,
        pages["athens"],
        "whole-days",
        "Europe/Athens",
        (2027, 3, 27, 10),
        (2027, 3, 29, 12),
        whole_day=True,
    )
    response = browser().get(training.absolute_url())
    assert fact(response, "when") == ["27 Μαρτίου 2027 – 29 Μαρτίου 2027"]


def test_organisation_lists_upcoming_trainings_in_athens_time(
    pages, browser, functional
):
    timed_training(
        functional,
        pages["athens"],
        "far-ahead",
        "Europe/Athens",
        (2036, 10, 26, 11),
        (2036, 10, 26, 13),
    )
    organisation = get_page(browser(), "athens")
    (upcoming,) = within(organisation, "organisation-trainings")
    assert "26 Οκτωβρίου 2036, 11:00–13:00" in upcoming.text_content()


def test_newsletter_featured_in_editors_order_with_pdf(pages, browser, functional):
    response = get_page(browser(), "newsletter")
    badges = [
        badge.get("data-portal-type")
        for badge in tree(response).xpath("//*[@data-portal-type]")
    ]
    assert badges == ["Practice", "Training", "Organisation"]
    assert "Welcome to the seventh issue." in response.text
    (pdf,) = links_in(response, "newsletter-pdf")
    assert pdf[1] == url(functional, "newsletter") + "/@@download/pdf/issue-7.pdf"
    download = browser().get(pdf[1])
    assert download.status_code == 200
    assert download.content == b"%PDF-1.4 issue 7"


@pytest.fixture
def english(functional):
    """The same sample in the English root."""
    from content_builders import build_sample

    objects = build_sample(functional["portal"], lang="en")
    transaction.commit()
    return objects


def test_english_page_shows_english_countries_and_themes(english, browser):
    response = browser().get("/en/organisations/athens")
    assert response.status_code == 200
    assert fact(response, "country") == ["Greece"]
    assert fact(response, "thematic_areas") == ["Housing", "Labour market integration"]


def test_english_page_shows_english_labels_and_terms(english, browser):
    response = browser().get("/en/organisations/athens")
    assert fact(response, "kind") == [term("organisation_kinds", "municipality", "en")]
    assert "Areas of expertise" in response.text
