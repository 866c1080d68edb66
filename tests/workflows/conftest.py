"""Fixtures of the workflow tests.

``matrix`` and ``matrix_functional`` are the permission-matrix layers
(tests/workflows/matrix_layer.py), integration and over HTTP, with
fixture names of their own, so that the other tests of this folder keep the
``integration`` and ``functional`` fixtures of tests/conftest.py.
"""

from pytest_plone import fixtures_factory
from workflows.matrix_layer import MATRIX_FUNCTIONAL_TESTING
from workflows.matrix_layer import MATRIX_INTEGRATION_TESTING


# keep_session=False: the layer is torn down after the matrix tests, so
# that its content never shows in the other folders' tests.
globals().update(
    fixtures_factory(
        (
            (MATRIX_INTEGRATION_TESTING, "matrix"),
            (MATRIX_FUNCTIONAL_TESTING, "matrix_functional"),
        ),
        keep_session=False,
    )
)
