"""The deliverer thread of a process, and the backlog.

Every web process runs a ``Deliverer`` (started when the database opens,
never under ``zconsole``: the site-creation step of ``make start`` claims
nothing), which delivers the outbox of each site whose lease it holds
(``lease.py``), so that a deployment of several processes keeps
delivering when one of them stops. ``MAIL_DELIVERY`` turns it off (``0``)
or on under ``zconsole`` (``1``).
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications import delivery
from collective.migrationnetwork.notifications.lease import LEASE_KEY
from collective.migrationnetwork.notifications.lease import identity
from collective.migrationnetwork.notifications.lease import release_lease
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.registrations.erasure import run_due as anonymise_due
from plone import api
from Products.CMFCore.interfaces import ISiteRoot
from zope.annotation.interfaces import IAnnotations
from zope.component import hooks

import atexit
import os
import sys
import threading
import time
import transaction


# Seconds between two looks at the outbox when nothing is due.
INTERVAL = 2.0


def _sites(app):
    for site in app.objectValues() if app is not None else ():
        if ISiteRoot.providedBy(site):
            yield site


class Deliverer(threading.Thread):
    """Delivers the outboxes of every site of ``db`` whose lease it
    holds."""

    def __init__(self, db, interval=None):
        super().__init__(name="mail deliverer", daemon=True)
        self.db = db
        self.interval = INTERVAL if interval is None else interval
        self.me = identity()
        self.tm = transaction.TransactionManager()
        self.stopping = threading.Event()
        self.pause = 0.0

    def run(self):
        logger.info("Mail deliverer %s started", self.me)
        while not self.stopping.is_set():
            wait = self.interval
            try:
                failing = self.run_once()
            except Exception:
                logger.exception("Mail deliverer: a pass failed")
                failing = True
            if failing:
                self.pause = min(
                    max(self.pause * 2, delivery.RETRY_DELAY), delivery.MAX_PAUSE
                )
                wait = max(wait, self.pause)
                logger.warning(
                    "Mail deliverer: the mail server fails; pausing %d s", wait
                )
            else:
                self.pause = 0.0
            self.stopping.wait(wait)
        self.release()

    def run_once(self):
        """One pass over every site; True if the mail server fails."""
        failing = False
        connection = self.db.open(transaction_manager=self.tm)
        try:
            self.tm.begin()
            for site in list(_sites(connection.root().get("Application"))):
                with hooks.site(site):
                    _sent, in_a_row = delivery.deliver_due(
                        site,
                        self.me,
                        self.tm,
                        stop=self.stopping,
                        duty=delivery.DUTY,
                    )
                    # Once a day: the registrations of trainings past their
                    # retention period are anonymised.
                    anonymise_due(site, self.tm)
                failing = failing or in_a_row >= delivery.PAUSE_AFTER
        finally:
            self.tm.abort()
            connection.close()
        return failing

    def release(self):
        try:
            connection = self.db.open(transaction_manager=self.tm)
        except Exception:  # noqa: BLE001 - the database is closed already
            return
        try:
            self.tm.begin()
            for site in list(_sites(connection.root().get("Application"))):
                release_lease(site, self.me, self.tm)
        except Exception:
            logger.exception("Mail deliverer: could not release the lease")
        finally:
            self.tm.abort()
            connection.close()

    def stop(self, wait=True, timeout=15.0):
        self.stopping.set()
        if wait and self.is_alive():
            self.join(timeout)


_lock = threading.Lock()
_deliverers = {}  # id(db) -> Deliverer


def enabled(environ=None):
    """``MAIL_DELIVERY``: ``0`` never delivers, ``1`` always; unset, every
    process delivers but those of ``zconsole`` (scripts, the console)."""
    environ = os.environ if environ is None else environ
    value = environ.get("MAIL_DELIVERY", "").strip().lower()
    if value in ("0", "off", "false", "no"):
        return False
    if value in ("1", "on", "true", "yes"):
        return True
    return "Zope2.utilities.zconsole" not in sys.modules


def start(db, interval=None):
    """Run a Deliverer for ``db`` in this process (one per database)."""
    with _lock:
        deliverer = _deliverers.get(id(db))
        if deliverer is None or not deliverer.is_alive():
            deliverer = _deliverers[id(db)] = Deliverer(db, interval)
            deliverer.start()
    return deliverer


def stop_all(wait=True):
    with _lock:
        deliverers = list(_deliverers.values())
        _deliverers.clear()
    for deliverer in deliverers:
        deliverer.stop(wait)


atexit.register(stop_all)


def start_at_startup(event):
    """IDatabaseOpenedWithRoot: deliver in this process unless told not to."""
    if enabled():
        start(event.database)
    else:
        logger.info("Mail is not delivered by this process (MAIL_DELIVERY)")


def backlog(site=None):
    """What waits in the outbox, for the README's status view."""
    site = site or api.portal.get()
    outbox = get_outbox(site, create=False)
    lease = IAnnotations(site).get(LEASE_KEY)
    now = time.time()
    info = {
        "pending": outbox.pending() if outbox is not None else 0,
        "due": len(outbox.due_keys(now)) if outbox is not None else 0,
        "next_due_in": None,
        "deliverer": None,
        "groups": {},
    }
    if outbox is not None:
        nxt = outbox.next_due()
        info["next_due_in"] = max(0.0, round(nxt - now, 1)) if nxt else None
        for name, group in outbox.groups.items():
            info["groups"][name] = dict(group.counts(), finished=group.finished)
    if lease is not None and lease.holder and lease.expires > now:
        info["deliverer"] = {"holder": lease.holder, "expires_in": lease.expires - now}
    return info
