"""The dashboard in Chromium (Playwright), in Greek: as the secretariat
and as a coordinator; *Ask to update* reaches the editor, whose link
confirms the profile. Screenshots in tests/browser/screenshots."""

from collective.migrationnetwork.notifications import testing
from pathlib import Path
from plone import api
from review.review_people import auth

import base64
import datetime
import os
import pytest
import re
import transaction


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
SHOTS = Path(__file__).parents[1] / "browser" / "screenshots"


@pytest.fixture(scope="module")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def mailbox(functional):
    testing.install_mailhost(
        functional["portal"], testing.RecordingMailHost("MailHost")
    )
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    transaction.commit()
    del testing.SENT[:]
    yield testing.Mailbox(functional["portal"])
    del testing.SENT[:]


def tab(chromium, userid=None):
    headers = {}
    if userid:
        user, password = auth(userid)
        pair = f"{user}:{password}".encode()
        headers["Authorization"] = f"Basic {base64.b64encode(pair).decode()}"
    context = chromium.new_context(
        locale="el-GR",
        viewport={"width": 1280, "height": 900},
        extra_http_headers=headers,
    )
    context.set_default_timeout(20_000)
    return context, context.new_page()


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"dashboard-{name}.png", full_page=True)


def test_secretariat_and_coordinator_in_greek(chromium, functional_network, mailbox):
    sample = functional_network["sample"]
    root = sample["cities"].aq_parent.aq_parent.absolute_url()
    context, page = tab(chromium, "secretary")
    try:
        page.goto(f"{root}/@@network-dashboard")
        assert page.locator("h1").inner_text() == "Το δίκτυο με μια ματιά"
        assert page.locator("section.dashboard-network").count() == 2
        figure = page.locator("figure[data-chart$='-members-country']").first
        assert figure.locator("svg[role=img] rect").count() >= 2
        assert "Μέλη ανά χώρα" in figure.locator("h4").inner_text()
        assert "Ελλάδα" in figure.locator("table").text_content()
        shot(page, "secretariat-el")
        page.select_option("#dashboard-period", "all")
        page.locator("form.dashboard-period button").click()
        assert "period=all" in page.url
        row = page.locator(
            "section.dashboard-stale tr", has_text="University of Nicosia"
        )
        row.locator("button").click()
        assert "1" in page.locator(".portalMessage").first.inner_text()
        shot(page, "asked-el")
    finally:
        context.close()

    [raw] = list(mailbox)
    message = testing.parse(raw)
    assert message["To"].addresses[0].addr_spec == "nicosia-editor@example.org"
    text = testing.text_of(message)
    link = re.search(r"(http\S+@@confirm-profile\?token=\S+)", text).group(1)

    context, page = tab(chromium)
    try:
        page.goto(link)
        page.locator("button[name=confirm]").click()
        assert "επιβεβαιωμένα σήμερα" in page.locator(".alert-success").inner_text()
        shot(page, "confirmed-el")
    finally:
        context.close()
    transaction.begin()
    record = sample["nicosia"]
    assert all(
        row["verified"] == datetime.date.today() for row in record.contact_points or ()
    )

    context, page = tab(chromium, "cities-coordinator")
    try:
        page.goto(f"{root}/@@network-dashboard")
        titles = page.locator("section.dashboard-network h2").all_inner_texts()
        assert titles == ["Cities Network for Integration"]
        assert page.locator("section.dashboard-newsletter").count() == 0
        shot(page, "coordinator-el")
    finally:
        context.close()
