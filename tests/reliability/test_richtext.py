"""Issue #15, one edit breaks an item and a whole search: rich text takes
only the allowed MIME types, and a stored value that cannot be transformed
breaks nothing."""

from accounts import ADMIN
from plone.app.textfield.value import RichTextValue
from reliability.helpers import names_field
from reliability.helpers import snapshot

import pytest
import transaction


PRACTICE = "/el/organisations/athens/job-mentoring"

# Rich text fields of every type: (sample item or path, field).
RICH_TEXT_FIELDS = [
    (PRACTICE, "mentoring", "activities"),
    (PRACTICE, "mentoring", "context"),
    ("/el/organisations/athens", "athens", "text"),
    ("/el/networks/cities-network", "cities", "text"),
]


@pytest.fixture
def admin(http):
    return http(auth=ADMIN, json=True)


@pytest.mark.parametrize(
    "mime_type", ["foo", "application/x-unknown", "text/x-html-safe", "image/png"]
)
@pytest.mark.parametrize(("path", "item", "field"), RICH_TEXT_FIELDS)
def test_rest_refuses_unknown_mime_type(
    admin, functional_sample, path, item, field, mime_type
):
    obj = functional_sample[item]
    before = snapshot(obj)
    answer = admin.patch(
        path, json={field: {"data": "<p>x</p>", "content-type": mime_type}}
    )
    assert answer.status_code == 400, answer.text
    assert names_field(answer, field), answer.text
    assert snapshot(obj) == before


@pytest.mark.parametrize(("path", "item", "field"), RICH_TEXT_FIELDS)
def test_rest_accepts_html(admin, functional_sample, path, item, field):
    answer = admin.patch(
        path, json={field: {"data": "<p>fine</p>", "content-type": "text/html"}}
    )
    assert answer.status_code == 204, answer.text


def test_finding_as_written(admin, http, functional_sample):
    """``PATCH <practice> {"activities": {"data": "<p>x</p>", "content-type":
    "foo"}}`` answered 204, then the item and searches 500."""
    answer = admin.patch(
        PRACTICE, json={"activities": {"data": "<p>x</p>", "content-type": "foo"}}
    )
    assert answer.status_code == 400
    assert names_field(answer, "activities")
    assert http(json=True).get(PRACTICE).status_code == 200


@pytest.fixture
def broken(functional_sample):
    """A value stored in a type nothing transforms (before the check)."""
    practice = functional_sample["mentoring"]
    practice.activities = RichTextValue(
        "<p>secret draft</p>", "foo", "text/x-html-safe"
    )
    transaction.commit()
    return practice


@pytest.mark.parametrize(
    "url",
    [
        PRACTICE,
        "/el/organisations/athens?fullobjects=1",
        "/el/@search?portal_type=Practice&fullobjects=1",
        "/el/@search?fullobjects=1",
    ],
)
@pytest.mark.parametrize("auth", [None, ADMIN])
def test_untransformable_value_breaks_no_json(http, broken, url, auth):
    answer = http(auth=auth, json=True).get(url)
    assert answer.status_code == 200, answer.text[:500]
    assert "secret draft" not in answer.text


def test_untransformable_value_page_for_visitors(http, broken):
    page = http().get(PRACTICE)
    assert page.status_code == 200
    assert "richtext-untransformable" not in page.text
    assert "secret draft" not in page.text


def test_untransformable_value_page_tells_editors(http, broken):
    page = http(auth=ADMIN).get(PRACTICE)
    assert page.status_code == 200
    assert "richtext-untransformable" in page.text
    assert "foo" in page.text


def test_edit_form_refuses_unknown_mime_type(portal, sample):
    from collective.migrationnetwork.interfaces import IBrowserLayer
    from plone.dexterity.browser.edit import DefaultEditForm
    from zope.interface import alsoProvides

    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request.form["form.widgets.activities"] = "<p>x</p>"
    request.form["form.widgets.activities.mimeType"] = "foo"
    form = DefaultEditForm(sample["mentoring"], request)
    form.update()
    data, errors = form.extractData()
    assert "activities" in {e.widget.field.__name__ for e in errors if e.widget}
