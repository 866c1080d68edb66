"""The subscribers: a persistent store in the site, never in the catalogue.

An annotation of the portal holds a ``SubscriberStore``: an OOBTree of
``Subscriber`` records keyed by the normalised e-mail address, and the
secret that signs the tokens of the mails.
"""

from BTrees.OOBTree import OOBTree
from collective.migrationnetwork.validation import InvalidInput
from collective.migrationnetwork.validation import validate_email
from datetime import datetime
from datetime import timezone
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import secrets


ANNOTATION_KEY = "collective.migrationnetwork.newsletter.subscribers"

PENDING = "pending"
CONFIRMED = "confirmed"
UNSUBSCRIBED = "unsubscribed"
STATES = (PENDING, CONFIRMED, UNSUBSCRIBED)

# The version of the consent text a subscriber agreed to; change it when the
# text of ``label_newsletter_consent`` changes.
CONSENT_VERSION = "2026-11"


def now():
    return datetime.now(timezone.utc)


def normalise_email(value):
    """The e-mail as the store keys it (checked by the portal's one e-mail
    validator, in lower case), or None if it is not an address."""
    try:
        return validate_email(value).lower()
    except InvalidInput:
        return None


def store_key(value):
    """The key under which ``value`` may be stored: addresses subscribed
    before the validator was strict are still found (and can be erased)."""
    if not isinstance(value, str) or "@" not in value:
        return None
    return value.strip().lower() or None


class Subscriber(Persistent):
    """One subscriber; ``nonce`` is part of every token made for them, so
    that a new nonce (re-subscription after erasure) voids the old ones."""

    def __init__(self, email, language, thematic_areas=(), countries=()):
        self.email = email
        self.language = language
        self.thematic_areas = tuple(thematic_areas)
        self.countries = tuple(countries)
        self.state = PENDING
        self.created = now()
        self.confirmed_on = None
        self.unsubscribed_on = None
        self.consent_version = CONSENT_VERSION
        self.nonce = secrets.token_hex(4)

    def as_dict(self):
        return {
            "email": self.email,
            "language": self.language,
            "thematic_areas": list(self.thematic_areas),
            "countries": list(self.countries),
            "state": self.state,
            "created": self.created.isoformat(),
            "confirmed_on": self.confirmed_on.isoformat()
            if self.confirmed_on
            else None,
            "consent_version": self.consent_version,
        }


class SubscriberStore(Persistent):
    def __init__(self):
        self.secret = secrets.token_urlsafe(32)
        self.subscribers = OOBTree()

    def get(self, email):
        key = store_key(email)
        return self.subscribers.get(key) if key else None

    def add(self, subscriber):
        self.subscribers[subscriber.email] = subscriber
        return subscriber

    def remove(self, email):
        key = store_key(email)
        if key and key in self.subscribers:
            del self.subscribers[key]
            return True
        return False

    def values(self, state=None):
        for subscriber in self.subscribers.values():
            if state is None or subscriber.state == state:
                yield subscriber

    def __len__(self):
        return len(self.subscribers)

    def __contains__(self, email):
        return self.get(email) is not None


def get_store(portal=None, create=True):
    annotations = IAnnotations(portal or api.portal.get())
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = SubscriberStore()
    return store
