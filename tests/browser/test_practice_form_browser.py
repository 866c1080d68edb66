"""The Greek Practice add form in a real browser (Debian's Chromium, driven
by Playwright, in an English-speaking browser so that the page's own
language must carry the dates): its tabs, the required marks mockup puts
on them, the buttons below the fields, dates read day/month/year.
Screenshots go to tests/browser/screenshots/ (not committed), to look at."""

from collective.migrationnetwork.roles.groups import add_editor
from pathlib import Path
from plone import api

import base64
import os
import pytest
import transaction


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
SHOTS = Path(__file__).parent / "screenshots"
EDITOR = ("athens-form-editor", "practice-Secret-2")
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


@pytest.fixture
def page(chromium, functional, functional_sample):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="form-editor@example.org", username=EDITOR[0], password=EDITOR[1]
        )
        add_editor(functional_sample["athens"], EDITOR[0])
    transaction.commit()
    pair = base64.b64encode(f"{EDITOR[0]}:{EDITOR[1]}".encode()).decode()
    context = chromium.new_context(
        locale="en-US",
        viewport={"width": 1280, "height": 900},
        extra_http_headers={"Authorization": f"Basic {pair}", "Accept-Language": "el"},
    )
    context.set_default_timeout(TIMEOUT)
    tab = context.new_page()
    url = functional["portal"].absolute_url()
    tab.goto(f"{url}/el/organisations/athens/++add++Practice")
    tab.wait_for_selector("nav.autotoc-nav a")
    yield tab
    context.close()


def shot(page, name, full_page=True):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"practice-{name}.png", full_page=full_page)


def test_tabs_and_required_marks(page):
    tabs = page.locator("nav.autotoc-nav a")
    names = [tabs.nth(i).inner_text().strip() for i in range(tabs.count())]
    assert names[:4] == [
        "Βασικά στοιχεία",
        "Περιγραφή",
        "Υλοποίηση και χρηματοδότηση",
        "Αξιολόγηση και συνδέσεις",
    ]
    required = [
        tabs.nth(i).inner_text().strip()
        for i in range(tabs.count())
        if "required" in (tabs.nth(i).get_attribute("class") or "")
    ]
    assert required == ["Βασικά στοιχεία"]
    shot(page, "add-el-essentials")
    shot(page, "add-el-window", full_page=False)
    for index, name in enumerate(("write-up", "implementation", "evaluation")):
        tabs.nth(index + 1).click()
        page.wait_for_timeout(300)
        shot(page, f"add-el-{name}")


def test_buttons_below_the_fields(page):
    """The Save/Cancel bar follows the last field of the tab shown. Plone's
    theme keeps it at the foot of the window while one scrolls through a
    tab longer than the window (a full-page screenshot catches it there,
    halfway); once scrolled to the end it lies below every field."""
    page.mouse.wheel(0, 10_000)
    page.wait_for_timeout(300)
    shot(page, "add-el-end", full_page=False)
    controls = page.locator(".formControls").bounding_box()
    last = page.locator("#formfield-form-widgets-ILeadImageBehavior-image_caption")
    field = last.bounding_box()
    assert controls["y"] >= field["y"] + field["height"]


def test_dates_read_day_month_year(page):
    page.locator("nav.autotoc-nav a").nth(2).click()
    end = page.locator("#formfield-form-widgets-end_date time.output-field")
    assert end.inner_text().strip() == "ηη/μμ/εεεε"
    page.evaluate(
        """() => {
        const input = document.querySelector("input[name='form.widgets.start_date']");
        input.value = "2026-03-01";
        input.dispatchEvent(new Event("change", {bubbles: true}));
    }"""
    )
    output = page.locator("#formfield-form-widgets-start_date time.output-field")
    assert output.inner_text().strip() == "01/03/2026"
    output.click()
    page.wait_for_selector(".pika-single:not(.is-hidden)")
    shown = page.locator(".pika-single:not(.is-hidden)").inner_text()
    assert "Μάρτιος" in shown
    shot(page, "add-el-date-picker")
