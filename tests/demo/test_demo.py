"""The demo content: created from data.yaml in Greek and English, linked as
translations, related by key, published, and loaded idempotently."""

from collective.migrationnetwork.demo import load_demo
from collective.migrationnetwork.demo import read_data
from collective.migrationnetwork.workflows import PUBLIC_STATES
from plone import api
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import logout
from plone.dexterity.utils import iterSchemataForType
from Products.CMFCore.indexing import processQueue
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.schema import getFieldsInOrder

import datetime
import pytest
import transaction


DATA = read_data()
SECTIONS = {
    "networks": "Network",
    "organisations": "Organisation",
    "practices": "Practice",
    "trainings": "Training",
    "newsletters": "Newsletter",
}
# key: (path below the language root, {language: title})
KNOWN = {
    "cities-network": (
        "networks/cities-network",
        {"el": "Δίκτυο Πόλεων για την Ένταξη", "en": "Cities Network for Integration"},
    ),
    "larissa": (
        "organisations/larissa",
        {"el": "Δήμος Λαρισαίων", "en": "Municipality of Larissa"},
    ),
    "university-of-nicosia": (
        "organisations/university-of-nicosia",
        {"el": "Πανεπιστήμιο Λευκωσίας", "en": "University of Nicosia"},
    ),
    "sample-one-stop-desk": (
        "organisations/larissa/sample-one-stop-desk",
        {
            "el": "[Δείγμα] Ενιαίο σημείο πληροφόρησης στο Κέντρο Ένταξης Μεταναστών",
            "en": "[Sample] One-stop information desk at the Migrant Integration Centre",
        },
    ),
    "sample-webinar-local-strategies": (
        "organisations/iom/sample-webinar-local-strategies",
        {
            "el": "[Δείγμα] Διαδικτυακό σεμινάριο: σχεδιασμός τοπικών στρατηγικών ένταξης",
            "en": "[Sample] Webinar: designing local integration strategies",
        },
    ),
    "newsletter-2021-02": (
        "newsletters/newsletter-2021-02",
        {
            "el": "Ενημερωτικό Δελτίο - Φεβρουάριος 2021",
            "en": "Newsletter, February 2021",
        },
    ),
}
CITIES_MUNICIPALITIES = {
    "athens",
    "agios-dimitrios",
    "heraklion",
    "thessaloniki",
    "ioannina",
    "karditsa",
    "larissa",
    "levadeia",
    "nea-filadelfeia-nea-chalkidona",
    "piraeus",
    "tilos",
    "trikala",
    "tripoli",
}


def path_of(key):
    """Path of a demo item below a language root, from the data."""
    for section, items in DATA.items():
        if section in SECTIONS and key in items:
            item = items[key]
            if "organisation" in item:
                return f"{path_of(item['organisation'])}/{key}"
            return f"{section}/{key}"
    raise KeyError(key)


def all_keys():
    for section, portal_type in SECTIONS.items():
        for key in DATA[section]:
            yield key, portal_type


def demo_objects(portal):
    return [
        portal.unrestrictedTraverse(f"{lang}/{path_of(key)}")
        for key, _portal_type in all_keys()
        for lang in ("el", "en")
    ]


def targets(obj, name):
    value = getattr(obj, name, None)
    if value is None:
        return []
    relations = value if isinstance(value, list) else [value]
    return [relation.to_object for relation in relations]


