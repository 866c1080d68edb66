"""``@network-stats``: figures of the sample network, per client."""

from accounts import ADMIN
from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.stats import network_stats
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles

import datetime
import pytest
import pytz
import transaction


def counts(breakdown):
    return {value["token"]: value["count"] for value in breakdown["values"]}


def titles(breakdown):
    return {value["token"]: value["title"] for value in breakdown["values"]}


@pytest.fixture
def anonymous_stats(portal, sample):
    logout()
    return network_stats(portal["el"])


def test_organisations_of_the_sample(anonymous_stats, sample):
    organisations = anonymous_stats["organisations"]
    assert organisations["total"] == 3
    assert counts(organisations["by_country"]) == {"CY": 2, "GR": 1}
    assert counts(organisations["by_kind"]) == {
        "municipality": 1,
        "university": 1,
        "ngo": 1,
    }
    # A sub-network's members count for the network above it too.
    assert counts(organisations["by_network"]) == {
        sample["cities"].UID(): 2,
        sample["cyprus"].UID(): 1,
    }
    assert titles(organisations["by_network"])[sample["cyprus"].UID()] == (
        "Cyprus local integration network"
    )


def test_practices_of_the_sample(anonymous_stats):
    practices = anonymous_stats["practices"]
    # The draft is not public.
    assert practices["total"] == 2
    assert counts(practices["by_status"]) == {"ongoing": 1, "completed": 1}
    assert counts(practices["by_thematic_area"]) == {"labour_market": 1, "housing": 1}


def test_trainings_of_the_sample(anonymous_stats):
    trainings = anonymous_stats["trainings"]
    assert trainings["total"] == 2
    assert trainings["upcoming"] == 1
    assert counts(trainings["by_format"]) == {"online": 1, "in_person": 1}


def test_trainings_by_month(portal, sample):
    logout()
    figures = network_stats(portal["el"])
    timezone = pytz.timezone(figures["timezone"])
    webinar_month = sample["webinar"].start.astimezone(timezone).strftime("%Y-%m")
    visit_month = sample["visit"].start.astimezone(timezone).strftime("%Y-%m")
    by_month = figures["trainings"]["by_month"]["values"]
    assert len(by_month) == 24
    months = [value["token"] for value in by_month]
    assert months == sorted(months)
    found = counts({"values": by_month})
    assert found[webinar_month] >= 1
    assert found[visit_month] >= 1
    assert sum(found.values()) == 2
    # Past the window, a training is not counted.
    later = datetime.datetime.now(pytz.utc) + datetime.timedelta(days=800)
    shifted = network_stats(portal["el"], now=later)["trainings"]["by_month"]
    assert sum(counts(shifted).values()) == 0


def test_the_window_is_the_last_twelve_and_the_next_twelve_months(portal, sample):
    logout()
    now = datetime.datetime(2026, 5, 15, 12, tzinfo=pytz.utc)
    by_month = network_stats(portal["el"], now=now)["trainings"]["by_month"]
    months = [value["token"] for value in by_month["values"]]
    assert months[0] == "2025-05"
    assert "2026-05" in months
    assert months[-1] == "2027-04"


def test_members_get_figures_by_review_state(portal, sample):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, "test-user")
    figures = network_stats(portal["el"])
    assert figures["members_figures"] is True
    assert figures["practices"]["total"] == 3
    assert counts(figures["practices"]["by_state"]) == {"published": 2, "private": 1}
    assert counts(figures["organisations"]["by_state"]) == {"active": 3}


def test_anonymous_get_no_figures_by_review_state(anonymous_stats):
    assert anonymous_stats["members_figures"] is False
    for key in ("organisations", "practices", "trainings"):
        assert "by_state" not in anonymous_stats[key]


def test_a_plain_member_sees_the_states_of_what_they_may_see(portal, sample):
    api.user.create(email="member@example.org", username="member", password="x" * 12)
    login(portal, "member")
    figures = network_stats(portal["el"])
    assert figures["members_figures"] is True
    # The draft is the team's: a member of the network does not count it.
    assert figures["practices"]["total"] == 2
    assert counts(figures["practices"]["by_state"]) == {"published": 2}


