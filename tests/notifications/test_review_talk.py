"""Review talk goes both ways: every transition comment reaches the item's
authors in their language, and the welcome mail of a new organisation
states the username.

The authors of an item are its creators, the users holding its Owner role
and whoever saved it last; the rest of the organisation's team hears only
of what the workflow's notices tell it (publish, request changes).
"""

from collective.migrationnetwork.membership.application import set_application
from collective.migrationnetwork.notifications.messages import GREETING
from collective.migrationnetwork.notifications.messages import KINDS
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.notifications.testing import html_of
from collective.migrationnetwork.notifications.testing import text_of
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from plone import api
from zope.event import notify
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


# language -> (the author, a teammate of theirs who did not write the item)
AUTHORS = {"el": ("eleni", "john"), "en": ("john", "eleni")}

# The notices that tell the whole team, authors included.
TEAM_KINDS = {"published", "changes_requested"}

# id: (steps before, (actor, transition), the kind the author receives);
# "teammate" stands for the author's teammate.
CASES = {
    "endorse": ((("teammate", "submit"),), ("nikos", "endorse"), "review_comment"),
    "publish": (
        (("teammate", "submit"), ("nikos", "endorse")),
        ("sofia", "publish"),
        "published",
    ),
    "request_changes": (
        (("teammate", "submit"),),
        ("nikos", "request_changes"),
        "changes_requested",
    ),
    "retract": (
        (("teammate", "submit"),),
        ("teammate", "retract"),
        "review_comment",
    ),
    "archive": (
        (("teammate", "submit"), ("nikos", "endorse"), ("sofia", "publish")),
        ("mark", "archive"),
        "review_comment",
    ),
}

COMMENT = {
    "el": "Καλή δουλειά· προσθέστε τον προϋπολογισμό.",
    "en": "Good work; please add the budget.",
}
HOSTILE = '<script>alert("x")</script>\nBcc: x@example.org\r\nSubject: cheap pills'


@pytest.fixture
def write(people):
    """``write(userid)``: a draft practice of athens created by ``userid``."""

    def make(userid):
        with api.env.adopt_user(username=userid):
            obj = api.content.create(
                container=people["athens"],
                type="Practice",
                id="housing-desk",
                title="Γραφείο στέγασης",
                kind="tool",
                status="planned",
            )
        transaction.commit()
        return obj

    return make


def run(act, obj, steps, teammate):
    for userid, transition in steps:
        act(teammate if userid == "teammate" else userid, obj, transition)
    transaction.commit()


def expected_subject(kind, obj, transition, language):
    """The subject's catalogue text in ``language``."""
    wf_transition = api.portal.get_tool("portal_workflow")[
        "network_review_workflow"
    ].transitions[transition]
    mapping = {
        "title": obj.Title(),
        "transition": Message(wf_transition.title, domain="plone"),
    }
    return translate(
        Message(KINDS[kind]["subject"], mapping=mapping), target_language=language
    )


def greeting(users, userid):
    fullname, language, _email = users[userid]
    return translate(
        Message(GREETING, mapping={"name": fullname}), target_language=language
    )


@pytest.mark.parametrize("language", ["el", "en"])
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_comment_reaches_the_author_in_their_language(
    case, language, write, mails, mailbox, act, users
):
    steps, (actor, transition), kind = CASES[case]
    author, teammate = AUTHORS[language]
    actor = teammate if actor == "teammate" else actor
    practice = write(author)
    run(act, practice, steps, teammate)
    del mailbox[:]
    act(actor, practice, transition, COMMENT[language])
    transaction.commit()
    found = mails()

    (message,) = found[users[author][2]]
    assert message["X-Notification-Kind"] == kind
    assert message["Content-Language"] == language
    assert message["Subject"].endswith(
        expected_subject(kind, practice, transition, language)
    )
    text, html = text_of(message), html_of(message)
    assert greeting(users, author) in text
    assert f"> {COMMENT[language]}" in text
    assert COMMENT[language] in html
    assert practice.absolute_url() in text
    assert f'href="{practice.absolute_url()}"' in html
    if language == "el":
        assert "Hello" not in text

    # Nobody is told of their own action; the teammate who did not write
    # the item hears only of what the team is told.
    assert users[actor][2] not in found
    teammate_mails = found.get(users[teammate][2], [])
    told = kind in TEAM_KINDS and teammate != actor
    assert len(teammate_mails) == (1 if told else 0)
    for messages in found.values():
        assert len(messages) == 1


