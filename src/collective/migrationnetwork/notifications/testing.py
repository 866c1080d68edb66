"""Mail hosts for tests.

``RecordingMailHost`` is Plone's MockMailHost keeping what it is given in
the module-level ``SENT`` list instead of the database, so that a test sees
the mail sent by the WSGI server's thread as well as by its own, committed
or not; ``FailingMailHost`` refuses every message as an SMTP server that is
down would.
"""

from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from Products.MailHost.MailHost import _mungeHeaders
from zope.component import getSiteManager

import email
import email.policy
import smtplib


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
