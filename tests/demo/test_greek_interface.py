"""The interface in Greek, as the demo users meet it.

Each demo role logs in with a Greek browser (``Accept-Language: el``) and
walks the pages of its day: add and edit forms of every type, folder
contents, search, the review queue, the working copy, the transition form,
personal information, password pages and the 404 page. Any text of the
interface that is in English (a label, a button, a help text, a title or
placeholder) fails the test, with the page and the words. What is content,
not interface (names of organisations, addresses, the languages' own
names) is allowed by the rules below.

The add-on ships the Greek that Plone's catalogues lack or get wrong in its
own locales (``plone``, ``z3c.form``, ``widgets``, the data grid's);
translations.py puts them first.
"""

from collective.migrationnetwork.demo import read_data
from lxml import html
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from urllib.parse import quote

import base64
import pytest
import re


DATA = read_data()
PASSWORD = DATA["users"]["password"]
LARISSA = "/el/organisations/larissa"
PRACTICE = f"{LARISSA}/sample-one-stop-desk"

PAGES = {
    None: [
        "/el",
        "/el/practices",
        "/el/trainings",
        "/el/organisations",
        PRACTICE,
        "/el/@@search?SearchableText=στέγαση",
        "/el/no-such-page",
        "/el/login",
        "/el/mail_password_form",
        "/el/@@join-network",
    ],
    "editor-larissa": [
        LARISSA,
        f"{LARISSA}/edit",
        f"{LARISSA}/++add++Practice",
        f"{LARISSA}/++add++Training",
        f"{LARISSA}/folder_contents",
        f"{PRACTICE}/@@content-checkout",
        "/el/@@search?SearchableText=στέγαση",
        "/el/@@review-queue",
        "/el/@@personal-information",
        "/el/@@change-password",
    ],
    "coordinator-cities-network": [
        "/el/@@review-queue",
        f"{PRACTICE}/content_status_history",
        "/el/networks/cities-network",
    ],
    "secretariat": [
        "/el/@@review-queue",
        "/el/networks/++add++Network",
        "/el/organisations/++add++Organisation",
        "/el/newsletters/++add++Newsletter",
        "/el/networks/cities-network/edit",
    ],
}
WALKS = [(user, path) for user, paths in PAGES.items() for path in paths]

# Latin-script words that are not English interface text.
ALLOWED = re.compile(
    r"^(?:"
    r"English|Plone|Plone®|E-mail|e-mail|iCalendar|RSS|Atom|URL|CSV|PDF|"
    r"GNU GPL|OK|"
    r"[\w.+-]+@[\w.-]+|https?://\S+|[\w-]+\.(?:svg|png|ico)|"
    r"[A-Z0-9&.\- ]{2,}"  # acronyms: CARDET, IOM, ANCI
    r")$"
)
SKIPPED_TAGS = ("script", "style", "noscript", "template", "code", "pre")
ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


def authorise(browser, user):
    if user:
        token = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        browser.addHeader("Authorization", f"Basic {token}")


def content_words():
    """Names in the demo data that are content written in Latin script
    (an Italian partner's name, a project's)."""
    names = set()
    for section in ("organisations", "networks"):
        for item in DATA.get(section, {}).values():
            for title in (item.get("title") or {}).values():
                names.add(title)
    return names


CONTENT = content_words()
# Who created an item, as Plone names them (user ids, not words).
USER_IDS = {SITE_OWNER_NAME, TEST_USER_ID}
# The Diazo theme's static HTML (plonetheme.barceloneta's index.html) has the
# only label that no catalogue can translate: its off-canvas close button.
THEME = {"aria-label=Close"}
# plone.app.z3cform's single check box template has no i18n:domain, so its
# "Required" tooltip is asked of no catalogue at all (an upstream defect).
UNTRANSLATABLE = THEME | {"title=Required"}


def is_english(text, allowed=()):
    text = " ".join(text.split())
    if not re.search(r"[A-Za-z]{3}", text) or re.search(r"[Α-Ωα-ωΆ-ώ]", text):
        return False
    return not (
        ALLOWED.match(text) or text in CONTENT or text in USER_IDS or text in allowed
    )


def english_texts(body, allowed=()):
    tree = html.fromstring(body)
    for bad in tree.xpath("|".join(f"//{tag}" for tag in SKIPPED_TAGS)):
        bad.drop_tree()
    # The languages' own names (a training's languages, the switcher).
    for option in tree.xpath("//select[contains(@name, 'language')]//option"):
        option.drop_tree()
    for node in tree.xpath("//*[contains(@class, 'language-selector')]"):
        node.drop_tree()
    found = []
    for text in tree.xpath("//body//text()"):
        if is_english(text, allowed):
            found.append(" ".join(text.split()))
    for attribute in ATTRIBUTES:
        for value in tree.xpath(f"//body//@{attribute}"):
            if is_english(value, allowed):
                found.append(f"{attribute}={value}")
    for value in tree.xpath(
        "//input[@type='submit' or @type='button']/@value | //button/@value"
    ):
        if is_english(value, allowed):
            found.append(f"button={value}")
    return sorted(set(found) - UNTRANSLATABLE)


class TestGreekInterface:
    """One class, so that the demo layer is set up once for all pages."""

    @pytest.mark.parametrize(("user", "path"), WALKS)
    def test_no_english_on_the_page(self, portal, user, path):
        browser = Browser(portal.aq_parent)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.addHeader("Accept-Language", "el")
        authorise(browser, user)
        browser.open(f"{portal.absolute_url()}{quote(path, safe='/?=&@+')}")
        status = int(browser.headers["status"].split()[0])
        assert status == (404 if "no-such-page" in path else 200), (path, status)
        # The site's title is content (the test site's is "Plone site").
        found = english_texts(browser.contents, allowed={portal.Title()})
        assert found == [], f"{user} {path}: {found}"
