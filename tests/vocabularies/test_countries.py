"""Countries: the current ISO 3166-1 countries only, by name in the reader's
language, the network's countries first; former codes still stored keep
their name and stay valid where they are, without being offered."""

from accounts import ADMIN
from collective.migrationnetwork.lexicon import normalize_word
from collective.migrationnetwork.vocabularies import standard
from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest
import re
import transaction


NAME = "collective.migrationnetwork.countries"
FORMER = ("YU", "AN", "CS", "SP")


@pytest.fixture
def language(monkeypatch):
    def set_language(code):
        monkeypatch.setattr(api.portal, "get_current_language", lambda *a, **k: code)

    return set_language


def countries(context):
    return getUtility(IVocabularyFactory, NAME)(context)


def titles(vocabulary):
    return [term.title for term in vocabulary]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_only_current_countries_are_offered(portal, language, lang):
    language(lang)
    vocabulary = countries(portal)
    tokens = [term.token for term in vocabulary]
    assert len(tokens) == len(set(tokens)) == 249
    for code in FORMER:
        assert code not in tokens
        assert code not in vocabulary


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        (
            "el",
            {
                "MK": "Βόρεια Μακεδονία",
                "GR": "Ελλάδα",
                "CY": "Κύπρος",
                "TR": "Τουρκία",
                "RU": "Ρωσία",
                "CZ": "Τσεχία",
                "SZ": "Εσουατίνι",
            },
        ),
        (
            "en",
            {"MK": "North Macedonia", "GR": "Greece", "CZ": "Czechia", "RS": "Serbia"},
        ),
    ],
)
def test_countries_have_their_current_usual_names(portal, language, lang, names):
    language(lang)
    vocabulary = countries(portal)
    assert {code: vocabulary.getTerm(code).title for code in names} == names


@pytest.mark.parametrize(
    ("lang", "in_order"),
    [
        # Accents ignored: Ά sorts with Α, not before every other letter.
        ("el", ["Αγία Λουκία", "Άγιος Μαρίνος", "Αγκόλα", "Αλβανία", "Αυστρία"]),
        ("el", ["Αίγυπτος", "Αιθιοπία", "Αϊτή", "Ακτή Ελεφαντοστού"]),
        ("el", ["Ιαπωνία", "Ισλανδία", "Ισπανία", "Ιταλία"]),
        ("el", ["Ομάν", "Ονδούρα", "Ουγγαρία", "Ουκρανία"]),
        ("en", ["Afghanistan", "Åland Islands", "Albania", "Algeria", "Austria"]),
        ("en", ["Costa Rica", "Côte d’Ivoire", "Croatia", "Curaçao", "Czechia"]),
    ],
)
def test_countries_are_sorted_by_name_in_the_language(portal, language, lang, in_order):
    language(lang)
    names = titles(countries(portal))
    assert [name for name in names if name in in_order] == in_order


@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_rest_follow_the_collation_of_the_language(portal, language, lang):
    language(lang)
    names = titles(countries(portal))
    network = len(standard.network_countries())
    rest = names[network:]
    assert rest == sorted(rest, key=lambda name: (normalize_word(name), name))


@pytest.mark.parametrize(
    ("lang", "first"), [("el", ["Ελλάδα", "Κύπρος"]), ("en", ["Cyprus", "Greece"])]
)
def test_the_network_countries_come_first(portal, sample, language, lang, first):
    """The sample's active members are in Greece and Cyprus."""
    language(lang)
    vocabulary = countries(portal)
    assert titles(vocabulary)[:2] == first
    assert [term.token for term in vocabulary].count("GR") == 1


def test_the_network_countries_are_the_active_members(portal, sample, language):
    language("en")
    with api.env.adopt_roles(["Manager"]):
        applicant = api.content.create(
            container=portal["el"]["organisations"],
            type="Organisation",
            id="applicant",
            title="Applicant in Malta",
            kind="ngo",
            country="MT",
        )
    assert api.content.get_state(applicant) != "active"
    assert standard.network_countries() == ("CY", "GR")
    with api.env.adopt_roles(["Manager"]):
        standard_member = api.content.create(
            container=portal["el"]["organisations"],
            type="Organisation",
            id="rome",
            title="Rome",
            kind="municipality",
            country="IT",
        )
        from collective.migrationnetwork.workflows import make_public

        make_public(standard_member)
    assert standard.network_countries() == ("CY", "GR", "IT")
    assert titles(countries(portal))[:3] == ["Cyprus", "Greece", "Italy"]


def test_no_country_is_preselected_on_new_content(portal):
    from collective.migrationnetwork.content.organisation import IOrganisation
    from collective.migrationnetwork.content.practice import IPractice

    assert IOrganisation["country"].default is None
    assert IPractice["countries"].default == []


@pytest.fixture
def yugoslav(portal, sample):
    """A practice that still holds a code stored before the list was current
    (set as an old import did, without validation)."""
    practice = sample["mentoring"]
    practice.countries = ["YU", "GR"]
    practice.reindexObject()
    return practice


