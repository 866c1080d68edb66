"""The Classic UI of the newsletter: the footer link of every page, the
subscription form, the confirmation and preferences pages, the preview
and automatic sections of an issue."""

from collective.migrationnetwork.newsletter import tokens
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import PENDING
from collective.migrationnetwork.newsletter.store import UNSUBSCRIBED
from collective.migrationnetwork.newsletter.store import get_store
from lxml import html as lxml_html
from newsletter_helpers import add_subscriber
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytest
import transaction


EDITOR = ("petros", "a-long-secret-1")


def page(response):
    assert response.status_code < 500, response.text[:500]
    return lxml_html.fromstring(response.text)


def form_fields(tree, selector):
    """The hidden inputs of the form matched by ``selector`` (xpath)."""
    (form,) = tree.xpath(selector)
    return {
        i.get("name"): i.get("value") for i in form.xpath(".//input[@type='hidden']")
    }


def fresh(email):
    transaction.begin()
    return get_store().get(email)


@pytest.mark.parametrize(
    ("path", "language"), [("en", "en"), ("el", "el"), ("el/practices", "el")]
)
def test_footer_links_to_the_form_of_the_language(functional, http, path, language):
    tree = page(http().get(path))
    (link,) = tree.xpath("//div[@class[contains(., 'newsletter-subscribe-link')]]/a")
    assert link.get("href").endswith(f"/{language}/@@newsletter-subscribe")


@pytest.mark.parametrize("language", ["en", "el"])
def test_subscribe_confirm_and_preferences(functional, http, language):
    browser = http()
    tree = page(browser.get(f"{language}/@@newsletter-subscribe"))
    hidden = form_fields(tree, "//form[@class='newsletter-subscribe']")
    data = dict(
        hidden,
        email=f"visitor-{language}@example.org",
        language=language,
        **{"thematic_areas:list": ["housing", "health"], "countries:list": ["GR"]},
    )
    # Without consent: the field says why, nothing is stored.
    refused = browser.post(f"{language}/@@newsletter-subscribe", data=data)
    assert refused.status_code == 400
    assert page(refused).xpath(
        "//div[contains(@class, 'field-consent')]//div[contains(@class,'invalid-feedback')]"
    )
    assert fresh(data["email"]) is None

    answer = browser.post(
        f"{language}/@@newsletter-subscribe", data=dict(data, consent="on")
    )
    assert answer.status_code == 200
    assert page(answer).xpath("//div[contains(@class, 'newsletter-message')]")
    subscriber = fresh(data["email"])
    assert subscriber.state == PENDING
    assert subscriber.language == language
    assert subscriber.thematic_areas == ("housing", "health")

    # The confirmation link: a page with a button; GET changes nothing.
    token = tokens.make_token(subscriber, tokens.CONFIRM)
    confirm = page(
        browser.get(f"{language}/@@newsletter-confirm", params={"token": token})
    )
    assert fresh(data["email"]).state == PENDING
    hidden = form_fields(confirm, "//form[.//input[@name='token']]")
    done = browser.post(
        f"{language}/@@newsletter-confirm", data=dict(hidden, **{"form.confirm": "1"})
    )
    assert done.status_code == 200
    assert fresh(data["email"]).state == CONFIRMED
    (preferences,) = page(done).xpath(
        "//a[contains(@class,'newsletter-preferences-link')]/@href"
    )

    # Preferences: another language and area, then unsubscribe.
    tree = page(browser.get(preferences))
    hidden = form_fields(tree, "//form[@class='newsletter-preferences']")
    saved = browser.post(
        f"{language}/@@newsletter-preferences",
        data=dict(
            hidden,
            language="en",
            **{"thematic_areas:list": ["reception"], "form.save": "1"},
        ),
    )
    assert saved.status_code == 200
    subscriber = fresh(data["email"])
    assert subscriber.language == "en"
    assert subscriber.thematic_areas == ("reception",)
    assert subscriber.countries == ()
    browser.post(
        f"{language}/@@newsletter-preferences",
        data=dict(hidden, **{"form.unsubscribe": "1"}),
    )
    assert fresh(data["email"]).state == UNSUBSCRIBED