@pytest.mark.parametrize(
    ("group", "breakdown", "index", "portal_type"),
    [
        ("organisations", "by_country", "countries", "Organisation"),
        ("organisations", "by_kind", "kind", "Organisation"),
        ("organisations", "by_network", "networks", "Organisation"),
        ("practices", "by_thematic_area", "thematic_areas", "Practice"),
        ("practices", "by_status", "status", "Practice"),
        ("trainings", "by_format", "format", "Training"),
    ],
)
def test_figures_agree_with_the_search_counts(
    portal, sample, group, breakdown, index, portal_type
):
    logout()
    figures = network_stats(portal["el"])[group][breakdown]
    result = network_search(
        portal["el"],
        {"portal_type": portal_type, "include_archived": "true"},
        facets=(index,),
    )
    expected = {v.token: v.count for v in result.facets[index].values if v.count}
    assert counts(figures) == expected


def test_counting_wakes_no_content(functional, functional_sample):
    from Acquisition import aq_base

    portal = functional["portal"]
    objects = {name: aq_base(obj) for name, obj in functional_sample.items()}
    for user in (None, "admin"):
        logout()
        if user:
            setRoles(portal, TEST_USER_ID, ["Manager"])
            login(portal, "test-user")
        portal._p_jar.cacheMinimize()
        assert {o._p_status for o in objects.values()} == {"ghost"}
        network_stats(portal["el"])
        assert sorted(n for n, o in objects.items() if o._p_status != "ghost") == []


@pytest.fixture
def both_languages(functional, functional_sample):
    from content_builders import build_sample

    build_sample(functional["portal"], lang="en")
    transaction.commit()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "el",
            {
                "organisations": "Οργανισμοί",
                "by_country": "Χώρες",
                "GR": "Ελλάδα",
                "ngo": "ΜΚΟ / κοινωνία των πολιτών",
                "in_person": "Δια ζώσης",
                "month": "Ιανουάριος 2026",
            },
        ),
        (
            "en",
            {
                "organisations": "Organisations",
                "by_country": "Countries",
                "GR": "Greece",
                "ngo": "NGO / civil society",
                "in_person": "In person",
                "month": "January 2026",
            },
        ),
    ],
)
def test_titles_in_the_language_of_the_root(http, both_languages, lang, expected):
    response = http(json=True).get(f"/{lang}/@network-stats")
    assert response.status_code == 200, response.text
    figures = response.json()
    assert figures["language"] == lang
    assert figures["root"].endswith(f"/{lang}")
    organisations = figures["organisations"]
    assert organisations["title"] == expected["organisations"]
    assert organisations["by_country"]["title"] == expected["by_country"]
    assert titles(organisations["by_country"])["GR"] == expected["GR"]
    assert titles(organisations["by_kind"])["ngo"] == expected["ngo"]
    assert (
        titles(figures["trainings"]["by_format"])["in_person"]
        == (expected["in_person"])
    )
    assert expected["month"].split()[0] in {
        value["title"].split()[0]
        for value in figures["trainings"]["by_month"]["values"]
    }


@pytest.mark.parametrize(("auth", "by_state"), [(None, False), (ADMIN, True)])
def test_over_http(http, functional_sample, auth, by_state):
    response = http(json=True, auth=auth).get("/el/@network-stats")
    assert response.status_code == 200, response.text
    figures = response.json()
    assert figures["@id"].endswith("/el/@network-stats")
    assert ("by_state" in figures["practices"]) is by_state
    assert figures["practices"]["total"] == (3 if by_state else 2)


def test_on_the_site_root_the_current_language_is_counted(http, functional_sample):
    figures = http(json=True).get("/@network-stats").json()
    assert figures["root"].endswith("/el")
    assert figures["organisations"]["total"] == 3
