"""Two transactions that register for the same training at once conflict
(the later is retried by the publisher and sees the place taken): the
store's counts are not conflict-resolving."""

from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import Registration
from collective.migrationnetwork.registrations.store import registrations_of
from ZODB.POSException import ConflictError
from zope.component import hooks

import pytest
import transaction


def open_training(db, path):
    tm = transaction.TransactionManager()
    connection = db.open(transaction_manager=tm)
    app = connection.root()["Application"]
    return tm, connection, app.unrestrictedTraverse(path)


def test_concurrent_registrations_conflict(functional, training):
    db = functional["app"]._p_jar.db()
    path = "/".join(training.getPhysicalPath())
    # The store exists already, as it does after the first registration.
    registrations_of(training)
    transaction.commit()
    sessions = [open_training(db, path) for _ in range(2)]
    try:
        for number, (tm, _connection, obj) in enumerate(sessions):
            tm.begin()
            portal = obj.unrestrictedTraverse("/plone")
            with hooks.site(portal):
                store = registrations_of(obj)
                record = Registration(f"r{number}", f"p{number}@example.org", {}, "el")
                store.add(record, CONFIRMED)
        sessions[0][0].commit()
        with pytest.raises(ConflictError):
            sessions[1][0].commit()
    finally:
        for tm, connection, _obj in sessions:
            tm.abort()
            connection.close()
    transaction.begin()
    assert registrations_of(training).counts[CONFIRMED] == 1
