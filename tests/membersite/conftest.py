"""A real browser (Debian's Chromium, driven by Playwright) on the example
member site, served from an origin of its own, reading a running portal."""

from functools import partial
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager

import datetime
import os
import pytest
import pytz
import threading
import transaction


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SITE = Path(__file__).parents[2] / "examples" / "member-site"
TIMEOUT = 20_000  # milliseconds, for every wait in the browser

# Titles of the Greek sample (tests/content_builders.py writes English ones
# in every language root).
GREEK_TITLES = {
    "mentoring": "Καθοδήγηση προσφύγων για εργασία",
    "webinar": "Διαδικτυακό σεμινάριο για την ένταξη στην εργασία",
    "rent": "Εγγύηση ενοικίου",
    "past": "Εργαστήριο που έγινε",
}
RENT_DESCRIPTION = {
    "el": "Ο δήμος εγγυάται τα πρώτα ενοίκια.",
    "en": "The municipality guarantees the first rents.",
}


def require_chromium():
    if os.path.exists(CHROMIUM):
        return
    reason = f"{CHROMIUM} is missing: run `make browser` (as root, with apt-get)"
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def member_site():
    """The folder examples/member-site/, served on a loopback port of its
    own: an origin other than the portal's."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(QuietHandler, directory=str(SITE))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import expect
    from playwright.sync_api import sync_playwright

    expect.set_options(timeout=TIMEOUT)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000
        )
        yield chromium
        chromium.close()


class Visit:
    """A browser tab and what it saw: console messages, failed requests and
    the answers of the portal."""

    def __init__(self, browser, locale="el-GR"):
        self.context = browser.new_context(
            locale=locale,
            # Not the portal's zone: dates must read in the training's own.
            timezone_id="America/New_York",
            viewport={"width": 900, "height": 900},
        )
        self.context.set_default_timeout(TIMEOUT)
        self.page = self.context.new_page()
        self.console = []
        self.failed = []
        self.responses = []
        # Playwright wants Python functions as handlers, not builtins.
        self.page.on("console", lambda message: self.console.append(message))
        self.page.on("pageerror", lambda error: self.console.append(error))
        self.page.on("requestfailed", lambda request: self.failed.append(request))
        self.page.on("response", lambda response: self.responses.append(response))

    def errors(self):
        return [
            str(getattr(message, "text", message))
            for message in self.console
            if getattr(message, "type", "error") == "error"
        ]

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    """``visit(locale=...)`` opens a fresh browser context; all are closed
    after the test."""
    visits = []

    def open_visit(locale="el-GR"):
        visits.append(Visit(browser, locale))
        return visits[-1]

    yield open_visit
    for one in visits:
        one.close()


def link_translation(original, translation):
    ITranslationManager(original).register_translation("en", translation)


@pytest.fixture
def network(functional):
    """The sample in /el (with Greek titles) and in /en, linked as
    translations; Athens also has a housing practice and a past training,
    so that the thematic filter and "upcoming" have something to leave
    out. Committed, for the browser."""
    from content_builders import build_sample
    from content_builders import publish

    portal = functional["portal"]
    greek = build_sample(portal, lang="el")
    english = build_sample(portal, lang="en")
    now = datetime.datetime.now(pytz.timezone("Europe/Athens"))
    with api.env.adopt_roles(["Manager"]):
        for objects, lang in ((greek, "el"), (english, "en")):
            athens = objects["athens"]
            objects["rent"] = publish(
                api.content.create(
                    container=athens,
                    type="Practice",
                    id="rent-guarantee",
                    title="Rent guarantee",
                    description=RENT_DESCRIPTION[lang],
                    kind="good_practice",
                    status="ongoing",
                    thematic_areas=["housing"],
                    countries=["GR"],
                )
            )
            objects["past"] = publish(
                api.content.create(
                    container=athens,
                    type="Training",
                    id="past-workshop",
                    title="Past workshop",
                    kind="workshop",
                    format="in_person",
                    location="Athens",
                    thematic_areas=["labour_market"],
                    start=now - datetime.timedelta(days=20),
                    end=now - datetime.timedelta(days=20, hours=-3),
                )
            )
        for key, title in GREEK_TITLES.items():
            greek[key].title = title
            greek[key].reindexObject()
        for key in ("athens", *GREEK_TITLES):
            link_translation(greek[key], english[key])
    transaction.commit()
    return {"el": greek, "en": english}
