"""Subscribing, confirming, changing preferences and unsubscribing.

Shared by the REST services (``services/subscribe``) and the Classic UI
pages (``browser/newsletter``). Every function raises ``SubscriptionError``
naming the field in error, ``TokenError`` for a token that cannot be used,
or ``RateLimited``; nothing is changed when one of them is raised.

Subscribing an address that is already confirmed changes nothing and
answers exactly as for a new address (nobody learns who subscribed); its
owner is sent a mail with the link to their preferences instead.
"""

from chameleon import PageTemplateFile
from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.membership import ratelimit
from collective.migrationnetwork.newsletter import mail
from collective.migrationnetwork.newsletter import tokens
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import CONSENT_VERSION
from collective.migrationnetwork.newsletter.store import PENDING
from collective.migrationnetwork.newsletter.store import UNSUBSCRIBED
from collective.migrationnetwork.newsletter.store import Subscriber
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import normalise_email
from collective.migrationnetwork.newsletter.store import now
from collective.migrationnetwork.notifications.mail import queue
from collective.migrationnetwork.notifications.mail import site_languages
from collective.migrationnetwork.notifications.mail import site_title
from collective.migrationnetwork.vocabularies.editable import terms
from collective.migrationnetwork.vocabularies.standard import country_names
from zope.i18n import translate
from zope.i18nmessageid import Message

import os


# Subscriptions per e-mail and per client address in ratelimit.WINDOW.
RATE_LIMIT = 5

simple_template = PageTemplateFile(
    os.path.join(os.path.dirname(__file__), "templates", "simple.pt")
)

ERROR_EMAIL = _("error_newsletter_email", default="Enter a valid e-mail address.")
ERROR_CONSENT = _(
    "error_newsletter_consent",
    default="Please agree to receive the newsletter and to the processing "
    "of your e-mail address.",
)
ERROR_LANGUAGE = _(
    "error_newsletter_language", default="Choose a language of the site."
)
ERROR_CHOICE = _("error_newsletter_choice", default="Unknown value: ${value}.")
ERROR_TOKEN_INVALID = _(
    "error_newsletter_token_invalid",
    default="This link is not valid. Please subscribe again.",
)
ERROR_TOKEN_EXPIRED = _(
    "error_newsletter_token_expired",
    default="This link has expired. Please subscribe again.",
)
MSG_CHECK_INBOX = _(
    "msg_newsletter_check_inbox",
    default="Thank you. Please check your inbox: we have sent you an e-mail "
    "with a link to confirm your subscription.",
)
MSG_CONFIRMED = _(
    "msg_newsletter_confirmed",
    default="Your subscription is confirmed. Welcome!",
)
MSG_UNSUBSCRIBED = _(
    "msg_newsletter_unsubscribed",
    default="You have been unsubscribed. You will receive no more issues.",
)
MSG_SAVED = _("msg_newsletter_saved", default="Your preferences have been saved.")
CONSENT_TEXT = _(
    "label_newsletter_consent",
    default="I agree to receive the network's newsletter and to the "
    "processing of my e-mail address for that purpose. I can unsubscribe "
    "at any time.",
)

FIELD_TITLES = {
    "email": _("label_newsletter_email", default="E-mail"),
    "language": _("label_newsletter_language", default="Language"),
    "thematic_areas": _("label_thematic_areas", default="Thematic areas"),
    "countries": _("label_countries", default="Countries"),
    "consent": _("label_newsletter_consent_short", default="Consent"),
    "token": _("label_newsletter_token", default="Link"),
}


