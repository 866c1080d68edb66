"""End to end: the review story over HTTP, with the site's outbox and
deliverer as in production and a real SMTP server (aiosmtpd) receiving the
mail."""

from collective.migrationnetwork.notifications.deliverer import backlog
from collective.migrationnetwork.notifications.testing import html_of
from collective.migrationnetwork.notifications.testing import parse
from collective.migrationnetwork.notifications.testing import text_of
from plone import api
from smtp_server import Server
from smtp_server import wait_until

import pytest
import time
import transaction


@pytest.fixture
def smtp():
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def queued_site(functional, people, practice, smtp, deliverer):
    """The site's own MailHost delivering to ``smtp`` (not started yet), a
    deliverer running; quick retries."""
    portal = functional["portal"]
    mailhost = portal.MailHost
    assert mailhost.meta_type == "Mail Host"
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp.port)
    api.portal.set_registry_record(
        "plone.email_from_address", "portal@migration.example"
    )
    api.portal.set_registry_record("plone.email_from_name", "Δίκτυο Μετανάστευσης")
    transaction.commit()
    return portal


def pending():
    transaction.begin()
    return backlog()["pending"]


def received(smtp, count, timeout=5.0):
    """The first ``count`` messages the server received, parsed, by address
    (waiting at most ``timeout`` seconds)."""
    wait_until(lambda: len(smtp.messages) >= count, timeout=timeout)
    found = {}
    for recipients, content in smtp.messages:
        (address,) = recipients
        found.setdefault(address, []).append(parse(content))
    return found


def run(http, users, userid, path, transition, comment=""):
    session = http(auth=(userid, "a-long-secret-1"), json=True)
    started = time.monotonic()
    response = session.post(f"{path}/@workflow/{transition}", json={"comment": comment})
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    return response.json(), elapsed


def test_review_story(queued_site, practice, smtp, http, users):
    smtp.start()
    path = "/".join(practice.getPhysicalPath()[2:])
    url = practice.absolute_url()

    # An editor submits: the coordinators of the network are told.
    answer, _elapsed = run(http, users, "eleni", path, "submit", "Έτοιμο για έλεγχο")
    assert answer["review_state"] == "pending_coordinator"
    found = received(smtp, 2)
    assert set(found) == {users["nikos"][2], users["anna"][2]}
    (greek,) = found[users["nikos"][2]]
    assert greek["Content-Language"] == "el"
    assert greek["From"].addresses[0].display_name == "Δίκτυο Μετανάστευσης"
    assert greek["To"].addresses[0].display_name == "Νίκος Γεωργίου"
    assert practice.Title() in greek["Subject"]
    assert "(Πρακτική, Municipality of Athens)" in text_of(greek)
    assert url in text_of(greek)
    assert f'href="{url}"' in html_of(greek)
    assert "Έτοιμο για έλεγχο" in text_of(greek)
    (english,) = found[users["anna"][2]]
    assert english["Content-Language"] == "en"
    assert "(Practice, Municipality of Athens)" in text_of(english)

    # The coordinator endorses: the secretariat is told.
    answer, _elapsed = run(http, users, "nikos", path, "endorse")
    assert answer["review_state"] == "pending_network"
    found = received(smtp, 4)
    assert set(found) - {users["nikos"][2], users["anna"][2]} == {
        users["sofia"][2],
        users["mark"][2],
    }
    assert found[users["sofia"][2]][0]["X-Notification-Kind"] == "endorsed"

    # The secretariat publishes: the authors are told, with the comment.
    answer, _elapsed = run(http, users, "sofia", path, "publish", "Thank you!")
    assert answer["review_state"] == "published"
    found = received(smtp, 6)
    for userid in ("eleni", "john"):
        (message,) = found[users[userid][2]]
        assert message["X-Notification-Kind"] == "published"
        assert "Thank you!" in text_of(message)
    assert len(smtp.messages) == 6
    # Each delivered, nothing left in the outbox.
    assert wait_until(lambda: pending() == 0)
    assert backlog()["groups"]["notifications"]["sent"] == 6


def test_mail_server_down_then_up(queued_site, practice, smtp, http, users):
    """The transition does not wait for the mail server; the mail arrives
    once the server is up."""
    path = "/".join(practice.getPhysicalPath()[2:])
    answer, elapsed = run(http, users, "eleni", path, "submit")
    assert answer["review_state"] == "pending_coordinator"
    assert elapsed < 2.0
    # Both tried and waiting for the next attempt.
    transaction.begin()
    assert wait_until(lambda: pending() == 2)
    assert wait_until(lambda: transaction.begin() or backlog()["due"] == 0)
    assert api.content.get_state(practice) == "pending_coordinator"
    smtp.start()
    found = received(smtp, 2)
    assert set(found) == {users["nikos"][2], users["anna"][2]}
    assert wait_until(lambda: pending() == 0)


def test_slow_mail_server_does_not_slow_the_request(
    queued_site, practice, smtp, http, users
):
    smtp.handler.delay = 2
    smtp.start()
    path = "/".join(practice.getPhysicalPath()[2:])
    answer, elapsed = run(http, users, "eleni", path, "submit")
    assert answer["review_state"] == "pending_coordinator"
    assert elapsed < 1.5
    assert len(received(smtp, 2, timeout=10)) == 2
