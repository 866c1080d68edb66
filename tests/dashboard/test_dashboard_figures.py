"""Every figure of the dashboard against the generated network: what was
built (network_builder's expectations), not what the catalogue says."""

from collective.migrationnetwork.dashboard.figures import dashboard
from plone import api

import pytest


def cities(answer):
    [found] = [n for n in answer["networks"] if n["title"].startswith("Cities")]
    return found


def as_counts(values):
    return {value["token"]: value["count"] for value in values}


@pytest.fixture
def answer(network):
    with api.env.adopt_user(username="secretary"):
        return dashboard(api.portal.get()["el"], language="el")


def test_members_by_country_and_kind(answer, network):
    expected = network["expected"]
    members = cities(answer)["members"]
    # The sample's Athens (GR, municipality) and University of Nicosia (CY,
    # university, in the Cyprus sub-network) are members too.
    by_country = dict(expected["by_country"])
    by_country["GR"] = by_country.get("GR", 0) + 1
    by_country["CY"] = by_country.get("CY", 0) + 1
    by_kind = dict(expected["by_kind"])
    by_kind["municipality"] += 1
    by_kind["university"] += 1
    assert as_counts(members["by_country"]) == by_country
    assert as_counts(members["by_kind"]) == by_kind
    assert members["total"] == sum(by_country.values())
    titles = {value["token"]: value["title"] for value in members["by_country"]}
    assert titles["GR"] == "Ελλάδα"


def test_new_members_and_applications_with_their_age(answer, network):
    members = cities(answer)["members"]
    assert len(members["new"]) == members["total"]
    applications = [
        (entry["UID"], entry["age_days"]) for entry in members["applications"]
    ]
    # Oldest first.
    assert applications == sorted(
        network["expected"]["applications"], key=lambda a: -a[1]
    )


def test_backlog_oldest_first_and_median(answer, network):
    expected = network["expected"]
    backlog = cities(answer)["backlog"]
    steps = {step["state"]: step for step in backlog["steps"]}
    for state, waiting in expected["waiting"].items():
        oldest_first = [uid for uid, when in sorted(waiting, key=lambda w: w[1])]
        assert [entry["UID"] for entry in steps[state]["items"]] == oldest_first
        assert steps[state]["count"] == len(waiting)
    assert steps["pending_coordinator"]["title"] == "Υποβλήθηκε"
    catalog = api.portal.get_tool("portal_catalog")
    published_now = len(
        catalog.unrestrictedSearchResults(
            path="/plone/el",
            portal_type=["Practice", "Training"],
            networks=network["sample"]["cities"].UID(),
            review_state="published",
        )
    ) - len(expected["durations"])
    durations = sorted(expected["durations"] + [0] * published_now)
    assert backlog["published_count"] == len(durations)
    middle = len(durations) // 2
    median = (
        durations[middle]
        if len(durations) % 2
        else (durations[middle - 1] + durations[middle]) / 2
    )
    assert backlog["median_days_to_publish"] == median


def test_practices_by_state_area_and_kind(answer, network):
    expected = network["expected"]
    practices = cities(answer)["practices"]
    states = dict(expected["states"])
    states["published"] = states.get("published", 0) + 2
    states["private"] = states.get("private", 0) + 1
    areas = dict(expected["areas"])
    for area in ("labour_market", "housing", "language_learning"):
        areas[area] = areas.get(area, 0) + 1
    kinds = dict(expected["practice_kinds"])
    for kind in ("good_practice", "pilot_project", "tool"):
        kinds[kind] = kinds.get(kind, 0) + 1
    assert as_counts(practices["by_state"]) == states
    assert as_counts(practices["by_thematic_area"]) == areas
    assert as_counts(practices["by_kind"]) == kinds
    assert practices["total"] == sum(states.values())


def test_replicated_elsewhere(answer, network):
    sample = network["sample"]
    replicated = cities(answer)["practices"]["replicated"]
    assert replicated["count"] == 1
    [entry] = replicated["items"]
    assert entry["@id"] == sample["mentoring"].absolute_url()
    assert [other["@id"] for other in entry["replicated_in"]] == [
        sample["housing"].absolute_url()
    ]