class TestDemoContent:
    """One class, so that the demo layer is set up once for all of them."""

    @pytest.mark.parametrize("lang", ["el", "en"])
    @pytest.mark.parametrize("key", sorted(KNOWN))
    def test_known_items_are_created(self, portal, demo, key, lang):
        path, titles = KNOWN[key]
        obj = portal[lang].unrestrictedTraverse(path)
        assert obj.Title() == titles[lang]
        assert obj.Language() == lang
        assert api.content.get_state(obj) == PUBLIC_STATES[obj.portal_type]
        assert "/".join(obj.getPhysicalPath()) in demo["created"]

    def test_first_load_creates_every_item_in_both_languages(self, portal, demo):
        count = sum(1 for _ in all_keys())
        assert len(demo["created"]) == 2 * count
        assert demo["kept"] == 0
        for key, portal_type in all_keys():
            for lang in ("el", "en"):
                obj = portal[lang].unrestrictedTraverse(path_of(key))
                assert obj.portal_type == portal_type, key

    def test_cities_network_has_its_thirteen_municipalities(self, portal, demo):
        for lang in ("el", "en"):
            network = portal[lang]["networks"]["cities-network"]
            members = {
                relation.from_object.getId()
                for relation in api.relation.get(
                    target=network, relationship="networks"
                )
            }
            municipalities = {
                member
                for member in members
                if portal[lang]["organisations"][member].kind == "municipality"
            }
            assert municipalities == CITIES_MUNICIPALITIES
            assert {"iom", "unhcr"} <= members

    @pytest.mark.parametrize(
        ("key", "field", "expected"),
        [
            ("larissa", "networks", ["cities-network"]),
            (
                "university-of-nicosia",
                "networks",
                ["cyprus-network", "mediterranean-return-network"],
            ),
            ("cardet", "networks", ["mediterranean-return-network"]),
            (
                "sample-information-point",
                "partners",
                ["university-of-nicosia", "innovade"],
            ),
            ("sample-information-point", "inspired_by", ["sample-one-stop-desk"]),
            (
                "sample-study-visit-larissa",
                "related_practices",
                ["sample-one-stop-desk"],
            ),
            ("paphos-local-network", "parent_network", ["cyprus-network"]),
            (
                "newsletter-2020-07",
                "featured",
                ["larissa", "sample-one-stop-desk", "sample-job-mentoring", "iom"],
            ),
        ],
    )
    @pytest.mark.parametrize("lang", ["el", "en"])
    def test_relations_resolve_in_the_same_language(
        self, portal, demo, lang, key, field, expected
    ):
        obj = portal[lang].unrestrictedTraverse(path_of(key))
        found = targets(obj, field)
        assert ["/".join(t.getPhysicalPath()) for t in found] == [
            "/".join(portal[lang].unrestrictedTraverse(path_of(k)).getPhysicalPath())
            for k in expected
        ]

    def test_relations_are_in_the_relation_catalog(self, portal, demo):
        desk = portal["el"].unrestrictedTraverse(path_of("sample-one-stop-desk"))
        sources = {
            relation.from_object.getId()
            for relation in api.relation.get(target=desk, relationship="inspired_by")
        }
        assert sources == {"sample-information-point"}

    def test_items_of_a_network_are_one_catalogue_query(self, portal, demo):
        cyprus = portal["en"]["networks"]["cyprus-network"]
        brains = api.content.find(
            portal_type="Practice", networks=api.content.get_uuid(cyprus), Language="en"
        )
        # The practices of the Paphos and Engomi municipalities, members of the
        # Cyprus network; not CARDET's, which is in another network.
        assert {brain.getId for brain in brains} == {
            "sample-information-point",
            "sample-language-cafe",
        }

    def test_english_items_are_translations_with_equal_language_independent_fields(
        self, portal, demo
    ):
        compared = set()
        for key, portal_type in all_keys():
            el = portal["el"].unrestrictedTraverse(path_of(key))
            en = portal["en"].unrestrictedTraverse(path_of(key))
            assert ITranslationManager(el).get_translation("en") is not None, key
            assert ITranslationManager(el).get_translation("en").aq_base is en.aq_base
            assert ITranslationManager(en).get_translation("el").aq_base is el.aq_base
            for schema in iterSchemataForType(portal_type):
                for name, field in getFieldsInOrder(schema):
                    if not ILanguageIndependentField.providedBy(field):
                        continue
                    compared.add(name)
                    if IRelationList.providedBy(field) or IRelationChoice.providedBy(
                        field
                    ):
                        # The English relation points to the English translation.
                        assert [
                            ITranslationManager(t).get_translation("en").aq_base
                            for t in targets(el, name)
                        ] == [t.aq_base for t in targets(en, name)], (key, name)
                    else:
                        assert getattr(el, name, None) == getattr(en, name, None), (
                            key,
                            name,
                        )
        assert {
            "scope",
            "kind",
            "country",
            "networks",
            "partners",
            "format",
        } <= compared

    def test_titles_differ_by_language(self, portal, demo):
        different = [
            key
            for key, _type in all_keys()
            if portal["el"].unrestrictedTraverse(path_of(key)).Title()
            != portal["en"].unrestrictedTraverse(path_of(key)).Title()
        ]
        # Only names that are the same in Greek and English may be equal.
        assert set(dict(all_keys())) - set(different) == {"innovade", "cardet"}

    @pytest.mark.parametrize("portal_type", ["Practice", "Training"])
    def test_sample_practices_and_trainings_are_marked_and_public(
        self, portal, demo, portal_type
    ):
        section = {"Practice": "practices", "Training": "trainings"}[portal_type]
        logout()
        for lang, marker in (("el", "[Δείγμα]"), ("en", "[Sample]")):
            brains = api.content.find(portal_type=portal_type, Language=lang)
            assert len(brains) == len(DATA[section])
            for brain in brains:
                assert brain.review_state == "published"
                assert brain.Title.startswith(marker)

    def test_training_dates_are_relative_to_today(self, portal, demo):
        now = datetime.datetime.now(datetime.timezone.utc)
        organisations = portal["el"]["organisations"]
        webinar = organisations["iom"]["sample-webinar-local-strategies"]
        visit = organisations["larissa"]["sample-study-visit-larissa"]
        course = organisations["university-of-nicosia"][
            "sample-training-return-counselling"
        ]
        assert webinar.kind == "webinar"
        assert webinar.format == "online"
        assert now < webinar.start < webinar.end < now + datetime.timedelta(days=30)
        assert visit.kind == "study_visit"
        assert visit.end < now
        assert course.format == "in_person"
        assert now < course.start
        assert course.registration_deadline.date() < course.start.date()
        brains = api.content.find(
            portal_type="Training", Language="el", end={"query": now, "range": "min"}
        )
        assert "sample-study-visit-larissa" not in {brain.getId for brain in brains}
        assert "sample-webinar-local-strategies" in {brain.getId for brain in brains}

    def test_second_load_creates_and_changes_nothing(self, portal, demo):
        catalog = api.portal.get_tool("portal_catalog")
        processQueue()
        transaction.savepoint()
        jar = portal._p_jar
        everything = {"path": "/".join(portal.getPhysicalPath())}
        before = len(catalog.unrestrictedSearchResults(**everything))
        assert before > len(demo["created"])
        modified = {
            obj.absolute_url_path(): obj.modified() for obj in demo_objects(portal)
        }

        again = load_demo(portal)

        assert again["created"] == []
        assert again["kept"] == len(demo["created"])
        assert len(catalog.unrestrictedSearchResults(**everything)) == before
        assert {
            obj.absolute_url_path(): obj.modified() for obj in demo_objects(portal)
        } == modified
        # Not one persistent object was written to.
        assert jar._registered_objects == []

    def test_a_deleted_item_is_created_again_and_linked(self, portal, demo):
        el = portal["el"]["organisations"]["larissa"]
        api.content.delete(
            obj=portal["en"]["organisations"]["larissa"], check_linkintegrity=False
        )

        again = load_demo(portal)

        en = portal["en"]["organisations"]["larissa"]
        # Larissa and the practice and trainings that lived in it, nothing else.
        path = "/".join(en.getPhysicalPath())
        assert again["created"] == [
            path,
            f"{path}/sample-one-stop-desk",
            f"{path}/sample-study-visit-larissa",
        ]
        assert again["kept"] == len(demo["created"]) - 3
        assert ITranslationManager(el).get_translation("en").aq_base is en.aq_base
        assert [t.getId() for t in targets(en, "networks")] == ["cities-network"]

    @pytest.mark.parametrize(
        ("item", "message"),
        [
            (
                {
                    "title": "X",
                    "kind": "municipality",
                    "country": "GR",
                    "networks": ["nowhere"],
                },
                "nowhere",
            ),
            ({"title": "X", "kind": "castle", "country": "GR"}, "castle"),
            (
                {
                    "title": "X",
                    "kind": "municipality",
                    "country": "GR",
                    "colour": "red",
                },
                "colour",
            ),
        ],
    )
    def test_bad_data_is_refused(self, portal, item, message):
        data = {"languages": ["el", "en"], "organisations": {"bad": item}}
        with pytest.raises(Exception, match=message):
            load_demo(portal, data=data)
