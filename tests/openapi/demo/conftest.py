"""The demo content, loaded once in a layer of its own (as in tests/demo):
torn down after these tests so that other folders never see it."""

from collective.migrationnetwork.demo.testing import DEMO_INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


globals().update(
    fixtures_factory(
        ((DEMO_INTEGRATION_TESTING, "integration"),),
        keep_session=False,
    )
)


@pytest.fixture
def _keep_integration_session():
    """Shadows the autouse fixture of tests/conftest.py, which would keep
    this folder's layer set up for the whole session."""
