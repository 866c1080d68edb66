"""Issue #15, stored script links: every URL field takes only web addresses."""

from accounts import ADMIN
from reliability.helpers import fresh
from reliability.helpers import names_field
from reliability.helpers import snapshot

import pytest


BAD_URLS = [
    "javascript:alert(13)",
    "JaVaScRiPt:alert(13)",
    "vbscript:msgbox(13)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMyk8L3NjcmlwdD4=",
    " javascript:alert(13)",
    "//evil.example/x",
    "https:evil.example",
    "mailto:someone@example.org",
]

# Every URI field of the add-on's types: (sample item, field, behaviour).
URL_FIELDS = [
    ("athens", "website", None),
    ("webinar", "online_url", None),
    ("webinar", "event_url", "plone.app.event.dx.behaviors.IEventContact"),
]

PATHS = {
    "athens": "/el/organisations/athens",
    "webinar": "/el/organisations/athens/webinar",
}


def stored(obj, field):
    return getattr(obj, field, None)


@pytest.fixture
def admin(http):
    return http(auth=ADMIN, json=True)


@pytest.mark.parametrize("value", BAD_URLS)
@pytest.mark.parametrize(("item", "field", "behaviour"), URL_FIELDS)
def test_rest_refuses_non_web_address(
    admin, functional_sample, item, field, behaviour, value
):
    obj = functional_sample[item]
    before = snapshot(obj)
    answer = admin.patch(PATHS[item], json={field: value})
    assert answer.status_code == 400, answer.text
    assert names_field(answer, field), answer.text
    assert snapshot(obj) == before


@pytest.mark.parametrize(("item", "field", "behaviour"), URL_FIELDS)
def test_rest_accepts_web_address(admin, functional_sample, item, field, behaviour):
    answer = admin.patch(PATHS[item], json={field: "https://www.example.org/x?y=1"})
    assert answer.status_code == 204, answer.text
    obj = fresh(functional_sample[item])
    assert stored(obj, field) == "https://www.example.org/x?y=1"


def test_rest_finding_as_written(admin, http, functional_sample):
    """``PATCH /el/organisations/athens {"website": "javascript:alert(13)"}``
    answered 204 and the anonymous page linked it."""
    answer = admin.patch(PATHS["athens"], json={"website": "javascript:alert(13)"})
    assert answer.status_code == 400
    assert names_field(answer, "website"), answer.text
    page = http().get(PATHS["athens"])
    assert page.status_code == 200
    assert "javascript:" not in page.text


def test_event_url_no_longer_500(admin, functional_sample):
    """``event_url: "javascript:…"`` answered 500 (plone.app.event's
    constraint raises a bare Invalid)."""
    answer = admin.patch(PATHS["webinar"], json={"event_url": "javascript:alert(1)"})
    assert answer.status_code == 400, answer.text
    assert names_field(answer, "event_url")


@pytest.mark.parametrize(("item", "field", "behaviour"), URL_FIELDS)
def test_stored_script_link_is_not_rendered_as_link(
    http, functional, functional_sample, item, field, behaviour
):
    """A value stored before the check (or by code) is shown as text."""
    import transaction

    obj = functional_sample[item]
    setattr(obj, field, "javascript:alert(13)")
    transaction.commit()
    for session in (http(), http(auth=ADMIN)):
        page = session.get(PATHS[item])
        assert page.status_code == 200
        assert 'href="javascript:' not in page.text


@pytest.mark.parametrize(
    ("value", "refused"),
    [
        ("javascript:alert(13)", True),
        ("data:text/html,x", True),
        ("https://www.example.org", False),
    ],
)
@pytest.mark.parametrize(
    ("item", "field", "prefix"),
    [
        ("athens", "website", "form.widgets."),
        ("webinar", "online_url", "form.widgets."),
        ("webinar", "event_url", "form.widgets.IEventContact."),
    ],
)
def test_edit_form_shows_error(portal, sample, item, field, prefix, value, refused):
    from collective.migrationnetwork.interfaces import IBrowserLayer
    from plone.dexterity.browser.edit import DefaultEditForm
    from zope.interface import alsoProvides

    obj = sample[item]
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request.form[prefix + field] = value
    form = DefaultEditForm(obj, request)
    form.update()
    data, errors = form.extractData()
    # Other required fields are missing from this request: only ``field``
    # is looked at.
    in_error = {e.widget.field.__name__ for e in errors if e.widget}
    assert (field in in_error) is refused
