"""Changes to a published practice go through a working copy
(plone.app.iterate) and the same review, in REST and in the Classic UI."""

from plone import api
from review.review_people import auth
from zope.i18n import translate

import pytest
import re
import transaction


NEW_TITLE = "Job mentoring for refugees, second edition"
NEW_DESCRIPTION = "Now with employers' mentors too."


@pytest.fixture
def published(functional_sample, functional_people):
    """The sample's published practice of Athens."""
    return functional_sample["mentoring"]


def authenticator(html):
    found = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', html)
    return found.group(1) if found else None


# plone.rest answers every Unauthorized with 401, logged in or not; a
# service that refuses by itself (a second check-out, a check-in before
# the review, an inactive organisation) answers 403.
UNAUTHORIZED = 401
FORBIDDEN = 403


def queue_entry(http, userid, title):
    response = http(auth=auth(userid), json=True).get("@review-queue")
    assert response.status_code == 200
    return {e["title"]: e for e in response.json()["items"]}.get(title)


def test_the_story_in_rest(published, http):
    url = published.absolute_url()
    editor = http(auth=auth("athens-editor"), json=True)

    # The editor cannot change the published practice itself.
    response = editor.patch(url, json={"title": NEW_TITLE})
    assert response.status_code == UNAUTHORIZED
    assert editor.get(url).json()["title"] == published.Title()

    # They check it out: the copy is made in their organisation.
    response = editor.post(f"{url}/@workingcopy")
    assert response.status_code == 201
    copy_url = response.json()["@id"]
    athens_url = published.__parent__.absolute_url()
    assert copy_url.rsplit("/", 1)[0] == athens_url
    copy = editor.get(copy_url).json()
    assert copy["review_state"] == "private"
    assert copy["working_copy_of"]["@id"] == url
    # The published practice is locked while checked out, and a second
    # check-out is refused.
    assert editor.get(url).json()["lock"]["locked"] is True
    assert editor.post(f"{url}/@workingcopy").status_code == FORBIDDEN
    # Nobody outside the team sees the copy.
    assert http(json=True).get(copy_url).status_code == UNAUTHORIZED

    # The editor edits the copy and cannot publish it; submits it.
    response = editor.patch(
        copy_url, json={"title": NEW_TITLE, "description": NEW_DESCRIPTION}
    )
    assert response.status_code == 204
    # Not a transition of theirs: plone.restapi's 400 "Invalid transition".
    assert editor.post(f"{copy_url}/@workflow/publish").status_code == 400
    assert editor.get(copy_url).json()["review_state"] == "private"
    response = editor.post(f"{copy_url}/@workflow/submit", json={"comment": "New"})
    assert response.status_code == 200

    # The coordinator sees it in their queue as changes to a published item.
    entry = queue_entry(http, "cities-coordinator", NEW_TITLE)
    assert entry["is_working_copy"] is True
    assert entry["working_copy_of"] == {"@id": url, "title": published.Title()}
    assert [a["id"] for a in entry["actions"]] == ["endorse", "request_changes"]
    coordinator = http(auth=auth("cities-coordinator"), json=True)
    response = coordinator.post(f"{copy_url}/@workflow/endorse", json={})
    assert response.status_code == 200

    # The secretariat checks it in instead of publishing it.
    entry = queue_entry(http, "secretary", NEW_TITLE)
    assert [a["id"] for a in entry["actions"]] == ["checkin", "request_changes"]
    assert entry["actions"][0]["url"] == f"{copy_url}/@@content-checkin"
    secretary = http(auth=auth("secretary"), json=True)
    # A copy is checked in, never published.
    assert secretary.post(f"{copy_url}/@workflow/publish").status_code == 400
    response = secretary.patch(f"{url}/@workingcopy")
    assert response.status_code == 204

    # The published practice has the new text, is still published and
    # unlocked; the copy is gone, and so is its queue entry.
    anonymous = http(json=True)
    response = anonymous.get(url)
    assert response.status_code == 200
    assert response.json()["title"] == NEW_TITLE
    assert response.json()["description"] == NEW_DESCRIPTION
    assert response.json()["review_state"] == "published"
    assert secretary.get(url).json()["lock"]["locked"] is False
    assert secretary.get(copy_url).status_code == 404
    assert queue_entry(http, "secretary", NEW_TITLE) is None
    # The history of the published practice is its own.
    history = secretary.get(f"{url}/@workflow").json()["history"]
    assert history[-1]["review_state"] == "published"


