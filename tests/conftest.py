from collective.migrationnetwork.testing import FUNCTIONAL_TESTING
from collective.migrationnetwork.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import os
import pytest
import sys
import transaction


sys.path.insert(0, os.path.dirname(__file__))


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def sample(portal):
    """The known sample network of tests/content_builders.py, in /el."""
    from content_builders import build_sample

    return build_sample(portal)


@pytest.fixture
def functional_sample(functional):
    """The same sample, committed so that a functional test's HTTP client
    sees it."""
    from content_builders import build_sample

    objects = build_sample(functional["portal"])
    transaction.commit()
    return objects
