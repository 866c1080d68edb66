"""Fixtures of the dashboard's tests: the sample network, its people
(tests/review/review_people.py) and a generated network around them."""

from dashboard.network_builder import build_network
from review.review_people import make_people

import pytest
import transaction


@pytest.fixture
def network(portal, sample):
    people = make_people(sample)
    expected = build_network(portal, sample)
    return {"sample": sample, "people": people, "expected": expected}


@pytest.fixture
def functional_network(functional, functional_sample):
    portal = functional["portal"]
    people = make_people(functional_sample)
    expected = build_network(portal, functional_sample)
    transaction.commit()
    return {"sample": functional_sample, "people": people, "expected": expected}


# The storage-load recorder of the listings' test, for the dashboard's.
from search.test_network_search_loads import recorder  # noqa: E402, F401
