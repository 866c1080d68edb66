"""Managing subscribers: counts, CSV export and erasure, for the newsletter
editors and the secretariat only; the delivery report likewise."""

from collective.migrationnetwork.newsletter.store import PENDING
from collective.migrationnetwork.newsletter.store import get_store
from newsletter_helpers import add_subscriber

import csv
import io
import pytest
import transaction


PASSWORD = "a-long-secret-1"  # noqa: S105
ALLOWED = [("petros", PASSWORD), ("sofia", PASSWORD), ("admin", "secret")]
REFUSED = [(None, 401), (("member", PASSWORD), 403)]


@pytest.fixture
def subscribers(people):
    add_subscriber("el1@example.gr", "el", ["housing"], ["GR"])
    add_subscriber("el2@example.gr", "el", ["housing", "health"], ["GR"])
    add_subscriber("en1@example.org", "en", [], ["CY"])
    add_subscriber("waiting@example.org", "en", state=PENDING)
    transaction.commit()


def session_for(http, auth, **kwargs):
    from accounts import ADMIN

    if auth and auth[0] == "admin":
        auth = ADMIN
    return http(auth=auth, **kwargs) if auth else http(**kwargs)


@pytest.mark.parametrize("auth", ALLOWED)
@pytest.mark.parametrize("path", ["en", "el"])
def test_counts(subscribers, http, auth, path):
    response = session_for(http, auth, json=True).get(f"{path}/@subscribers")
    assert response.status_code == 200, response.text
    counts = response.json()
    assert counts["confirmed"] == 3
    assert counts["by_language"] == {"el": 2, "en": 1}
    assert counts["by_thematic_area"] == {"housing": 2, "health": 1, "": 1}
    assert counts["by_country"] == {"GR": 2, "CY": 1}
    assert counts["by_state"]["pending"] == 1


@pytest.mark.parametrize(("auth", "status"), REFUSED)
@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("get", "en/@subscribers", {}),
        ("get", "en/@subscribers?format=csv", {}),
        ("delete", "en/@subscribers?email=el1@example.gr", {}),
    ],
)
def test_refused(subscribers, http, auth, status, method, path, kwargs):
    session = session_for(http, auth, json=True)
    response = getattr(session, method)(path, **kwargs)
    assert response.status_code == status
    assert "el1@example.gr" not in response.text
    transaction.begin()
    assert len(get_store()) == 4


@pytest.mark.parametrize(("auth", "status"), REFUSED)
def test_pages_refused(subscribers, http, auth, status):
    session = session_for(http, auth)
    response = session.get("en/@@newsletter-subscribers", allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    assert "el1@example.gr" not in response.text
    csv_response = session.get(
        "en/@@newsletter-subscribers?format=csv", allow_redirects=False
    )
    assert "el1@example.gr" not in csv_response.text


@pytest.mark.parametrize("auth", ALLOWED)
def test_csv_export(subscribers, http, auth):
    session = session_for(http, auth, json=True)
    response = session.get("en/@subscribers", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["email"] for r in rows) == [
        "el1@example.gr",
        "el2@example.gr",
        "en1@example.org",
    ]
    row = next(r for r in rows if r["email"] == "el2@example.gr")
    assert row["thematic_areas"] == "housing health"
    assert row["language"] == "el"
    assert row["confirmed_on"]
    page = session_for(http, auth).get("en/@@newsletter-subscribers?format=csv")
    assert page.content.decode("utf-8-sig") == text


def test_erase(subscribers, http):
    session = session_for(http, ("petros", PASSWORD), json=True)
    response = session.delete("en/@subscribers", params={"email": "EL1@example.gr"})
    assert response.status_code == 204
    transaction.begin()
    assert get_store().get("el1@example.gr") is None
    again = session.delete("en/@subscribers", params={"email": "el1@example.gr"})
    assert again.status_code == 404
    bad = session.delete("en/@subscribers", params={"email": "nonsense"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "email"


def test_subscribers_page(subscribers, http):
    from test_browser import form_fields
    from test_browser import page

    session = session_for(http, ("petros", PASSWORD))
    tree = page(session.get("en/@@newsletter-subscribers"))
    assert "3" in tree.xpath("//p[@class='newsletter-confirmed']/strong")[0].text
    hidden = form_fields(tree, "//form[.//input[@name='email']]")
    erased = session.post(
        "en/@@newsletter-subscribers",
        data=dict(hidden, email="en1@example.org", **{"form.erase": "1"}),
    )
    assert erased.status_code == 200
    transaction.begin()
    assert get_store().get("en1@example.org") is None


def test_erasure_reaches_the_delivery_reports(integration):
    from collective.migrationnetwork.newsletter import manage
    from collective.migrationnetwork.newsletter import sending
    from collective.migrationnetwork.notifications.outbox import get_outbox
    from plone import api

    portal = integration["portal"]
    add_subscriber("keep@example.org")
    add_subscriber("forget@example.org")
    with api.env.adopt_roles(["Manager"]):
        issue = api.content.create(
            container=portal["en"]["newsletters"], type="Newsletter", id="i", title="I"
        )
        job = sending.create_job(issue)
    assert job.report()["recipients"] == 2
    assert manage.erase("Forget@Example.org")
    assert get_store().get("forget@example.org") is None
    assert "forget@example.org" not in job.recipients
    outbox = get_outbox()
    addresses = {record.to for record in outbox.records(job.group)}
    assert "forget@example.org" not in addresses
    assert manage.pseudonym("forget@example.org") in addresses
    assert job.report()["recipients"] == 2
    # The erased subscriber's mail is not sent.
    assert job.report()["pending"] == 1
    assert job.report()["skipped"] == 1
    assert not manage.erase("forget@example.org")
