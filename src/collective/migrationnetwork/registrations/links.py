"""The signed link of *my registration* (``accounts.tokens``, purpose
``registration``): it carries the training's key, the registration's id
and nonce, so that a link opens one registration of one training only,
and erasure (a new nonce) voids every link sent before."""

from collective.migrationnetwork.accounts import tokens
from collective.migrationnetwork.accounts.tokens import TokenError
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.registrations.store import training_key


VIEW = "my-registration"


def make_token(training, registration):
    return tokens.make_token(
        tokens.REGISTRATION,
        [training_key(training), registration.id, registration.nonce],
    )


def my_registration_url(training, registration):
    return (
        f"{training.absolute_url()}/@@{VIEW}?token={make_token(training, registration)}"
    )


def registration_of(training, token):
    """The registration of ``training`` that ``token`` was made for;
    raises ``TokenError`` (``invalid``, ``expired``)."""
    payload = tokens.read_token(tokens.REGISTRATION, token)
    if (
        not isinstance(payload, list)
        or len(payload) != 3
        or not all(isinstance(part, str) for part in payload)
    ):
        raise TokenError("invalid")
    key, rid, nonce = payload
    store = registrations_of(training, create=False)
    if key != training_key(training) or store is None:
        raise TokenError("invalid")
    registration = store.get(rid)
    if registration is None or registration.nonce != nonce:
        raise TokenError("invalid")
    return registration
