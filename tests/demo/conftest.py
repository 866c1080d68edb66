"""The demo content is loaded once, in a layer of its own; every test of
this folder starts from it, and its changes are rolled back."""

from collective.migrationnetwork.demo.testing import DEMO_INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


# The ``portal`` fixture of the tests in this folder has the demo content.
# The layer is torn down after them (keep_session=False): layers with the
# same base share its database stack, so a demo layer left set up would
# show the demo content to the tests of the other folders.
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


@pytest.fixture
def demo(integration):
    """What the layer's load of the demo content returned."""
    return integration["demo_summary"]
