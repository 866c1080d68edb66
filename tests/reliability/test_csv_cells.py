"""Issue #15, formula injection in the subscriber export: one function
neutralises formula cells in every CSV the portal writes."""

from accounts import ADMIN
from collective.migrationnetwork import spreadsheet
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import Subscriber
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import now

import csv
import io
import pytest
import transaction


FORMULAS = [
    "=cmd|'/Ccalc'!a0@example.org",
    "=2+5@example.org",
    "-1+1@example.org",
    "+1@example.org",
    "@SUM(1+1)@example.org",
]


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_safe_cell_neutralises_every_formula_prefix(prefix):
    assert spreadsheet.safe_cell(f"{prefix}1+1") == f"'{prefix}1+1"


@pytest.mark.parametrize("value", ["a=1", "1-2", "name@example.org", "", None, 3])
def test_safe_cell_keeps_other_values(value):
    assert spreadsheet.safe_cell(value) == ("" if value is None else str(value))


def test_writer_neutralises_every_cell():
    out = io.StringIO()
    spreadsheet.writer(out).writerow(["=1", "ok", "-2", None])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1", "ok", "'-2", ""]


def test_the_feeds_use_the_shared_writer():
    """No CSV writer of the portal's own: the search feed and the
    subscribers' export both write through ``spreadsheet.writer``."""
    from collective.migrationnetwork.newsletter import manage
    from collective.migrationnetwork.services.feeds import spreadsheet as feed

    assert not hasattr(feed, "csv")
    assert not hasattr(manage, "csv")


@pytest.fixture
def formula_subscribers(functional):
    store = get_store(functional["portal"])
    for email in FORMULAS:
        subscriber = store.add(Subscriber(email.lower(), "en"))
        subscriber.state = CONFIRMED
        subscriber.confirmed_on = now()
    transaction.commit()


@pytest.mark.parametrize(
    "url", ["en/@subscribers?format=csv", "en/@@newsletter-subscribers?format=csv"]
)
def test_subscriber_export_has_no_formula(http, formula_subscribers, url):
    answer = http(auth=ADMIN, json="@@" not in url).get(url)
    assert answer.status_code == 200
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    emails = sorted(row["email"] for row in rows)
    assert emails == sorted(f"'{e.lower()}" for e in FORMULAS)
    for row in rows:
        for value in row.values():
            assert not value.startswith(spreadsheet.FORMULA_PREFIXES), row
