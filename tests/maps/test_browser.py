"""The map of members in a real browser (Debian's Chromium through
Playwright), in Greek, on a network's page: clustered markers, popups as
text, the filters, the keyboard, and the list by country when the tiles
do not load. Tiles are served by the test (the browser never leaves the
machine); screenshots go to tests/browser/screenshots/ (not committed).
"""

from io import BytesIO
from membersite.conftest import browser  # noqa: F401
from membersite.conftest import visit  # noqa: F401
from pathlib import Path
from PIL import Image
from PIL import ImageDraw
from plone import api
from urllib.parse import urlsplit

import pytest
import transaction


SCREENSHOTS = Path(__file__).parents[1] / "browser" / "screenshots"
TILES = "https://tile.openstreetmap.org/"
# Looks like markup; must be shown as text in the popup and the list.
HOSTILE = '<img src=x onerror="window.__xss=1">Δήμος <b>Θεσσαλονίκης</b>'
# Athens and its neighbours: close enough to cluster at the first zoom.
NEIGHBOURS = {
    "piraeus": ("Δήμος Πειραιά", 37.94, 23.65),
    "kallithea": ("Δήμος Καλλιθέας", 37.95, 23.70),
    "peristeri": ("Δήμος Περιστερίου", 38.01, 23.69),
}


def tile_png():
    """A pale tile with a grid: what the screenshots show as the map."""
    image = Image.new("RGB", (256, 256), (233, 238, 242))
    draw = ImageDraw.Draw(image)
    for offset in (0, 128):
        draw.line([(offset, 0), (offset, 256)], fill=(210, 218, 224))
        draw.line([(0, offset), (256, offset)], fill=(210, 218, 224))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def members(functional_placed):
    """The placed sample, with Athens's neighbours in the Cities Network
    and a member whose title looks like markup."""
    from content_builders import publish
    from content_builders import relation

    portal = api.portal.get()
    cities = functional_placed["cities"]
    folder = portal["el"]["organisations"]
    with api.env.adopt_roles(["Manager"]):
        for name, (title, latitude, longitude) in NEIGHBOURS.items():
            publish(
                api.content.create(
                    folder,
                    "Organisation",
                    id=name,
                    title=title,
                    kind="municipality",
                    country="GR",
                    latitude=latitude,
                    longitude=longitude,
                    networks=[relation(cities)],
                )
            )
        publish(
            api.content.create(
                folder,
                "Organisation",
                id="thessaloniki",
                title=HOSTILE,
                kind="ngo",
                country="GR",
                latitude=40.64,
                longitude=22.94,
                networks=[relation(cities)],
            )
        )
    transaction.commit()
    return functional_placed


def local(url):
    """The address through ``localhost`` (the theme is left out for
    127.0.0.1)."""
    parts = urlsplit(url)
    return parts._replace(netloc=f"localhost:{parts.port}").geturl()


def serve_tiles(page, tiles=True):
    png = tile_png()
    requested = []

    def handle(route):
        requested.append(route.request.url)
        if tiles:
            route.fulfill(status=200, content_type="image/png", body=png)
        else:
            route.abort()

    page.route(f"{TILES}**", handle)
    return requested


def open_network(one, members, width):
    one.page.set_viewport_size({"width": width, "height": 900})
    one.page.goto(local(members["cities"].absolute_url()))
    one.page.wait_for_selector("section.members-map.members-map-ready")
    return one.page


def visible_markers(page):
    return page.locator(".members-map .leaflet-marker-icon:visible")


def test_map_on_a_network_page(visit, members):  # noqa: F811
    one = visit()
    requested = serve_tiles(one.page)
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page = open_network(one, members, width)
        page.wait_for_function(
            "document.querySelectorAll('.members-map .leaflet-tile-loaded').length > 0"
        )
        page.locator("section.members-map").screenshot(
            path=str(SCREENSHOTS / f"map-network-el-{width}.png")
        )
        page.screenshot(
            path=str(SCREENSHOTS / f"map-network-page-el-{width}.png"), full_page=True
        )
    assert requested
    assert all(url.startswith(TILES) for url in requested)
    # Greek throughout
    status = page.locator(".members-map-status").inner_text()
    assert status == "Οργανισμοί: 6, στον χάρτη: 6."
    attribution = page.locator(".leaflet-control-attribution a[href*=copyright]")
    assert attribution.inner_text() == "© OpenStreetMap contributors"
    # the four around Athens are one cluster at first; Thessaloniki and
    # Nicosia are markers of their own
    clusters = page.locator(".members-map .marker-cluster")
    assert clusters.count() >= 1
    assert "4" in [clusters.nth(i).inner_text() for i in range(clusters.count())]
    assert one.errors() == []


