"""A plain English Plone site, as an integrator's is before they add the
add-on: its own layer, torn down after the tests of this folder."""

from collective.migrationnetwork.testing import PLAIN_FUNCTIONAL_TESTING
from pytest_plone import fixtures_factory

import os
import pytest


# The plain site's layer cannot be set up while the portal's layers are
# (they share the database stack of their base and the server's port): the
# tests of this folder run in a session of their own, which make test and
# make test-plone61 start with INTEGRATOR_TESTS=1. The backup drill runs
# there too: it opens FileStorages of its own, which passes alone and failed
# after the portal's layers in one session.
if os.environ.get("INTEGRATOR_TESTS") != "1":
    collect_ignore = ["test_integrator_site.py", "test_backup_drill.py"]


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
