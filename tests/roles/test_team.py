"""The team functions that the @@team page and the @team service share."""

from collective.migrationnetwork.roles.groups import editors
from collective.migrationnetwork.roles.team import TeamError
from collective.migrationnetwork.roles.team import add_existing_editor
from collective.migrationnetwork.roles.team import create_editor
from collective.migrationnetwork.roles.team import find_user
from collective.migrationnetwork.roles.team import remove_team_editor
from collective.migrationnetwork.roles.team import team
from plone import api
from roles.helpers import dead_mailhost
from roles.helpers import make_user
from roles.helpers import mock_mailhost

import pytest


@pytest.fixture
def users(portal):
    make_user("maria", "Maria Papadopoulou", "Maria@Athens.example")
    make_user("andreas", "Andreas Georgiou", "andreas@nicosia.example")
    make_user("twin-a", "Twin A", "twins@example.org")
    make_user("twin-b", "Twin B", "twins@example.org")


@pytest.mark.parametrize(
    ("query", "userid"),
    [
        ("maria", "maria"),
        ("  maria ", "maria"),
        ("maria@athens.example", "maria"),
        ("MARIA@athens.EXAMPLE", "maria"),
        ("andreas@nicosia.example", "andreas"),
    ],
)
def test_find_user(users, query, userid):
    assert find_user(query) == userid


@pytest.mark.parametrize(
    ("query", "error_id"),
    [
        ("", "error_team_user_missing"),
        ("   ", "error_team_user_missing"),
        (None, "error_team_user_missing"),
        ("nobody", "error_team_user_unknown"),
        ("nobody@example.org", "error_team_user_unknown"),
        ("not@an@email", "error_team_email_invalid"),
        ("twins@example.org", "error_team_email_ambiguous"),
    ],
)
def test_find_user_refuses(users, query, error_id):
    with pytest.raises(TeamError) as caught:
        find_user(query)
    assert caught.value.field == "user"
    assert caught.value.message == error_id


def test_add_list_remove(sample, users):
    athens = sample["athens"]
    assert add_existing_editor(athens, "andreas@nicosia.example") == "andreas"
    assert add_existing_editor(athens, "maria") == "maria"
    assert team(athens) == [
        {
            "id": "andreas",
            "fullname": "Andreas Georgiou",
            "email": "andreas@nicosia.example",
        },
        {
            "id": "maria",
            "fullname": "Maria Papadopoulou",
            "email": "Maria@Athens.example",
        },
    ]
    with pytest.raises(TeamError) as caught:
        add_existing_editor(athens, "maria")
    assert caught.value.message == "error_team_already_editor"
    remove_team_editor(athens, "maria")
    assert editors(athens) == ["andreas"]
    with pytest.raises(TeamError) as caught:
        remove_team_editor(athens, "maria")
    assert (caught.value.field, caught.value.message) == (
        "user",
        "error_team_not_editor",
    )


def test_create_editor_mails_a_set_password_link(portal, sample):
    mailhost = mock_mailhost(portal)
    userid, mailed = create_editor(
        sample["nicosia"], " eleni@nicosia.example ", "Ελένη Χριστοδούλου"
    )
    assert mailed is True
    assert editors(sample["nicosia"]) == [userid]
    user = api.user.get(userid=userid)
    assert user.getProperty("email") == "eleni@nicosia.example"
    assert user.getProperty("fullname") == "Ελένη Χριστοδούλου"
    assert user.getProperty("language") == "el"
    assert len(mailhost.messages) == 1
    message = mailhost.messages[0].decode()
    assert "eleni@nicosia.example" in message
    assert "passwordreset" in message


def test_a_failed_mail_keeps_the_account(portal, sample):
    dead_mailhost(portal)
    userid, mailed = create_editor(sample["athens"], "kostas@example.org", "Kostas")
    assert mailed is False
    assert api.user.get(userid=userid) is not None
    assert editors(sample["athens"]) == [userid]


@pytest.mark.parametrize(
    ("email", "fullname", "field", "error_id"),
    [
        ("", "Somebody", "email", "error_team_email_missing"),
        ("not an email", "Somebody", "email", "error_team_email_invalid"),
        ("a@b", "Somebody", "email", "error_team_email_invalid"),
        ("new@example.org", "", "fullname", "error_team_fullname_missing"),
        ("new@example.org", "   ", "fullname", "error_team_fullname_missing"),
        ("new@example.org", "x" * 101, "fullname", "error_team_fullname_long"),
        ("maria@athens.example", "Maria Again", "email", "error_team_email_taken"),
    ],
)
def test_create_editor_refuses(portal, sample, users, email, fullname, field, error_id):
    mailhost = mock_mailhost(portal)
    before = {u.getId() for u in api.user.get_users()}
    with pytest.raises(TeamError) as caught:
        create_editor(sample["athens"], email, fullname)
    assert (caught.value.field, caught.value.message) == (field, error_id)
    assert {u.getId() for u in api.user.get_users()} == before
    assert editors(sample["athens"]) == []
    assert mailhost.messages == []