def test_popup_is_text_with_name_kind_and_link(visit, members):  # noqa: F811
    one = visit()
    serve_tiles(one.page)
    page = open_network(one, members, 1280)
    marker = page.locator(".members-map .leaflet-marker-icon[title^='<img']")
    marker.click()
    popup = page.locator(".members-map-popup")
    popup.wait_for()
    assert popup.locator("a").inner_text() == HOSTILE
    assert (
        popup.locator("a").get_attribute("href")
        == (
            members["cities"].aq_parent.aq_parent["organisations"]["thessaloniki"]
        ).absolute_url()
    )
    assert popup.locator(".members-map-popup-kind").inner_text() == (
        "ΜΚΟ / κοινωνία των πολιτών"
    )
    # no element was made from the title, no script ran
    assert popup.locator("img, b").count() == 0
    assert page.evaluate("window.__xss") is None
    assert page.locator(".members-map-list img").count() == 0
    assert one.errors() == []


def test_keyboard_opens_a_popup(visit, members):  # noqa: F811
    one = visit()
    serve_tiles(one.page)
    page = open_network(one, members, 1280)
    marker = page.locator(
        ".members-map .leaflet-marker-icon[title='University of Nicosia']"
    )
    marker.focus()
    assert page.evaluate("document.activeElement.getAttribute('title')") == (
        "University of Nicosia"
    )
    page.keyboard.press("Enter")
    popup = page.locator(".members-map-popup")
    popup.wait_for()
    assert popup.locator("a").inner_text() == "University of Nicosia"
    # the map itself takes the focus, for its arrow keys and + / -
    assert page.locator(".members-map-canvas").get_attribute("tabindex") == "0"


def test_filters_change_the_map_and_the_list(visit, members):  # noqa: F811
    one = visit()
    serve_tiles(one.page)
    page = open_network(one, members, 1280)
    page.select_option("#members-map-kind", "university")
    status = page.locator(".members-map-status")
    assert status.inner_text() == "Οργανισμοί: 1, στον χάρτη: 1."
    shown = page.locator(".members-map-member:visible a")
    assert shown.all_inner_texts() == ["University of Nicosia"]
    assert page.locator(".members-map-country:visible").all_inner_texts() == ["Κύπρος"]
    assert visible_markers(page).count() == 1
    page.select_option("#members-map-kind", "")
    cyprus = api.content.get_uuid(members["cyprus"])
    page.select_option("#members-map-network", cyprus)
    assert shown.all_inner_texts() == ["University of Nicosia"]
    page.select_option("#members-map-network", "")
    assert status.inner_text() == "Οργανισμοί: 6, στον χάρτη: 6."
    assert one.errors() == []


def test_without_tiles_the_markers_and_the_list_remain(visit, members):  # noqa: F811
    one = visit()
    serve_tiles(one.page, tiles=False)
    page = open_network(one, members, 390)
    notice = page.locator(".members-map-tiles-failed")
    notice.wait_for()
    assert "παρακάτω" in notice.inner_text()
    assert visible_markers(page).count() >= 3
    countries = page.locator(".members-map-country:visible").all_inner_texts()
    assert countries == ["Ελλάδα", "Κύπρος"]
    page.locator("section.members-map").screenshot(
        path=str(SCREENSHOTS / "map-network-el-390-no-tiles.png")
    )


def test_without_javascript_the_list_and_the_form_work(browser, members):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, locale="el-GR")
    try:
        page = context.new_page()
        page.goto(local(members["cities"].absolute_url()))
        assert page.locator(".members-map-canvas").is_hidden()
        page.select_option("#members-map-kind", "ngo")
        page.click(".members-map-apply")
        page.wait_for_url("**kind=ngo**")
        shown = page.locator(".members-map-member:visible a").all_inner_texts()
        assert shown == [HOSTILE]
    finally:
        context.close()
