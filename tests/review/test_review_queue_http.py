"""The review queue over HTTP: the page with its buttons, the REST service,
and the review history on the item."""

from collective.migrationnetwork.review.queue import review_queue
from plone import api
from review.review_people import auth
from review.review_people import practice
from review.review_people import transition

import pytest
import re
import transaction


@pytest.fixture
def submitted(functional_sample, functional_people):
    """A practice of Athens sent back once, then submitted again."""
    item = practice(functional_sample["athens"], "queued", "Queued practice")
    transition(item, "athens-editor", "submit", "First version.")
    transition(item, "cities-coordinator", "request_changes", "Add the results.")
    transition(item, "athens-editor", "submit", "Results added.")
    transaction.commit()
    return item


def authenticator(html):
    return re.search(r'name="_authenticator"[^>]*value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("path", ["", "el", "en"])
def test_rest_queue_refuses_anonymous(submitted, http, path):
    response = http(json=True).get(f"{path}/@review-queue".lstrip("/"))
    assert response.status_code == 401
    assert "Queued practice" not in response.text


@pytest.mark.parametrize("path", ["", "el/"])
def test_rest_queue_of_a_coordinator(submitted, http, path):
    response = http(auth=auth("cities-coordinator"), json=True).get(
        f"{path}@review-queue"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["items_total"] == len(body["items"]) == 1
    entry = body["items"][0]
    assert entry["@id"] == submitted.absolute_url()
    assert entry["title"] == "Queued practice"
    assert entry["review_state"] == "pending_coordinator"
    assert entry["organisation_title"] == "Municipality of Athens"
    assert entry["network_titles"] == ["Cities Network for Integration"]
    assert entry["submitted_by"]["fullname"] == "Maria Editor"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d", entry["since"])
    assert [a["id"] for a in entry["actions"]] == ["endorse", "request_changes"]


def test_rest_queue_of_an_editor_is_empty(submitted, http):
    response = http(auth=auth("athens-editor"), json=True).get("@review-queue")
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert response.json()["items_total"] == 0


@pytest.mark.parametrize("path", ["@@review-queue", "el/@@review-queue"])
def test_page_refuses_anonymous(submitted, http, path):
    response = http().get(path, allow_redirects=False)
    assert response.status_code == 302
    assert "require_login" in response.headers["Location"]
    assert "Queued practice" not in response.text


def test_page_lists_with_buttons(submitted, http):
    response = http(auth=auth("cities-coordinator")).get("el/@@review-queue")
    assert response.status_code == 200
    assert "Queued practice" in response.text
    assert "Maria Editor" in response.text
    assert "Municipality of Athens" in response.text
    url = submitted.absolute_url()
    assert f"{url}/@@review-transition?workflow_action=endorse" in response.text
    assert f"{url}/@@review-transition?workflow_action=request_changes" in (
        response.text
    )
    assert "workflow_action=publish" not in response.text


def test_page_of_an_editor_says_nothing_waits(submitted, http):
    response = http(auth=auth("athens-editor")).get("@@review-queue")
    assert response.status_code == 200
    assert "Queued practice" not in response.text
    assert "review-queue-empty" in response.text


def test_button_leads_to_the_transition(submitted, http):
    """The coordinator follows the queue's button, comments, endorses; the
    item leaves their queue and enters the secretariat's."""
    session = http(auth=auth("cities-coordinator"))
    form = session.get(
        f"{submitted.absolute_url()}/@@review-transition?workflow_action=endorse"
    )
    assert form.status_code == 200
    response = session.post(
        f"{submitted.absolute_url()}/@@review-transition",
        data={
            "workflow_action": "endorse",
            "comment": "Good practice, endorsed.",
            "form.submitted": "1",
            "form.button.confirm": "1",
            "_authenticator": authenticator(form.text),
        },
    )
    assert response.status_code == 200
    transaction.begin()
    assert api.content.get_state(submitted) == "pending_network"
    page = session.get("el/@@review-queue")
    assert "Queued practice" not in page.text
    page = http(auth=auth("secretary")).get("el/@@review-queue")
    assert "Queued practice" in page.text
    assert "workflow_action=publish" in page.text


# Who sees the review history on the item: the workflow's guard on
# ``review_history`` (Request review, Review portal content, Endorse).
HISTORY_VIEWERS = [
    ("athens-editor", True),
    ("cities-coordinator", True),
    ("secretary", True),
    ("nicosia-editor", False),
    ("member", False),
]


@pytest.mark.parametrize(("userid", "shown"), HISTORY_VIEWERS)
def test_review_history_on_a_pending_item(submitted, http, userid, shown):
    response = http(auth=auth(userid)).get(submitted.absolute_url())
    if not shown:
        # Those who may not review it may not even see it.
        # Those who may not review it see the page without its history.
        assert response.status_code == 200
        assert "review-history" not in response.text
        assert "First version." not in response.text
        return
    assert response.status_code == 200
    assert "review-history" in response.text
    for comment in ("First version.", "Add the results.", "Results added."):
        assert comment in response.text
    assert "Kostas Coordinator" in response.text


def test_review_history_of_a_published_item(submitted, http):
    transition(submitted, "secretary", "publish", "Published, thank you.")
    transaction.commit()
    for userid, shown in (
        ("secretary", True),
        ("athens-editor", False),
        ("cities-coordinator", False),
    ):
        response = http(auth=auth(userid)).get(submitted.absolute_url())
        assert response.status_code == 200
        assert ("Add the results." in response.text) is shown, userid
    response = http().get(submitted.absolute_url())
    assert response.status_code == 200
    assert "review-history" not in response.text
    assert "Add the results." not in response.text


@pytest.mark.parametrize("endpoint", ["@workflow", "@history"])
def test_rest_history_has_the_comments(submitted, http, endpoint):
    response = http(auth=auth("athens-editor"), json=True).get(
        f"{submitted.absolute_url()}/{endpoint}"
    )
    assert response.status_code == 200
    entries = response.json()
    entries = entries["history"] if endpoint == "@workflow" else entries
    comments = [e.get("comments") for e in entries]
    assert "Add the results." in comments
    assert "Results added." in comments


def test_queue_wakes_no_content_object(submitted, functional_sample, functional):
    """Listed from the catalogue: the items stay ghosts."""
    items = [submitted, functional_sample["mentoring"]]
    connection = functional["portal"]._p_jar
    connection.cacheMinimize()
    assert all(item._p_changed is None for item in items)
    with api.env.adopt_user(username="secretary"):
        entries = review_queue()
    assert "Queued practice" in [e["title"] for e in entries]
    assert all(item._p_changed is None for item in items)
