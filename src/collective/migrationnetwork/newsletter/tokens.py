"""Signed, expiring tokens for the links of the newsletter's mails.

Made with itsdangerous' ``URLSafeTimedSerializer`` and the secret of the
subscriber store (a random secret of each site, kept in the database, so
tokens survive restarts and work across the processes of a cluster). Each
purpose has its own salt, so a confirmation token cannot be used to
unsubscribe and the other way round. A token carries the e-mail and the
subscriber's nonce: erasing a subscriber voids every token made for them.
"""

from collective.migrationnetwork.newsletter.store import get_store
from itsdangerous import BadSignature
from itsdangerous import SignatureExpired
from itsdangerous import URLSafeTimedSerializer


CONFIRM = "confirm"
MANAGE = "manage"

# Seconds a token is valid: a confirmation link for a week; the
# preferences and unsubscribe links of an issue for two years.
MAX_AGE = {CONFIRM: 7 * 24 * 3600, MANAGE: 2 * 365 * 24 * 3600}


class TokenError(Exception):
    """A token that cannot be used; ``reason`` is ``invalid`` or ``expired``."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _serializer(purpose, secret=None):
    if purpose not in MAX_AGE:
        raise ValueError(purpose)
    secret = secret or get_store().secret
    return URLSafeTimedSerializer(
        secret, salt=f"collective.migrationnetwork.newsletter.{purpose}"
    )


def make_token(subscriber, purpose, secret=None):
    return _serializer(purpose, secret).dumps([subscriber.email, subscriber.nonce])


def read_token(token, purpose, secret=None, max_age=None, now=None):
    """``(email, nonce)`` of a valid token; raises ``TokenError``.

    ``now`` (seconds since the epoch) is for tests."""
    serializer = _serializer(purpose, secret)
    if not isinstance(token, str) or not token or len(token) > 500:
        raise TokenError("invalid")
    max_age = MAX_AGE[purpose] if max_age is None else max_age
    try:
        if now is None:
            payload = serializer.loads(token, max_age=max_age)
        else:
            payload, signed = serializer.loads(token, return_timestamp=True)
            if now - signed.timestamp() > max_age:
                raise SignatureExpired("expired")
    except SignatureExpired as error:
        raise TokenError("expired") from error
    except BadSignature as error:
        raise TokenError("invalid") from error
    if (
        not isinstance(payload, list)
        or len(payload) != 2
        or not all(isinstance(part, str) for part in payload)
    ):
        raise TokenError("invalid")
    return tuple(payload)


def subscriber_of(token, purpose, store=None):
    """The subscriber a valid token was made for; raises ``TokenError``."""
    store = store or get_store()
    email, nonce = read_token(token, purpose, secret=store.secret)
    subscriber = store.get(email)
    if subscriber is None or subscriber.nonce != nonce:
        raise TokenError("invalid")
    return subscriber
