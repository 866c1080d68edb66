"""The story in a real browser (Debian's Chromium, driven by Playwright):
an anonymous visitor registers in Greek, receives the confirmation with
the calendar file, withdraws through the link; the first on the waiting
list is promoted and mailed; the organiser marks attendance on a phone."""

from collective.migrationnetwork.notifications import testing
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import registrations_of
from pathlib import Path

import base64
import datetime
import os
import pytest
import re
import transaction


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
SHOTS = Path(__file__).parents[1] / "browser" / "screenshots"
TIMEOUT = 20_000


@pytest.fixture(scope="module")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: run `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def tab(chromium, width=1280, credentials=None):
    # Plone answers an anonymous request for a protected page with its login
    # form, not a challenge: the credentials go with every request.
    headers = {}
    if credentials:
        pair = f"{credentials[0]}:{credentials[1]}".encode()
        headers["Authorization"] = f"Basic {base64.b64encode(pair).decode()}"
    context = chromium.new_context(
        locale="el-GR",
        viewport={"width": width, "height": 900},
        extra_http_headers=headers,
    )
    context.set_default_timeout(TIMEOUT)
    return context, context.new_page()


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"registration-{name}.png", full_page=True)


def test_register_withdraw_promote_attend(chromium, training, people, mails, login):
    training.capacity = 1
    transaction.commit()
    context, page = tab(chromium)
    try:
        page.goto(training.absolute_url())
        form = page.locator("form.registration")
        assert page.locator(".places-left").inner_text() == "1"
        assert "Διαθέσιμες θέσεις" in page.locator(".registration-places").inner_text()
        page.fill("#registration-name", "Άννα Παπαδάκη")
        page.fill("#registration-email", "anna@example.org")
        page.fill("#registration-organisation", "Δήμος Πειραιά")
        page.select_option("#registration-country", "GR")
        page.fill("#registration-needs", "Διερμηνεία στα αραβικά")
        shot(page, "form-el")
        page.check("#registration-consent")
        form.locator("button[type=submit]").click()
        outcome = page.locator(".registration-outcome")
        assert "επιβεβαιώθηκε" in outcome.inner_text()
        shot(page, "registered-el")
    finally:
        context.close()

    # Someone else finds the training full: the waiting list.
    transaction.begin()
    waiting = registering.register(
        training,
        {"name": "Γιώργος Αναμονής", "email": "giorgos@example.org", "consent": True},
        language="el",
    ).registration
    transaction.commit()

    [confirmation] = mails()["anna@example.org"]
    assert "Επιβεβαίωση εγγραφής" in str(confirmation["Subject"])
    assert any(p.get_content_type() == "text/calendar" for p in confirmation.walk())
    text = testing.text_of(confirmation)
    link = re.search(r"https?://\S+@@my-registration\?token=\S+", text).group()

    context, page = tab(chromium, width=390)
    try:
        page.goto(link)
        assert "Επιβεβαιωμένη" in page.locator(".registration-status").inner_text()
        assert "https://meet.example/webinar" in page.content()
        assert "Ελλάδα" in page.locator(".registration-details").inner_text()
        shot(page, "mine-el")
        page.locator("form.registration-withdraw button").click()
        page.wait_for_url(re.compile("done=withdrawn"))
        assert "αποσύρθηκε" in page.locator(".alert-success").inner_text()
        shot(page, "withdrawn-el")
    finally:
        context.close()

    transaction.begin()
    store = registrations_of(training)
    assert store.get(waiting.id).status == "confirmed"
    kinds = [m["X-Registration-Mail"] for m in mails()["giorgos@example.org"]]
    assert kinds == ["waiting", "promoted"]

    # The day comes: the organiser marks who came, on a phone at the door.
    training.start = datetime.datetime.now(training.start.tzinfo) - datetime.timedelta(
        minutes=10
    )
    transaction.commit()
    context, page = tab(chromium, width=390, credentials=login("organiser"))
    try:
        page.goto(f"{training.absolute_url()}/@@registrations")
        row = page.locator(f"#registration-{waiting.id}")
        assert "Γιώργος Αναμονής" in row.inner_text()
        row.locator("button[value=attended]").click()
        page.wait_for_load_state()
        assert (
            page.locator(f"#registration-{waiting.id} .registration-attended").count()
            == 1
        )
        assert page.locator(".count-attended strong").inner_text() == "1"
        shot(page, "attendance-el-390")
    finally:
        context.close()
    transaction.begin()
    assert registrations_of(training).get(waiting.id).attended is True
