"""The team page and the @team service, over HTTP, as the people who use
them (and those who may not)."""

from collective.migrationnetwork import _
from plone import api
from roles.helpers import PASSWORD
from roles.helpers import dead_mailhost
from roles.helpers import make_people
from roles.helpers import mock_mailhost
from zope.i18n import translate

import html
import pytest
import re
import transaction


ATHENS = "/el/organisations/athens"
OUTSIDERS = ["coordinator-cyprus", "editor-athens", "member"]
MANAGERS = ["coordinator-cities", "secretary"]


@pytest.fixture
def site(functional, functional_sample):
    portal = functional["portal"]
    make_people(functional_sample)
    mailhost = mock_mailhost(portal)
    transaction.commit()
    return {"portal": portal, "mailhost": mailhost, **functional_sample}


def browser(http, userid):
    return http(auth=(userid, PASSWORD))


def rest(http, userid=None):
    return http(auth=(userid, PASSWORD) if userid else None, json=True)


def token(session, path=ATHENS):
    page = session.get(f"{path}/@@team")
    assert page.status_code == 200, page.text
    return re.search(r'name="_authenticator"\s+value="([^"]+)"', page.text).group(1)


def current_editors():
    transaction.begin()
    from collective.migrationnetwork.roles.groups import editors

    portal = api.portal.get()
    return editors(portal.el.organisations.athens)


# The page


@pytest.mark.parametrize("userid", [None, *OUTSIDERS])
def test_page_refused_to_outsiders(site, http, userid):
    session = browser(http, userid) if userid else http()
    response = session.get(f"{ATHENS}/@@team", allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    assert "editor-athens@example.org" not in response.text


@pytest.mark.parametrize("userid", MANAGERS)
def test_page_lists_editors(site, http, userid):
    response = browser(http, userid).get(f"{ATHENS}/@@team")
    assert response.status_code == 200
    assert "Maria Editor" in response.text
    assert "editor-athens@example.org" in response.text
    assert 'name="_authenticator"' in response.text


@pytest.mark.parametrize(
    ("userid", "shown"),
    [(None, False), *((u, True) for u in MANAGERS), ("editor-athens", False)],
)
def test_team_tab_on_the_organisation(site, http, userid, shown):
    session = browser(http, userid) if userid else http()
    response = session.get(ATHENS)
    assert response.status_code == 200
    assert (f"{ATHENS}/@@team" in response.text) is shown


def test_page_adds_creates_and_removes(site, http):
    session = browser(http, "coordinator-cities")
    authenticator = token(session)

    added = session.post(
        f"{ATHENS}/@@team",
        data={"form.action": "add", "user": "member", "_authenticator": authenticator},
    )
    assert added.status_code == 200
    assert added.url.endswith(f"{ATHENS}/@@team")
    assert "Nikos Member" in added.text
    assert current_editors() == ["editor-athens", "member"]

    created = session.post(
        f"{ATHENS}/@@team",
        data={
            "form.action": "create",
            "fullname": "Eleni Newcomer",
            "email": "eleni@example.org",
            "_authenticator": authenticator,
        },
    )
    assert created.status_code == 200
    assert "eleni@example.org" in created.text
    assert len(current_editors()) == 3
    assert len(site["mailhost"].messages) == 1

    removed = session.post(
        f"{ATHENS}/@@team",
        data={
            "form.action": "remove",
            "user": "member",
            "_authenticator": authenticator,
        },
    )
    assert removed.status_code == 200
    assert "member@example.org" not in removed.text
    assert "member" not in current_editors()


def shown(msgid, default, **mapping):
    """A message as the page shows it: in the language of /el."""
    message = _(msgid, default=default, mapping=mapping)
    return translate(message, target_language="el")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"form.action": "add", "user": "nobody"},
            (
                "error_team_user_unknown",
                "There is no account '${query}'. To invite a new person, "
                "create an account for them.",
                {"query": "nobody"},
            ),
        ),
        (
            {"form.action": "add", "user": "bad@@example"},
            ("error_team_email_invalid", "This is not a valid e-mail address.", {}),
        ),
        (
            {"form.action": "add", "user": ""},
            ("error_team_user_missing", "Enter a user name or an e-mail.", {}),
        ),
        (
            {"form.action": "create", "fullname": "X", "email": "not-an-email"},
            ("error_team_email_invalid", "This is not a valid e-mail address.", {}),
        ),
        (
            {"form.action": "create", "fullname": "", "email": "x@example.org"},
            ("error_team_fullname_missing", "Enter the full name.", {}),
        ),
        (
            {"form.action": "remove", "user": "member"},
            (
                "error_team_not_editor",
                "${user} is not an editor of this organisation.",
                {"user": "member"},
            ),
        ),
    ],
)
def test_page_bad_input_is_a_form_error(site, http, data, message):
    session = browser(http, "coordinator-cities")
    response = session.post(
        f"{ATHENS}/@@team", data={**data, "_authenticator": token(session)}
    )
    assert response.status_code == 400
    assert "invalid-feedback" in response.text or "alert-danger" in response.text
    msgid, default, mapping = message
    assert shown(msgid, default, **mapping) in html.unescape(response.text)
    assert current_editors() == ["editor-athens"]


