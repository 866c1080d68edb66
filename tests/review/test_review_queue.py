"""The review queue: what waits for whom, oldest first, from the catalogue."""

from collective.migrationnetwork.review.queue import review_queue
from content_builders import relation
from plone import api
from plone.app.testing import logout
from review.review_people import as_user
from review.review_people import practice
from review.review_people import training
from review.review_people import transition

import pytest


def queue_of(userid):
    with as_user(userid):
        return review_queue()


def titles(entries):
    return [entry["title"] for entry in entries]


def by_title(entries):
    return {entry["title"]: entry for entry in entries}


@pytest.fixture
def waiting(sample, people):
    """One item in every state that waits for someone, and some that do
    not, in the two organisations with networks and the one without."""
    athens, nicosia, cardet = sample["athens"], sample["nicosia"], sample["cardet"]
    items = {
        "athens-submitted": practice(athens, "athens-submitted"),
        "athens-endorsed": practice(athens, "athens-endorsed"),
        "athens-training": training(athens, "athens-training"),
        "nicosia-submitted": practice(nicosia, "nicosia-submitted"),
        "cardet-submitted": practice(cardet, "cardet-submitted"),
        "athens-draft": practice(athens, "athens-draft"),
    }
    transition(items["athens-submitted"], "athens-editor", "submit")
    transition(items["athens-endorsed"], "athens-editor", "submit")
    transition(items["athens-endorsed"], "cities-coordinator", "endorse")
    transition(items["athens-training"], "athens-editor", "submit")
    transition(items["nicosia-submitted"], "nicosia-editor", "submit")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(items["cardet-submitted"], transition="submit")
        organisations = sample["athens"].__parent__
        items["applied-cyprus"] = api.content.create(
            container=organisations,
            type="Organisation",
            id="applied-cyprus",
            title="Applied cyprus",
            kind="ngo",
            country="CY",
            networks=[relation(sample["cyprus"])],
        )
        items["applied-cities"] = api.content.create(
            container=organisations,
            type="Organisation",
            id="applied-cities",
            title="Applied cities",
            kind="ngo",
            country="GR",
            networks=[relation(sample["cities"])],
        )
        newsletters = sample["athens"].__parent__.__parent__["newsletters"]
        items["newsletter-pending"] = api.content.create(
            container=newsletters,
            type="Newsletter",
            id="newsletter-pending",
            title="Newsletter pending",
        )
        api.content.transition(items["newsletter-pending"], transition="submit")
        items["newsletter-draft"] = api.content.create(
            container=newsletters,
            type="Newsletter",
            id="newsletter-draft",
            title="Newsletter draft",
        )
    return items


# Who waits for what: (user, titles of the items in their queue).
EXPECTED = {
    "secretary": {
        "Athens submitted",
        "Athens endorsed",
        "Athens training",
        "Nicosia submitted",
        "Cardet submitted",
        "Applied cyprus",
        "Applied cities",
        "Newsletter pending",
    },
    # Cities network and, through its sub-network Cyprus, Nicosia.
    "cities-coordinator": {
        "Athens submitted",
        "Athens training",
        "Nicosia submitted",
        "Applied cyprus",
        "Applied cities",
    },
    "cyprus-coordinator": {"Nicosia submitted", "Applied cyprus"},
    "athens-editor": set(),
    "nicosia-editor": set(),
    "member": set(),
}


@pytest.mark.parametrize("userid", sorted(EXPECTED))
def test_what_waits_for_whom(waiting, userid):
    assert set(titles(queue_of(userid))) == EXPECTED[userid]


def test_anonymous_queue_is_empty(waiting):
    logout()
    assert review_queue() == []


def test_nothing_public_nor_draft_waits(waiting, sample):
    for userid in ("secretary", "cities-coordinator"):
        found = set(titles(queue_of(userid)))
        assert "Athens draft" not in found
        assert "Newsletter draft" not in found
        assert sample["mentoring"].Title() not in found


