"""What a commit writes: the records of the last transaction of the test's
DemoStorage (the functional layer stacks one per test)."""

from ZODB.utils import get_pickle_metadata

import transaction


def written(db):
    """``[(oid, "module.Class")]`` of the last committed transaction."""
    storage = db.storage
    tid = storage.lastTransaction()
    records = []
    for txn in storage.changes.iterator(tid, tid):
        for record in txn:
            module, klass = get_pickle_metadata(record.data)
            records.append((record.oid, f"{module}.{klass}"))
    return records


def commit_and_count(db):
    """Commit; the records written, as above."""
    transaction.commit()
    return written(db)
