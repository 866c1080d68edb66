"""Events of the membership process.

The membership package fires them; the notifications package turns them
into e-mail. ``object`` is always the Organisation.
"""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IApplicationReceived(IObjectEvent):
    """An anonymous visitor applied to join a network: ``object`` is the new
    Organisation (state ``applied``)."""

    applicant = Attribute(
        "dict: name, email, phone, language, message, network_uid, consent"
    )


class IMembershipApproved(IObjectEvent):
    """The application was approved; the applicant is the first editor."""

    userid = Attribute("the applicant's user id")
    email = Attribute("the applicant's e-mail")
    language = Attribute("the applicant's language ('el', 'en', ...)")
    set_password_url = Attribute("where the applicant sets a password")
    comment = Attribute("the reviewer's comment, may be empty")


class IMembershipDeclined(IObjectEvent):
    """The application was declined; ``reason`` is sent to the applicant."""

    email = Attribute("the applicant's e-mail")
    name = Attribute("the applicant's name")
    language = Attribute("the applicant's language")
    reason = Attribute("the reviewer's comment (required)")


@implementer(IApplicationReceived)
class ApplicationReceived(ObjectEvent):
    def __init__(self, obj, applicant):
        super().__init__(obj)
        self.applicant = applicant


@implementer(IMembershipApproved)
class MembershipApproved(ObjectEvent):
    def __init__(self, obj, userid, email, language, set_password_url, comment=""):
        super().__init__(obj)
        self.userid = userid
        self.email = email
        self.language = language
        self.set_password_url = set_password_url
        self.comment = comment


@implementer(IMembershipDeclined)
class MembershipDeclined(ObjectEvent):
    def __init__(self, obj, email, name, language, reason):
        super().__init__(obj)
        self.email = email
        self.name = name
        self.language = language
        self.reason = reason
