"""What the owner of a *my registration* link may see and do (the REST
endpoints ``@my-registration``; the rules of the Classic page,
``browser/registrations/mine.py``): their own registration only, the
online link once confirmed, change their needs while the registration
is active, withdraw until the training starts (the first on the waiting
list then takes the place, ``registering.withdraw``)."""

from collective.migrationnetwork import _
from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.store import ACTIVE
from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import WITHDRAWN
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.validation import safe_href


# The fields of the registration its owner reads (never the user id or
# the nonce of the links).
OWN_FIELDS = (
    "id",
    "name",
    "email",
    "organisation",
    "position",
    "country",
    "needs",
    "language",
    "status",
    "waiting_position",
    "attended",
    "consent_version",
    "created",
    "modified",
)

NOT_ACTIVE = _(
    "registration_not_active",
    default="This registration is no longer active: it cannot be changed.",
)
STARTED = _(
    "registration_withdraw_started",
    default="This training has already started: the registration can no "
    "longer be withdrawn.",
)


def online_url(training, registration):
    """The online link, for a confirmed registration only."""
    if registration.status != CONFIRMED:
        return None
    return safe_href(getattr(training, "online_url", None) or "")


def can_withdraw(training, registration):
    return registration.status in ACTIVE and not registering.has_started(training)


def can_change_needs(registration):
    return registration.status in ACTIVE


def own_view(training, registration):
    """The owner's view of ``registration``: nothing of anyone else."""
    store = registrations_of(training, create=False)
    position = store.waiting_position(registration) if store is not None else None
    data = registration.as_dict(position)
    return {
        "training": {
            "@id": training.absolute_url(),
            "title": training.Title(),
            "when": format_event(training),
        },
        "registration": {name: data[name] for name in OWN_FIELDS},
        "online_url": online_url(training, registration),
        "can_withdraw": can_withdraw(training, registration),
        "can_change_needs": can_change_needs(registration),
    }


def change_own_needs(training, registration, data):
    """Change the needs; raises ``RegistrationInvalid`` (the ``needs``)
    or ``RegistrationRefused`` (no longer active)."""
    if not can_change_needs(registration):
        raise registering.RegistrationRefused(NOT_ACTIVE, "inactive")
    return registering.change_needs(training, registration, data)


def withdraw_own(training, registration):
    """Withdraw; the promoted registrations are returned (and mailed).
    Withdrawing twice is harmless; raises ``RegistrationRefused`` once the
    training has started, or for a declined registration."""
    if registration.status == WITHDRAWN:
        return []
    if registration.status not in ACTIVE:
        raise registering.RegistrationRefused(NOT_ACTIVE, "inactive")
    if registering.has_started(training):
        raise registering.RegistrationRefused(STARTED, "started")
    return registering.withdraw(training, registration)
