"""The Greek home page in Chromium at 1280 and 390 px: screenshots go to
tests/browser/screenshots/ (not committed); the sign-up is two clicks away."""

from maps.test_browser import SCREENSHOTS
from maps.test_browser import local
from membersite.conftest import browser  # noqa: F401
from membersite.conftest import visit  # noqa: F401

import pytest


@pytest.mark.parametrize("width", [1280, 390])
def test_greek_home_page(functional_sample, visit, width):  # noqa: F811
    portal = functional_sample["cities"].portal_url.getPortalObject()
    one = visit()
    one.page.set_viewport_size({"width": width, "height": 900})
    one.page.goto(local(portal["el"].absolute_url()))
    heading = one.page.get_by_role("heading", name="Το δίκτυο σε αριθμούς")
    assert heading.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    one.page.screenshot(path=SCREENSHOTS / f"home-el-{width}.png", full_page=True)
    # First click: the sign-up form.
    one.page.get_by_role("link", name="Εγγραφή στο ενημερωτικό δελτίο").first.click()
    assert "newsletter-subscribe" in one.page.url
    assert one.page.locator("form").count() > 0
