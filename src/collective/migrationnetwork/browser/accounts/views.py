"""The pages of the account links: accepting an invitation to a team and
confirming a new e-mail address.

Opening a link shows what it does and a button; only the button's POST
changes anything, so that a mail client or a scanner that fetches links
changes nothing. The signed token is the authority: whoever holds the
link received it at the address it proves.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.accounts import email_change
from collective.migrationnetwork.accounts import invitation
from plone import api
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


REFUSALS = {
    "invalid": (
        400,
        _(
            "error_link_invalid",
            default="This link is not valid. Check that you copied it whole.",
        ),
    ),
    "expired": (
        410,
        _("error_link_expired", default="This link has expired. Ask for a new one."),
    ),
    "gone": (
        410,
        _(
            "error_link_gone",
            default="This link can no longer be used: the "
            "account or the organisation it was for has changed.",
        ),
    ),
    "moved": (
        410,
        _(
            "error_link_gone",
            default="This link can no longer be used: the "
            "account or the organisation it was for has changed.",
        ),
    ),
    "taken": (
        409,
        _(
            "error_email_taken",
            default="Another account uses this e-mail "
            "address now: it cannot be given to a second one.",
        ),
    ),
}


class TokenPage(BrowserView):
    template = ViewPageTemplateFile("templates/account_link.pt")
    heading = None
    button = None

    def __call__(self):
        self.error = None
        self.done = None
        self.token = self.request.form.get("token")
        if not isinstance(self.token, str):
            self.token = None
        try:
            self.subject = self.check(self.token)
            if self.request.method == "POST":
                self.done = self.act(self.token)
        except (invitation.InvitationError, email_change.EmailChangeError) as error:
            status, message = REFUSALS[error.reason]
            self.request.response.setStatus(status)
            self.error = translate(message, context=self.request)
        return self.template()

    def text(self, message):
        return translate(message, context=self.request)


class AcceptInvitation(TokenPage):
    heading = _("heading_accept_invitation", default="Invitation to a team")
    button = _("button_accept_invitation", default="Accept the invitation")

    def check(self, token):
        organisation, userid = invitation.read_invitation(token)
        return self.text(
            _(
                "msg_invitation_offer",
                default="Your account \u201c${user}\u201d is invited to edit "
                "the profile, practices and trainings of \u201c${title}\u201d.",
                mapping={"user": userid, "title": organisation.Title()},
            )
        )

    def act(self, token):
        organisation = invitation.accept(token)
        self.next_url = organisation.absolute_url()
        return self.text(
            _(
                "msg_invitation_accepted",
                default="You are now an editor of \u201c${title}\u201d. Log in "
                "to write its practices and trainings.",
                mapping={"title": organisation.Title()},
            )
        )


class ConfirmEmail(TokenPage):
    heading = _("heading_confirm_email", default="Confirm your e-mail address")
    button = _("button_confirm_email", default="Confirm the address")

    def check(self, token):
        userid, new = email_change.read_change(token)
        return self.text(
            _(
                "msg_email_change_offer",
                default="The account \u201c${user}\u201d will use ${email} from now on.",
                mapping={"user": userid, "email": new},
            )
        )

    def act(self, token):
        email_change.confirm(token)
        self.next_url = api.portal.get_navigation_root(self.context).absolute_url()
        return self.text(
            _("msg_email_change_done", default="Your e-mail address is changed.")
        )
