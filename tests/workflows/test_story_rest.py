"""The editorial story over HTTP, as a member site or Volto would live it:
an editor writes and submits, the coordinator of the organisation's network
endorses or sends back with a comment, the secretariat publishes; only then
do anonymous clients see it."""

from review.review_people import auth
from review.review_people import make_people

import datetime
import pytest
import transaction


TOMORROW = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()

NEW_ITEMS = {
    "Practice": {
        "@type": "Practice",
        "title": "Language cafe for parents",
        "kind": "good_practice",
        "status": "ongoing",
        "countries": ["GR"],
    },
    "Training": {
        "@type": "Training",
        "title": "Workshop on intercultural mediation",
        "kind": "workshop",
        "format": "online",
        "start": f"{TOMORROW}T10:00:00+02:00",
        "end": f"{TOMORROW}T12:00:00+02:00",
    },
}


@pytest.fixture
def people(functional_sample):
    make_people(functional_sample)
    transaction.commit()


def refused(response):
    """A refusal that tells nothing about the item: plone.rest answers
    every Unauthorized with 401, logged in or not."""
    return response.status_code == 401


def invalid_transition(response):
    """plone.restapi's answer to a transition the item does not offer the
    user (who may see the item)."""
    return response.status_code == 400


def found_by_anonymous_search(http, url, title):
    response = http(json=True).get("el/@search", params={"SearchableText": title})
    assert response.status_code == 200
    return url in [item["@id"] for item in response.json()["items"]]


def test_anonymous_cannot_read_a_draft(functional_sample, http):
    url = functional_sample["draft"].absolute_url()
    response = http(json=True).get(url)
    assert refused(response)
    assert "Draft language cafe" not in response.text


@pytest.mark.parametrize("portal_type", sorted(NEW_ITEMS))
def test_the_story(functional_sample, people, http, portal_type):
    athens_url = functional_sample["athens"].absolute_url()
    editor = http(auth=auth("athens-editor"), json=True)
    coordinator = http(auth=auth("cities-coordinator"), json=True)
    other_coordinator = http(auth=auth("cyprus-coordinator"), json=True)
    secretary = http(auth=auth("secretary"), json=True)
    anonymous = http(json=True)
    title = NEW_ITEMS[portal_type]["title"]

    # The editor writes a draft: nobody outside the team sees it.
    response = editor.post(athens_url, json=NEW_ITEMS[portal_type])
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    assert response.json()["review_state"] == "private"
    assert refused(anonymous.get(url))
    assert not found_by_anonymous_search(http, url, title)

    # They may not publish it themselves; they submit it.
    response = editor.post(f"{url}/@workflow/publish")
    assert invalid_transition(response)
    response = editor.post(f"{url}/@workflow/submit", json={"comment": "Ready."})
    assert response.status_code == 200
    assert response.json()["review_state"] == "pending_coordinator"
    assert refused(anonymous.get(url))

    # Sending it back needs a comment, which the authors then read.
    response = coordinator.post(f"{url}/@workflow/request_changes", json={})
    assert response.status_code == 400
    # The message (in the item's language) names the transition.
    assert "request_changes" in response.json()["error"]["message"]
    assert editor.get(url).json()["review_state"] == "pending_coordinator"
    comment = "Please add who runs the sessions."
    response = coordinator.post(
        f"{url}/@workflow/request_changes", json={"comment": comment}
    )
    assert response.status_code == 200
    assert response.json()["review_state"] == "private"
    history = editor.get(f"{url}/@history").json()
    assert comment in [entry.get("comments") for entry in history]
    workflow = editor.get(f"{url}/@workflow").json()
    assert comment in [entry.get("comments") for entry in workflow["history"]]

    # Submitted again: a coordinator of another network has no say; the
    # coordinator of the organisation's network endorses it.
    response = editor.patch(url, json={"description": "Run by two volunteers."})
    assert response.status_code == 204
    assert editor.post(f"{url}/@workflow/submit").status_code == 200
    response = other_coordinator.post(f"{url}/@workflow/endorse")
    assert refused(response)
    assert editor.get(url).json()["review_state"] == "pending_coordinator"
    response = coordinator.post(f"{url}/@workflow/endorse", json={"comment": "Good"})
    assert response.status_code == 200
    assert response.json()["review_state"] == "pending_network"
    assert refused(anonymous.get(url))

    # The secretariat publishes it: now everyone reads it.
    response = secretary.post(f"{url}/@workflow/publish", json={"comment": "Thanks"})
    assert response.status_code == 200
    assert response.json()["review_state"] == "published"
    response = anonymous.get(url)
    assert response.status_code == 200
    assert response.json()["title"] == title
    assert found_by_anonymous_search(http, url, title)

    # The editor cannot change the published item any more (a working
    # copy goes through the review instead).
    response = editor.patch(url, json={"title": "Changed behind the review"})
    assert refused(response)
    assert anonymous.get(url).json()["title"] == title
    assert invalid_transition(editor.post(f"{url}/@workflow/retract"))


@pytest.mark.parametrize(
    ("userid", "transition", "status"),
    [
        # They see the item: the transition is not theirs (400).
        ("athens-editor", "endorse", 400),
        ("athens-editor", "publish", 400),
        ("cities-coordinator", "publish", 400),
        # They may not even see it (401).
        ("cyprus-coordinator", "endorse", 401),
        ("cyprus-coordinator", "request_changes", 401),
        ("nicosia-editor", "retract", 401),
        ("member", "endorse", 401),
    ],
)
def test_who_may_not(functional_sample, people, http, userid, transition, status):
    editor = http(auth=auth("athens-editor"), json=True)
    response = editor.post(
        functional_sample["athens"].absolute_url(), json=NEW_ITEMS["Practice"]
    )
    url = response.json()["@id"]
    assert editor.post(f"{url}/@workflow/submit").status_code == 200
    response = http(auth=auth(userid), json=True).post(
        f"{url}/@workflow/{transition}", json={"comment": "Trying."}
    )
    assert response.status_code == status
    assert editor.get(url).json()["review_state"] == "pending_coordinator"
