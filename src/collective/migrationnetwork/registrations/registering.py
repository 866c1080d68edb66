"""The rules of registering for a training, in one place.

Shared by the REST service (``services/registrations``) and the Classic UI
(``browser/registrations``). Every function raises ``RegistrationInvalid``
naming the fields in error, ``RegistrationRefused`` when the training does
not take the registration (closed, past the deadline, started, full), or
``RateLimited``; nothing is stored when one of them is raised.

A registration is confirmed while places are left; then, if the training
has a waiting list, it waits there with its position; with moderation it
waits for the organisers' approval. A second registration of the same
address for the same training changes nothing and answers as the first
did; its owner is mailed the link to *my registration*.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.dates import localize
from collective.migrationnetwork.dates import zone_of
from collective.migrationnetwork.membership import ratelimit
from collective.migrationnetwork.registrations import mail
from collective.migrationnetwork.registrations.store import ACTIVE
from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import DECLINED
from collective.migrationnetwork.registrations.store import FIELDS
from collective.migrationnetwork.registrations.store import PENDING
from collective.migrationnetwork.registrations.store import WAITING
from collective.migrationnetwork.registrations.store import WITHDRAWN
from collective.migrationnetwork.registrations.store import Registration
from collective.migrationnetwork.registrations.store import new_id
from collective.migrationnetwork.registrations.store import normalise_email
from collective.migrationnetwork.registrations.store import now
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.validation import bad_characters
from collective.migrationnetwork.vocabularies.standard import country_names
from dataclasses import dataclass
from plone import api
from plone.app.event.base import dt_end_of_day
from plone.event.interfaces import IEventAccessor
from zope.i18nmessageid import Message


# Registrations per e-mail and per client address in ratelimit.WINDOW.
RATE_LIMIT_EMAIL = 5
RATE_LIMIT_IP = 60

ERROR_REQUIRED = _("error_registration_required", default="Please fill in this field.")
ERROR_EMAIL = _("error_registration_email", default="Enter a valid e-mail address.")
ERROR_TOO_LONG = _(
    "error_registration_too_long", default="At most ${max} characters, please."
)
ERROR_TEXT = _(
    "error_registration_text",
    default="This text contains characters that are not allowed.",
)
ERROR_COUNTRY = _("error_registration_country", default="Choose a country of the list.")
ERROR_CONSENT = _(
    "error_registration_consent",
    default="Please agree to the processing of your data for this registration.",
)
ERROR_STATUS = _("error_registration_status", default="Unknown status: ${value}.")
ERROR_UNKNOWN_FIELD = _("error_registration_unknown_field", default="Unknown field.")
ERROR_ATTENDED = _(
    "error_registration_attended",
    default="Attendance is marked for confirmed registrations, once the "
    "training has started.",
)

CLOSED = _("registration_closed", default="Registration for this training is not open.")
DEADLINE_PASSED = _(
    "registration_deadline_passed",
    default="The registration deadline of this training has passed.",
)
STARTED = _(
    "registration_started",
    default="This training has already started; registration is closed.",
)
FULL = _("registration_full", default="This training is full.")
FULL_APPROVE = _(
    "registration_full_approve",
    default="No place is left: increase the capacity or withdraw someone first.",
)

MSG_CONFIRMED = _(
    "msg_registration_confirmed",
    default="Your registration is confirmed. We have sent you an e-mail with "
    "the details and a link to your registration.",
)
MSG_WAITING = _(
    "msg_registration_waiting",
    default="The training is full: you are number ${position} on the waiting "
    "list. We will write to you if a place becomes free.",
)
MSG_PENDING = _(
    "msg_registration_pending",
    default="Thank you. The organisers will review your registration; we "
    "will write to you with their answer.",
)
MSG_WITHDRAWN = _(
    "msg_registration_withdrawn",
    default="This registration has been withdrawn.",
)
MSG_DECLINED = _(
    "msg_registration_declined",
    default="The organisers could not accept this registration.",
)
CONSENT_TEXT = _(
    "label_registration_consent",
    default="I agree that the organisers of this training, the coordinators "
    "of its networks and the secretariat process the data of this "
    "registration to run the training, and that it is anonymised after the "
    "retention period.",
)


class RegistrationInvalid(Exception):
    """Bad input: ``errors`` is a list of (field, message)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class RegistrationRefused(Exception):
    """The training does not take this registration: ``message``."""

    def __init__(self, message, reason):
        super().__init__(reason)
        self.message = message
        self.reason = reason


