"""The team page of an Organisation: its editors, and the forms with which
a coordinator or the secretariat adds an existing account, creates a new
one (Plone mails the person a link to set a password) or removes an editor.

Who may open it is the permission "Manage organisation team" (Coordinator,
Reviewer, Site Administrator, Manager). Editors do not see it: the names and
e-mails of the team are personal data, shown only to those who manage it.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.roles.team import TeamError
from collective.migrationnetwork.roles.team import add_existing_editor
from collective.migrationnetwork.roles.team import create_editor
from collective.migrationnetwork.roles.team import describe
from collective.migrationnetwork.roles.team import remove_team_editor
from collective.migrationnetwork.roles.team import team
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView


class TeamView(BrowserView):
    """GET lists the editors; POST with ``form.action`` = add, create or
    remove changes the team, then comes back here."""

    ACTIONS = ("add", "create", "remove")

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}
        self.action = None

    def __call__(self):
        form = self.request.form
        action = form.get("form.action")
        if self.request.method == "POST" and action in self.ACTIONS:
            CheckAuthenticator(self.request)
            self.action = action
            try:
                message = getattr(self, f"_{action}")()
            except TeamError as error:
                self.errors[error.field] = error.message
                self.request.response.setStatus(400)
            else:
                api.portal.show_message(message, request=self.request)
                return self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@team"
                )
        return self.index()

    def value(self, name):
        """What the user typed in the form that failed, to show it again."""
        return self.request.form.get(name, "") if self.errors else ""

    def editors(self):
        return team(self.context)

    def _name(self, userid):
        info = describe(userid) or {}
        return info.get("fullname") or userid

    def _add(self):
        userid = add_existing_editor(self.context, self.request.form.get("user"))
        return _(
            "msg_editor_added",
            default="${name} is now an editor of this organisation.",
            mapping={"name": self._name(userid)},
        )

    def _create(self):
        form = self.request.form
        userid, mailed = create_editor(
            self.context, form.get("email"), form.get("fullname")
        )
        if mailed:
            return _(
                "msg_account_created",
                default="${name} is now an editor; an e-mail tells them how "
                "to set a password.",
                mapping={"name": self._name(userid)},
            )
        api.portal.show_message(
            _(
                "msg_account_mail_failed",
                default="The account ${user} was created, but the e-mail "
                "could not be sent. Ask them to use 'Forgot your password?' "
                "on the login form.",
                mapping={"user": userid},
            ),
            request=self.request,
            type="warning",
        )
        return _(
            "msg_editor_added",
            default="${name} is now an editor of this organisation.",
            mapping={"name": self._name(userid)},
        )

    def _remove(self):
        userid = self.request.form.get("user", "")
        name = self._name(userid)
        remove_team_editor(self.context, userid)
        return _(
            "msg_editor_removed",
            default="${name} is no longer an editor of this organisation.",
            mapping={"name": name},
        )
