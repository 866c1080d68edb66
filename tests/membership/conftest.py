"""Fixtures of the membership tests: people of the sample network and a
record of the membership events."""

from collective.migrationnetwork.membership.events import IApplicationReceived
from collective.migrationnetwork.membership.events import IMembershipApproved
from collective.migrationnetwork.membership.events import IMembershipDeclined
from membership.helpers import PEOPLE
from membership.helpers import make_people
from zope.component import getGlobalSiteManager

import pytest
import transaction


@pytest.fixture
def people(sample):
    make_people(sample)
    return PEOPLE


@pytest.fixture
def functional_people(functional_sample):
    make_people(functional_sample)
    transaction.commit()
    return PEOPLE


@pytest.fixture
def events():
    """The membership events fired during the test, in order. A global
    handler, so that it also sees what the functional server thread does."""
    fired = []
    registry = getGlobalSiteManager()

    def record(event):
        fired.append(event)

    for interface in (IApplicationReceived, IMembershipApproved, IMembershipDeclined):
        registry.registerHandler(record, (interface,))
    yield fired
    for interface in (IApplicationReceived, IMembershipApproved, IMembershipDeclined):
        registry.unregisterHandler(record, (interface,))
