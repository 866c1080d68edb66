"""Personal data of registrations: erasure and anonymisation.

- ``erase(email)``: the secretariat erases a person. Each of their
  registrations, in every training, stays as a pseudonymous record
  ("Erased registrant 3f2a"), with its status and attendance, so that the
  counts hold; their name, e-mail address, free-text organisation,
  position, needs and user id are gone, a new nonce voids every link of
  *my registration* sent before, and their registration mails in the
  outbox lose the address and the message (those still pending, such as
  the reminder, are not sent).
- ``anonymise_expired()``: the same for every registration of the
  trainings that ended more than ``registration_retention_months`` ago
  (the add-on's control panel; 24 by default).
- ``run_due(site, tm)``: the outbox's deliverer thread, which runs in
  every web process, calls it on each pass; it anonymises at most once a
  day per process. ``make anonymise-registrations`` runs the same job by
  hand (``scripts/anonymise_registrations.py``).

Both are idempotent: an erased record is never touched again, and a
training whose registrations were all anonymised is marked so and skipped
without reading its records. Neither needs the 1012 profile: without the
registry record the default retention applies.

What stays of a person: the country and a member organisation (an
organisation of the network, the site's own content, not the person's
words), so that "people trained by country and organisation" on the
dashboard keep their figures; a free-text organisation is removed.
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications.outbox import PENDING
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.registrations.mail import GROUP
from collective.migrationnetwork.registrations.mail import reminder_key
from collective.migrationnetwork.registrations.settings import retention_months
from collective.migrationnetwork.registrations.store import all_registrations
from collective.migrationnetwork.registrations.store import normalise_email
from collective.migrationnetwork.registrations.store import now
from collective.migrationnetwork.registrations.store import registrations_by_key
from DateTime import DateTime
from dateutil.relativedelta import relativedelta
from plone import api
from ZODB.POSException import ConflictError

import secrets
import time


# The name of an erased registrant (data, like the rest of the record,
# the same in every language); the reference is the start of the record's
# random id: it tells records apart, never one person's records together.
PSEUDONYM = "Erased registrant {ref}"
# What an erased registrant's mails in the outbox are addressed to.
ERASED_ADDRESS = "erased"
# Seconds between two runs of the anonymisation in one process.
INTERVAL = 24 * 3600


def pseudonym(record):
    return PSEUDONYM.format(ref=record.id[:4])


def _anonymise(store, record):
    """Replace the personal fields of ``record`` of ``store``; returns
    the key of its reminder in the outbox."""
    reminder = reminder_key(record)
    if store.by_email.get(record.email) == record.id:
        del store.by_email[record.email]
    record.name = pseudonym(record)
    record.email = ""
    if not record.organisation_uid:
        record.organisation = ""
    record.position = ""
    record.needs = ""
    record.userid = ""
    record.nonce = secrets.token_hex(4)
    record.erased = True
    record.erased_on = now()
    store.changed(record)
    return reminder


def _forget_mails(portal, addresses, reminders):
    """The registration mails of ``addresses`` lose address and message
    (pending ones are skipped), and the ``reminders`` are not sent."""
    outbox = get_outbox(portal, create=False)
    if outbox is None:
        return
    for key in reminders:
        found = outbox.get(key)
        if found is not None and found.status == PENDING:
            outbox.mark_skipped(found, "erased")
    if not addresses:
        return
    for found in list(outbox.records(GROUP)):
        if found.to in addresses:
            found.to = ERASED_ADDRESS
            found.raw = None
            found.data = {}
            if found.status == PENDING:
                outbox.mark_skipped(found, "erased")


def registrations_of_person(email, portal=None):
    """``[(store, record)]``: the registrations of ``email`` not erased yet,
    in every training."""
    key = normalise_email(email)
    if key is None:
        return []
    found = []
    for store in all_registrations(portal):
        record = store.find(key)
        if record is not None and not record.erased:
            found.append((store, record))
    return found


def trainings_by_key(keys, language=None):
    """``{key: brain}`` of the trainings whose registrations are kept under
    ``keys`` (a translation group: the brain in ``language`` if there is
    one)."""
    keys = list(keys)
    if not keys:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for index in ("TranslationGroup", "UID"):
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Training", **{index: keys}
        ):
            key = brain.TranslationGroup if index == "TranslationGroup" else brain.UID
            if key not in found or brain.Language == language:
                found[key] = brain
    return found


def preview(email, language=None):
    """What ``erase(email)`` would erase: ``[{"title", "url", "status"}]``,
    by title (a training removed since has no title or URL)."""
    found = registrations_of_person(email)
    brains = trainings_by_key([store.key for store, _record in found], language)
    items = []
    for store, record in found:
        brain = brains.get(store.key)
        items.append(
            {
                "title": brain.Title if brain is not None else "",
                "url": brain.getURL() if brain is not None else "",
                "status": record.status,
            }
        )
    return sorted(items, key=lambda item: item["title"])


def erase(email, portal=None):
    """Erase the registrations of ``email`` in every training; returns how
    many were erased (0 the second time, or for no address)."""
    key = normalise_email(email)
    found = registrations_of_person(key, portal) if key else []
    reminders = [_anonymise(store, record) for store, record in found]
    if found:
        _forget_mails(portal, {key}, reminders)
        logger.info("Registrations: %d registrations of a person erased", len(found))
    return len(found)


def expired_keys(portal=None, months=None, moment=None):
    """The keys of the trainings that ended more than ``months`` before
    ``moment`` (all translations of each)."""
    months = months or retention_months()
    cutoff = DateTime((moment or now()) - relativedelta(months=months))
    catalog = api.portal.get_tool("portal_catalog")

    def keys(**query):
        return {
            brain.TranslationGroup or brain.UID
            for brain in catalog.unrestrictedSearchResults(
                portal_type="Training", **query
            )
        }

    old = keys(end={"query": cutoff, "range": "max"})
    # A translation that ends later keeps the registrations they share.
    return old - keys(end={"query": cutoff, "range": "min"}) if old else old


def anonymise_expired(portal=None, months=None, moment=None):
    """Anonymise the registrations of the trainings that ended more than
    ``months`` (the setting) ago; returns how many records were."""
    count = 0
    addresses = set()
    reminders = []
    for key in sorted(expired_keys(portal, months, moment)):
        store = registrations_by_key(key, portal=portal)
        if store is None or getattr(store, "anonymised", False):
            continue
        for record in list(store.values()):
            if record.erased:
                continue
            addresses.add(record.email)
            reminders.append(_anonymise(store, record))
            count += 1
        store.anonymised = True
    if count:
        # The address of someone registered for a later training keeps
        # its mails.
        for store in all_registrations(portal):
            addresses.difference_update(store.by_email.keys())
        _forget_mails(portal, addresses, reminders)
        logger.info(
            "Registrations: %d registrations of ended trainings anonymised", count
        )
    return count


# site path -> when this process last anonymised it
_last_runs = {}


def run_due(site, tm, clock=time.time):
    """Anonymise the registrations of ``site`` (the current site) if this
    process did not for a day, and commit; for the deliverer's thread.
    A conflict leaves it to the next pass. Returns the count, or None when
    nothing was run."""
    path = "/".join(site.getPhysicalPath())
    started = clock()
    if started - _last_runs.get(path, 0.0) < INTERVAL:
        return None
    try:
        count = anonymise_expired(site)
        if count:
            tm.get().note(f"Anonymise the registrations of ended trainings ({count})")
        tm.commit()
    except ConflictError:
        tm.abort()
        return None
    except Exception:
        tm.abort()
        logger.exception("Registrations: the anonymisation failed")
        count = None
    _last_runs[path] = started
    return count
