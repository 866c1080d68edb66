"""Who sees the dashboard and which networks' figures, over HTTP (REST,
the page, the CSV), with exact status codes."""

from review.review_people import auth

import pytest


CITIES = "Cities Network for Integration"
CYPRUS = "Cyprus local integration network"

# user -> the networks whose figures they see (None: refused).
WHO_SEES = {
    None: None,
    "member": None,
    "athens-editor": None,
    "cities-coordinator": [CITIES],
    "cyprus-coordinator": [CYPRUS],
    "secretary": [CITIES, CYPRUS],
}


def session_of(http, userid, json=True):
    return http(auth=auth(userid) if userid else None, json=json)


@pytest.mark.parametrize("userid", list(WHO_SEES))
@pytest.mark.parametrize("path", ["/el/@network-dashboard", "/@network-dashboard"])
def test_rest_dashboard_networks_by_role(functional_network, http, userid, path):
    response = session_of(http, userid).get(path)
    expected = WHO_SEES[userid]
    if expected is None:
        assert response.status_code == 401, response.text
        assert "networks" not in response.json()
        return
    assert response.status_code == 200, response.text
    answer = response.json()
    assert [n["title"] for n in answer["networks"]] == expected
    # The newsletter's figures are the secretariat's.
    assert ("newsletter" in answer) is (userid == "secretary")


@pytest.mark.parametrize("userid", list(WHO_SEES))
def test_page_and_personal_bar_by_role(functional_network, http, userid):
    session = session_of(http, userid, json=False)
    response = session.get("/el/@@network-dashboard")
    expected = WHO_SEES[userid]
    if expected is None:
        # Classic UI: Plone answers with its login form (anonymous) or its
        # "insufficient privileges" page, never the figures.
        assert "dashboard-network" not in response.text
        assert "figure-members" not in response.text
        return
    assert response.status_code == 200
    for title in (CITIES, CYPRUS):
        assert (f">{title}</a></h2>" in response.text) is (title in expected)
    home = session.get("/el")
    assert "/@@network-dashboard" in home.text


def test_personal_bar_has_no_link_for_members(functional_network, http):
    home = session_of(http, "athens-editor", json=False).get("/el")
    assert home.status_code == 200
    assert "/@@network-dashboard" not in home.text


def test_a_coordinator_never_gets_another_networks_csv(functional_network, http):
    secretary = session_of(http, "secretary")
    answer = secretary.get("/el/@network-dashboard").json()
    [cities] = [n for n in answer["networks"] if n["title"] == CITIES]
    chart = f"{cities['UID']}-members-country"
    own = session_of(http, "cities-coordinator", json=False).get(
        "/el/@@network-dashboard.csv", params={"chart": chart}
    )
    assert own.status_code == 200
    assert own.headers["Content-Type"].startswith("text/csv")
    other = session_of(http, "cyprus-coordinator", json=False).get(
        "/el/@@network-dashboard.csv", params={"chart": chart}
    )
    assert other.status_code == 404
    anonymous = http().get("/el/@@network-dashboard.csv", params={"chart": chart})
    assert not anonymous.headers["Content-Type"].startswith("text/csv")
    assert "Ελλάδα" not in anonymous.text


@pytest.mark.parametrize("period", ["13m", "1999", "3000", "x" * 50, "<b>"])
def test_a_bad_period_is_refused_naming_the_field(functional_network, http, period):
    response = session_of(http, "secretary").get(
        "/el/@network-dashboard", params={"period": period}
    )
    assert response.status_code == 400
    assert "period" in response.json()["message"]


def test_anonymous_keep_the_public_counts(functional_network, http):
    response = http(json=True).get("/el/@network-stats")
    assert response.status_code == 200
    assert response.json()["members_figures"] is False


def test_the_page_says_how_many_more_are_to_translate(
    functional_network, http, monkeypatch
):
    from collective.migrationnetwork.dashboard import translations

    monkeypatch.setattr(translations, "WORKLIST_LIMIT", 2)
    page = session_of(http, "secretary", json=False).get("/el/@@network-dashboard")
    assert page.status_code == 200
    answer = session_of(http, "secretary").get("/el/@network-dashboard").json()
    [english] = [
        w for w in answer["networks"][0]["translations"] if w["language"] == "en"
    ]
    assert len(english["missing"]) == 2
    more = english["missing_count"] + english["outdated_count"] - 2
    assert f"… και {more} ακόμη." in page.text
