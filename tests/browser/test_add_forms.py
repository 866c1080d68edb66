"""The Classic UI add forms of every type render with their fieldsets."""

from accounts import ADMIN

import pytest


@pytest.fixture
def admin(http):
    return http(auth=ADMIN)


@pytest.mark.parametrize(
    ("path", "portal_type", "fields"),
    [
        (
            "/el/networks",
            "Network",
            ["form.widgets.IDublinCore.title", "form.widgets.scope"],
        ),
        (
            "/el/organisations",
            "Organisation",
            [
                "form.widgets.kind",
                "form.widgets.country",
                "form.widgets.contact_points",
            ],
        ),
        (
            "/el/organisations/athens",
            "Practice",
            [
                "form.widgets.context",
                "form.widgets.thematic_areas",
                "form.widgets.partners",
                "form.widgets.indicators",
                "form.widgets.budget",
            ],
        ),
        (
            "/el/organisations/athens",
            "Training",
            [
                "form.widgets.IEventBasic.start",
                "form.widgets.format",
                "form.widgets.capacity",
            ],
        ),
        (
            "/el/newsletters",
            "Newsletter",
            ["form.widgets.featured", "form.widgets.issue_number"],
        ),
    ],
)
def test_add_form_renders(admin, functional_sample, path, portal_type, fields):
    response = admin.get(f"{path}/++add++{portal_type}")
    assert response.status_code == 200
    for field in fields:
        assert (
            f'id="{field.replace(".", "-")}' in response.text or field in response.text
        )


def test_greek_add_form_is_in_greek(admin, functional_sample):
    response = admin.get(
        "/el/organisations/athens/++add++Practice", headers={"Accept-Language": "el"}
    )
    assert "Θεματικές περιοχές" in response.text
    assert "Δυνατότητα μεταφοράς" in response.text
