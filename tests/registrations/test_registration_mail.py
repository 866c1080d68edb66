"""The mails of registrations: in the registrant's language, through the
outbox, the confirmation with the training's iCalendar and the link to
*my registration*, the online link to confirmed registrants only, one
reminder a day before the start."""

from collective.migrationnetwork.notifications import testing
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.mail import reminder_key

import datetime
import icalendar
import pytest
import time
import transaction


def register(training, number, language="el"):
    outcome = registering.register(
        training,
        {
            "name": f"Πρόσωπο {number}",
            "email": f"p{number}@example.org",
            "consent": True,
        },
        language=language,
    )
    transaction.commit()
    return outcome.registration


def attachment(message):
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return part
    return None


@pytest.mark.parametrize(
    ("language", "words"),
    [("el", "Η εγγραφή σας"), ("en", "Your registration")],
)
def test_confirmation_in_the_registrants_language_with_the_calendar(
    training, mails, language, words
):
    register(training, 1, language)
    [message] = mails()["p1@example.org"]
    text = testing.text_of(message)
    assert words in text
    assert "@@my-registration?token=" in text
    assert "https://meet.example/webinar" in text
    assert message["Content-Language"] == language
    part = attachment(message)
    assert part is not None
    calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == training.Title()
    assert "meet.example" not in part.get_payload(decode=True).decode()


def test_the_waiting_list_gets_no_online_link(training, mails):
    for number in range(4):
        register(training, number)
    [message] = mails()["p3@example.org"]
    assert message["X-Registration-Mail"] == "waiting"
    assert "https://meet.example/webinar" not in testing.text_of(message)
    assert attachment(message) is None


def test_one_reminder_a_day_before_the_start(training, mailbox, mails):
    registration = register(training, 1)
    register(training, 2)
    outbox = get_outbox()
    record = outbox.get(reminder_key(registration))
    assert record.status == "pending"
    start = registering.training_start(training)
    assert abs(record.next_attempt - (start.timestamp() - 86400)) < 2
    mails()
    assert outbox.get(reminder_key(registration)).status == "pending"
    # The day comes; the second registrant withdrew meanwhile.
    registering.withdraw(
        training, registering.registrations_of(training).find("p2@example.org")
    )
    for key in (reminder_key(registration),):
        found = outbox.get(key)
        outbox.due.remove((found.next_attempt, key))
        found.next_attempt = time.time() - 1
        outbox.due.add((found.next_attempt, key))
    two = registering.registrations_of(training).find("p2@example.org")
    found = outbox.get(reminder_key(two))
    outbox.due.remove((found.next_attempt, found.key))
    found.next_attempt = time.time() - 1
    outbox.due.add((found.next_attempt, found.key))
    transaction.commit()
    delivered = mails()
    kinds = [m["X-Registration-Mail"] for m in delivered["p1@example.org"]]
    assert kinds == ["confirmed", "reminder"]
    assert "reminder" not in [
        m["X-Registration-Mail"] for m in delivered["p2@example.org"]
    ]
    transaction.begin()
    assert get_outbox().get(reminder_key(two)).status == "skipped"
    # Delivering again sends nothing more.
    assert [m["X-Registration-Mail"] for m in mails()["p1@example.org"]] == kinds


def test_moving_the_start_moves_the_reminder(training, mailbox):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    registration = register(training, 1)
    training.start = training.start + datetime.timedelta(days=5)
    training.end = training.end + datetime.timedelta(days=5)
    notify(ObjectModifiedEvent(training))
    transaction.commit()
    record = get_outbox().get(reminder_key(registration))
    expected = registering.training_start(training).timestamp() - 86400
    assert abs(record.next_attempt - expected) < 2
    assert (record.next_attempt, record.key) in get_outbox().due
