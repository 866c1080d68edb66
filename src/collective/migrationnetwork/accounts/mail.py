"""The account mails, through the site's one outbox (``notifications``)."""

from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications.mail import Recipient
from collective.migrationnetwork.notifications.mail import compose
from collective.migrationnetwork.notifications.mail import mail_language
from collective.migrationnetwork.notifications.mail import queue
from ZODB.POSException import ConflictError


def send(kind, email, name, language, values, url, comment=""):
    """Queue the mail of ``kind`` (``notifications.messages.KINDS``) to one
    address, in the current transaction. Returns True if queued; a mail
    that cannot be made (no sender address, say) is logged and never breaks
    what caused it."""
    recipient = Recipient(
        email=email, name=name or "", language=mail_language(language)
    )
    try:
        message = compose(kind, recipient, values, comment=comment, url=url)
    except ConflictError:
        raise
    except Exception:
        logger.exception("Could not make the %s mail to %s", kind, email)
        return False
    return queue(message)
