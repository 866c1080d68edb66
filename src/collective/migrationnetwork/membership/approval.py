"""What approving or declining an application does.

``approve``: the applicant becomes a user of the site, joins the
organisation's editors group and is invited to set a password
(``MembershipApproved`` carries the link). When the address already
belongs to an account, that account is never bound silently: its owner is
mailed an invitation to accept (``accounts/invitation.py``).
``decline``: the applicant is told why (``MembershipDeclined`` carries the
comment, which the workflow requires for this transition).

An Organisation without an application (created by the secretariat, or the
demo content) is approved like any other, and nobody is invited.
"""

from collective.migrationnetwork.accounts.invitation import invite
from collective.migrationnetwork.membership.application import get_application
from collective.migrationnetwork.membership.application import update_application
from collective.migrationnetwork.membership.events import MembershipApproved
from collective.migrationnetwork.membership.events import MembershipDeclined
from collective.migrationnetwork.roles.groups import add_editor
from plone import api
from urllib.parse import quote
from zope.event import notify

import datetime
import re
import secrets


WORKFLOW_ID = "organisation_workflow"


def after_transition(organisation, event):
    if event.transition is None or event.workflow.getId() != WORKFLOW_ID:
        return
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if event.transition.getId() == "approve":
        approve(organisation, comment)
    elif event.transition.getId() == "decline":
        decline(organisation, comment)


def approve(organisation, comment=""):
    applicant = get_application(organisation)
    if not applicant or not applicant.get("email"):
        return None
    if not getattr(organisation, "joined", None):
        organisation.joined = datetime.date.today()
    existing = find_user_by_email(applicant["email"])
    if existing is not None:
        invite(
            organisation,
            existing,
            applicant["email"],
            applicant.get("language") or "",
            comment,
        )
        return None
    # The workflow's guard has already decided that the current user may
    # approve; creating the user and the group membership that follow from
    # it is the site's business, not a right of the approver.
    with api.env.adopt_roles(["Manager"]):
        member = create_user(applicant["email"], applicant.get("name"))
        userid = member.getId()
        add_editor(organisation, userid)
        url = set_password_url(organisation, userid, member.getUserName())
    update_application(
        organisation,
        userid=userid,
        approved_on=datetime.datetime.now(datetime.timezone.utc).isoformat(),
    )
    notify(
        MembershipApproved(
            organisation,
            userid,
            applicant["email"],
            applicant.get("language") or "",
            url,
            comment,
        )
    )
    return userid


def decline(organisation, reason):
    applicant = get_application(organisation)
    if not applicant or not applicant.get("email"):
        return
    notify(
        MembershipDeclined(
            organisation,
            applicant["email"],
            applicant.get("name") or "",
            applicant.get("language") or "",
            reason,
        )
    )


def find_user_by_email(email):
    """The user whose e-mail is ``email`` (case does not matter), or None."""
    wanted = email.strip().lower()
    acl_users = api.portal.get_tool("acl_users")
    found = []
    for info in acl_users.searchUsers(email=wanted):
        member = api.user.get(userid=info["userid"])
        if member is not None and (member.getProperty("email") or "").lower() == wanted:
            found.append(member)
    return min(found, key=lambda member: member.getId()) if found else None


def free_login(email):
    """A login name made of the e-mail's local part that nobody has yet."""
    registration = api.portal.get_tool("portal_registration")
    base = re.sub(r"[^a-z0-9._-]", "", email.split("@")[0].lower()).strip("._-")
    base = base or "member"
    candidate, number = base, 1
    while not registration.isMemberIdAllowed(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def create_user(email, fullname=None):
    use_email = api.portal.get_registry_record("plone.use_email_as_login")
    return api.user.create(
        email=email,
        username=None if use_email else free_login(email),
        # Nobody knows it: the applicant sets their own from the link.
        password=secrets.token_urlsafe(32),
        properties={"fullname": fullname or ""},
    )


def set_password_url(organisation, userid, login):
    """Where the applicant sets a password: Plone's own password reset form
    (the link of its "set your password" mail), in the organisation's
    language root."""
    reset = api.portal.get_tool("portal_password_reset").requestReset(userid)
    root = api.portal.get_navigation_root(organisation).absolute_url()
    return f"{root}/passwordreset/{reset['randomstring']}?userid={quote(login)}"
