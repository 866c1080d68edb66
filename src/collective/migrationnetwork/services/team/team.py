"""``/{organisation}/@team``: the organisation's editors.

- ``GET`` lists them: ``{"@id", "items": [{"id", "fullname", "email"}],
  "items_total"}``.
- ``POST {"user": "<user name or e-mail>"}`` adds an existing account;
  ``POST {"email": ..., "fullname": ...}`` creates one (Plone mails the
  person a link to set a password; ``mail_sent`` says whether it went).
  Both answer 201 with the editor.
- ``DELETE /@team/<user id>`` removes an editor: 204, or 404 when the
  account is not an editor.

Bad input is answered with 400 naming the field. The permission is
"Manage organisation team", as for the ``@@team`` page.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.roles.team import TeamError
from collective.migrationnetwork.roles.team import add_existing_editor
from collective.migrationnetwork.roles.team import create_editor
from collective.migrationnetwork.roles.team import describe
from collective.migrationnetwork.roles.team import remove_team_editor
from collective.migrationnetwork.roles.team import team
from collective.migrationnetwork.services import PathParams
from collective.migrationnetwork.services import Service
from collective.migrationnetwork.validation import InvalidInput
from collective.migrationnetwork.validation import validate_email
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from zope.i18n import translate
from zope.interface import alsoProvides


class TeamService(Service):
    def _answer(self, status, body=None):
        self.request.response.setStatus(status)
        return body

    def _error(self, error, status=400, kind="BadRequest"):
        message = translate(error.message, context=self.request)
        return self._answer(
            status,
            {
                "type": kind,
                "message": f"{error.field}: {message}",
                "errors": [{"field": error.field, "message": message}],
            },
        )


class TeamGet(TeamService):
    def reply(self):
        items = team(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@team",
            "items": items,
            "items_total": len(items),
        }


class TeamPost(TeamService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except Exception:  # any unreadable body
            data = None
        if not isinstance(data, dict):
            return self._error(
                TeamError(
                    "body",
                    _(
                        "error_team_body",
                        default="Send a JSON object with 'user', or with "
                        "'email' and 'fullname'.",
                    ),
                )
            )
        refused = self._check_addresses(data)
        if refused is not None:
            return refused
        mailed = None
        try:
            if "user" in data or not ({"email", "fullname"} & set(data)):
                userid = add_existing_editor(self.context, _text(data, "user"))
            else:
                userid, mailed = create_editor(
                    self.context, _text(data, "email"), _text(data, "fullname")
                )
        except TeamError as error:
            return self._error(error)
        body = describe(userid)
        if mailed is not None:
            body["mail_sent"] = mailed
        self.request.response.setHeader(
            "Location", f"{self.context.absolute_url()}/@team/{userid}"
        )
        return self._answer(201, body)

    def _check_addresses(self, data):
        """The portal's one e-mail validator on ``email`` (and on ``user``
        when it is an address), before any account is looked up or made;
        the addresses go on normalised."""
        for name in ("email", "user"):
            value = data.get(name)
            if not isinstance(value, str) or (name == "user" and "@" not in value):
                continue
            if name == "email" and not value.strip():
                continue  # "Enter an e-mail", as before
            try:
                data[name] = validate_email(value)
            except InvalidInput as error:
                return self._error(TeamError(name, error.doc()))
        return None


def _text(data, name):
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise TeamError(
            name, _("error_team_text", default="Send this value as a string.")
        )
    return value


class TeamDelete(PathParams, TeamService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if len(self.params) != 1:
            return self._error(
                TeamError(
                    "user",
                    _(
                        "error_team_delete_path",
                        default="Name the editor to remove: @team/<user id>.",
                    ),
                )
            )
        try:
            remove_team_editor(self.context, self.params[0])
        except TeamError as error:
            return self._error(error, status=404, kind="NotFound")
        return self._answer(204)
