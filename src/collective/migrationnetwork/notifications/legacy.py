"""Mail that an earlier release left in the MailHost's maildir queue.

The earlier release queued notifications in a maildir (zope.sendmail's
queue, ``instance/var/mailqueue`` by default). At the first start of this
one, what is still there is moved into the outbox, so that nobody waiting
for a notification is forgotten: each file becomes an outbox record (its
envelope from zope.sendmail's ``X-Zope-From`` / ``X-Zope-To`` lines, its
Message-ID as the key, so that a file moved twice is queued once), and the
file is removed once the transaction that queued it has committed.
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications.outbox import OutboxMessage
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.notifications.outbox import new_key
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from email.utils import parseaddr
from zope.sendmail.maildir import Maildir

import contextlib
import os
import transaction


def _envelope(data):
    """``(from, [to], message)`` of a queued file."""
    first, second, rest = data.split(b"\n", 2)
    if not (first.startswith(b"X-Zope-From: ") and second.startswith(b"X-Zope-To: ")):
        raise ValueError("not a zope.sendmail queue file")
    mfrom = parseaddr(first.split(b": ", 1)[1].decode())[1]
    to = [addr for _name, addr in getaddresses([second.split(b": ", 1)[1].decode()])]
    return mfrom, [addr for addr in to if addr], rest


def adopt_maildir(site, directory):
    """Move the messages of the maildir ``directory`` into the outbox of
    ``site``; return how many."""
    if not directory or not os.path.isdir(os.path.join(directory, "new")):
        return 0
    outbox = get_outbox(site)
    moved = []
    for path in Maildir(directory):
        try:
            with open(path, "rb") as queued:
                mfrom, to, message = _envelope(queued.read())
        except (OSError, ValueError) as error:
            logger.warning("Mail queue file %s left alone: %s", path, error)
            continue
        headers = BytesHeaderParser().parsebytes(message)
        message_id = (headers.get("Message-ID") or "").strip().strip("<>")
        key = message_id.rpartition("@")[0] or new_key("queued")
        for index, address in enumerate(to):
            outbox.add(
                OutboxMessage(
                    key if index == 0 else f"{key}.{index}",
                    address,
                    group="notifications",
                    mfrom=mfrom,
                    raw=message,
                )
            )
        moved.append(path)

    def remove(succeeded):
        if succeeded:
            for path in moved:
                with contextlib.suppress(OSError):
                    os.unlink(path)

    if moved:
        transaction.get().addAfterCommitHook(remove)
        logger.info(
            "%d mails of the old queue %s moved to the outbox", len(moved), directory
        )
    return len(moved)
