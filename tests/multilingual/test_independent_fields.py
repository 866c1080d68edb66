"""Language-independent fields stay equal across translations, and a save
that leaves them alone does not rewrite the other translations.

Writes are counted in the storage: the records of the committed
transaction, and each translation's ``_p_serial`` (the id of the last
transaction that wrote it).
"""

from accounts import ADMIN
from collective.migrationnetwork.multilingual.fields import NetworkFieldsManager
from decimal import Decimal
from multilingual.writes import commit_and_count
from multilingual.writes import written
from plone import api
from plone.app.multilingual.interfaces import ILanguageIndependentFieldsManager
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import datetime
import pytest
import transaction


def save(obj, schema, **values):
    """Set ``values`` and notify as an edit form does."""
    for name, value in values.items():
        setattr(obj, name, value)
    notify(ObjectModifiedEvent(obj, Attributes(schema, *values)))


def schema_of(obj):
    return obj.getTypeInfo().lookupSchema()


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


# (key, LI field, a new value); the value is a callable of the Greek sample
# for relations.
LI_CHANGES = [
    ("cities", "scope", "transnational"),
    ("cities", "countries", ["GR", "CY", "IT"]),
    ("athens", "kind", "regional_authority"),
    ("athens", "thematic_areas", ["housing"]),
    ("mentoring", "start_date", datetime.date(2023, 5, 1)),
    ("mentoring", "thematic_areas", ["labour_market", "housing"]),
    ("mentoring", "budget", Decimal("12500.00")),
    ("webinar", "capacity", 40),
    ("webinar", "thematic_areas", ["housing", "education"]),
]


def test_our_manager_is_used(translated):
    greek, _english = translated
    for key in ("cities", "athens", "mentoring", "webinar"):
        manager = ILanguageIndependentFieldsManager(greek[key])
        assert isinstance(manager, NetworkFieldsManager)


def test_translation_got_the_source_values(translated):
    greek, english = translated
    assert english["mentoring"].thematic_areas == ["labour_market"]
    assert english["mentoring"].start_date == datetime.date(2024, 1, 1)
    assert english["webinar"].start == greek["webinar"].start
    assert english["athens"].country == "GR"
    # In the translated parent.
    assert english["mentoring"].aq_parent.UID() == english["athens"].UID()


@pytest.mark.parametrize("direction", ["el-to-en", "en-to-el"])
def test_changed_values_reach_the_other_translation(translated, direction):
    """Whichever translation is saved, the other one gets the value."""
    greek, english = translated
    for key, name, value in LI_CHANGES:
        source, other = (
            (greek[key], english[key])
            if direction == "el-to-en"
            else (english[key], greek[key])
        )
        save(source, schema_of(source), **{name: value})
        assert getattr(other, name) == value, (key, name)


def test_training_dates_are_shared(translated):
    """plone.app.event's start and end are language-independent too."""
    greek, english = translated
    from plone.app.event.dx.behaviors import IEventBasic

    start = greek["webinar"].start + datetime.timedelta(days=7)
    end = greek["webinar"].end + datetime.timedelta(days=7)
    save(greek["webinar"], IEventBasic, start=start, end=end)
    assert english["webinar"].start == start
    assert english["webinar"].end == end


def test_relation_points_to_the_translation_of_its_target(translated):
    """A relation is copied to the target's translation where it exists."""
    greek, english = translated
    save(
        greek["mentoring"],
        schema_of(greek["mentoring"]),
        partners=[relation(greek["athens"])],
    )
    [partner] = english["mentoring"].partners
    assert partner.to_object.UID() == english["athens"].UID()


def test_equal_relations_are_not_copied(translated):
    """A relation to a target's translation counts as equal to one to the
    target: nothing to copy."""
    greek, english = translated
    greek["webinar"].co_organisers = [relation(greek["athens"])]
    english["webinar"].co_organisers = [relation(english["athens"])]
    manager = ILanguageIndependentFieldsManager(greek["webinar"])
    assert manager.changed_fields(english["webinar"]) == []


def test_text_save_does_not_touch_translation(translated):
    greek, english = translated
    before = english["mentoring"].modified()
    save(
        greek["mentoring"],
        schema_of(greek["mentoring"]),
        context=RichTextValue("<p>Νέο κείμενο</p>", "text/html", "text/x-html-safe"),
    )
    assert english["mentoring"].context is None
    assert english["mentoring"].modified() == before


# Counted in the storage (functional layer: a DemoStorage per test)


def committed_serials(objects):
    return {key: obj._p_serial for key, obj in objects.items()}


@pytest.fixture
def committed(functional_translated, functional):
    greek, english = functional_translated
    transaction.commit()
    return greek, english, functional["app"]._p_jar.db()


@pytest.mark.parametrize("key", ["cities", "athens", "mentoring", "webinar"])
def test_text_save_writes_no_translation(committed, key):
    greek, english, db = committed
    serial = english[key]._p_serial
    source = greek[key]
    save(source, schema_of(source), description="Νέα περιγραφή")
    records = commit_and_count(db)
    written_oids = {oid for oid, _class in records}
    assert english[key]._p_oid not in written_oids
    assert english[key]._p_serial == serial
    assert greek[key]._p_oid in written_oids


@pytest.mark.parametrize(
    ("key", "name", "value"), [LI_CHANGES[i] for i in (0, 3, 4, 7)]
)
def test_li_save_writes_the_translation(committed, key, name, value):
    greek, english, db = committed
    serial = english[key]._p_serial
    save(greek[key], schema_of(greek[key]), **{name: value})
    written_oids = {oid for oid, _class in commit_and_count(db)}
    assert english[key]._p_oid in written_oids
    assert english[key]._p_serial != serial
    assert getattr(english[key], name) == value


def test_rest_patch_of_text_writes_no_translation(committed, http):
    """Over HTTP, with plone.app.multilingual's own subscriber active too."""
    greek, english, db = committed
    serials = committed_serials(english)
    client = http(json=True, auth=ADMIN)
    response = client.patch(
        greek["mentoring"].absolute_url(), json={"description": "Αλλαγμένη"}
    )
    assert response.status_code == 204, response.text
    records = {oid for oid, _class in written(db)}
    transaction.begin()
    assert committed_serials(english) == serials
    assert not records & {obj._p_oid for obj in english.values()}


def test_rest_patch_of_li_field_reaches_translation(committed, http):
    greek, english, db = committed
    client = http(json=True, auth=ADMIN)
    response = client.patch(
        greek["mentoring"].absolute_url(),
        json={"start_date": "2022-02-02", "thematic_areas": ["housing"]},
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert english["mentoring"].start_date == datetime.date(2022, 2, 2)
    assert english["mentoring"].thematic_areas == ["housing"]
    # Its catalogue entry follows.
    catalog = api.portal.get_tool("portal_catalog")
    [brain] = catalog(UID=english["mentoring"].UID())
    assert list(brain.thematic_areas) == ["housing"]
