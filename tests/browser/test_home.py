"""The site root is a page linking every language root."""

import pytest


@pytest.fixture
def anon(http):
    return http()


def test_root_view_is_network_home(portal):
    assert portal.getLayout() == "network-home"


def test_root_answers_page_with_languages(anon, functional):
    portal_url = functional["portal"].absolute_url()
    response = anon.get("/", allow_redirects=False)
    assert response.status_code == 200
    assert f'href="{portal_url}/el" hreflang="el"' in response.text
    assert f'href="{portal_url}/en" hreflang="en"' in response.text
    # Each language is named and invited in its own language.
    assert "Ελληνικά" in response.text
    assert "English" in response.text


@pytest.mark.parametrize("lang", ["el", "en"])
def test_language_roots_answer(anon, lang):
    response = anon.get(f"/{lang}", allow_redirects=False)
    assert response.status_code == 200
