"""Fixtures of the workflow tests.

``matrix`` is the permission-matrix layer (tests/workflows/matrix_layer.py):
its own fixture names, so that the other tests of this folder keep the
``integration`` and ``functional`` fixtures of tests/conftest.py.
"""

from pytest_plone import fixtures_factory
from workflows.matrix_layer import MATRIX_INTEGRATION_TESTING


# keep_session=False: the layer is torn down after the matrix tests, so
# that its content never shows in the other folders' tests.
globals().update(
    fixtures_factory(
        ((MATRIX_INTEGRATION_TESTING, "matrix"),),
        keep_session=False,
    )
)