def test_no_comment_no_mail_to_the_author(write, mails, mailbox, act, users):
    """Endorsing without a comment tells only the secretariat."""
    practice = write("eleni")
    run(act, practice, (("john", "submit"),), "john")
    del mailbox[:]
    act("nikos", practice, "endorse")
    transaction.commit()
    assert set(mails()) == {users["sofia"][2], users["mark"][2]}


def test_the_sole_author_is_not_told_of_their_own_comment(write, mails, mailbox, act):
    practice = write("eleni")
    run(act, practice, (("eleni", "submit"),), "john")
    del mailbox[:]
    act("eleni", practice, "retract", "Not ready yet, sorry.")
    transaction.commit()
    assert mails() == {}


def test_an_author_who_is_also_a_recipient_gets_one_mail(
    write, mails, mailbox, act, users
):
    """eleni wrote the item and is in the secretariat: the endorsement
    notice, which carries the comment, is her only mail."""
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname=SECRETARIAT_GROUP, username="eleni")
    transaction.commit()
    practice = write("eleni")
    run(act, practice, (("john", "submit"),), "john")
    del mailbox[:]
    act("nikos", practice, "endorse", "Recommended.")
    transaction.commit()
    found = mails()
    assert set(found) == {users[u][2] for u in ("eleni", "sofia", "mark")}
    (message,) = found[users["eleni"][2]]
    assert message["X-Notification-Kind"] == "endorsed"
    assert "> Recommended." in text_of(message)


def test_the_last_modifier_outside_the_team_is_an_author(
    write, mails, mailbox, act, users
):
    """anna, a coordinator, corrected the submitted item; she may not
    endorse it, but the secretariat's request for changes reaches her."""
    practice = write("eleni")
    run(act, practice, (("eleni", "submit"),), "john")
    with api.env.adopt_user(username="anna"):
        practice.title = "Γραφείο στέγασης και εργασίας"
        notify(ObjectModifiedEvent(practice))
    transaction.commit()
    run(act, practice, (("nikos", "endorse"),), "john")
    del mailbox[:]
    act("mark", practice, "request_changes", "Which districts?")
    transaction.commit()
    found = mails()
    assert set(found) == {users[u][2] for u in ("eleni", "john", "anna")}
    (message,) = found[users["anna"][2]]
    assert message["X-Notification-Kind"] == "changes_requested"
    assert message["Content-Language"] == "en"
    assert "> Which districts?" in text_of(message)


def test_an_owner_is_an_author(write, mails, mailbox, act, users):
    practice = write("eleni")
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="john", obj=practice, roles=["Owner"])
    run(act, practice, (("eleni", "submit"),), "john")
    del mailbox[:]
    act("nikos", practice, "endorse", "Recommended.")
    transaction.commit()
    found = mails()
    for userid in ("eleni", "john"):
        (message,) = found[users[userid][2]]
        assert message["X-Notification-Kind"] == "review_comment"


@pytest.mark.parametrize("transition", ["endorse", "request_changes"])
def test_a_hostile_comment_is_shown_inert(
    transition, write, functional, mails, mailbox, act, users
):
    practice = write("eleni")
    run(act, practice, (("john", "submit"),), "john")
    del mailbox[:]
    act("nikos", practice, transition, HOSTILE)
    transaction.commit()
    found = mails()
    assert "x@example.org" not in found
    (message,) = found[users["eleni"][2]]
    for header, value in message.items():
        assert "x@example.org" not in str(value), header
        assert "cheap pills" not in str(value), header
    assert message["Bcc"] is None
    assert len(message.get_all("Subject")) == 1
    # Quoted as text in the plain part, escaped in the HTML part.
    text, html = text_of(message), html_of(message)
    assert '> <script>alert("x")</script>' in text
    assert "> Bcc: x@example.org" in text
    assert "> Subject: cheap pills" in text
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "Bcc: x@example.org" in html
    # Nothing is addressed to the comment's address.
    records = get_outbox(functional["portal"]).records("notifications")
    assert "x@example.org" not in {record.to for record in records}


