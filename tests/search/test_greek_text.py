"""Search that understands Greek (issue #24): accents, case, final sigma
and word forms, in the catalogue, the listing page, @network-search and
@search; English words are stemmed too."""

from collective.migrationnetwork.lexicon import AccentInsensitiveNormalizer
from collective.migrationnetwork.lexicon import GreekEnglishStemmer
from collective.migrationnetwork.lexicon import NetworkSplitter
from plone import api

import pytest
import transaction


GREEK_QUERIES = ["στέγαση", "στεγαση", "ΣΤΕΓΑΣΗ", "στέγασης", "Στέγασης", "στεγαση*"]
OTHER_QUERIES = ["εκπαίδευση", "ΣΤΕΓΗ", "housing"]


def pipeline(text, glob=False):
    words = [text]
    for element in (
        NetworkSplitter(),
        AccentInsensitiveNormalizer(),
        GreekEnglishStemmer(),
    ):
        process = element.processGlob if glob else element.process
        words = process(words)
    return words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Στέγαση", ["στεγασ"]),
        ("ΣΤΕΓΑΣΗΣ", ["στεγασ"]),
        ("στέγασης", ["στεγασ"]),
        ("Ψυχοκοινωνική υποστήριξη", ["ψυχοκοινωνικ", "υποστηριξ"]),
        ("Ϊ ΐ", ["ι", "ι"]),  # diaeresis
        ("Housing houses", ["hous", "hous"]),
        ("Integration 2027", ["integr", "2027"]),
        ("Café", ["cafe"]),
    ],
)
def test_the_pipeline(text, words):
    assert pipeline(text) == words


@pytest.mark.parametrize(
    ("query", "words"),
    [("στεγαση*", ["στεγασ*"]), ("ΣΤΈΓ*", ["στεγ*"]), ("hous?s", ["hous?s"])],
)
def test_globs_keep_their_wildcards(query, words):
    assert pipeline(query, glob=True) == words


def test_elements_of_one_class_are_equal():
    """Importing the same catalog.xml again keeps the lexicon's words."""
    assert NetworkSplitter() == NetworkSplitter()
    assert AccentInsensitiveNormalizer() != GreekEnglishStemmer()


def make_housing(organisation, **extra):
    """A published practice about housing, in Greek."""
    with api.env.adopt_roles(["Manager"]):
        practice = api.content.create(
            container=organisation,
            type="Practice",
            id="steghasi",
            title="Στέγαση προσφύγων στην Αθήνα",
            kind="good_practice",
            status="ongoing",
            countries=["GR"],
            **extra,
        )
        api.content.transition(practice, to_state="published")
    return practice


@pytest.fixture
def housing(portal, sample):
    return make_housing(sample["athens"], description="Στεγαστικό πρόγραμμα του δήμου")


def found(query, **extra):
    catalog = api.portal.get_tool("portal_catalog")
    return {b.getId for b in catalog(SearchableText=query, **extra)}


@pytest.mark.parametrize("query", GREEK_QUERIES)
def test_every_form_finds_the_practice(housing, query):
    assert "steghasi" in found(query)


def test_title_search_ignores_accents(housing):
    catalog = api.portal.get_tool("portal_catalog")
    assert [b.getId for b in catalog(Title="στεγαση")] == ["steghasi"]


@pytest.mark.parametrize("query", OTHER_QUERIES)
def test_other_words_do_not(housing, query):
    assert "steghasi" not in found(query)


def test_the_lexicon_of_the_site_is_the_networks(portal):
    lexicon = portal.portal_catalog.plone_lexicon
    assert [type(e).__name__ for e in lexicon._pipeline] == [
        "NetworkSplitter",
        "AccentInsensitiveNormalizer",
        "GreekEnglishStemmer",
    ]


@pytest.fixture
def published_housing(functional, functional_sample):
    practice = make_housing(functional_sample["athens"])
    transaction.commit()
    return practice


@pytest.mark.parametrize("query", ["στεγαση", "ΣΤΕΓΑΣΗ", "στέγασης"])
def test_the_listing_page_finds_it(published_housing, http, query):
    page = http().get("/el/practices", params={"SearchableText": query})
    assert page.status_code == 200
    assert "/el/organisations/athens/steghasi" in page.text


@pytest.mark.parametrize("query", ["στεγαση", "ΣΤΕΓΑΣΗ", "στέγασης"])
def test_rest_searches_find_it(published_housing, http, query):
    client = http(json=True)
    network = client.get("/el/@network-search", params={"SearchableText": query})
    assert network.status_code == 200, network.text
    assert any(i["@id"].endswith("/steghasi") for i in network.json()["items"])
    plain = client.get("/el/@search", params={"SearchableText": query})
    assert plain.status_code == 200
    assert any(i["@id"].endswith("/steghasi") for i in plain.json()["items"])


def test_plones_search_page_finds_it(published_housing, http):
    page = http().get("/el/@@search", params={"SearchableText": "στεγαση"})
    assert page.status_code == 200
    assert "/el/organisations/athens/steghasi" in page.text
