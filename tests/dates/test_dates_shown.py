"""Where the portal shows a time other than an item's own dates: the
newsletter's issue date in the mail, the delivery report, the join
application's consent, the review history and queue. Each goes through the
one date helper: the portal's zone, 24-hour times, day-month-year, the
month's name in the reader's language; never a raw ISO time."""

from collective.migrationnetwork.browser.membership.viewlet import ApplicationViewlet
from collective.migrationnetwork.browser.review.history import ReviewHistoryViewlet
from collective.migrationnetwork.browser.review.queue import ReviewQueueView
from collective.migrationnetwork.browser.views.newsletter import NewsletterView
from collective.migrationnetwork.newsletter import compose
from DateTime import DateTime
from plone import api

import datetime
import pytest


# 08:05 UTC on a winter day is 10:05 in Athens.
STAMP = "2026-12-02T08:05:09.123456+00:00"


@pytest.fixture(autouse=True)
def athens_portal(portal):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Athens")
    return portal


@pytest.fixture
def greek(request_):
    request_["LANGUAGE"] = "el"
    return request_


@pytest.fixture
def request_(portal):
    return portal.REQUEST


@pytest.fixture
def issue(portal):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["el"]["newsletters"],
            type="Newsletter",
            id="winter",
            title="Χειμερινό τεύχος",
            issue_number=5,
            issue_date=datetime.date(2026, 12, 2),
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("el", "2 Δεκεμβρίου 2026"), ("en", "2 December 2026")],
)
def test_the_issue_date_in_the_mail(issue, language, expected):
    rendered = compose.render(issue, language)
    assert expected in rendered.html
    assert expected in rendered.text
    assert "2026-12-02" not in rendered.html + rendered.text


def test_the_delivery_report_times(issue, greek):
    view = NewsletterView(issue, greek)
    assert view.when(STAMP) == "2 Δεκεμβρίου 2026, 10:05"
    assert view.iso(STAMP) == "2026-12-02T10:05:09+02:00"


def test_the_consent_time_of_an_application(issue, greek):
    viewlet = ApplicationViewlet(issue, greek, None, None)
    assert viewlet.when(STAMP) == "2 Δεκεμβρίου 2026, 10:05"
    assert ".123456" not in viewlet.iso(STAMP)


def test_the_review_queue_time(portal, greek):
    view = ReviewQueueView(portal, greek)
    entry = {"since": DateTime("2027/01/20 09:00:00 UTC")}
    assert view.since(entry) == "20 Ιανουαρίου 2027, 11:00"
    assert view.since({"since": None}) == ""


def test_the_review_history_time(issue, greek):
    viewlet = ReviewHistoryViewlet(issue, greek, None, None)
    workflow = api.portal.get_tool("portal_workflow")
    entry = viewlet._entry(
        workflow,
        {
            "action": None,
            "review_state": "draft",
            "actor": "admin",
            "time": DateTime("2027/01/20 09:00:00 UTC"),
        },
    )
    assert entry["time"] == "20 Ιανουαρίου 2027, 11:00"
