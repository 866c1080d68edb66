"""Mail hosts and delivery for tests.

``RecordingMailHost`` is Plone's MockMailHost keeping what it is given in
the module-level ``SENT`` list instead of the database, so that a test sees
the mail sent by the WSGI server's thread as well as by its own, committed
or not; ``FailingMailHost`` refuses every message as an SMTP server that is
down would. ``deliver_outbox`` sends what the outbox holds, in a
connection of its own (what is committed only, as the deliverer sees it).
"""

from Acquisition import aq_base
from collective.migrationnetwork.notifications import delivery
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from Products.MailHost.MailHost import _mungeHeaders
from zope.component import getSiteManager
from zope.component import hooks

import email
import email.policy
import smtplib
import transaction


SENT = []


class RecordingMailHost(MockMailHost):
    meta_type = "Recording Mail Host"

    def reset(self):
        del SENT[:]

    @property
    def messages(self):
        return SENT

    def send(
        self,
        messageText,
        mto=None,
        mfrom=None,
        subject=None,
        encode=None,
        immediate=False,
        charset=None,
        msg_type=None,
    ):
        raw, mto, mfrom = _mungeHeaders(
            messageText, mto, mfrom, subject, charset, msg_type, encode
        )
        SENT.append(raw)


class FailingMailHost(RecordingMailHost):
    meta_type = "Failing Mail Host"

    def send(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def install_mailhost(portal, mailhost):
    """Make ``mailhost`` the site's MailHost (tool and utility); give the
    site a sender address if it has none."""
    mailhost.id = "MailHost"
    # As plone.app.testing's MOCK_MAILHOST_FIXTURE does.
    portal.MailHost = mailhost
    manager = getSiteManager(context=portal)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mailhost, provided=IMailHost)
    registry = portal.portal_registry
    if not registry["plone.email_from_address"]:
        registry["plone.email_from_address"] = "portal@migration.example"
    if not registry["plone.email_from_name"]:
        registry["plone.email_from_name"] = "Migration Network"
    return portal.MailHost


def parse(raw):
    """A sent message as an ``email.message.EmailMessage``."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    return email.message_from_bytes(raw, policy=email.policy.default)


def text_of(message):
    """The plain text part of a parsed message."""
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    """The HTML part of a parsed message."""
    return message.get_body(preferencelist=("html",)).get_content()


def deliver_outbox(portal, me="tests"):
    """Deliver what is due in the outbox of ``portal`` as it is committed,
    in a connection of its own; return how many were sent."""
    db = aq_base(portal)._p_jar.db()
    tm = transaction.TransactionManager()
    connection = db.open(transaction_manager=tm)
    try:
        tm.begin()
        site = connection.root()["Application"].unrestrictedTraverse(
            "/".join(portal.getPhysicalPath())
        )
        with hooks.site(site):
            sent, _failing = delivery.deliver_due(site, me, tm)
        return sent
    finally:
        tm.abort()
        connection.close()


class Mailbox:
    """What the MailHost was given (``SENT``), once the outbox is
    delivered. Reading it begins a new transaction in the test's thread,
    which sees what the delivery recorded (what was not committed is
    dropped)."""

    def __init__(self, portal):
        self.portal = portal

    def _read(self):
        deliver_outbox(self.portal)
        transaction.begin()
        return list(SENT)

    def __iter__(self):
        return iter(self._read())

    def __len__(self):
        return len(self._read())

    def __getitem__(self, index):
        return self._read()[index]

    def __delitem__(self, index):
        self._read()
        del SENT[index]