def test_page_refuses_posts_without_token(site, http):
    session = browser(http, "coordinator-cities")
    response = session.post(
        f"{ATHENS}/@@team", data={"form.action": "add", "user": "member"}
    )
    assert response.status_code == 403
    assert current_editors() == ["editor-athens"]


def test_page_failed_mail_keeps_the_account(site, http):
    dead_mailhost(site["portal"])
    transaction.commit()
    session = browser(http, "coordinator-cities")
    response = session.post(
        f"{ATHENS}/@@team",
        data={
            "form.action": "create",
            "fullname": "Kostas Offline",
            "email": "kostas@example.org",
            "_authenticator": token(session),
        },
    )
    assert response.status_code == 200
    (userid,) = [u for u in current_editors() if u != "editor-athens"]
    failed = shown(
        "msg_account_mail_failed",
        "The account ${user} was created, but the e-mail could not be sent. "
        "Ask them to use 'Forgot your password?' on the login form.",
        user=userid,
    )
    assert failed in html.unescape(response.text)
    assert "kostas@example.org" in response.text


# REST


@pytest.mark.parametrize("method", ["get", "post", "delete"])
@pytest.mark.parametrize("userid", [None, *OUTSIDERS])
def test_rest_refused_without_permission(site, http, method, userid):
    session = rest(http, userid)
    path = f"{ATHENS}/@team" + ("/editor-athens" if method == "delete" else "")
    kwargs = {"json": {"user": "member"}} if method == "post" else {}
    response = getattr(session, method)(path, **kwargs)
    # plone.restapi answers 401 to logged-in users too.
    assert response.status_code in ((401,) if userid is None else (401, 403))
    assert "editor-athens@example.org" not in response.text
    assert current_editors() == ["editor-athens"]


@pytest.mark.parametrize("userid", MANAGERS)
def test_rest_lists(site, http, userid):
    response = rest(http, userid).get(f"{ATHENS}/@team")
    assert response.status_code == 200
    body = response.json()
    assert body["items_total"] == 1
    assert body["items"] == [
        {
            "id": "editor-athens",
            "fullname": "Maria Editor",
            "email": "editor-athens@example.org",
        }
    ]


def test_rest_adds_creates_and_removes(site, http):
    session = rest(http, "coordinator-cities")
    added = session.post(f"{ATHENS}/@team", json={"user": "member@example.org"})
    assert added.status_code == 201, added.text
    assert added.json()["id"] == "member"
    assert added.headers["Location"].endswith(f"{ATHENS}/@team/member")

    created = session.post(
        f"{ATHENS}/@team",
        json={"email": "eleni@example.org", "fullname": "Eleni Newcomer"},
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["mail_sent"] is True
    assert body["email"] == "eleni@example.org"
    assert sorted(current_editors()) == sorted(["editor-athens", "member", body["id"]])

    removed = session.delete(f"{ATHENS}/@team/member")
    assert removed.status_code == 204
    again = session.delete(f"{ATHENS}/@team/member")
    assert again.status_code == 404
    assert again.json()["errors"][0]["field"] == "user"
    assert "member" not in current_editors()


def test_rest_failed_mail_keeps_the_account(site, http):
    dead_mailhost(site["portal"])
    transaction.commit()
    response = rest(http, "secretary").post(
        f"{ATHENS}/@team", json={"email": "kostas@example.org", "fullname": "Kostas"}
    )
    assert response.status_code == 201
    assert response.json()["mail_sent"] is False
    assert response.json()["id"] in current_editors()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"user": "nobody"}, "user"),
        ({"user": "editor-athens"}, "user"),
        ({"user": 42}, "user"),
        ({}, "user"),
        ({"email": "bad", "fullname": "X"}, "email"),
        ({"email": "x@example.org", "fullname": ""}, "fullname"),
        ({"email": "x@example.org"}, "fullname"),
        ({"fullname": "X"}, "email"),
        ({"email": "editor-athens@example.org", "fullname": "Again"}, "email"),
        ([1, 2], "body"),
        ("text", "body"),
    ],
)
def test_rest_bad_input_names_the_field(site, http, body, field):
    response = rest(http, "coordinator-cities").post(f"{ATHENS}/@team", json=body)
    assert response.status_code == 400, response.text
    answer = response.json()
    assert answer["type"] == "BadRequest"
    assert answer["errors"][0]["field"] == field
    assert answer["message"].startswith(f"{field}: ")
    assert current_editors() == ["editor-athens"]


def test_rest_unreadable_body(site, http):
    session = rest(http, "coordinator-cities")
    response = session.post(
        f"{ATHENS}/@team",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_rest_delete_needs_a_user(site, http):
    response = rest(http, "coordinator-cities").delete(f"{ATHENS}/@team")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "user"
    assert current_editors() == ["editor-athens"]
