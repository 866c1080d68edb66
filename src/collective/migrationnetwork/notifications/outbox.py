"""The outbox: every mail the portal sends, one record per recipient.

A mail is put in the outbox by the transaction that causes it (a review
transition, a membership decision, a subscription, the sending of a
newsletter), so that nothing leaves for a transaction that aborts: the
outbox is in the site's database, like the content. The deliverer
(``delivery.py``) takes what is due, sends it, and commits the outcome of
each message on its own, so that the delivery reports and *retry* read what
really happened.

Each record (``OutboxMessage``) has a key, stable for the recipient and its
cause (also the mail's Message-ID), the address, a status (pending, sent,
failed, skipped), the number of attempts, the reason of the last failure and
when it may be tried next. Its content is either the message itself
(``raw``, for a notification) or the name of a builder (``builder``, an
``IMessageBuilder`` utility) that makes it when it is sent: a newsletter
job keeps the mail of each language once, not one copy per subscriber.

Records belong to a ``group`` (the send job of a newsletter issue, or the
kind of a notification), whose counts and failures a report reads.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface import Interface

import time
import uuid


ANNOTATION_KEY = "collective.migrationnetwork.outbox"

PENDING = "pending"
SENT = "sent"
FAILED = "failed"
SKIPPED = "skipped"
STATUSES = (PENDING, SENT, FAILED, SKIPPED)


class IMessageBuilder(Interface):
    """Makes the mail of an outbox record when it is sent (a named
    utility; the record's ``builder`` is the name)."""

    def __call__(site, record):
        """``(from address, bytes)`` of the mail, or ``(None, reason)`` when
        it is no longer to be sent (the subscriber left)."""


class OutboxMessage(Persistent):
    """One mail to one recipient."""

    # Bulk mail (a newsletter) waits while other mail is due.
    bulk = False

    def __init__(
        self, key, to, group="", mfrom="", raw=None, builder="", data=None, bulk=False
    ):
        self.key = key
        if bulk:
            self.bulk = True
        self.to = to
        self.group = group
        self.mfrom = mfrom
        self.raw = raw
        self.builder = builder
        self.data = dict(data or {})
        self.status = PENDING
        self.attempts = 0
        self.reason = ""
        self.queued = time.time()
        self.next_attempt = self.queued
        self.done = None

    def as_dict(self):
        return {
            "key": self.key,
            "to": self.to,
            "group": self.group,
            "status": self.status,
            "attempts": self.attempts,
            "reason": self.reason,
            "queued": self.queued,
            "next_attempt": self.next_attempt if self.status == PENDING else None,
            "done": self.done,
        }


class Group(Persistent):
    """The records of one cause, by status."""

    def __init__(self, name):
        self.name = name
        self.started = time.time()
        self.finished = None
        self.keys = {status: OOTreeSet() for status in STATUSES}

    def count(self, status):
        return len(self.keys[status])

    def counts(self):
        return {status: self.count(status) for status in STATUSES}


class Outbox(Persistent):
    def __init__(self):
        self.messages = OOBTree()  # key -> OutboxMessage
        self.due = OOTreeSet()  # (next attempt, key) of pending records
        self.bulk_due = OOTreeSet()  # the same for bulk records
        self.groups = OOBTree()  # name -> Group
        self.pending = Length()

    # Putting in

    def add(self, record):
        """Queue ``record``, unless one with its key is there (a second
        send of the same mail to the same person); return the record kept."""
        existing = self.messages.get(record.key)
        if existing is not None:
            return existing
        self.messages[record.key] = record
        self._group(record.group).keys[record.status].add(record.key)
        if record.status == PENDING:
            self._due_of(record).add((record.next_attempt, record.key))
            self.pending.change(1)
        return record

    def _due_of(self, record):
        if not record.bulk:
            return self.due
        if getattr(self, "bulk_due", None) is None:
            # An outbox of the first release.
            self.bulk_due = OOTreeSet()
        return self.bulk_due

    def _group(self, name):
        group = self.groups.get(name)
        if group is None:
            group = self.groups[name] = Group(name)
        return group

    def get(self, key):
        return self.messages.get(key)

    # The deliverer's side

    def due_keys(self, now=None, limit=None):
        """Keys of the pending records due at ``now``, oldest first, those
        that are not bulk first."""
        now = time.time() if now is None else now
        found = []
        for due in (self.due, getattr(self, "bulk_due", None)):
            if not due:
                continue
            for _when, key in due.keys(max=(now, "\uffff")):  # noqa: SIM118
                if limit is not None and len(found) >= limit:
                    return found
                found.append(key)
        return found

    def next_due(self):
        """When the next pending record is due (None: nothing pending)."""
        firsts = [
            due.minKey()[0]
            for due in (self.due, getattr(self, "bulk_due", None))
            if due
        ]
        return min(firsts) if firsts else None

    def _move(self, record, status):
        group = self._group(record.group)
        if record.status == PENDING:
            self._due_of(record).remove((record.next_attempt, record.key))
            self.pending.change(-1)
        group.keys[record.status].remove(record.key)
        record.status = status
        group.keys[status].add(record.key)
        if status == PENDING:
            self._due_of(record).add((record.next_attempt, record.key))
            self.pending.change(1)
            if group.finished is not None:
                group.finished = None
        elif not group.keys[PENDING] and group.finished is None:
            group.finished = time.time()

    def mark_sent(self, record):
        record.attempts += 1
        record.reason = ""
        record.done = time.time()
        self._move(record, SENT)

    def mark_skipped(self, record, reason):
        record.reason = reason
        record.done = time.time()
        self._move(record, SKIPPED)

    def mark_failed(self, record, reason, count_attempt=True):
        if count_attempt:
            record.attempts += 1
        record.reason = reason
        record.done = time.time()
        self._move(record, FAILED)

    def defer(self, record, reason, delay):
        """A failure that may pass: try again in ``delay`` seconds."""
        record.attempts += 1
        record.reason = reason
        due = self._due_of(record)
        due.remove((record.next_attempt, record.key))
        record.next_attempt = time.time() + delay
        due.add((record.next_attempt, record.key))

    # The secretariat's side

    def retry(self, group):
        """Put the failed records of ``group`` back; return how many."""
        found = self.groups.get(group)
        if found is None:
            return 0
        keys = list(found.keys[FAILED])
        for key in keys:
            record = self.messages[key]
            record.attempts = 0
            record.next_attempt = time.time()
            self._move(record, PENDING)
        return len(keys)

    def records(self, group, status=None):
        found = self.groups.get(group)
        if found is None:
            return
        for each in (status,) if status else STATUSES:
            for key in found.keys[each]:
                yield self.messages[key]

    def counts(self, group):
        found = self.groups.get(group)
        return found.counts() if found is not None else dict.fromkeys(STATUSES, 0)

    def forget_address(self, address, replacement):
        """Erasure: ``address`` replaced in every record that has it."""
        for record in self.messages.values():
            if record.to == address:
                record.to = replacement
                record.raw = None
                record.data = {}
                if record.status == PENDING:
                    self.mark_skipped(record, "erased")


def get_outbox(portal=None, create=True):
    annotations = IAnnotations(portal or api.portal.get())
    outbox = annotations.get(ANNOTATION_KEY)
    if outbox is None and create:
        outbox = annotations[ANNOTATION_KEY] = Outbox()
    return outbox


def new_key(prefix="mail"):
    return f"{prefix}.{uuid.uuid4().hex}"
