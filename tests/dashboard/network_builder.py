"""A generated network for the dashboard's tests, with everything the
dashboard counts, and the figures it must show computed from what was
built (never from the catalogue)."""

from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import Subscriber
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.registrations.store import Registration
from collective.migrationnetwork.registrations.store import registrations_of
from content_builders import relation
from DateTime import DateTime
from plone import api

import datetime
import pytz
import random


KINDS = ("municipality", "ngo", "university")
COUNTRIES = ("GR", "CY", "IT")
AREAS = ("housing", "labour_market", "health")
PRACTICE_KINDS = ("good_practice", "pilot_project", "tool")
# What each generated practice goes through, by its index modulo 4.
ROUTES = (
    (),
    ("submit",),
    ("submit", "endorse"),
    ("submit", "publish"),
)
STATE_OF = {
    (): "private",
    ("submit",): "pending_coordinator",
    ("submit", "endorse"): "pending_network",
    ("submit", "publish"): "published",
}


def _set_history_times(obj, times):
    """Give the last ``len(times)`` workflow entries the given times."""
    workflow_id = api.portal.get_tool("portal_workflow").getChainFor(obj)[0]
    history = list(obj.workflow_history[workflow_id])
    for offset, when in enumerate(times, start=len(history) - len(times)):
        entry = dict(history[offset])
        entry["time"] = when
        history[offset] = entry
    obj.workflow_history[workflow_id] = tuple(history)
    obj.reindexObject()


def build_network(portal, sample, seed=19, organisations=6):  # noqa: C901 - one story
    """Organisations of the Cities Network (two of them applications),
    practices in every review state, trainings past and upcoming with
    registrations, subscribers. Returns what the dashboard must show for
    the Cities Network, beside the sample's own items."""
    rng = random.Random(seed)
    root = portal["el"]
    now = DateTime()
    zone = pytz.timezone("Europe/Athens")
    expected = {
        "by_country": {},
        "by_kind": {},
        "applications": [],
        "states": {},
        "areas": {},
        "practice_kinds": {},
        "waiting": {"pending_coordinator": [], "pending_network": []},
        "durations": [],
        "held": 0,
        "upcoming": 0,
        "confirmed": 0,
        "waiting_list": 0,
        "withdrawn": 0,
        "attended": 0,
        "trained_by_country": {},
        "subscribers": {},
    }
    with api.env.adopt_roles(["Manager"]):
        for number in range(organisations):
            kind = KINDS[number % len(KINDS)]
            country = COUNTRIES[rng.randrange(len(COUNTRIES))]
            applied = number >= organisations - 2
            organisation = api.content.create(
                container=root["organisations"],
                type="Organisation",
                id=f"generated-{number}",
                title=f"Generated organisation {number}",
                kind=kind,
                country=country,
                networks=[relation(sample["cities"])],
            )
            if applied:
                asked = now - (10 + number)
                _set_history_times(organisation, [asked])
                expected["applications"].append((organisation.UID(), 10 + number))
                continue
            api.content.transition(organisation, to_state="active")
            expected["by_country"][country] = expected["by_country"].get(country, 0) + 1
            expected["by_kind"][kind] = expected["by_kind"].get(kind, 0) + 1
            for index in range(4):
                route = ROUTES[index]
                area = AREAS[rng.randrange(len(AREAS))]
                practice_kind = PRACTICE_KINDS[index % len(PRACTICE_KINDS)]
                practice = api.content.create(
                    container=organisation,
                    type="Practice",
                    id=f"practice-{index}",
                    title=f"Practice {number}.{index}",
                    kind=practice_kind,
                    status="ongoing",
                    thematic_areas=[area],
                )
                for transition in route:
                    api.content.transition(practice, transition=transition)
                state = STATE_OF[route]
                expected["states"][state] = expected["states"].get(state, 0) + 1
                expected["areas"][area] = expected["areas"].get(area, 0) + 1
                expected["practice_kinds"][practice_kind] = (
                    expected["practice_kinds"].get(practice_kind, 0) + 1
                )
                if route:
                    submitted = now - (30 + number + index)
                    times = [submitted]
                    if len(route) == 2:
                        days = 2 + number + index
                        times.append(submitted + days)
                        if route[1] == "publish":
                            expected["durations"].append(days)
                    _set_history_times(practice, times)
                    if state in expected["waiting"]:
                        expected["waiting"][state].append(
                            (practice.UID(), DateTime(times[-1]))
                        )
            start = datetime.datetime.now(zone) + datetime.timedelta(
                days=(-20 if number % 2 else 20) - number
            )
            training = api.content.create(
                container=organisation,
                type="Training",
                id="training",
                title=f"Training {number}",
                kind="webinar",
                format="online",
                start=start,
                end=start + datetime.timedelta(hours=2),
            )
            api.content.transition(training, to_state="published")
            if number % 2:
                expected["held"] += 1
            else:
                expected["upcoming"] += 1
            store = registrations_of(training)
            for person in range(3):
                record = Registration(
                    f"r{number}{person}",
                    f"person{number}.{person}@example.org",
                    {
                        "name": f"Person {person}",
                        "organisation": "Δήμος",
                        "country": country,
                    },
                    "el",
                )
                status = ("confirmed", "waiting", "withdrawn")[person]
                store.add(record, status)
                if number % 2:
                    expected[
                        {
                            "confirmed": "confirmed",
                            "waiting": "waiting_list",
                            "withdrawn": "withdrawn",
                        }[status]
                    ] += 1
                if status == "confirmed" and number % 2:
                    store.set_attended(record, True)
                    expected["attended"] += 1
                    expected["trained_by_country"][country] = (
                        expected["trained_by_country"].get(country, 0) + 1
                    )
    subscribers = get_store()
    for number in range(5):
        language = ("el", "en")[number % 2]
        subscriber = subscribers.add(
            Subscriber(f"reader{number}@example.org", language, ["housing"])
        )
        subscriber.state = CONFIRMED
        expected["subscribers"][language] = expected["subscribers"].get(language, 0) + 1
    return expected