class SubscriptionError(Exception):
    """Bad input: ``errors`` is a list of (field, message)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def error_answer(errors, request):
    """The JSON body of a refused request, every field with its message."""
    items = [
        {
            "field": name,
            "label": translate(FIELD_TITLES.get(name, name), context=request),
            "message": translate(message, context=request),
        }
        for name, message in errors
    ]
    first = items[0]
    return {
        "type": "BadRequest",
        "message": f"{first['field']}: {first['message']}",
        "errors": items,
    }


def token_error_answer(error, request):
    message = ERROR_TOKEN_EXPIRED if error.reason == "expired" else ERROR_TOKEN_INVALID
    return {
        "type": "TokenExpired" if error.reason == "expired" else "TokenInvalid",
        "message": f"token: {translate(message, context=request)}",
        "errors": [
            {
                "field": "token",
                "label": translate(FIELD_TITLES["token"], context=request),
                "message": translate(message, context=request),
                "reason": error.reason,
            }
        ],
    }


def _as_list(value):
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v.get("token") if isinstance(v, dict) else v for v in value]
    return None


def validate_preferences(data, errors, default_language=None):
    """Language, thematic areas and countries of ``data``, checked."""
    clean = {}
    language = data.get("language")
    if language is None or language == "":
        language = default_language
    elif isinstance(language, dict):
        language = language.get("token")
    if language not in site_languages():
        errors.append(("language", ERROR_LANGUAGE))
    clean["language"] = language
    known = {
        "thematic_areas": {token for token, _title in terms("thematic_areas", "en")},
        "countries": set(country_names("en")),
    }
    for name, allowed in known.items():
        values = _as_list(data.get(name))
        if values is None:
            errors.append((name, Message(ERROR_CHOICE, mapping={"value": "?"})))
            continue
        # Tokens are strings; anything else (a list, a number) is unknown.
        unknown = [v for v in values if not isinstance(v, str) or v not in allowed]
        if unknown:
            errors.append(
                (name, Message(ERROR_CHOICE, mapping={"value": str(unknown[0])}))
            )
        clean[name] = tuple(
            dict.fromkeys(v for v in values if isinstance(v, str) and v in allowed)
        )
    return clean


def _consented(value):
    return value is True or (
        isinstance(value, str) and value.strip().lower() in ("true", "on", "1", "yes")
    )


def subscribe(data, client_ip="", default_language=None, portal_url=None):
    """Subscribe (or re-subscribe) ``data["email"]``; a confirmation mail
    goes out at commit. Returns the message to show (the same whatever the
    address's state)."""
    errors = []
    email = normalise_email(data.get("email"))
    if email is None:
        errors.append(("email", ERROR_EMAIL))
    clean = validate_preferences(data, errors, default_language)
    if not _consented(data.get("consent")):
        errors.append(("consent", ERROR_CONSENT))
    if errors:
        raise SubscriptionError(errors)
    ratelimit.hit(
        [("newsletter-email", email), ("newsletter-ip", client_ip)],
        limit=RATE_LIMIT,
    )
    store = get_store()
    subscriber = store.get(email)
    if subscriber is not None and subscriber.state == CONFIRMED:
        # Nothing changes; the owner of the address learns how to manage it.
        _send_simple(subscriber, "already", portal_url)
        return MSG_CHECK_INBOX
    if subscriber is None:
        subscriber = store.add(Subscriber(email, clean["language"]))
    subscriber.language = clean["language"]
    subscriber.thematic_areas = clean["thematic_areas"]
    subscriber.countries = clean["countries"]
    subscriber.state = PENDING
    subscriber.consent_version = CONSENT_VERSION
    subscriber.created = subscriber.created or now()
    _send_simple(subscriber, "confirm", portal_url)
    return MSG_CHECK_INBOX


def confirm(token):
    """Confirm the subscription of a confirmation token; returns the
    subscriber. Confirming twice is harmless; the token of an address that
    unsubscribed since is refused."""
    subscriber = tokens.subscriber_of(token, tokens.CONFIRM)
    if subscriber.state == UNSUBSCRIBED:
        raise tokens.TokenError("invalid")
    if subscriber.state != CONFIRMED:
        subscriber.state = CONFIRMED
        subscriber.confirmed_on = now()
    return subscriber


def unsubscribe(token):
    """Unsubscribe the owner of a preferences token (or of a confirmation
    token: the link of the confirmation mail may be used to say no)."""
    try:
        subscriber = tokens.subscriber_of(token, tokens.MANAGE)
    except tokens.TokenError as manage_error:
        try:
            subscriber = tokens.subscriber_of(token, tokens.CONFIRM)
        except tokens.TokenError as confirm_error:
            # An expired link answers 410 whichever kind it was, as the
            # other endpoints do, rather than "invalid" for the other kind.
            expired = manage_error.reason == "expired"
            raise (manage_error if expired else confirm_error) from None
    if subscriber.state != UNSUBSCRIBED:
        subscriber.state = UNSUBSCRIBED
        subscriber.unsubscribed_on = now()
    return subscriber


def preferences(token):
    """The subscriber of a preferences token (state confirmed or
    unsubscribed)."""
    subscriber = tokens.subscriber_of(token, tokens.MANAGE)
    if subscriber.state == PENDING:
        raise tokens.TokenError("invalid")
    return subscriber


def update_preferences(token, data):
    """Change language and interests; ``resubscribe`` true subscribes an
    address that had unsubscribed again (it was confirmed before)."""
    subscriber = preferences(token)
    errors = []
    clean = validate_preferences(data, errors, subscriber.language)
    if errors:
        raise SubscriptionError(errors)
    subscriber.language = clean["language"]
    subscriber.thematic_areas = clean["thematic_areas"]
    subscriber.countries = clean["countries"]
    if subscriber.state == UNSUBSCRIBED and _consented(data.get("resubscribe")):
        subscriber.state = CONFIRMED
        subscriber.unsubscribed_on = None
    return subscriber


# The mails of the subscription

SIMPLE_MAILS = {
    "confirm": {
        "purpose": tokens.CONFIRM,
        "view": mail.CONFIRM_VIEW,
        "subject": _(
            "mail_newsletter_confirm_subject",
            default="Please confirm your subscription to the newsletter",
        ),
        "body": _(
            "mail_newsletter_confirm_body",
            default="Someone, probably you, asked to receive the newsletter "
            "of ${site} at this address. Please confirm with the link below "
            "within seven days. If it was not you, ignore this e-mail: "
            "nothing will be sent to you.",
        ),
        "link": _("mail_newsletter_confirm_link", default="Confirm my subscription"),
    },
    "already": {
        "purpose": tokens.MANAGE,
        "view": mail.PREFERENCES_VIEW,
        "subject": _(
            "mail_newsletter_already_subject",
            default="You are already subscribed to the newsletter",
        ),
        "body": _(
            "mail_newsletter_already_body",
            default="Someone, probably you, asked to subscribe this address "
            "to the newsletter of ${site}. It is already subscribed, so "
            "nothing has changed. You can change your language and interests, "
            "or unsubscribe, with the link below.",
        ),
        "link": _(
            "mail_newsletter_preferences_link", default="My newsletter preferences"
        ),
    },
}


def render_simple(subscriber, kind, portal_url=None):
    """``(subject, html, text, url)`` of a subscription mail."""
    texts = SIMPLE_MAILS[kind]
    language = subscriber.language
    site = site_title()

    def tr(message):
        return translate(
            Message(message, mapping={"site": site}), target_language=language
        )

    token = tokens.make_token(subscriber, texts["purpose"])
    url = mail.link(texts["view"], token, language, portal_url)
    parts = {
        "language": language,
        "site": site,
        "subject": f"[{site}] {tr(texts['subject'])}",
        "paragraphs": [tr(texts["body"])],
        "url": url,
        "link_label": tr(texts["link"]),
    }
    html = mail.inline_css(simple_template(**parts))
    text = "\n\n".join([*parts["paragraphs"], f"{parts['link_label']}: {url}", ""])
    return parts["subject"], html, text, url


def _send_simple(subscriber, kind, portal_url=None):
    subject, html, text, _url = render_simple(subscriber, kind, portal_url)
    try:
        message = mail.build(
            subscriber.email,
            subject,
            html,
            text,
            subscriber.language,
            headers={
                "Auto-Submitted": "auto-generated",
                "X-Newsletter-Mail": kind,
            },
        )
    except ValueError as error:  # no sender address
        logger.warning("Subscription mail to %s not sent: %s", subscriber.email, error)
        return False
    return queue(message, group="subscriptions")
