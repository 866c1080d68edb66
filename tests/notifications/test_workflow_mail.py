"""Review transitions mail the right people, in their language, with a
link to the item and the reviewer's comment."""

from collective.migrationnetwork.notifications.testing import html_of
from collective.migrationnetwork.notifications.testing import text_of
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import editors_group_id
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from zope.i18n import translate

import logging
import pytest
import transaction


SUBMIT = ("eleni", "submit")
ENDORSE = ("nikos", "endorse")
PUBLISH = ("sofia", "publish")

# id: (steps before, (actor, transition), comment, kind, recipients)
PRACTICE_CASES = {
    "submit": ((), SUBMIT, "Ready when you are", "submitted", {"nikos", "anna"}),
    "endorse": ((SUBMIT,), ENDORSE, "", "endorsed", {"sofia", "mark"}),
    "publish after endorsement": (
        (SUBMIT, ENDORSE),
        PUBLISH,
        "Thank you, well written.",
        "published",
        {"eleni", "john"},
    ),
    "publish without endorsement": (
        (SUBMIT,),
        ("mark", "publish"),
        "",
        "published",
        {"eleni", "john"},
    ),
    "changes requested by the coordinator": (
        (SUBMIT,),
        ("nikos", "request_changes"),
        "Please add the budget.",
        "changes_requested",
        {"eleni", "john"},
    ),
    "changes requested by the secretariat": (
        (SUBMIT, ENDORSE),
        ("mark", "request_changes"),
        "Ο τίτλος θέλει διόρθωση.",
        "changes_requested",
        {"eleni", "john"},
    ),
}


def run_steps(act, obj, steps):
    for userid, transition in steps:
        act(userid, obj, transition)
    transaction.commit()


def assert_mails(found, users, expected, kind, obj, comment):
    assert set(found) == {users[userid][2] for userid in expected}
    by_address = {users[userid][2]: userid for userid in expected}
    for address, messages in found.items():
        assert len(messages) == 1, f"{address} mailed {len(messages)} times"
        message = messages[0]
        userid = by_address[address]
        language = users[userid][1]
        assert message["X-Notification-Kind"] == kind
        assert message["Content-Language"] == language
        assert message["To"].addresses[0].display_name == users[userid][0]
        assert message["Auto-Submitted"] == "auto-generated"
        assert obj.Title() in message["Subject"]
        text, html = text_of(message), html_of(message)
        assert obj.absolute_url() in text
        assert f'href="{obj.absolute_url()}"' in html
        if comment:
            assert comment in text
            assert comment in html
        # The item's type, in the recipient's language (from the catalogue).
        type_title = translate(
            api.portal.get_tool("portal_types")[obj.portal_type].Title(),
            domain="collective.migrationnetwork",
            target_language=language,
        )
        assert f"({type_title}," in text


@pytest.mark.parametrize("case", PRACTICE_CASES, ids=list(PRACTICE_CASES))
def test_practice_transition_mails(case, practice, mails, mailbox, act, users):
    steps, (actor, transition), comment, kind, expected = PRACTICE_CASES[case]
    run_steps(act, practice, steps)
    del mailbox[:]
    act(actor, practice, transition, comment)
    transaction.commit()
    assert_mails(mails(), users, expected, kind, practice, comment)


@pytest.mark.parametrize("language", ["el", "en"])
def test_greek_and_english_recipients_get_their_catalogue(
    language, practice, mails, act, users
):
    """The subject is the catalogue's translation in the recipient's
    language (Greek for nikos, English for anna)."""
    from collective.migrationnetwork.notifications.messages import KINDS
    from zope.i18nmessageid import Message

    act("eleni", practice, "submit")
    transaction.commit()
    userid = {"el": "nikos", "en": "anna"}[language]
    (message,) = mails()[users[userid][2]]
    subject = translate(
        Message(KINDS["submitted"]["subject"], mapping={"title": practice.Title()}),
        target_language=language,
    )
    assert message["Subject"].endswith(subject)
    assert message["Content-Language"] == language


def test_the_actor_is_not_told(practice, mails, mailbox, act, users):
    """sofia is in the editors group and sends the item back: the others
    are told. (She may not publish it: separation of duties.)"""
    run_steps(act, practice, (SUBMIT, ENDORSE))
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(
            groupname=editors_group_id(practice.aq_parent), username="sofia"
        )
    transaction.commit()
    del mailbox[:]
    act("sofia", practice, "request_changes", "Fix the dates")
    transaction.commit()
    assert users["sofia"][2] not in set(mails())
    assert set(mails()) == {users["eleni"][2], users["john"][2]}


def test_secretariat_member_who_endorses_is_not_told(
    practice, mails, mailbox, act, users
):
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname=SECRETARIAT_GROUP, username="nikos")
    run_steps(act, practice, (SUBMIT,))
    del mailbox[:]
    act("nikos", practice, "endorse")
    transaction.commit()
    assert set(mails()) == {users["sofia"][2], users["mark"][2]}


