"""CSV of any network search, read back with the csv module."""

from collective.migrationnetwork.services.feeds import search as feed_search
from collective.migrationnetwork.services.feeds.spreadsheet import COLUMNS
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import csv
import io
import pytest
import transaction


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def rows(response):
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())  # BOM
    text = response.content.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames) == COLUMNS
    return list(reader)


def slugs(found):
    return sorted(row["url"].rsplit("/", 1)[1] for row in found)


@pytest.mark.parametrize("lang", ["el", "en"])
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"portal_type": "Practice"}, ["housing-help", "job-mentoring"]),
        ({"portal_type": "Practice", "countries": "CY"}, ["housing-help"]),
        ({"portal_type": "Training", "upcoming": "true"}, ["webinar"]),
        ({"portal_type": "Organisation", "kind": ["ngo", "university"]}, ["cardet", "nicosia-university"]),
        ({"portal_type": "Newsletter"}, ["issue-1"]),
        ({"SearchableText": "Nicosia"}, ["nicosia-university", "study-visit"]),
    ],
)  # fmt: skip
def test_csv_has_the_filtered_rows(bilingual, browser, lang, params, expected):
    assert (
        slugs(rows(browser.get(f"/{lang}/network-search.csv", params=params)))
        == expected
    )


@pytest.mark.parametrize(
    ("lang", "country", "theme", "kind"),
    [("el", "Κύπρος", "Στέγαση", "Πιλοτικό έργο"), ("en", "Cyprus", "Housing", "Pilot project")],
)  # fmt: skip
def test_csv_values_are_titles_in_the_language(
    bilingual, browser, lang, country, theme, kind
):
    params = {"portal_type": "Practice", "countries": "CY"}
    (row,) = rows(browser.get(f"/{lang}/network-search.csv", params=params))
    assert row["title"] == "Housing help desk"
    assert row["type"] == "Practice"
    assert row["uid"] == api.content.get_uuid(bilingual[lang]["housing"])
    assert row["organisation"] == "University of Nicosia"
    assert row["organisation_country"] == country
    assert row["thematic_areas"] == theme
    assert row["kind"] == kind
    assert row["review_state"] == "published"
    assert row["target_groups"].count("; ") == 1  # two values in one cell
    assert row["start"] == row["format"] == ""


def test_csv_of_trainings_has_dates(bilingual, browser):
    params = {"portal_type": "Training"}
    found = {
        r["url"].rsplit("/", 1)[1]: r
        for r in rows(browser.get("/el/network-search.csv", params=params))
    }
    assert found["webinar"]["start"] == bilingual["el"]["webinar"].start.isoformat()
    assert found["study-visit"]["location"] == "Nicosia"


def test_csv_holds_every_row_not_one_batch(bilingual, browser):
    athens = bilingual["el"]["athens"]
    with api.env.adopt_roles(["Manager"]):
        for number in range(45):
            practice = api.content.create(
                container=athens,
                type="Practice",
                id=f"practice-{number}",
                title=f"Practice {number}",
                kind="tool",
            )
            api.content.transition(practice, to_state="published")
    transaction.commit()
    params = {"portal_type": "Practice"}
    assert len(rows(browser.get("/el/network-search.csv", params=params))) == 47
    # ... while the REST answer is one batch (20 by default)
    body = browser.get(
        "/el/@network-search", params=params, headers={"Accept": "application/json"}
    ).json()
    assert (body["items_total"], len(body["items"])) == (47, 20)


def test_csv_over_the_limit_asks_to_narrow_or_page(bilingual, browser, monkeypatch):
    monkeypatch.setattr(feed_search, "EXPORT_LIMIT", 1)
    params = {"portal_type": "Practice"}
    response = browser.get("/el/network-search.csv", params=params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == "b_size"
    assert "2 items match" in error["message"]
    # pages of the export are there for those who ask
    first = rows(
        browser.get("/el/network-search.csv", params={**params, "b_size": "1"})
    )
    second = rows(
        browser.get(
            "/el/network-search.csv", params={**params, "b_size": "1", "b_start": "1"}
        )
    )
    assert slugs(first + second) == ["housing-help", "job-mentoring"]


def test_csv_from_the_rest_endpoint(bilingual, browser):
    params = {"portal_type": "Practice", "thematic_areas": "housing"}
    via_view = rows(browser.get("/el/network-search.csv", params=params))
    via_accept = rows(
        browser.get(
            "/el/@network-search", params=params, headers={"Accept": "text/csv"}
        )
    )
    assert via_view == via_accept
    bad = browser.get(
        "/el/@network-search", params={"b_size": "x"}, headers={"Accept": "text/csv"}
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["parameter"] == "b_size"


@pytest.mark.parametrize(
    ("auth", "expected"),
    [
        (None, ["housing-help", "job-mentoring"]),
        (ADMIN, ["draft-practice", "housing-help", "job-mentoring"]),
    ],
)
def test_csv_honours_workflow_security(bilingual, http, auth, expected):
    session = http(auth=auth)
    found = rows(
        session.get("/el/network-search.csv", params={"portal_type": "Practice"})
    )
    assert slugs(found) == expected


def test_csv_cells_are_no_formulas(bilingual, browser):
    practice = bilingual["el"]["mentoring"]
    with api.env.adopt_roles(["Manager"]):
        practice.title = '=HYPERLINK("http://evil.example")'
        practice.description = "+1 mentor per family"
        practice.reindexObject()
    transaction.commit()
    params = {"portal_type": "Practice", "countries": "GR"}
    (row,) = rows(browser.get("/el/network-search.csv", params=params))
    assert row["title"] == '\'=HYPERLINK("http://evil.example")'
    assert row["description"] == "'+1 mentor per family"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"b_size": "100001"}, "b_size"),
        ({"countries": "Atlantis"}, "countries"),
        ({"sort_on": "price"}, "sort_on"),
        ({"facets": "colour"}, "facets"),
        ({"page": "2"}, "page"),
    ],
)
def test_csv_bad_parameter(bilingual, browser, params, parameter):
    response = browser.get("/el/network-search.csv", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
