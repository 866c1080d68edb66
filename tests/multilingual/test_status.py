"""Translation status: a translation records the source it was made from;
a change of the source's text marks it outdated (indexed, shown to its
editors, served over REST) until the translation is saved again."""

from accounts import ADMIN
from collective.migrationnetwork.multilingual.status import KEY
from collective.migrationnetwork.multilingual.status import changed_fields
from collective.migrationnetwork.multilingual.status import is_outdated
from collective.migrationnetwork.multilingual.status import status
from collective.migrationnetwork.multilingual.status import text_diff
from lxml import html as lxml_html
from plone import api
from plone.app.textfield.value import RichTextValue
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import datetime
import pytest
import transaction


KEYS = ("cities", "athens", "mentoring", "webinar")
# A text field of each type besides title and description.
TEXT_FIELD = {
    "cities": "text",
    "athens": "text",
    "mentoring": "context",
    "webinar": "location",  # a text line
}


def save(obj, **values):
    schema = obj.getTypeInfo().lookupSchema()
    for name, value in values.items():
        setattr(obj, name, value)
    notify(ObjectModifiedEvent(obj, Attributes(schema, *values)))


def html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def outdated_uids(**query):
    catalog = api.portal.get_tool("portal_catalog")
    return {brain.UID for brain in catalog(translation_outdated=True, **query)}


def test_translation_records_its_source(translated):
    greek, english = translated
    for key in KEYS:
        recorded = IAnnotations(english[key])[KEY]
        assert recorded["uid"] == greek[key].UID()
        assert recorded["language"] == "el"
        assert not is_outdated(english[key])
        assert KEY not in IAnnotations(greek[key])


def test_source_text_change_outdates_and_resave_clears(translated):
    greek, english = translated
    for key in KEYS:
        save(greek[key], title=greek[key].title + " (νέος τίτλος)")
        assert changed_fields(english[key]) == ["title"]
    assert outdated_uids(Language="en") == {english[key].UID() for key in KEYS}
    # The source is never outdated by a translation.
    assert not outdated_uids(Language="el")
    for key in KEYS:
        save(english[key], description="Reviewed")
        assert not is_outdated(english[key])
    assert not outdated_uids()


def test_text_change_is_named_with_a_diff(translated):
    greek, english = translated
    for key in KEYS:
        field = TEXT_FIELD[key]
        new = "Πρώτη παράγραφος.\nΔεύτερη."
        value = (
            new if key == "webinar" else html("<p>Πρώτη παράγραφος.</p><p>Δεύτερη.</p>")
        )
        save(greek[key], **{field: value})
        found = status(english[key])
        assert found["outdated"] is True
        assert [change["field"] for change in found["changes"]] == [field]
        diff = found["changes"][0]["diff"]
        assert {"op": "+", "text": "Πρώτη παράγραφος."} in diff
        assert {"op": "+", "text": "Δεύτερη."} in diff
        assert found["source"]["UID"] == greek[key].UID()


def test_language_independent_change_does_not_outdate(translated):
    greek, english = translated
    save(greek["mentoring"], start_date=datetime.date(2020, 1, 1))
    save(greek["webinar"], capacity=12, thematic_areas=["housing"])
    assert english["mentoring"].start_date == datetime.date(2020, 1, 1)
    assert not is_outdated(english["mentoring"])
    assert not is_outdated(english["webinar"])
    assert not outdated_uids()


def test_change_back_is_not_outdated(translated):
    greek, english = translated
    title = greek["athens"].title
    save(greek["athens"], title="Άλλο όνομα")
    assert is_outdated(english["athens"])
    save(greek["athens"], title=title)
    assert not is_outdated(english["athens"])
    assert not outdated_uids()


def test_translation_text_change_does_not_outdate_the_source(translated):
    greek, english = translated
    save(english["mentoring"], title="Mentoring into work")
    assert not is_outdated(greek["mentoring"])
    assert not outdated_uids()


def test_deleted_source_leaves_translation_up_to_date(translated):
    greek, english = translated
    save(greek["cities"], title="Αλλαγή")
    assert is_outdated(english["cities"])
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(greek["cities"], check_linkintegrity=False)
    assert not is_outdated(english["cities"])


def test_text_diff_of_html():
    diff = text_diff("<p>One</p><p>Two &amp; three</p>", "<p>One</p><p>Four</p>")
    assert diff == [(" ", "One"), ("-", "Two & three"), ("+", "Four")]


# Over HTTP: the viewlet, @translation-status and @search


@pytest.fixture
def outdated(functional_translated):
    greek, english = functional_translated
    save(
        greek["mentoring"],
        title="Καθοδήγηση για εργασία",
        context=html("<p>Νέο πλαίσιο.</p>"),
    )
    transaction.commit()
    return greek, english


def test_viewlet_shows_editors_what_changed(outdated, http):
    _greek, english = outdated
    page = http(auth=ADMIN).get(english["mentoring"].absolute_url())
    assert page.status_code == 200
    tree = lxml_html.fromstring(page.text)
    [box] = tree.cssselect("#translation-status")
    fields = [node.get("data-field") for node in box.cssselect("[data-field]")]
    assert fields == ["title", "context"]
    titles = [node.text_content() for node in box.cssselect("[data-field]")]
    assert titles == ["Title", "Context and needs"]
    assert "Νέο πλαίσιο." in box.text_content()
    assert (
        box.cssselect("a")[0]
        .get("href")
        .endswith("/el/organisations/athens/job-mentoring")
    )


def test_viewlet_hidden_from_anonymous_and_when_up_to_date(outdated, http):
    greek, english = outdated
    anonymous = http().get(english["mentoring"].absolute_url())
    assert anonymous.status_code == 200
    assert 'id="translation-status"' not in anonymous.text
    up_to_date = http(auth=ADMIN).get(english["webinar"].absolute_url())
    assert 'id="translation-status"' not in up_to_date.text


def test_rest_status_and_search(outdated, http):
    greek, english = outdated
    client = http(json=True, auth=ADMIN)
    url = english["mentoring"].absolute_url()
    answer = client.get(f"{url}/@translation-status").json()
    assert answer["outdated"] is True
    assert answer["source"]["UID"] == greek["mentoring"].UID()
    assert answer["source"]["language"] == "el"
    assert [change["field"] for change in answer["changes"]] == ["title", "context"]
    expanded = client.get(url, params={"expand": "translation-status"}).json()
    assert expanded["@components"]["translation-status"]["outdated"] is True
    found = client.get(
        f"{api.portal.get().absolute_url()}/@search",
        params={"translation_outdated": "true", "Language": "en"},
    ).json()
    assert [item["@id"] for item in found["items"]] == [url]


def test_rest_status_needs_edit_permission(outdated, http):
    _greek, english = outdated
    url = english["mentoring"].absolute_url()
    anonymous = http(json=True)
    assert anonymous.get(f"{url}/@translation-status").status_code == 401
    component = anonymous.get(url).json()["@components"]["translation-status"]
    assert component == {"@id": f"{url}/@translation-status"}


def test_rest_patch_of_translation_clears(outdated, http):
    _greek, english = outdated
    client = http(json=True, auth=ADMIN)
    url = english["mentoring"].absolute_url()
    response = client.patch(url, json={"title": "Mentoring into work"})
    assert response.status_code == 204
    assert client.get(f"{url}/@translation-status").json()["outdated"] is False
    found = client.get(
        f"{api.portal.get().absolute_url()}/@search",
        params={"translation_outdated": "true"},
    ).json()
    assert found["items_total"] == 0
