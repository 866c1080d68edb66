"""A persistent rate limit of applications per e-mail and per client address.

Stored in the site (an annotation of the portal), not in memory, so that it
holds across restarts and across the processes of a cluster. Addresses are
never stored as such: each is kept as an HMAC with a secret of the store
(an IPv4 address hashed without a secret could be found again by trying
them all). Only the hits of the last window are kept: every call first
forgets what has expired, so the store never grows beyond one window's
worth of applications.
"""

from BTrees.OOBTree import OOBTree
from collective.migrationnetwork import _
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import hashlib
import hmac
import math
import secrets
import time


ANNOTATION_KEY = "collective.migrationnetwork.membership.ratelimit"

# At most LIMIT applications per e-mail and per client address in WINDOW
# seconds.
LIMIT = 3
WINDOW = 3600

RATE_LIMITED = _(
    "error_join_rate_limited",
    default="We have received several applications from you in "
    "the last hour. Please try again later.",
)


class RateLimited(Exception):
    """Too many applications; ``retry_after`` is in seconds."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


class RateLimitStore(Persistent):
    def __init__(self):
        self.secret = secrets.token_bytes(32)
        # key -> tuple of timestamps (the hits of the window)
        self.hits = OOBTree()
        # (timestamp, key) -> None, to forget in order of age
        self.by_time = OOBTree()

    def key(self, kind, address):
        digest = hmac.new(
            self.secret, f"{kind}:{address}".encode(), hashlib.sha256
        ).hexdigest()
        return f"{kind}:{digest}"

    def forget_before(self, cutoff):
        expired = list(self.by_time.keys(max=(cutoff,)))
        for timestamp, key in expired:
            del self.by_time[(timestamp, key)]
            left = tuple(t for t in self.hits.get(key, ()) if t >= cutoff)
            if left:
                self.hits[key] = left
            elif key in self.hits:
                del self.hits[key]

    def __len__(self):
        return len(self.hits)


def get_store(portal=None, create=True):
    annotations = IAnnotations(portal or api.portal.get())
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = RateLimitStore()
    return store


def hit(addresses, limit=LIMIT, window=WINDOW, now=None):
    """Count one application for each of ``addresses`` ((kind, address)
    pairs; empty addresses are left out).

    Raises ``RateLimited`` and counts nothing if any of them already has
    ``limit`` applications in the last ``window`` seconds.
    """
    now = time.time() if now is None else now
    store = get_store()
    store.forget_before(now - window)
    keys = [store.key(kind, address) for kind, address in addresses if address]
    for key in keys:
        recent = store.hits.get(key, ())
        if len(recent) >= limit:
            retry_after = math.ceil(min(recent) + window - now)
            raise RateLimited(max(retry_after, 1))
    for key in set(keys):
        store.hits[key] = (*store.hits.get(key, ()), now)
        store.by_time[(now, key)] = None
