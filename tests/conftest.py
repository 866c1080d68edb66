from collective.migrationnetwork.testing import FUNCTIONAL_TESTING
from collective.migrationnetwork.testing import INTEGRATION_TESTING
from plone.restapi.testing import RelativeSession
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
def http(functional):
    """Open HTTP sessions on the functional test site.

    ``http()`` is an anonymous browser, ``http(json=True)`` a REST client,
    ``http(auth=ADMIN)`` logs in; every session is closed afterwards.
    """
    sessions = []

    def open_session(auth=None, json=False):
        session = RelativeSession(functional["portal"].absolute_url())
        session.headers["Accept"] = "application/json" if json else "text/html"
        if auth:
            session.auth = auth
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.close()


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
