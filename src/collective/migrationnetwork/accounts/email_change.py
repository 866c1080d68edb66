"""A member's new e-mail address takes effect only once it is confirmed.

The site keeps, for every account, its *confirmed* address (an OOBTree in
an annotation of the portal; ``record_all`` fills it for the accounts that
exist when the add-on is installed or upgraded). When an account's
``email`` property is set (PlonePAS notifies ``PropertiesUpdated``, whether
through the Classic UI's personal information form, ``PATCH /@users`` or
code):

- by someone who manages users (*Plone Site Setup: Users and Groups*:
  Site Administrators, Managers), or for
  an account that has no confirmed address yet (a new account), the value
  is taken as it is, unless another account already uses it;
- otherwise the property is set back to the confirmed address at once, and
  a signed link (valid two days) is mailed to the new address; the change
  happens when that link is opened (``@@confirm-email``), if by then no
  other account uses the address and the account still has the address it
  had when it asked.

Two accounts never share an address: a change to an address that another
account uses is set back, and no mail is sent (the member is told the same
as for any other change, so nothing is revealed about other accounts).
"""

from AccessControl import getSecurityManager
from BTrees.OOBTree import OOBTree
from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.accounts.mail import send
from collective.migrationnetwork.accounts.tokens import EMAIL_CHANGE
from collective.migrationnetwork.accounts.tokens import TokenError
from collective.migrationnetwork.accounts.tokens import make_token
from collective.migrationnetwork.accounts.tokens import read_token
from plone import api
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate


RECORD_KEY = "collective.migrationnetwork.accounts.confirmed_emails"
MANAGE_USERS = "Plone Site Setup: Users and Groups"


def _normal(email):
    return (email or "").strip().lower()


def confirmed(portal=None, create=True):
    annotations = IAnnotations(portal or api.portal.get())
    records = annotations.get(RECORD_KEY)
    if records is None and create:
        records = annotations[RECORD_KEY] = OOBTree()
    return records


def record_all(portal=None):
    """Record the current address of every account that has none recorded;
    returns how many were recorded."""
    records = confirmed(portal)
    count = 0
    for user in api.user.get_users():
        email = _normal(user.getProperty("email", ""))
        if email and user.getId() not in records:
            records[user.getId()] = email
            count += 1
    return count


def others_with(email, userid):
    """Ids of the accounts other than ``userid`` whose address is
    ``email``."""
    wanted = _normal(email)
    if not wanted:
        return []
    acl_users = api.portal.get_tool("acl_users")
    found = []
    for info in acl_users.searchUsers(email=wanted):
        if info["userid"] == userid:
            continue
        user = api.user.get(userid=info["userid"])
        if user is not None and _normal(user.getProperty("email", "")) == wanted:
            found.append(info["userid"])
    return sorted(found)


def _set_back(member, email):
    member.setMemberProperties(mapping={"email": email}, force_empty=True)


def _tell(request, message, kind="info"):
    if request is not None:
        IStatusMessage(request).add(translate(message, context=request), kind)


def properties_updated(event):
    """Subscriber of PlonePAS's ``PropertiesUpdated``."""
    principal = event.principal
    mapping = getattr(event, "properties", None) or {}
    if "email" not in mapping:
        return
    member = api.user.get(userid=principal.getId())
    if member is None:
        return
    userid = member.getId()
    new = _normal(mapping["email"])
    records = confirmed()
    old = records.get(userid)
    if new == (old or ""):
        return
    request = getRequest()
    manager = getSecurityManager().checkPermission(MANAGE_USERS, api.portal.get())
    if others_with(new, userid):
        if old is not None:
            _set_back(member, old)
        logger.info("E-mail change of %s refused: the address is in use", userid)
        if old is None:
            return
        if manager:
            _tell(
                request,
                _(
                    "error_email_in_use",
                    default="${email} is the address of another account: "
                    "the account keeps its address.",
                    mapping={"email": new},
                ),
                "error",
            )
            return
    elif old is None or manager:
        records[userid] = new
        return
    else:
        _set_back(member, old)
        send(
            "email_change",
            new,
            member.getProperty("fullname", "") or "",
            member.getProperty("language", "") or "",
            {"user": userid},
            confirm_url(userid, old, new),
        )
    _tell(
        request,
        _(
            "msg_email_change_sent",
            default="Your e-mail address changes once you open the link we "
            "sent to ${email}. Until then the account keeps its current "
            "address.",
            mapping={"email": new},
        ),
    )


def confirm_url(userid, old, new):
    token = make_token(EMAIL_CHANGE, [userid, old, new])
    return f"{api.portal.get().absolute_url()}/@@confirm-email?{urlencode({'token': token})}"


class EmailChangeError(ValueError):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def read_change(token):
    """``(userid, new address)`` of a usable confirmation link; raises
    ``EmailChangeError`` (``invalid``, ``expired``, ``gone``, ``taken``)."""
    try:
        payload = read_token(EMAIL_CHANGE, token)
    except TokenError as error:
        raise EmailChangeError(error.reason) from error
    if not (isinstance(payload, list) and len(payload) == 3):
        raise EmailChangeError("invalid")
    userid, old, new = payload
    member = api.user.get(userid=userid) if isinstance(userid, str) else None
    if member is None or _normal(member.getProperty("email", "")) != old:
        raise EmailChangeError("gone")
    if others_with(new, userid):
        raise EmailChangeError("taken")
    return userid, new


def confirm(token):
    """Give the account the confirmed address; returns the user id."""
    userid, new = read_change(token)
    confirmed()[userid] = new
    _set_back(api.user.get(userid=userid), new)
    return userid