def test_the_story_in_the_classic_ui(published, http):
    url = published.absolute_url()
    editor = http(auth=auth("athens-editor"))

    # No edit tab on the published practice; a check-out button instead.
    page = editor.get(url)
    assert page.status_code == 200
    assert f'href="{url}/edit' not in page.text
    assert f"{url}/@@content-checkout" in page.text
    response = editor.get(f"{url}/edit", allow_redirects=False)
    assert response.status_code == 302
    assert "require_login" in response.headers["Location"]

    form = editor.get(f"{url}/@@content-checkout", allow_redirects=False)
    assert form.status_code == 200, form.headers.get("Location")
    assert "plone.app.iterate.parent" in form.text
    response = editor.post(
        f"{url}/@@content-checkout",
        data={
            "checkout_location": "plone.app.iterate.parent",
            "form.button.Checkout": "Check out",
            "_authenticator": authenticator(form.text),
        },
    )
    assert response.status_code == 200
    copy_url = response.url.split("?")[0].removesuffix("/view")
    assert copy_url != url
    transaction.begin()
    copy = api.content.get(path=copy_url.split("/plone", 1)[1])
    assert copy is not None
    assert api.content.get_state(copy) == "private"

    # The editor edits the copy (its edit tab is there) and submits it.
    assert f'href="{copy_url}/edit' in editor.get(copy_url).text
    with api.env.adopt_user(username="athens-editor"):
        copy.title = NEW_TITLE
        copy.reindexObject()
    transaction.commit()
    run_transition(editor, copy_url, "submit", "Second edition.")
    run_transition(http(auth=auth("cities-coordinator")), copy_url, "endorse", "")

    # The secretariat checks it in from its queue.
    secretary = http(auth=auth("secretary"))
    queue = secretary.get("el/@@review-queue")
    assert "review-working-copy" in queue.text
    assert f"{copy_url}/@@content-checkin" in queue.text
    form = secretary.get(f"{copy_url}/@@content-checkin", allow_redirects=False)
    assert form.status_code == 200, form.headers.get("Location")
    response = secretary.post(
        f"{copy_url}/@@content-checkin",
        data={
            "checkin_message": "Second edition published.",
            "form.button.Checkin": "Check in",
            "_authenticator": authenticator(form.text),
        },
    )
    assert response.status_code == 200
    transaction.begin()
    assert published.Title() == NEW_TITLE
    assert api.content.get_state(published) == "published"
    assert api.content.get(path=copy_url.split("/plone", 1)[1]) is None
    assert NEW_TITLE in http().get(url).text


def run_transition(session, url, name, comment):
    form = session.get(
        f"{url}/@@review-transition?workflow_action={name}", allow_redirects=False
    )
    assert form.status_code == 200, name
    response = session.post(
        f"{url}/@@review-transition",
        data={
            "workflow_action": name,
            "comment": comment,
            "form.submitted": "1",
            "form.button.confirm": "1",
            "_authenticator": authenticator(form.text),
        },
    )
    assert response.status_code == 200, name


def test_a_copy_is_checked_in_only_after_review(published, http):
    """Check-in replaces publishing: not while the copy is a draft."""
    editor = http(auth=auth("athens-editor"), json=True)
    copy_url = editor.post(f"{published.absolute_url()}/@workingcopy").json()["@id"]
    secretary = http(auth=auth("secretary"), json=True)
    response = secretary.patch(f"{published.absolute_url()}/@workingcopy")
    assert response.status_code == FORBIDDEN
    assert editor.get(copy_url).status_code == 200


def test_cancelling_a_check_out_unlocks(published, http):
    editor = http(auth=auth("athens-editor"), json=True)
    copy_url = editor.post(f"{published.absolute_url()}/@workingcopy").json()["@id"]
    response = editor.delete(f"{copy_url}/@workingcopy")
    assert response.status_code == 204
    assert editor.get(copy_url).status_code == 404
    baseline = editor.get(published.absolute_url()).json()
    assert baseline["lock"]["locked"] is False
    assert baseline["working_copy"] is None


@pytest.mark.parametrize("userid", ["nicosia-editor", "cities-coordinator", "member"])
def test_others_cannot_check_out(published, http, userid):
    response = http(auth=auth(userid), json=True).post(
        f"{published.absolute_url()}/@workingcopy"
    )
    assert response.status_code == UNAUTHORIZED
    transaction.begin()
    assert [i for i in published.__parent__.objectIds() if "working_copy" in i] == []


@pytest.fixture
def inactive(published):
    """Athens has left the network: its published practice stays public,
    its team can no longer add to it."""
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(published.__parent__, transition="deactivate")
    transaction.commit()
    return published


def copies(published):
    transaction.begin()
    return [i for i in published.__parent__.objectIds() if "working_copy" in i]


def test_no_check_out_in_an_inactive_organisation(inactive, http):
    url = inactive.absolute_url()
    editor = http(auth=auth("athens-editor"))
    assert f"{url}/@@content-checkout" not in editor.get(url).text
    form = editor.get(f"{url}/@@content-checkout")
    response = editor.post(
        f"{url}/@@content-checkout",
        data={
            "checkout_location": "plone.app.iterate.parent",
            "form.button.Checkout": "Check out",
            "_authenticator": authenticator(form.text),
        },
        allow_redirects=False,
    )
    assert response.status_code == 303, response.text[:3000]
    assert response.headers["Location"] == url
    page = editor.get(url).text
    message = translate(
        "error_working_copy_refused",
        domain="collective.migrationnetwork",
        target_language="el",
    )
    assert message.startswith("Δεν μπορείτε")
    assert message in page
    assert copies(inactive) == []


def test_no_check_out_through_rest_in_an_inactive_organisation(inactive, http):
    response = http(auth=auth("athens-editor"), json=True).post(
        f"{inactive.absolute_url()}/@workingcopy"
    )
    assert response.status_code == FORBIDDEN
    assert copies(inactive) == []
