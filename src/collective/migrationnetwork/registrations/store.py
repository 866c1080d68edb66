"""The registrations of trainings: persistent records, never content.

An annotation of the portal holds an OOBTree of ``TrainingRegistrations``,
one per training, keyed by the training's translation group (the Greek and
the English page of a training share their places), else its UID. Copying a
training copies no personal data; nothing here is ever catalogued.

Concurrency: every change of a training's registrations writes its
``TrainingRegistrations`` object itself (``sequence`` and ``counts`` are
plain attributes, not conflict-resolving ``BTrees.Length``), so two
transactions that register for the same training at the same time
conflict, and the publisher retries the later one, which then sees the
places the first took. Capacity is never exceeded, whatever the number of
concurrent requests.
"""

from BTrees.OOBTree import OOBTree
from collective.migrationnetwork.validation import InvalidInput
from collective.migrationnetwork.validation import validate_email
from datetime import datetime
from datetime import timezone
from persistent import Persistent
from plone import api
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations

import secrets


ANNOTATION_KEY = "collective.migrationnetwork.registrations"

PENDING = "pending"  # waits for the organisers' approval (moderation)
CONFIRMED = "confirmed"
WAITING = "waiting"  # on the waiting list
WITHDRAWN = "withdrawn"
DECLINED = "declined"
STATUSES = (PENDING, CONFIRMED, WAITING, WITHDRAWN, DECLINED)
# What a registration holds a place or a claim to.
ACTIVE = (PENDING, CONFIRMED, WAITING)
COUNTED = (*STATUSES, "attended")

# The version of the consent text a registrant agreed to; change it when
# the text of ``label_registration_consent`` changes.
CONSENT_VERSION = "2026-12"

# The fields a registrant gives, with their longest length.
FIELDS = {
    "name": 200,
    "email": 254,
    "organisation": 300,
    "position": 200,
    "country": 2,
    "needs": 2000,
}


def now():
    return datetime.now(timezone.utc)


def normalise_email(value):
    try:
        return validate_email(value).lower()
    except InvalidInput:
        return None


class Registration(Persistent):
    """One person's registration for one training."""

    attended = None  # None: not marked; True / False once marked
    erased = False  # True once pseudonymous (``erasure``)
    erased_on = None

    def __init__(self, rid, email, data, language, userid=""):
        self.id = rid
        self.email = email
        self.name = data.get("name", "")
        self.organisation = data.get("organisation", "")
        self.organisation_uid = data.get("organisation_uid", "")
        self.position = data.get("position", "")
        self.country = data.get("country", "")
        self.needs = data.get("needs", "")
        self.language = language
        self.userid = userid
        self.consent_version = CONSENT_VERSION
        self.status = None
        self.sequence = 0
        self.created = self.modified = now()
        # Part of every token made for this registration: a new nonce
        # (erasure) voids the links sent before.
        self.nonce = secrets.token_hex(4)

    def as_dict(self, position=None):
        return {
            "id": self.id,
            "name": self.name,
            "email": self.email,
            "organisation": self.organisation,
            "position": self.position,
            "country": self.country,
            "needs": self.needs,
            "language": self.language,
            "status": self.status,
            "waiting_position": position,
            "attended": self.attended,
            "consent_version": self.consent_version,
            "created": self.created.isoformat(),
            "modified": self.modified.isoformat(),
        }


class TrainingRegistrations(Persistent):
    """The registrations of one training."""

    # True once the retention period is over and every record was
    # anonymised (``erasure.anonymise_expired``).
    anonymised = False

    def __init__(self, key):
        self.key = key
        self.records = OOBTree()  # id -> Registration
        self.by_email = OOBTree()  # normalised e-mail -> id
        self.sequence = 0
        self.counts = dict.fromkeys(COUNTED, 0)

    def get(self, rid):
        return self.records.get(rid) if isinstance(rid, str) else None

    def find(self, email):
        rid = self.by_email.get(email) if email else None
        return self.records.get(rid) if rid else None

    def values(self, status=None):
        for record in self.records.values():
            if status is None or record.status == status:
                yield record

    def add(self, record, status):
        self.records[record.id] = record
        self.by_email[record.email] = record.id
        self.set_status(record, status)

    def set_status(self, record, status):
        """Every change goes through here, so that the counts hold and the
        store object is written (and concurrent changes conflict)."""
        counts = dict(self.counts)
        if record.status is not None:
            counts[record.status] -= 1
        counts[status] += 1
        self.sequence += 1
        record.sequence = self.sequence
        record.status = status
        record.modified = now()
        if record.attended and status != CONFIRMED:
            record.attended = None
            counts["attended"] -= 1
        self.counts = counts

    def set_attended(self, record, attended):
        counts = dict(self.counts)
        counts["attended"] += int(bool(attended)) - int(bool(record.attended))
        record.attended = attended
        self.counts = counts
        self.changed(record)

    def changed(self, record):
        """``record`` changed otherwise (its needs)."""
        record.modified = now()
        self.sequence += 1

    def taken(self):
        """Places taken: the confirmed and those who wait for approval."""
        return self.counts[CONFIRMED] + self.counts[PENDING]

    def waiting(self):
        """The waiting list, first come first."""
        return sorted(self.values(WAITING), key=lambda record: record.sequence)

    def waiting_position(self, record):
        if record.status != WAITING:
            return None
        return 1 + sum(
            1 for other in self.values(WAITING) if other.sequence < record.sequence
        )


def training_key(training):
    """The key of a training's registrations: its translation group."""
    try:
        from plone.app.multilingual.interfaces import ITG

        key = ITG(training, None)
    except ImportError:  # pragma: no cover
        key = None
    return key or IUUID(training, None)


def _root(portal=None, create=True):
    annotations = IAnnotations(portal or api.portal.get())
    root = annotations.get(ANNOTATION_KEY)
    if root is None and create:
        root = annotations[ANNOTATION_KEY] = OOBTree()
    return root


def registrations_of(training, create=True, portal=None):
    """The ``TrainingRegistrations`` of ``training`` (None if it has none
    and ``create`` is false)."""
    return registrations_by_key(training_key(training), create, portal)


def registrations_by_key(key, create=False, portal=None):
    root = _root(portal, create)
    if root is None or not key:
        return None
    found = root.get(key)
    if found is None and create:
        found = root[key] = TrainingRegistrations(key)
    return found


def all_registrations(portal=None):
    root = _root(portal, create=False)
    return root.values() if root is not None else ()


def new_id():
    return secrets.token_hex(8)
