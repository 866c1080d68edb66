"""The Practice's add and edit forms, as an organisation's editor meets them
in Greek: the classification on the first tab, help on every field, no
*required* mark where nothing is required, the buttons after every tab."""

from accounts import ADMIN
from collective.migrationnetwork.content.practice import CLASSIFICATION
from collective.migrationnetwork.content.practice import IPractice
from collective.migrationnetwork.roles.groups import add_editor
from lxml import html as lxml_html
from plone import api
from zope.schema import getFieldNames

import json
import pytest
import transaction


EDITOR = ("athens-practice-editor", "practice-Secret-1")
GREEK = {"Accept-Language": "el"}
FIRST = ("IDublinCore.title", "IDublinCore.description", *CLASSIFICATION)
SECTIONS = (
    "context",
    "objectives",
    "activities",
    "results",
    "evaluation",
    "transferability",
    "lessons_learned",
    "resources",
)


@pytest.fixture
def editor(http, functional, functional_sample):
    """A session of an editor of the Athens organisation."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="practice-editor@example.org",
            username=EDITOR[0],
            password=EDITOR[1],
        )
        add_editor(functional_sample["athens"], EDITOR[0])
    transaction.commit()
    return http(auth=EDITOR)


@pytest.fixture
def add_form(editor):
    response = editor.get("/el/organisations/athens/++add++Practice", headers=GREEK)
    assert response.status_code == 200, response.text[:300]
    page = lxml_html.fromstring(response.text)
    dump(page, "add")
    return page


@pytest.fixture
def edit_form(editor, functional_sample):
    practice = functional_sample["draft"]
    path = "/".join(practice.getPhysicalPath()[2:])
    response = editor.get(f"/{path}/edit", headers=GREEK)
    assert response.status_code == 200, response.text[:300]
    return lxml_html.fromstring(response.text)


def dump(page, name):
    """The page as rendered, for a look when a test fails."""
    with open(f"/tmp/practice-{name}.html", "wb") as out:
        out.write(lxml_html.tostring(page))


def form_of(page):
    (form,) = page.xpath("//form[@id='form']")
    return form


def fieldsets(page):
    return form_of(page).xpath("./fieldset")


def field_names(fieldset):
    return [
        div.get("data-fieldname").removeprefix("form.widgets.")
        for div in fieldset.xpath(".//div[@data-fieldname]")
        if "datagridwidget" not in (div.get("data-fieldname") or "")
        and ".AA." not in div.get("data-fieldname")
        and ".TT." not in div.get("data-fieldname")
    ]


def legend(fieldset):
    return fieldset.xpath("./legend")[0].text_content().strip()


@pytest.mark.parametrize("page", ["add_form", "edit_form"])
def test_first_fieldset_holds_the_classification(request, page):
    first = fieldsets(request.getfixturevalue(page))[0]
    names = field_names(first)
    assert names[: len(FIRST)] == list(FIRST)
    assert legend(first) == "Βασικά στοιχεία"


def test_thematic_areas_and_target_groups_are_checkboxes(add_form):
    first = fieldsets(add_form)[0]
    for name in ("thematic_areas", "target_groups"):
        boxes = first.xpath(
            f".//input[@type='checkbox'][@name='form.widgets.{name}:list']"
        )
        assert len(boxes) >= 9, name
    countries = first.xpath(".//*[@name='form.widgets.countries']")
    assert countries, "no countries widget"
    assert "pat-select2" in countries[0].get("class")


def test_text_sections_on_one_tab_in_the_template_order(add_form):
    tabs = {fieldset.get("id"): fieldset for fieldset in fieldsets(add_form)}
    assert field_names(tabs["fieldset-write_up"]) == list(SECTIONS)
    assert legend(tabs["fieldset-write_up"]) == "Περιγραφή"


def test_every_field_of_the_practice_has_help(add_form):
    """Every field of the schema, and the title and summary, says what to
    write (a help text under its label)."""
    form = form_of(add_form)
    expected = [f"form.widgets.{name}" for name in getFieldNames(IPractice)]
    expected += [
        "form.widgets.IDublinCore.title",
        "form.widgets.IDublinCore.description",
    ]
    for name in expected:
        (wrapper,) = form.xpath(f".//div[@data-fieldname='{name}']")
        help_texts = wrapper.xpath("./div[contains(@class, 'form-text')]")
        assert help_texts, name
        assert help_texts[0].text_content().strip(), name


def test_no_required_mark_on_optional_fields(add_form):
    """Only title and kind are required; no other label, column header or
    input is marked, so mockup marks no tab but the first as required."""
    form = form_of(add_form)
    marked = set()
    for fieldset in fieldsets(add_form):
        if fieldset.xpath(
            ".//label//*[contains(@class, 'required')] | .//*[@required]"
        ):
            marked.add(fieldset.get("id"))
        for mark in fieldset.xpath(".//label//*[contains(@class, 'required')]"):
            wrapper = mark.xpath("ancestor::div[@data-fieldname][1]")[0]
            marked.add(wrapper.get("data-fieldname"))
    assert marked == {
        "fieldset-default",
        "form.widgets.IDublinCore.title",
        "form.widgets.kind",
    }
    (indicators,) = form.xpath(".//div[@data-fieldname='form.widgets.indicators']")
    # What mockup's autotoc looks for to mark a tab as required.
    assert not indicators.xpath(".//label//*[contains(@class, 'required')]")
    assert not indicators.xpath(".//*[@required]")


@pytest.mark.parametrize("page", ["add_form", "edit_form"])
def test_buttons_come_after_every_fieldset(request, page):
    form = form_of(request.getfixturevalue(page))
    children = list(form)
    (controls,) = form.xpath("./div[contains(@class, 'formControls')]")
    last_fieldset = form.xpath("./fieldset")[-1]
    assert children.index(controls) > children.index(last_fieldset)
    # No field after the buttons, and none outside a fieldset.
    assert not controls.xpath("following::div[@data-fieldname]")
    assert not form.xpath("./div[@data-fieldname] | ./div[contains(@class, 'row')]")


def test_first_legend_is_not_default(add_form):
    first = fieldsets(add_form)[0]
    assert legend(first) not in ("Default", "Προεπιλεγμένο", "Προεπιλογή")


def test_dates_read_day_month_year(add_form):
    (start,) = form_of(add_form).xpath(".//input[@name='form.widgets.start_date']")
    options = json.loads(start.get("data-pat-date-picker"))
    assert options["behavior"] == "styled"
    assert options["output-format"] == "DD/MM/YYYY"
    assert options["i18n"].endswith("/@@date-picker-i18n?language=el")


def test_date_picker_names_in_greek(http, functional):
    response = http().get("/@@date-picker-i18n?language=el")
    assert response.status_code == 200
    names = response.json()
    assert names["months"][0] == "Ιανουάριος"
    assert names["weekdays"][0] == "Κυριακή"
    assert len(names["weekdaysShort"]) == 7
    assert names["previousMonth"] == "Προηγούμενος μήνας"


def test_saving_from_the_add_form_keeps_the_values(editor, add_form):
    """The rearranged form still saves what it shows."""
    response = editor.post(
        "/el/organisations/athens/++add++Practice",
        headers=GREEK,
        data={
            "form.widgets.IDublinCore.title": "Δοκιμαστική πρακτική",
            "form.widgets.kind:list": "pilot_project",
            "form.widgets.kind-empty-marker": "1",
            "form.widgets.thematic_areas:list": ["housing"],
            "form.widgets.countries": "GR;CY",
            "form.widgets.start_date": "2026-03-01",
            "form.buttons.save": "Αποθήκευση",
            "_authenticator": form_of(add_form).xpath(
                ".//input[@name='_authenticator']/@value"
            )[0],
        },
    )
    assert response.status_code == 200, response.text[:300]
    transaction.begin()
    (brain,) = api.content.find(portal_type="Practice", Title="Δοκιμαστική")
    practice = brain.getObject()
    assert practice.kind == "pilot_project"
    assert practice.thematic_areas == ["housing"]
    assert sorted(practice.countries) == ["CY", "GR"]
    assert str(practice.start_date) == "2026-03-01"


def test_organisation_contact_points_carry_no_required_mark(http, functional_sample):
    """The same optional grid on the Organisation's form: its tab is not
    marked required by the *Role* column of the rows."""
    response = http(auth=ADMIN).get("/el/organisations/++add++Organisation")
    assert response.status_code == 200
    page = lxml_html.fromstring(response.text)
    (contacts,) = form_of(page).xpath("./fieldset[@id='fieldset-contacts']")
    assert not contacts.xpath(".//label//*[contains(@class, 'required')]")
    assert not contacts.xpath(".//*[@required]")
