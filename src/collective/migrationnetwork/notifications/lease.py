"""The lease: which process delivers a site's outbox.

Exactly one deliverer works on a site at a time, whatever the number of
processes on its database: the one that holds the site's lease, a small
record in the database (holder, expiry) that its holder renews while it
delivers. A holder whose lease expired, or that is known to be dead (a
process of this host whose id is gone, or this very process id with
another token: the id was reused), is replaced by the next deliverer that
looks. Two that look at once both write the lease: one of them gets a
conflict and stands back.
"""

from collective.migrationnetwork import logger
from persistent import Persistent
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations

import os
import socket
import time
import uuid


LEASE_KEY = "collective.migrationnetwork.outbox.lease"

# Seconds a lease lasts; renewed when less than half of it is left, and
# always longer than a send may take (zope.sendmail's time-out is 10 s).
LEASE = 60.0

# This process, for the lease: host, process id and a token, so that a
# process that got the id of a dead one is told apart from it.
TOKEN = uuid.uuid4().hex[:12]


def identity():
    return f"{socket.gethostname()}:{os.getpid()}:{TOKEN}"


class Lease(Persistent):
    holder = None
    expires = 0.0


def get_lease(site):
    annotations = IAnnotations(site)
    lease = annotations.get(LEASE_KEY)
    if lease is None:
        lease = annotations[LEASE_KEY] = Lease()
    return lease


def is_dead(holder):
    """True if ``holder`` is a process of this host that is gone."""
    try:
        host, pid, token = holder.split(":")
        pid = int(pid)
    except ValueError:
        return False
    if host != socket.gethostname():
        return False
    if pid == os.getpid():
        return token != TOKEN
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def hold_lease(site, me, tm):
    """True if ``me`` holds the site's lease (taking or renewing it and
    committing if needed)."""
    lease = get_lease(site)
    now = time.time()
    if lease.holder == me and lease.expires - now > LEASE / 2:
        return True
    if (
        lease.holder not in (None, me)
        and lease.expires > now
        and not is_dead(lease.holder)
    ):
        return False
    if lease.holder != me:
        logger.info(
            "Mail of %s: delivered by %s (was %s)", site.getId(), me, lease.holder
        )
    lease.holder = me
    lease.expires = now + LEASE
    try:
        tm.commit()
    except ConflictError:
        tm.abort()
        return False
    return True


def release_lease(site, me, tm):
    """Give up the site's lease if ``me`` holds it (a clean stop)."""
    lease = IAnnotations(site).get(LEASE_KEY)
    if lease is not None and lease.holder == me:
        lease.holder = None
        lease.expires = 0.0
        tm.commit()