def test_users_without_address_are_skipped(practice, mails, mailbox, act, caplog):
    caplog.set_level(logging.INFO)
    run_steps(act, practice, (SUBMIT,))
    del mailbox[:]
    act("nikos", practice, "request_changes", "More detail, please.")
    transaction.commit()
    assert "Not notifying silent: no e-mail address" in caplog.text
    assert len(mailbox) == 2


def test_transitions_without_notification(practice, mailbox, act):
    run_steps(act, practice, (SUBMIT,))
    del mailbox[:]
    act("eleni", practice, "retract")
    transaction.commit()
    assert list(mailbox) == []


def _lonely_organisation(portal):
    """An organisation whose network has no coordinators."""
    from content_builders import publish
    from content_builders import relation

    root = portal["el"]
    network = publish(
        api.content.create(
            container=root["networks"],
            type="Network",
            id="lonely-network",
            title="Lonely",
        )
    )
    return publish(
        api.content.create(
            container=root["organisations"],
            type="Organisation",
            id="lonely",
            title="Lonely organisation",
            networks=[relation(network)],
        )
    )


@pytest.mark.parametrize("organisation", ["cardet", "lonely"])
def test_submit_without_coordinators_goes_to_the_secretariat(
    organisation, people, functional, mails, mailbox, act, users
):
    """cardet has no network; lonely's network has no coordinators."""
    with api.env.adopt_roles(["Manager"]):
        if organisation == "lonely":
            container = _lonely_organisation(functional["portal"])
        else:
            container = people[organisation]
    with api.env.adopt_user(username="eleni"), api.env.adopt_roles(["Manager"]):
        practice = api.content.create(
            container=container, type="Practice", id="p", title="Orphan", kind="tool"
        )
    transaction.commit()
    del mailbox[:]
    act("eleni", practice, "submit", roles=["Manager"])
    transaction.commit()
    assert set(mails()) == {users["sofia"][2], users["mark"][2]}
    assert {m[0]["X-Notification-Kind"] for m in mails().values()} == {"submitted"}


def test_working_copy_check_in_tells_the_team(practice, mails, mailbox, act, users):
    run_steps(act, practice, (SUBMIT, ENDORSE, PUBLISH))
    with api.env.adopt_user(username="eleni"):
        working_copy = ICheckinCheckoutPolicy(practice).checkout(practice.aq_parent)
        working_copy.title = "Γλωσσικό καφέ, νέα έκδοση"
    transaction.commit()
    del mailbox[:]
    with api.env.adopt_user(username="sofia"):
        published = ICheckinCheckoutPolicy(working_copy).checkin("Merged the new text")
    transaction.commit()
    found = mails()
    assert set(found) == {users["eleni"][2], users["john"][2]}
    for (message,) in found.values():
        assert message["X-Notification-Kind"] == "checked_in"
        assert "Merged the new text" in text_of(message)
        assert published.absolute_url() in text_of(message)


# Newsletters: (steps, (actor, transition), comment, kind, recipients)
NEWSLETTER_CASES = {
    "submit": ((), ("petros", "submit"), "", "newsletter_submitted", {"sofia", "mark"}),
    "request_changes": (
        (("petros", "submit"),),
        ("sofia", "request_changes"),
        "Shorter introduction, please.",
        "newsletter_changes_requested",
        {"petros"},
    ),
}


@pytest.mark.parametrize("case", NEWSLETTER_CASES, ids=list(NEWSLETTER_CASES))
def test_newsletter_transition_mails(case, newsletter, mails, mailbox, act, users):
    steps, (actor, transition), comment, kind, expected = NEWSLETTER_CASES[case]
    run_steps(act, newsletter, steps)
    del mailbox[:]
    act(actor, newsletter, transition, comment)
    transaction.commit()
    found = mails()
    assert set(found) == {users[userid][2] for userid in expected}
    for address, (message,) in found.items():
        userid = next(u for u in expected if users[u][2] == address)
        assert message["X-Notification-Kind"] == kind
        assert message["Content-Language"] == users[userid][1]
        assert newsletter.absolute_url() in text_of(message)
        if comment:
            assert comment in text_of(message)


def test_messages_are_ready_for_smtp(practice, mailbox, act):
    """CRLF line ends only (servers refuse bare LF), ASCII headers."""
    act("eleni", practice, "submit")
    transaction.commit()
    assert mailbox
    for raw in mailbox:
        assert b"\n" not in raw.replace(b"\r\n", b"")
        headers = raw.split(b"\r\n\r\n", 1)[0]
        headers.decode("ascii")
        assert max(len(line) for line in raw.split(b"\r\n")) <= 998