@pytest.mark.parametrize(
    ("lang", "name"),
    [("el", "Γιουγκοσλαβία"), ("en", "Yugoslavia")],
)
def test_a_former_code_still_has_its_name(portal, yugoslav, language, lang, name):
    language(lang)
    assert standard.country_name("YU", lang) == name
    # On the item: shown, valid, and offered last so that editing keeps it.
    own = countries(yugoslav)
    assert own.getTerm("YU").title == name
    assert "YU" in own
    assert [term.token for term in own][-1] == "YU"
    # Elsewhere: named (for display), neither offered nor valid.
    shared = countries(portal)
    assert shared.getTerm("YU").title == name
    assert shared.getTermByToken("YU").title == name
    assert "YU" not in shared
    assert "YU" not in [term.token for term in shared]


def test_a_former_code_has_its_name_in_facets(portal, yugoslav, language):
    from collective.migrationnetwork.search.facets import value_titles

    language("el")
    facet = value_titles(portal, "countries", language="el")
    assert facet["YU"] == "Γιουγκοσλαβία"
    assert facet["GR"] == "Ελλάδα"


def test_an_unknown_code_falls_back_to_itself():
    assert standard.country_name("QQ", "el") == "QQ"


def test_a_regional_language_has_the_language_names():
    assert standard.country_names("el-gr")["TR"] == "Τουρκία"
    assert standard.former_country_names("el-gr")["YU"] == "Γιουγκοσλαβία"


# Over HTTP ---------------------------------------------------------------


@pytest.fixture
def admin(http):
    return http(auth=ADMIN)


@pytest.fixture
def rest(http):
    return http(auth=ADMIN, json=True)


@pytest.mark.parametrize(
    ("lang", "first", "macedonia"),
    [
        ("el", ["Ελλάδα", "Κύπρος"], "Βόρεια Μακεδονία"),
        ("en", ["Cyprus", "Greece"], "North Macedonia"),
    ],
)
def test_rest_vocabulary_answers_the_current_list(
    rest, functional_sample, lang, first, macedonia
):
    response = rest.get(
        f"/{lang}/@vocabularies/{NAME}?b_size=1000", headers={"Accept-Language": lang}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert response.json()["items_total"] == len(items) == 249
    tokens = [item["token"] for item in items]
    assert [item["title"] for item in items[:2]] == first
    assert {item["token"]: item["title"] for item in items}["MK"] == macedonia
    assert not set(FORMER) & set(tokens)


@pytest.fixture
def functional_yugoslav(functional, functional_sample):
    practice = functional_sample["mentoring"]
    practice.countries = ["YU", "GR"]
    practice.reindexObject()
    transaction.commit()
    return practice


def test_rest_serialises_a_former_code_with_its_name(rest, functional_yugoslav):
    """The practice is in the Greek root: its values are titled in Greek."""
    url = functional_yugoslav.absolute_url()
    response = rest.get(url)
    assert response.status_code == 200
    assert response.json()["countries"] == [
        {"token": "YU", "title": "Γιουγκοσλαβία"},
        {"token": "GR", "title": "Ελλάδα"},
    ]
    # Another change keeps it; the item's own value stays valid.
    response = rest.patch(url, json={"title": "Job mentoring (edited)"})
    assert response.status_code == 204
    response = rest.patch(url, json={"countries": ["YU", "GR", "CY"]})
    assert response.status_code == 204
    transaction.begin()
    assert functional_yugoslav.countries == ["YU", "GR", "CY"]


def test_rest_refuses_a_former_code_for_new_choices(rest, functional_sample):
    url = functional_sample["athens"].absolute_url()
    response = rest.patch(url, json={"country": "YU"})
    assert response.status_code == 400
    assert "country" in response.text
    transaction.begin()
    assert functional_sample["athens"].country == "GR"


def test_the_page_of_an_item_with_a_former_code_shows_its_name(
    admin, functional_yugoslav
):
    response = admin.get(
        functional_yugoslav.absolute_url(), headers={"Accept-Language": "el"}
    )
    assert response.status_code == 200
    assert "Γιουγκοσλαβία" in response.text


def test_the_edit_form_keeps_a_former_code(admin, functional_yugoslav):
    response = admin.get(
        functional_yugoslav.absolute_url() + "/@@edit",
        headers={"Accept-Language": "el"},
    )
    assert response.status_code == 200
    assert re.search(
        r'<option[^>]*value="YU"[^>]*>Γιουγκοσλαβία</option>', response.text
    )


@pytest.mark.parametrize(
    "path", ["/el/organisations/++add++Organisation", "/el/@@join-network"]
)
def test_the_forms_prompt_for_a_country(admin, functional_sample, path):
    response = admin.get(path, headers={"Accept-Language": "el"})
    assert response.status_code == 200
    select = re.search(
        r'<select[^>]*id="form-widgets-country".*?</select>', response.text, re.S
    ).group(0)
    options = re.findall(r"<option[^>]*>[^<]*</option>", select)
    assert "Επιλέξτε χώρα" in options[0]
    assert "selected" in options[0]
    assert not any("selected" in option for option in options[1:])
    assert 'value="GR"' in options[1]
    assert not any(f'value="{code}"' in select for code in FORMER)