@pytest.mark.parametrize("view", ["newsletter-confirm", "newsletter-preferences"])
@pytest.mark.parametrize(("token", "status"), [("nonsense", 400), ("", 400)])
def test_bad_links_get_a_clear_page(functional, http, view, token, status):
    response = http().get(f"en/@@{view}", params={"token": token})
    assert response.status_code == status
    assert page(response).xpath("//div[contains(@class,'newsletter-error')]")


def test_expired_confirmation_link(functional, http, monkeypatch):
    subscriber = add_subscriber("late@example.org", state=PENDING)
    token = tokens.make_token(subscriber, tokens.CONFIRM)
    transaction.commit()
    monkeypatch.setitem(tokens.MAX_AGE, tokens.CONFIRM, -1)
    response = http().get("en/@@newsletter-confirm", params={"token": token})
    assert response.status_code == 410
    assert "expired" in response.text


@pytest.fixture
def draft_issue(functional, functional_sample, people):
    intids = getUtility(IIntIds)
    with api.env.adopt_user(username="petros"):
        issue = api.content.create(
            container=functional["portal"]["el"]["newsletters"],
            type="Newsletter",
            id="draft-issue",
            title="Πρόχειρο τεύχος",
            segment_countries=["CY"],
            featured=[RelationValue(intids.getId(functional_sample["mentoring"]))],
        )
    transaction.commit()
    return issue


@pytest.mark.parametrize(
    ("params", "receives"),
    [
        ({"language": "en"}, True),
        ({"language": "el", "countries": "CY"}, True),
        ({"language": "el", "countries": "GR"}, False),
    ],
)
def test_preview(draft_issue, http, params, receives):
    add_subscriber("cy@example.org", countries=["CY"])
    add_subscriber("gr@example.org", countries=["GR"])
    transaction.commit()
    session = http(auth=EDITOR)
    url = "el/newsletters/draft-issue/@@newsletter-preview"
    tree = page(session.get(url, params=params))
    assert bool(tree.xpath("//span[contains(@class,'text-bg-success')]")) is receives
    (iframe,) = tree.xpath("//iframe[contains(@class,'newsletter-preview-html')]")
    assert "job-mentoring" in iframe.get("srcdoc")
    assert f'lang="{params["language"]}"' in iframe.get("srcdoc")
    (text,) = tree.xpath("//pre[contains(@class,'newsletter-preview-text')]")
    assert "job-mentoring" in text.text_content()
    # One confirmed subscriber is in the issue's audience (Cyprus).
    assert (
        "1"
        in tree.xpath("//p[contains(@class,'newsletter-preview-receives')]//strong")[
            0
        ].text
    )
    raw = session.get(url, params=dict(params, part="text"))
    assert raw.headers["Content-Type"].startswith("text/plain")
    assert http().get(url).status_code in (401, 403) or "login" in http().get(url).url


def test_fill_automatic_sections(draft_issue, http, functional_sample):
    session = http(auth=EDITOR)
    tree = page(session.get("el/newsletters/draft-issue"))
    hidden = form_fields(tree, "//form[contains(@action,'newsletter-fill-sections')]")
    response = session.post(
        "el/newsletters/draft-issue/@@newsletter-fill-sections", data=hidden
    )
    assert response.status_code == 200
    transaction.begin()
    issue = functional_sample["athens"].unrestrictedTraverse(
        "/plone/el/newsletters/draft-issue"
    )
    practices = [r.to_object.getId() for r in issue.section_practices]
    trainings = [r.to_object.getId() for r in issue.section_trainings]
    # Published practices only; upcoming trainings only.
    assert sorted(practices) == ["housing-help", "job-mentoring"]
    assert trainings == ["webinar"]
    tree = page(session.get("el/newsletters/draft-issue"))
    (subscribers,) = tree.xpath("//a[contains(@class,'newsletter-subscribers-link')]")
    assert subscribers.get("href").endswith("/el/@@newsletter-subscribers")
    assert tree.xpath("//section[@id='section_practices']//a")
    assert tree.xpath("//section[@id='section_trainings']//a")
