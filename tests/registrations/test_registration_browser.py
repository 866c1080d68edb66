"""The story in a real browser (Debian's Chromium, driven by Playwright):
an anonymous visitor registers in Greek, receives the confirmation with
the calendar file, withdraws through the link; the first on the waiting
list is promoted and mailed; the organiser marks attendance on a phone;
the attendee downloads their certificate from the link of their mail and
checks it at the address printed in it; the organiser writes to the
confirmed registrants from the Registrations tab."""

from collective.migrationnetwork.notifications import testing
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import registrations_of
from pathlib import Path

import base64
import datetime
import io
import os
import pypdf
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


def link_in(message):
    text = testing.text_of(message)
    return re.search(r"https?://\S+@@my-registration\?token=\S+", text).group()


def pdf_text(body):
    reader = pypdf.PdfReader(io.BytesIO(body))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def printed_url(text):
    """The verification address, the certificate's last line (wrapped,
    so the spaces of the extraction are dropped)."""
    start = text.rindex("http", 0, text.index("@@verify-certificate"))
    return text[start:].replace(" ", "")


def test_register_withdraw_promote_attend_certify(
    chromium, training, people, mails, login
):
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
    link = link_in(confirmation)

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

    # The attendee opens their registration from the mail that promoted
    # them and downloads the certificate.
    promoted = mails()["giorgos@example.org"][-1]
    assert promoted["X-Registration-Mail"] == "promoted"
    context, page = tab(chromium, width=390)
    try:
        page.goto(link_in(promoted))
        button = page.locator(".registration-certificate a")
        assert "βεβαίωσης" in button.inner_text()
        shot(page, "mine-attended-el-390")
        with page.expect_download() as download:
            button.click()
        body = Path(download.value.path()).read_bytes()
        assert body.startswith(b"%PDF")
        assert download.value.suggested_filename.endswith(".pdf")
        text = pdf_text(body)
        assert "Γιώργος Αναμονής" in text
        assert "Βεβαίωση παρακολούθησης" in text
        verify = printed_url(text)
        assert verify.startswith(f"{training.absolute_url()}/@@verify-certificate?")

        page.goto(verify)
        valid = page.locator(".certificate-valid")
        assert "έγκυρη" in valid.inner_text()
        assert "Γιώργος" not in page.content()
        page.fill("#certificate-name", "Γιώργος Αναμονής")
        page.locator("form.certificate-name-check button").click()
        page.wait_for_url(re.compile("name="))
        assert page.locator(".certificate-name-matches").count() == 1
        shot(page, "verify-valid-el-390")

        page.goto(verify[:-3] + "xyz")
        assert "δεν" in page.locator(".certificate-invalid").inner_text()
        shot(page, "verify-forged-el-390")
    finally:
        context.close()

    # The organiser writes to the confirmed registrants from the tab.
    context, page = tab(chromium, credentials=login("organiser"))
    try:
        page.goto(f"{training.absolute_url()}/@@registrations")
        with page.expect_download() as download:
            page.locator("a.registration-certificates").click()
        everyone = pdf_text(Path(download.value.path()).read_bytes())
        assert "Γιώργος Αναμονής" in everyone
        assert "Άννα Παπαδάκη" not in everyone
        form = page.locator("form.registrations-message-form")
        form.locator("#registrations-message-subject").fill("Υλικό του σεμιναρίου")
        form.locator("#registrations-message-text").fill(
            "Σας ευχαριστούμε για τη συμμετοχή. Το υλικό είναι συνημμένο στη σελίδα."
        )
        form.locator("button[value=message]").click()
        page.wait_for_load_state()
        sent = page.locator(".portalMessage").first.inner_text()
        assert "στέλνεται" in sent
        assert "1" in sent
        assert (
            "Υλικό του σεμιναρίου"
            in page.locator(".registrations-messages-sent").inner_text()
        )
        shot(page, "message-sent-el")
    finally:
        context.close()
    [message] = [
        m
        for m in mails()["giorgos@example.org"]
        if m["X-Registration-Mail"] == "message"
    ]
    assert str(message["Subject"]).endswith("Υλικό του σεμιναρίου")
    assert message["Content-Language"] == "el"
    text = testing.text_of(message)
    assert "Σας ευχαριστούμε για τη συμμετοχή." in text
    assert "@@my-registration?token=" in text
    assert "anna@example.org" not in [
        address
        for address, sent in mails().items()
        if any(m["X-Registration-Mail"] == "message" for m in sent)
    ]
