"""The Classic UI: the Join the network form, its thank-you page, the tab
that leads to it and the applicant's details on the Organisation."""

from accounts import ADMIN
from membership.helpers import PASSWORD
from membership.helpers import application
from membership.helpers import organisation_ids
from plone.testing.zope import Browser

import pytest
import transaction


class FormBrowser(Browser):
    """A test browser on the site that knows where the site is."""

    def __init__(self, app, portal_url):
        super().__init__(app)
        self.__dict__["portal_url"] = portal_url


@pytest.fixture
def form(functional, functional_sample):
    browser = FormBrowser(functional["app"], functional["portal"].absolute_url())
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    browser.addHeader("Accept-Language", "en")
    return browser


def fill(browser, data):
    """Fill the form with ``data`` (as in the REST service)."""
    for name, value in data.items():
        if name == "consent":
            browser.getControl(name="form.widgets.consent:list").value = (
                ["selected"] if value else []
            )
        elif name in ("network", "kind", "country"):
            browser.getControl(name=f"form.widgets.{name}:list").value = [value]
        else:
            browser.getControl(name=f"form.widgets.{name}").value = value or ""


def submit(browser, data, lang="el"):
    browser.open(f"{browser.portal_url}/{lang}/@@join-network")
    fill(browser, data)
    browser.getControl(name="form.buttons.apply").click()


def test_form_offers_the_published_networks(form, functional_sample):
    form.open(f"{form.portal_url}/el/@@join-network")
    assert form.headers["status"].startswith("200")
    networks = form.getControl(name="form.widgets.network:list")
    assert functional_sample["cities"].UID() in networks.options
    assert functional_sample["cyprus"].UID() in networks.options
    for name in ("title", "applicant_email", "website", "message"):
        assert form.getControl(name=f"form.widgets.{name}") is not None
    # The honeypot is there, hidden from people.
    assert 'name="homepage"' in form.contents
    assert "visually-hidden" in form.contents


def test_application_leads_to_the_thank_you_page(form, functional, functional_sample):
    submit(form, application(functional_sample["cities"].UID()))
    assert form.url.endswith("/el/@@join-network-thanks")
    assert 'class="join-thanks"' in form.contents
    transaction.begin()
    assert "municipality-of-larissa" in organisation_ids(functional["portal"])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "    "),
        ("applicant_email", "not-an-email"),
        ("website", "javascript:alert(1)"),
        ("consent", False),
    ],
)
def test_bad_input_shows_the_error_at_the_field_and_creates_nothing(
    form, functional, functional_sample, field, value
):
    before = organisation_ids(functional["portal"])
    submit(form, application(functional_sample["cities"].UID(), **{field: value}))
    assert "@@join-network-thanks" not in form.url
    assert "statusmessage-error" in form.contents
    html = form.contents
    position = html.index(f'id="formfield-form-widgets-{field}"')
    field_html = html[position : position + 3000]
    assert "invalid-feedback" in field_html or "error" in field_html
    # What was typed is kept.
    if field != "consent":
        assert (
            form.getControl(name="form.widgets.applicant_name").value
            == "Eleni Applicant"
        )
    transaction.begin()
    assert organisation_ids(functional["portal"]) == before


def test_honeypot_thanks_and_creates_nothing(form, functional, functional_sample):
    before = organisation_ids(functional["portal"])
    form.open(f"{form.portal_url}/el/@@join-network")
    fill(form, application(functional_sample["cities"].UID()))
    form.getControl(name="homepage").value = "http://spam.example"
    form.getControl(name="form.buttons.apply").click()
    assert form.url.endswith("/el/@@join-network-thanks")
    transaction.begin()
    assert organisation_ids(functional["portal"]) == before


def test_rate_limit_message(form, functional, functional_sample):
    uid = functional_sample["cities"].UID()
    for number in range(3):
        submit(form, application(uid, title=f"Organisation {number}"))
        assert form.url.endswith("@@join-network-thanks")
    # The same e-mail (the test browser sends no client address).
    submit(form, application(uid, title="One too many"))
    assert form.headers["status"].startswith("429")
    assert "statusmessage-error" in form.contents
    transaction.begin()
    assert "one-too-many" not in organisation_ids(functional["portal"])


def test_the_site_root_leads_to_the_form_of_a_language(form):
    form.open(f"{form.portal_url}/@@join-network")
    assert form.url.endswith("/@@join-network")
    assert form.url.split("/")[-2] in ("el", "en")
    assert "form.widgets.network:list" in form.contents


@pytest.mark.parametrize("path", ["", "/el", "/el/networks", "/en"])
def test_a_tab_leads_to_the_form(http, functional_sample, path):
    page = http().get(path or "/")
    assert page.status_code == 200
    assert "/@@join-network" in page.text


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        (("coordinator-cities", PASSWORD), True),
        (("secretary", PASSWORD), True),
        (ADMIN, True),
    ],
)
def test_reviewers_see_the_applicant_on_the_organisation(
    http, functional_sample, functional_people, who, sees
):
    uid = functional_sample["cities"].UID()
    url = http(json=True).post("/el/@join-network", json=application(uid)).json()["@id"]
    page = http(auth=who).get(url)
    assert page.status_code == 200
    assert ("eleni@larissa.example" in page.text) is sees
    assert "Integration officer" in page.text


@pytest.mark.parametrize(
    "who",
    [("member", PASSWORD), ("coordinator-cyprus", PASSWORD), None],
    ids=["member", "other-coordinator", "anonymous"],
)
def test_others_see_neither_the_applied_organisation_nor_its_applicant(
    http, functional_sample, functional_people, who
):
    uid = functional_sample["cities"].UID()
    url = http(json=True).post("/el/@join-network", json=application(uid)).json()["@id"]
    page = http(auth=who).get(url)
    assert "eleni@larissa.example" not in page.text
    assert page.status_code in (401, 403) or any(
        page_name in page.url for page_name in ("insufficient-privileges", "login")
    )


def test_once_active_the_public_sees_the_organisation_not_the_applicant(
    http, functional_sample, functional_people
):
    uid = functional_sample["cities"].UID()
    url = http(json=True).post("/el/@join-network", json=application(uid)).json()["@id"]
    approved = http(auth=("secretary", PASSWORD), json=True).post(
        f"{url}/@workflow/approve", json={}
    )
    assert approved.status_code == 200
    for who in (None, ("member", PASSWORD)):
        page = http(auth=who).get(url)
        assert page.status_code == 200
        assert "Municipality of Larissa" in page.text
        assert "eleni@larissa.example" not in page.text
        assert "Integration officer" not in page.text
