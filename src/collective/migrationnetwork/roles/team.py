"""An organisation's team: who its editors are, and the changes that the
coordinators and the secretariat make to it. The ``@@team`` page and the
``@team`` REST service both call these functions.

Bad input raises ``TeamError`` naming the field; nothing is changed then.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.roles.groups import add_editor
from collective.migrationnetwork.roles.groups import editors
from collective.migrationnetwork.roles.groups import remove_editor
from collective.migrationnetwork.validation import NotEmailAddress
from collective.migrationnetwork.validation import validate_email
from plone import api
from plone.app.users.utils import generate_user_id
from ZODB.POSException import ConflictError

import secrets


FULLNAME_MAX = 100


class TeamError(ValueError):
    """Bad input: ``field`` names the input, ``message`` says what is wrong
    (a message id)."""

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def describe(userid):
    user = api.user.get(userid=userid)
    if user is None:
        return None
    return {
        "id": userid,
        "fullname": user.getProperty("fullname") or "",
        "email": user.getProperty("email") or "",
    }


def team(organisation):
    """The editors of ``organisation``: id, full name and e-mail of each,
    by full name."""
    people = [describe(userid) for userid in editors(organisation)]
    return sorted(
        (p for p in people if p), key=lambda p: (p["fullname"].lower(), p["id"])
    )


def valid_email(value, field="email"):
    value = (value or "").strip()
    if not value:
        raise TeamError(
            field, _("error_team_email_missing", default="Enter an e-mail.")
        )
    try:
        value = validate_email(value)
    except NotEmailAddress as error:
        raise TeamError(
            field,
            _(
                "error_team_email_invalid",
                default="This is not a valid e-mail address.",
            ),
        ) from error
    return value


def users_with_email(email):
    """Ids of the accounts whose e-mail is ``email`` (any case)."""
    acl_users = api.portal.get_tool("acl_users")
    wanted = email.strip().lower()
    found = set()
    for info in acl_users.searchUsers(email=email):
        user = api.user.get(userid=info["userid"])
        if user is not None and (user.getProperty("email") or "").lower() == wanted:
            found.add(info["userid"])
    return sorted(found)


def find_user(query, field="user"):
    """The id of the account that ``query`` names: a user id, a login name
    or an e-mail."""
    query = (query or "").strip()
    if not query:
        raise TeamError(
            field,
            _("error_team_user_missing", default="Enter a user name or an e-mail."),
        )
    if "@" in query:
        matches = users_with_email(valid_email(query, field))
        if len(matches) > 1:
            raise TeamError(
                field,
                _(
                    "error_team_email_ambiguous",
                    default="Several accounts use this e-mail: enter the user name.",
                ),
            )
        if matches:
            return matches[0]
    else:
        user = api.user.get(userid=query) or api.user.get(username=query)
        if user is not None:
            return user.getId()
    raise TeamError(
        field,
        _(
            "error_team_user_unknown",
            default="There is no account '${query}'. To invite a new person, "
            "create an account for them.",
            mapping={"query": query},
        ),
    )


def add_existing_editor(organisation, query):
    """Make the account that ``query`` names an editor; returns its id."""
    userid = find_user(query)
    if userid in editors(organisation):
        raise TeamError(
            "user",
            _(
                "error_team_already_editor",
                default="${user} is already an editor of this organisation.",
                mapping={"user": userid},
            ),
        )
    add_editor(organisation, userid)
    return userid


def create_account(email, fullname, language=None):
    """Create a member account with a random password and return its id.
    The person sets a password through the mail of ``send_invitation``."""
    email = valid_email(email)
    fullname = (fullname or "").strip()
    if not fullname:
        raise TeamError(
            "fullname", _("error_team_fullname_missing", default="Enter the full name.")
        )
    if len(fullname) > FULLNAME_MAX:
        raise TeamError(
            "fullname",
            _(
                "error_team_fullname_long",
                default="The full name is longer than ${max} characters.",
                mapping={"max": FULLNAME_MAX},
            ),
        )
    existing = users_with_email(email)
    if existing:
        raise TeamError(
            "email",
            _(
                "error_team_email_taken",
                default="An account with this e-mail exists already (${user}): "
                "add it as an existing account.",
                mapping={"user": existing[0]},
            ),
        )
    userid = generate_user_id(api.portal.get(), {"email": email, "fullname": fullname})
    properties = {"fullname": fullname}
    if language:
        properties["language"] = language
    user = api.user.create(
        email=email,
        username=userid,
        password=secrets.token_urlsafe(24),
        properties=properties,
    )
    return user.getId()


def send_invitation(userid):
    """Plone's standard mail that lets a new member set a password.
    Returns False (and logs why) when it could not be sent: the account is
    kept, and the person can use "Forgot your password?"."""
    registration = api.portal.get_tool("portal_registration")
    try:
        registration.registeredNotify(userid)
    except ConflictError:
        raise
    except Exception:  # any failure of the mail must keep the account
        logger.exception("Could not send the set-password mail to %s", userid)
        return False
    return True


def create_editor(organisation, email, fullname):
    """Create an account and make it an editor of ``organisation``; the
    account's language is the organisation's. Returns ``(userid, mailed)``."""
    userid = create_account(email, fullname, language=organisation.Language() or None)
    add_editor(organisation, userid)
    return userid, send_invitation(userid)


def remove_team_editor(organisation, userid):
    if not remove_editor(organisation, (userid or "").strip()):
        raise TeamError(
            "user",
            _(
                "error_team_not_editor",
                default="${user} is not an editor of this organisation.",
                mapping={"user": userid},
            ),
        )
