"""The verification code printed on a certificate of attendance.

``{training}/@@verify-certificate?code=…``: the code is the registration's
id and nonce, signed (itsdangerous, with the site's secret of
``accounts.tokens`` and a salt of its own that names the training's
registrations), so it cannot be guessed or moved to another training or
registration. It does not expire: a certificate is checked years later.
Erasure gives the registration a new nonce, which voids the code; a
registration no longer marked attended no longer verifies either.

Privacy: the page is public, and the code travels with the paper (scanned,
mailed to an employer, kept in logs). It therefore never shows the full
name: it shows the initials ("Ά. Π.") beside the training and its dates,
and confirms a name typed by whoever holds the certificate ("the name
matches" or not), so a verifier checks what is printed without the page
giving a name to someone who has only the code.
"""

from collective.migrationnetwork.accounts.tokens import site_secret
from collective.migrationnetwork.registrations.store import CONFIRMED
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.registrations.store import training_key
from itsdangerous import BadSignature
from itsdangerous import Signer

import unicodedata


VIEW = "verify-certificate"
MAX_CODE_LENGTH = 200


def _signer(training):
    return Signer(
        site_secret(),
        salt=f"collective.migrationnetwork.certificate.{training_key(training)}",
    )


def is_attended(registration):
    """Whether ``registration`` earns a certificate."""
    return (
        registration is not None
        and registration.status == CONFIRMED
        and registration.attended is True
        and not getattr(registration, "erased", False)
    )


def make_code(training, registration):
    value = f"{registration.id}-{registration.nonce}"
    return _signer(training).sign(value).decode("ascii")


def verify_url(training, registration):
    return (
        f"{training.absolute_url()}/@@{VIEW}?code={make_code(training, registration)}"
    )


def registration_of_code(training, code):
    """The attended registration of ``training`` that ``code`` was made
    for, else None (forged, voided, not attended, anything else)."""
    if not isinstance(code, str) or not code or len(code) > MAX_CODE_LENGTH:
        return None
    try:
        value = _signer(training).unsign(code.strip()).decode("ascii")
    except (BadSignature, UnicodeError, ValueError):
        return None
    rid, _sep, nonce = value.partition("-")
    store = registrations_of(training, create=False)
    registration = store.get(rid) if store is not None else None
    if registration is None or registration.nonce != nonce:
        return None
    return registration if is_attended(registration) else None


def _plain(text):
    """``text`` without accents, case or extra spaces, to compare names."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def initials(name):
    """ "Άννα Παπαδάκη" -> "Ά. Π." """
    return " ".join(f"{word[0]}." for word in str(name or "").split() if word)


def name_matches(registration, typed):
    typed = _plain(typed)
    return bool(typed) and typed == _plain(registration.name)
