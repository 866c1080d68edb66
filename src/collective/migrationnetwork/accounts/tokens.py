"""Signed, expiring tokens for the links of account mails.

itsdangerous' ``URLSafeTimedSerializer`` with a random secret of the site,
kept in the site's database (an annotation of the portal), so that links
survive restarts and work in every process. Each purpose has its own salt:
an invitation token cannot confirm an e-mail address.
"""

from itsdangerous import BadSignature
from itsdangerous import SignatureExpired
from itsdangerous import URLSafeTimedSerializer
from plone import api
from zope.annotation.interfaces import IAnnotations

import secrets


SIGNING_ANNOTATION = "collective.migrationnetwork.accounts.secret"
MAX_TOKEN_LENGTH = 1000

INVITATION = "invitation"
EMAIL_CHANGE = "email-change"
REGISTRATION = "registration"
PROFILE_CONFIRMATION = "profile-confirmation"
# Seconds a link is valid (a registration's for two years: it carries the
# certificate of attendance).
MAX_AGE = {
    INVITATION: 14 * 24 * 3600,
    EMAIL_CHANGE: 2 * 24 * 3600,
    REGISTRATION: 2 * 365 * 24 * 3600,
    # An organisation's editors asked to confirm its profile.
    PROFILE_CONFIRMATION: 30 * 24 * 3600,
}


class TokenError(Exception):
    """``reason``: ``invalid`` or ``expired``."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def site_secret(portal=None):
    annotations = IAnnotations(portal or api.portal.get())
    secret = annotations.get(SIGNING_ANNOTATION)
    if secret is None:
        secret = annotations[SIGNING_ANNOTATION] = secrets.token_hex(32)
    return secret


def _serializer(purpose):
    if purpose not in MAX_AGE:
        raise ValueError(purpose)
    return URLSafeTimedSerializer(
        site_secret(), salt=f"collective.migrationnetwork.accounts.{purpose}"
    )


def make_token(purpose, payload):
    return _serializer(purpose).dumps(payload)


def read_token(purpose, token):
    """The payload of a valid token; raises ``TokenError``."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise TokenError("invalid")
    try:
        return _serializer(purpose).loads(token, max_age=MAX_AGE[purpose])
    except SignatureExpired as error:
        raise TokenError("expired") from error
    except (BadSignature, UnicodeError, ValueError) as error:
        raise TokenError("invalid") from error
