"""A plain English Plone site, as an integrator's is before they add the
add-on: its own layer, torn down after the tests of this folder."""

from collective.migrationnetwork.testing import PLAIN_FUNCTIONAL_TESTING
from pytest_plone import fixtures_factory

import pytest


globals().update(
    fixtures_factory(
        ((PLAIN_FUNCTIONAL_TESTING, "functional"),),
        keep_session=False,
    )
)


@pytest.fixture
def _keep_integration_session():
    """Shadows the autouse fixture that would keep this folder's layer set
    up for the whole session."""