def test_trainings_registrations_and_people_trained(answer, network):
    expected = network["expected"]
    trainings = cities(answer)["trainings"]
    # The sample's study visit was held, its webinar is upcoming.
    assert trainings["held"] == expected["held"] + 1
    assert trainings["upcoming"] == expected["upcoming"] + 1
    assert trainings["registrations"] == {
        "confirmed": expected["confirmed"],
        "waiting": expected["waiting_list"],
        "withdrawn": expected["withdrawn"],
        "attended": expected["attended"],
    }
    assert as_counts(trainings["trained_by_country"]) == expected["trained_by_country"]
    assert as_counts(trainings["trained_by_organisation"]) == {
        "Δήμος": expected["attended"]
    }


def test_subscribers_by_language_and_interest(answer, network):
    subscribers = answer["newsletter"]["subscribers"]
    assert subscribers["confirmed"] == sum(network["expected"]["subscribers"].values())
    assert as_counts(subscribers["by_language"]) == network["expected"]["subscribers"]
    assert as_counts(subscribers["by_interest"]) == {
        "housing": subscribers["confirmed"]
    }


def test_translation_worklist_links_each_item(answer, network):
    [english] = [w for w in cities(answer)["translations"] if w["language"] == "en"]
    # Nothing of the generated network is translated.
    assert english["missing_count"] == len(english["missing"]) > 10
    assert all(
        "@@create_translation?language=en" in e["@id"] for e in english["missing"]
    )
    assert english["outdated"] == []


def test_the_worklist_lists_the_first_entries_and_counts_them_all(network, monkeypatch):
    from collective.migrationnetwork.dashboard import translations

    with api.env.adopt_user(username="secretary"):
        full = dashboard(api.portal.get()["el"], language="el")
        monkeypatch.setattr(translations, "WORKLIST_LIMIT", 3)
        short = dashboard(api.portal.get()["el"], language="el")
    [before] = [w for w in cities(full)["translations"] if w["language"] == "en"]
    [after] = [w for w in cities(short)["translations"] if w["language"] == "en"]
    assert after["missing_count"] == before["missing_count"] > 3
    assert after["missing"] == before["missing"][:3]


@pytest.mark.parametrize(
    ("period", "key"), [(None, "12m"), ("12m", "12m"), ("all", "all"), ("2026", "2026")]
)
def test_periods(network, period, key):
    with api.env.adopt_user(username="secretary"):
        answer = dashboard(api.portal.get()["el"], period=period, language="el")
    assert answer["period"]["key"] == key


class Record:
    """A catalogue record as the dashboard reads it: metadata attributes,
    ``Missing.Value`` where the item had no value when it was indexed."""

    def __init__(self, **columns):
        self.__dict__.update(columns)

    def getURL(self):
        return "http://nohost/plone/el/item"


def test_items_without_review_dates_count_as_unknown(integration):
    """Items published without a submission (imported ones, or published
    by administrators) have Missing.Value in ``review_submitted``: the
    backlog counts them out of the median rather than failing (the
    benchmark's site answered 500 before)."""
    from collective.migrationnetwork.dashboard.network import backlog
    from DateTime import DateTime

    import Missing

    now = DateTime()
    common = {
        "UID": "x",
        "Title": "x",
        "portal_type": "Practice",
        "organisation_title": Missing.Value,
        "created": now - 40,
    }
    records = [
        Record(
            review_state="published",
            review_state_date=now - 3,
            review_published=now - 3,
            review_submitted=Missing.Value,
            **common,
        ),
        Record(
            review_state="published",
            review_state_date=now - 2,
            review_published=now - 2,
            review_submitted=now - 12,
            **common,
        ),
        Record(
            review_state="pending_coordinator",
            review_state_date=Missing.Value,
            review_published=Missing.Value,
            review_submitted=Missing.Value,
            **common,
        ),
    ]
    answer = backlog(records, now, "el")
    assert answer["published_count"] == 1
    assert answer["median_days_to_publish"] == 10
    [waiting] = answer["steps"][0]["items"]
    assert waiting["age_days"] == 40  # since it was created