@dataclass
class Outcome:
    """What became of a registration (``registration`` None when the
    honeypot was filled)."""

    status: str
    position: int | None
    registration: Registration | None

    def message(self):
        return status_message(self.status, self.position)


def status_message(status, position=None):
    if status == WAITING:
        return Message(MSG_WAITING, mapping={"position": position})
    return {
        CONFIRMED: MSG_CONFIRMED,
        PENDING: MSG_PENDING,
        WITHDRAWN: MSG_WITHDRAWN,
        DECLINED: MSG_DECLINED,
    }[status]


# Input


def _text(data, name, errors, required=False):
    value = data.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.append((name, ERROR_TEXT))
        return ""
    value = value.strip()
    if required and not value:
        errors.append((name, ERROR_REQUIRED))
    elif len(value) > FIELDS[name]:
        errors.append((name, Message(ERROR_TOO_LONG, mapping={"max": FIELDS[name]})))
    elif bad_characters(value):
        errors.append((name, ERROR_TEXT))
    return value


def consented(value):
    return value is True or (
        isinstance(value, str) and value.strip().lower() in ("true", "on", "1", "yes")
    )


def member_organisation(value):
    """``(uid, title)`` of the organisation of the network whose UID or
    title is ``value``, else None (then ``value`` is a free-text name)."""
    if not value:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    if len(value) == 32 and value.isalnum():
        for brain in catalog(portal_type="Organisation", UID=value):
            return brain.UID, brain.Title
    for brain in catalog(portal_type="Organisation", sort_on="sortable_title"):
        if brain.Title == value:
            return brain.UID, brain.Title
    return None


def validate(data):
    """The registrant's fields of ``data``, checked and trimmed; raises
    ``RegistrationInvalid`` naming every field in error."""
    errors = []
    clean = {name: _text(data, name, errors, name == "name") for name in FIELDS}
    email = normalise_email(data.get("email"))
    if email is None:
        errors = [(n, m) for n, m in errors if n != "email"]
        errors.append(("email", ERROR_EMAIL))
    clean["email"] = email
    if clean["country"] and clean["country"].upper() not in country_names("en"):
        errors.append(("country", ERROR_COUNTRY))
    clean["country"] = clean["country"].upper()
    found = member_organisation(clean["organisation"])
    if found:
        clean["organisation_uid"], clean["organisation"] = found
    if not consented(data.get("consent")):
        errors.append(("consent", ERROR_CONSENT))
    if errors:
        raise RegistrationInvalid(errors)
    return clean


def needs_of(data):
    errors = []
    value = _text(data, "needs", errors)
    if errors:
        raise RegistrationInvalid(errors)
    return value


def registrant(context):
    """``(language, userid)`` of who registers for ``context`` now."""
    language = api.portal.get_current_language(context=context)
    if api.user.is_anonymous():
        return language, ""
    return language, api.user.get_current().getId()


# The training's settings


def training_start(training):
    accessor = IEventAccessor(training, None)
    return localize(accessor.start) if accessor is not None and accessor.start else None


def deadline_of(training):
    """The registration deadline as an aware datetime (a naive one is a
    wall time of the training's zone; midnight means the end of that day)."""
    value = getattr(training, "registration_deadline", None)
    if value is None:
        return None
    deadline = localize(value, zone_of(training))
    if (deadline.hour, deadline.minute, deadline.second) == (0, 0, 0):
        deadline = dt_end_of_day(deadline)
    return deadline


def check_open(training, moment=None):
    """Raise ``RegistrationRefused`` unless ``training`` takes
    registrations at ``moment``."""
    moment = moment or now()
    if not getattr(training, "registration_open", False):
        raise RegistrationRefused(CLOSED, "closed")
    deadline = deadline_of(training)
    if deadline is not None and moment > deadline:
        raise RegistrationRefused(DEADLINE_PASSED, "deadline")
    start = training_start(training)
    if start is not None and moment >= start:
        raise RegistrationRefused(STARTED, "started")


def has_started(training, moment=None):
    start = training_start(training)
    return start is not None and (moment or now()) >= start


def capacity_of(training):
    capacity = getattr(training, "capacity", None)
    return capacity if isinstance(capacity, int) and capacity >= 0 else None


def places_left(training, store=None):
    """Places left (None: no limit)."""
    capacity = capacity_of(training)
    if capacity is None:
        return None
    store = store if store is not None else registrations_of(training, create=False)
    taken = store.taken() if store is not None else 0
    return max(capacity - taken, 0)


def is_open(training):
    try:
        check_open(training)
    except RegistrationRefused:
        return False
    return True