@pytest.mark.parametrize("language", ["el", "en"])
@pytest.mark.parametrize(
    ("transition", "kind"),
    [
        ("approve", "newsletter_review_comment"),
        ("request_changes", "newsletter_changes_requested"),
    ],
)
def test_newsletter_comments_reach_the_author(
    transition, kind, language, newsletter, mails, mailbox, act, users
):
    with api.env.adopt_roles(["Manager"]):
        api.user.get(userid="petros").setMemberProperties({"language": language})
    transaction.commit()
    act("petros", newsletter, "submit")
    transaction.commit()
    del mailbox[:]
    act("sofia", newsletter, transition, COMMENT[language])
    transaction.commit()
    found = mails()
    assert set(found) == {users["petros"][2]}
    (message,) = found[users["petros"][2]]
    assert message["X-Notification-Kind"] == kind
    assert message["Content-Language"] == language
    assert f"> {COMMENT[language]}" in text_of(message)
    assert newsletter.absolute_url() in text_of(message)


# The welcome mail of an approved application.

APPLICANT = "maria@shelter.example"


@pytest.fixture
def applied(people, functional):
    """An Organisation as the Join form leaves it: applied, with the
    applicant's details."""
    with api.env.adopt_roles(["Manager"]):
        organisation = api.content.create(
            container=functional["portal"]["el"]["organisations"],
            type="Organisation",
            id="shelter",
            title="Shelter for All",
            kind="ngo",
            country="GR",
        )
    transaction.commit()
    return organisation


@pytest.mark.parametrize("email_login", [False, True], ids=["login", "email-login"])
@pytest.mark.parametrize("language", ["el", "en"])
def test_the_welcome_mail_states_the_username(
    language, email_login, applied, people, mails, mailbox
):
    api.portal.set_registry_record("plone.use_email_as_login", email_login)
    set_application(
        applied,
        {
            "name": "Maria Lopez",
            "email": APPLICANT,
            "language": language,
            "network_uid": people["cities"].UID(),
            "consent": True,
        },
    )
    transaction.commit()
    del mailbox[:]
    # By user id: with e-mail login, nikos's login is no longer "nikos".
    reviewer = api.user.get(userid="nikos")
    with api.env.adopt_user(user=reviewer), api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=applied, transition="approve", comment="Hi!")
    transaction.commit()
    (message,) = mails()[APPLICANT]
    assert message["X-Notification-Kind"] == "membership_approved"
    assert message["Content-Language"] == language
    (member,) = [m for m in api.user.get_users() if m.getProperty("email") == APPLICANT]
    login = member.getUserName()
    assert login == (APPLICANT if email_login else "maria")
    text, html = text_of(message), html_of(message)
    assert f"\u201c{login}\u201d" in text or f"\u00ab{login}\u00bb" in text
    assert login in html
    body = translate(
        Message(
            KINDS["membership_approved"]["body"],
            mapping={"title": applied.Title(), "user": login},
        ),
        target_language=language,
    )
    assert body in text
    link = next(line for line in text.splitlines() if "/passwordreset/" in line)
    assert link.split(": ", 1)[1].startswith(
        api.portal.get_navigation_root(applied).absolute_url() + "/passwordreset/"
    )
    assert "> Hi!" in text


def test_a_hostile_name_never_breaks_a_header(write, mails, mailbox, act, users):
    """A full name with a line break is one line in the To header."""
    with api.env.adopt_roles(["Manager"]):
        api.user.get(userid="eleni").setMemberProperties(
            {"fullname": "Ελένη\r\nBcc: x@example.org"}
        )
    transaction.commit()
    practice = write("eleni")
    run(act, practice, (("john", "submit"),), "john")
    del mailbox[:]
    act("nikos", practice, "endorse", "Recommended.")
    transaction.commit()
    found = mails()
    assert "x@example.org" not in found
    (message,) = found[users["eleni"][2]]
    assert message["Bcc"] is None
    assert message["To"].addresses[0].display_name == "Ελένη Bcc: x@example.org"
