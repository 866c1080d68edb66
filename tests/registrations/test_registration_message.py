"""The organisers' message to every confirmed registrant: from the
*Registrations* tab and ``POST @registrations-message``, one mail per
confirmed registrant through the outbox, in their language, with their own
link; refused (and nothing queued) for anyone else, for a missing or too
long field, for a line break in the subject; recorded on the training."""

from collective.migrationnetwork.notifications import testing
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.message import sent
from collective.migrationnetwork.registrations.store import registrations_of

import pytest
import re
import transaction


MANAGERS = ("organiser", "coordinator", "secretariat")
OTHERS = ("member", "stranger")
SUBJECT = "Υλικό για το σεμινάριο"
TEXT = (
    "Καλημέρα σε όλους,\n\nτο υλικό είναι εδώ: https://files.example/υλικό\n<b>ok</b>"
)


@pytest.fixture
def registered(training, people, mailbox):
    """Three confirmed (el, en, el), one withdrawn, one declined, two
    waiting; the mails of registering delivered and forgotten."""
    names = [
        ("Άννα", "el"),
        ("Brian", "en"),
        ("Γιώργος", "el"),
        ("Δέσποινα", "el"),
        ("Eve", "en"),
    ]
    records = []
    for number, (name, language) in enumerate(names):
        outcome = registering.register(
            training,
            {"name": name, "email": f"p{number}@example.org", "consent": True},
            language=language,
        )
        records.append(outcome.registration)
    transaction.commit()
    # p3 and p4 wait; p2 is withdrawn (p3 takes the place), p3 declined
    # (p4 takes it); p5 and p6 wait.
    registering.decide(training, records[2], "withdrawn")
    registering.decide(training, records[3], "declined")
    for number, (name, language) in enumerate(
        [("Ζωή", "el"), ("Ηλίας", "en")], start=5
    ):
        outcome = registering.register(
            training,
            {"name": name, "email": f"p{number}@example.org", "consent": True},
            language=language,
        )
        records.append(outcome.registration)
    transaction.commit()
    store = registrations_of(training)
    assert [record.status for record in records] == [
        "confirmed",
        "confirmed",
        "withdrawn",
        "declined",
        "confirmed",
        "waiting",
        "waiting",
    ]
    assert store.counts["confirmed"] == 3
    list(mailbox)
    del testing.SENT[:]
    return records


def api_url(training):
    return f"{training.absolute_url()}/@registrations-message"


def queued():
    """The registration messages in the outbox (committed or not)."""
    outbox = get_outbox(create=False)
    if outbox is None:
        return []
    return [
        record
        for record in outbox.messages.values()
        if record.raw and b"X-Registration-Mail: message" in record.raw
    ]


def outbox_size():
    transaction.begin()
    return len(queued())


@pytest.mark.parametrize("userid", MANAGERS)
def test_only_confirmed_registrants_get_the_message(
    http, training, registered, login, mails, userid
):
    answer = http(auth=login(userid), json=True).post(
        api_url(training), json={"subject": SUBJECT, "text": TEXT}
    )
    assert answer.status_code == 201
    assert answer.json()["recipients"] == 3
    assert answer.json()["by"] == userid
    assert answer.json()["subject"] == SUBJECT
    delivered = mails()
    confirmed = {"p0@example.org", "p1@example.org", "p4@example.org"}
    got = {
        address
        for address, messages in delivered.items()
        if any(m["X-Registration-Mail"] == "message" for m in messages)
    }
    assert got == confirmed
    transaction.begin()
    for record in registered:
        if record.email not in confirmed:
            continue
        [message] = delivered[record.email]
        text = testing.text_of(message).replace("\r\n", "\n")
        # The organiser's text as written, the registrant's own link.
        assert TEXT in text
        link = re.search(r"(\S+)\?token=(\S+)", text)
        assert link.group(1) == f"{training.absolute_url()}/@@my-registration"
        assert links.registration_of(training, link.group(2)).id == record.id
        assert str(message["Subject"]).endswith(SUBJECT)
        assert message["Content-Language"] == record.language
        words = "Ένα μήνυμα" if record.language == "el" else "A message from"
        assert words in text
        html = testing.html_of(message)
        assert "&lt;b&gt;ok&lt;/b&gt;" in html
        assert "<b>ok</b>" not in html
    assert len(sent(training)) == 1
    assert sent(training)[0]["recipients"] == 3


@pytest.mark.parametrize("userid", [None, *OTHERS])
def test_others_may_not_send(http, training, registered, login, userid):
    session = http(auth=login(userid) if userid else None, json=True)
    answer = session.post(api_url(training), json={"subject": "x", "text": "y"})
    assert answer.status_code == 401
    assert session.get(api_url(training)).status_code == 401
    assert outbox_size() == 0
    assert sent(training) == []


