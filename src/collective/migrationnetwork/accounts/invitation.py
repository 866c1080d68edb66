"""An approved application never binds silently to an existing account.

When the applicant's address already belongs to an account, approving the
application does not put that account in the team: the owner of the
address is mailed an invitation (a signed link, valid 14 days) and becomes
an editor only by accepting it (``@@accept-invitation``). The coordinator
is told that the address already had an account, on the page and in the
application's details.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.accounts.mail import send
from collective.migrationnetwork.accounts.tokens import INVITATION
from collective.migrationnetwork.accounts.tokens import TokenError
from collective.migrationnetwork.accounts.tokens import make_token
from collective.migrationnetwork.accounts.tokens import read_token
from collective.migrationnetwork.membership.application import update_application
from collective.migrationnetwork.roles.groups import add_editor
from collective.migrationnetwork.roles.groups import editors
from plone import api
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode
from zope.globalrequest import getRequest
from zope.i18n import translate

import datetime


ACTIVE = "active"


def invitation_url(organisation, userid, email):
    token = make_token(INVITATION, [organisation.UID(), userid, email.lower()])
    root = api.portal.get_navigation_root(organisation).absolute_url()
    return f"{root}/@@accept-invitation?{urlencode({'token': token})}"


def invite(organisation, member, email, language, comment=""):
    """Invite the existing account ``member`` (whose address is ``email``)
    to the team of ``organisation``; mail its owner and tell the reviewer."""
    userid = member.getId()
    update_application(
        organisation,
        invited=userid,
        approved_on=datetime.datetime.now(datetime.timezone.utc).isoformat(),
    )
    send(
        "membership_invited",
        email,
        member.getProperty("fullname", "") or "",
        language or member.getProperty("language", "") or organisation.Language(),
        {"title": organisation.Title(), "user": userid},
        invitation_url(organisation, userid, email),
        comment=comment,
    )
    request = getRequest()
    if request is not None:
        message = _(
            "msg_application_existing_account",
            default="The address of the application already had an account "
            "(${user}): it is not added to the team until its owner accepts "
            "the invitation we mailed.",
            mapping={"user": userid},
        )
        IStatusMessage(request).add(translate(message, context=request), "warning")
    return userid


class InvitationError(ValueError):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def read_invitation(token):
    """``(organisation, userid)`` of a usable invitation; raises
    ``InvitationError`` (``invalid``, ``expired``, ``gone``, ``moved``)."""
    try:
        payload = read_token(INVITATION, token)
    except TokenError as error:
        raise InvitationError(error.reason) from error
    if not (isinstance(payload, list) and len(payload) == 3):
        raise InvitationError("invalid")
    uid, userid, email = payload
    organisation = api.content.get(UID=uid) if isinstance(uid, str) else None
    member = api.user.get(userid=userid) if isinstance(userid, str) else None
    if organisation is None or member is None:
        raise InvitationError("gone")
    if api.content.get_state(organisation, default=None) != ACTIVE:
        raise InvitationError("gone")
    # The account must still have the address the invitation was sent to.
    if (member.getProperty("email", "") or "").strip().lower() != email:
        raise InvitationError("moved")
    return organisation, userid


def accept(token):
    """Put the invited account in the team; returns the organisation."""
    organisation, userid = read_invitation(token)
    if userid not in editors(organisation):
        with api.env.adopt_roles(["Manager"]):
            add_editor(organisation, userid)
        update_application(
            organisation,
            userid=userid,
            accepted_on=datetime.datetime.now(datetime.timezone.utc).isoformat(),
        )
    return organisation