# Registering


def _status_for_new(training, store):
    left = places_left(training, store)
    if left is None or left > 0:
        return PENDING if getattr(training, "moderated", False) else CONFIRMED
    if getattr(training, "waiting_list", False):
        return WAITING
    raise RegistrationRefused(FULL, "full")


def register(training, data, client_ip="", language="", userid="", honeypot=None):
    """Register ``data`` for ``training``; returns an ``Outcome``. The
    mails go out with the transaction."""
    clean = validate(data)
    check_open(training)
    ratelimit.hit(
        [("registration-ip", client_ip)],
        limit=RATE_LIMIT_IP,
    )
    ratelimit.hit([("registration-email", clean["email"])], limit=RATE_LIMIT_EMAIL)
    store = registrations_of(training)
    existing = store.find(clean["email"])
    if honeypot:
        logger.info("Registration: honeypot filled, nothing stored")
        if existing is not None and existing.status in ACTIVE:
            return Outcome(existing.status, store.waiting_position(existing), None)
        status = _status_for_new(training, store)
        return Outcome(
            status, len(store.waiting()) + 1 if status == WAITING else None, None
        )
    if existing is not None and existing.status in ACTIVE:
        mail.send_link(training, existing)
        return Outcome(existing.status, store.waiting_position(existing), existing)
    status = _status_for_new(training, store)
    if existing is not None:
        # Registering again after withdrawing: the same record, anew.
        registration = existing
        for name, value in clean.items():
            setattr(registration, name, value)
        registration.language = language or registration.language
        registration.userid = userid or registration.userid
        registration.created = now()
        store.set_status(registration, status)
    else:
        registration = Registration(new_id(), clean["email"], clean, language, userid)
        store.add(registration, status)
    mail.send_status(training, registration, store)
    return Outcome(status, store.waiting_position(registration), registration)


def _promote(training, store):
    """Give free places to the waiting list, first come first."""
    promoted = []
    for record in store.waiting():
        left = places_left(training, store)
        if left is not None and left <= 0:
            break
        status = PENDING if getattr(training, "moderated", False) else CONFIRMED
        store.set_status(record, status)
        promoted.append(record)
        mail.send_status(training, record, store, promoted=True)
    return promoted


def promote_after_edit(training, event):
    """A training edited (its capacity raised, its moderation or waiting
    list changed): the first waiting take the places now free, and are
    mailed, until it starts."""
    store = registrations_of(training, create=False)
    if store is None or not store.waiting() or has_started(training):
        return
    _promote(training, store)


def withdraw(training, registration, by_organisers=False):
    """Withdraw ``registration``; the first on the waiting list takes the
    place. Withdrawing twice is harmless."""
    store = registrations_of(training)
    if registration.status not in ACTIVE:
        return []
    freed = registration.status in (CONFIRMED, PENDING)
    store.set_status(registration, WITHDRAWN)
    if by_organisers:
        mail.send_status(training, registration, store)
    return _promote(training, store) if freed else []


def decide(training, registration, status):
    """The organisers' decision: ``confirmed`` (approve, also from the
    waiting list), ``declined``, ``withdrawn`` (on the person's behalf) or
    ``waiting``."""
    store = registrations_of(training)
    if status == registration.status:
        return registration
    if status == WITHDRAWN:
        withdraw(training, registration, by_organisers=True)
        return registration
    if status == CONFIRMED:
        left = places_left(training, store)
        holds_place = registration.status == PENDING
        if left is not None and left <= 0 and not holds_place:
            raise RegistrationRefused(FULL_APPROVE, "full")
        store.set_status(registration, CONFIRMED)
        mail.send_status(training, registration, store)
        return registration
    if status in (DECLINED, WAITING):
        freed = registration.status in (CONFIRMED, PENDING)
        store.set_status(registration, status)
        if status == DECLINED:
            mail.send_status(training, registration, store)
        if freed:
            _promote(training, store)
        return registration
    raise RegistrationInvalid(
        [("status", Message(ERROR_STATUS, mapping={"value": str(status)[:40]}))]
    )


def mark_attended(training, registration, attended):
    store = registrations_of(training)
    start = training_start(training)
    if (
        registration.status != CONFIRMED
        or not isinstance(attended, bool)
        or (start is not None and now() < start)
    ):
        raise RegistrationInvalid([("attended", ERROR_ATTENDED)])
    store.set_attended(registration, attended)
    return registration


def change_needs(training, registration, data):
    registration.needs = needs_of(data)
    registrations_of(training).changed(registration)
    return registration