@pytest.mark.parametrize("userid", OTHERS)
def test_others_may_not_post_the_form(http, training, registered, login, userid):
    session = http(auth=login(userid))
    answer = session.post(
        f"{training.absolute_url()}/@@registrations",
        data={"action": "message", "subject": "x", "text": "y"},
        allow_redirects=False,
    )
    assert answer.status_code == 302
    assert "require_login" in answer.headers["Location"]
    assert outbox_size() == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"subject": "Line\r\nBcc: victim@example.org", "text": "t"}, "subject"),
        ({"subject": "Line\nBcc: victim@example.org", "text": "t"}, "subject"),
        ({"subject": "Line\u2028two", "text": "t"}, "subject"),
        ({"subject": "", "text": "t"}, "subject"),
        ({"text": "t"}, "subject"),
        ({"subject": "x" * 201, "text": "t"}, "subject"),
        ({"subject": ["a"], "text": "t"}, "subject"),
        ({"subject": "s", "text": "   "}, "text"),
        ({"subject": "s", "text": "x" * 10001}, "text"),
        ({"subject": "s", "text": "bell\x07"}, "text"),
        ({"subject": "s", "text": "t", "bcc": "x@example.org"}, "bcc"),
    ],
)
def test_bad_message_answers_400_naming_the_field(
    http, training, registered, login, body, field
):
    answer = http(auth=login("organiser"), json=True).post(api_url(training), json=body)
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == field
    assert answer.json()["message"].startswith(f"{field}: ")
    assert outbox_size() == 0
    assert sent(training) == []


def test_nobody_confirmed_is_refused(http, training, people, login):
    answer = http(auth=login("organiser"), json=True).post(
        api_url(training), json={"subject": "s", "text": "t"}
    )
    assert answer.status_code == 409
    assert answer.json()["reason"] == "nobody"
    assert outbox_size() == 0


def authenticator(html):
    return re.search(r'name="_authenticator"[^>]*value="([^"]+)"', html).group(1)


def test_the_tab_sends_and_shows_the_last_messages(
    http, training, registered, login, mails
):
    session = http(auth=login("organiser"))
    tab = session.get(f"{training.absolute_url()}/@@registrations")
    assert tab.status_code == 200
    assert 'id="registrations-message"' in tab.text
    token = authenticator(tab.text)
    answer = session.post(
        f"{training.absolute_url()}/@@registrations",
        data={
            "_authenticator": token,
            "action": "message",
            "subject": "Αλλαγή αίθουσας",
            "text": "Θα βρεθούμε στην αίθουσα Β.",
        },
        allow_redirects=False,
    )
    assert answer.status_code == 303
    assert len([a for a, m in mails().items() if m]) == 3
    page = session.get(f"{training.absolute_url()}/@@registrations")
    shown = page.text.split('id="registrations-message"')[1]
    assert "Αλλαγή αίθουσας" in shown
    assert "Ελένη Οργανώτρια" in shown
    assert "3" in shown
    transaction.begin()
    [record] = sent(training)
    assert (record["by"], record["recipients"]) == ("organiser", 3)


def test_the_tab_shows_errors_and_queues_nothing(http, training, registered, login):
    session = http(auth=login("organiser"))
    token = authenticator(
        session.get(f"{training.absolute_url()}/@@registrations").text
    )
    answer = session.post(
        f"{training.absolute_url()}/@@registrations",
        data={
            "_authenticator": token,
            "action": "message",
            "subject": "Two\r\nlines",
            "text": "<script>alert(1)</script>",
        },
    )
    assert answer.status_code == 400
    form = answer.text.split('id="registrations-message"')[1]
    assert "is-invalid" in form
    assert "invalid-feedback" in form
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in form
    assert "<script>alert(1)" not in form
    assert outbox_size() == 0
    assert sent(training) == []


def test_the_form_needs_its_authenticator(http, training, registered, login):
    answer = http(auth=login("organiser")).post(
        f"{training.absolute_url()}/@@registrations",
        data={"action": "message", "subject": "s", "text": "t"},
        allow_redirects=False,
    )
    assert answer.status_code == 403
    assert outbox_size() == 0


def test_the_sendings_are_listed_newest_first(http, training, registered, login):
    session = http(auth=login("secretariat"), json=True)
    for subject in ("Πρώτο", "Δεύτερο"):
        assert (
            session.post(
                api_url(training), json={"subject": subject, "text": "t"}
            ).status_code
            == 201
        )
    answer = session.get(api_url(training))
    assert answer.status_code == 200
    assert [item["subject"] for item in answer.json()["items"]] == [
        "Δεύτερο",
        "Πρώτο",
    ]
    assert answer.json()["items"][0]["by_name"] == "Σοφία Γραμματεία"