def test_entry_carries_what_a_reviewer_needs(waiting, sample):
    entry = by_title(queue_of("secretary"))["Nicosia submitted"]
    item = waiting["nicosia-submitted"]
    assert entry["@id"] == item.absolute_url()
    assert entry["UID"] == api.content.get_uuid(item)
    assert entry["portal_type"] == "Practice"
    assert entry["type_title"]
    assert entry["review_state"] == "pending_coordinator"
    assert entry["review_state_title"]
    assert entry["organisation_title"] == "University of Nicosia"
    # The organisation's network and the network above it.
    assert set(entry["network_titles"]) == {
        sample["cyprus"].Title(),
        sample["cities"].Title(),
    }
    history = item.workflow_history["network_review_workflow"]
    assert entry["since"] == history[-1]["time"]
    assert entry["submitted_by"] == {
        "id": "nicosia-editor",
        "fullname": "Andreas Editor",
    }
    assert entry["is_working_copy"] is False
    assert entry["working_copy_of"] is None


def test_endorsed_item_keeps_its_submitter(waiting):
    entry = by_title(queue_of("secretary"))["Athens endorsed"]
    assert entry["review_state"] == "pending_network"
    assert entry["submitted_by"]["id"] == "athens-editor"
    assert entry["last_action"] == "endorse"


def test_oldest_first_by_entry_into_the_state(sample, people):
    athens = sample["athens"]
    first = practice(athens, "first")
    second = practice(athens, "second")
    transition(first, "athens-editor", "submit")
    transition(second, "athens-editor", "submit")
    assert titles(queue_of("cities-coordinator")) == ["First", "Second"]
    # An edit is no new entry into the state: the order stays.
    with api.env.adopt_roles(["Manager"]):
        first.title = "First, edited"
        first.reindexObject()
    assert titles(queue_of("cities-coordinator")) == ["First, edited", "Second"]
    # Retracted and submitted again: it waits from now on.
    transition(first, "athens-editor", "retract")
    transition(first, "athens-editor", "submit")
    assert titles(queue_of("cities-coordinator")) == ["Second", "First, edited"]


def test_the_queue_follows_the_workflow(sample, people):
    item = practice(sample["athens"], "moving")
    assert "Moving" not in titles(queue_of("cities-coordinator"))
    transition(item, "athens-editor", "submit")
    assert "Moving" in titles(queue_of("cities-coordinator"))
    transition(item, "cities-coordinator", "endorse")
    assert "Moving" not in titles(queue_of("cities-coordinator"))
    assert "Moving" in titles(queue_of("secretary"))
    transition(item, "secretary", "publish")
    assert "Moving" not in titles(queue_of("secretary"))


def test_sent_back_waits_for_its_authors(sample, people):
    item = practice(sample["athens"], "sent-back")
    transition(item, "athens-editor", "submit")
    transition(item, "cities-coordinator", "request_changes", "Add the results.")
    entries = queue_of("athens-editor")
    assert titles(entries) == ["Sent back"]
    assert entries[0]["waits_for"] == "author"
    assert [a["id"] for a in entries[0]["actions"]] == ["edit"]
    # Not the other organisation's editor, not the reviewers.
    assert queue_of("nicosia-editor") == []
    assert "Sent back" not in titles(queue_of("cities-coordinator"))
    # Submitted again: no longer sent back.
    transition(item, "athens-editor", "submit")
    assert queue_of("athens-editor") == []


# The buttons of each entry: (user, item, transitions offered).
ACTIONS = [
    ("cities-coordinator", "Athens submitted", ["endorse", "request_changes"]),
    ("cities-coordinator", "Applied cities", ["approve", "decline"]),
    ("secretary", "Athens submitted", ["endorse", "publish", "request_changes"]),
    ("secretary", "Athens endorsed", ["publish", "request_changes"]),
    ("secretary", "Applied cyprus", ["approve", "decline"]),
    ("secretary", "Newsletter pending", ["approve", "request_changes"]),
]


@pytest.mark.parametrize(("userid", "title", "expected"), ACTIONS)
def test_actions_are_the_reviewers_transitions(waiting, userid, title, expected):
    entry = by_title(queue_of(userid))[title]
    assert [a["id"] for a in entry["actions"]] == expected
    for action in entry["actions"]:
        assert action["url"] == (
            f"{entry['@id']}/@@review-transition?workflow_action={action['id']}"
        )
        assert action["title"]


@pytest.mark.parametrize(("userid", "title", "expected"), ACTIONS)
def test_actions_are_available_on_the_item(waiting, userid, title, expected):
    """What the queue reads from the workflow definition is what the
    workflow offers on the object."""
    item = {e.Title(): e for e in waiting.values()}[title]
    with as_user(userid):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(item)
        }
    assert set(expected) <= offered
    assert not {"submit", "retract"} & set(expected)
