"""Fixtures of the review tests: the sample network with its people."""

from review.review_people import make_people

import pytest
import transaction


@pytest.fixture
def people(sample):
    return make_people(sample)


@pytest.fixture
def functional_people(functional_sample):
    people = make_people(functional_sample)
    transaction.commit()
    return people
