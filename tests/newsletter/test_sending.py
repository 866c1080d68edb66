"""Sending an issue end to end: the send transition over HTTP records the
job and returns; the background worker delivers to a real SMTP server one
mail per matching subscriber, in their language, with the unsubscribe
headers; a server failing mid-send, then a retry without duplicates."""

from collective.migrationnetwork.newsletter import sending
from collective.migrationnetwork.newsletter.store import PENDING
from collective.migrationnetwork.newsletter.store import UNSUBSCRIBED
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.notifications import delivery
from collective.migrationnetwork.notifications.deliverer import Deliverer
from collective.migrationnetwork.notifications.lease import get_lease
from collective.migrationnetwork.notifications.outbox import get_outbox
from newsletter_helpers import add_subscriber
from plone import api
from plone.app.multilingual import api as pam
from smtp_server import Recorder
from smtp_server import wait_until
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytest
import re
import time
import transaction


class Flaky(Recorder):
    """Accepts ``accept`` newsletters, then defers the others (4xx) until
    ``accept`` is None; staff notifications always pass."""

    def __init__(self, accept):
        super().__init__()
        self.accept = accept

    async def handle_DATA(self, server, session, envelope):
        staff = all(a.endswith("@staff.example") for a in envelope.rcpt_tos)
        if not staff and self.accept is not None:
            if self.accept <= 0:
                return "451 4.3.0 Try again later"
            self.accept -= 1
        return await super().handle_DATA(server, session, envelope)


SECRETARIAT = ("sofia", "a-long-secret-1")
EDITOR = ("petros", "a-long-secret-1")


@pytest.fixture
def issue(functional, functional_sample, people):
    """An approved Greek issue for the housing area, with an English
    translation, featuring a published practice and a draft one."""
    portal = functional["portal"]
    intids = getUtility(IIntIds)
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            container=portal["el"]["newsletters"],
            type="Newsletter",
            id="issue-7",
            title="Τεύχος 7: στέγαση",
            issue_number=7,
            segment_thematic_areas=["housing"],
            featured=[
                RelationValue(intids.getId(functional_sample["housing"])),
                RelationValue(intids.getId(functional_sample["draft"])),
            ],
        )
        english = pam.translate(obj, "en")
        english.title = "Issue 7: housing"
        english.issue_number = 7
        english.segment_thematic_areas = ["housing"]
        english.featured = [
            RelationValue(intids.getId(functional_sample["housing"])),
            RelationValue(intids.getId(functional_sample["draft"])),
        ]
        english.reindexObject()
        api.content.transition(obj=obj, to_state="approved")
        api.content.transition(obj=english, to_state="approved")
    transaction.commit()
    return obj


@pytest.fixture
def subscribers(functional):
    """Who should get the housing issue, and who should not."""
    people = {
        "el-housing@example.gr": dict(language="el", thematic_areas=["housing"]),
        "en-housing@example.org": dict(language="en", thematic_areas=["housing"]),
        "en-all@example.org": dict(language="en"),
        "en-health@example.org": dict(language="en", thematic_areas=["health"]),
        "pending@example.org": dict(language="en", state=PENDING),
        "gone@example.org": dict(language="en", state=UNSUBSCRIBED),
    }
    for email, data in people.items():
        add_subscriber(email, **data)
    transaction.commit()
    return {"el-housing@example.gr", "en-housing@example.org", "en-all@example.org"}


def path_of(obj):
    return "/".join(obj.getPhysicalPath()[2:])


def send(http, issue, auth=SECRETARIAT):
    session = http(auth=auth, json=True)
    started = time.monotonic()
    response = session.post(f"{path_of(issue)}/@workflow/send", json={})
    return response, time.monotonic() - started


def report(http, issue, auth=SECRETARIAT):
    response = http(auth=auth, json=True).get(f"{path_of(issue)}/@newsletter-report")
    assert response.status_code == 200, response.text
    return response.json()


def wait_finished(http, issue, timeout=10.0):
    wait_until(
        lambda: report(http, issue)["state"] == sending.FINISHED, timeout=timeout
    )
    return report(http, issue)


def test_send_delivers_one_mail_per_matching_subscriber(
    mail_site, smtp, received, http, issue, subscribers
):
    smtp.start()
    response, _elapsed = send(http, issue)
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "sent"

    found = received(len(subscribers))
    final = wait_finished(http, issue)
    assert set(found) == subscribers
    assert all(len(mails) == 1 for mails in found.values())
    assert final["recipients"] == final["sent"] == 3
    assert final["failed"] == 0
    assert final["started"]
    assert final["finished"]

    greek = found["el-housing@example.gr"][0]
    english = found["en-housing@example.org"][0]
    assert greek["Content-Language"] == "el"
    assert "Τεύχος 7" in greek["Subject"]
    assert english["Content-Language"] == "en"
    assert "Issue 7: housing" in english["Subject"]
    for message in (greek, english):
        # The site's sender (Site Setup > Mail), a To of the subscriber.
        assert message["From"].addresses[0].addr_spec == "news@migration.example"
        assert message["From"].addresses[0].display_name == "Migration Network"
        assert message["To"].addresses[0].addr_spec in subscribers
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert re.match(
            r"^<https?://\S+@@newsletter-unsubscribe\?token=\S+>$",
            message["List-Unsubscribe"].strip(),
        )
        html = message.get_body(("html",)).get_content()
        text = message.get_body(("plain",)).get_content()
        assert "<style" not in html
        assert 'style="' in html
        # The published practice is featured, the draft one is not.
        assert "housing-help" in html
        assert "draft-practice" not in html
        assert "housing-help" in text
        assert "@@newsletter-preferences?token=" in text
    # The approved English translation was sent with it, once.
    transaction.begin()
    english_issue = pam.get_translation_manager(issue).get_translation("en")
    assert api.content.get_state(english_issue) == "sent"
    assert report(http, english_issue)["sent"] == 3
    time.sleep(0.2)
    assert received.count() == 3
    # Each subscriber's own links.
    assert greek["List-Unsubscribe"] != english["List-Unsubscribe"]


def test_one_click_unsubscribe_from_the_mail(
    mail_site, smtp, received, http, issue, subscribers
):
    smtp.start()
    send(http, issue)
    message = received(3)["en-all@example.org"][0]
    url = message["List-Unsubscribe"].strip().strip("<>")
    # What a mail program does (RFC 8058): a POST, no cookies, no token field.
    answer = http().post(url, data={"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200, answer.text
    transaction.begin()
    assert get_store().get("en-all@example.org").state == UNSUBSCRIBED
    # The link of the mail's footer leads to the preferences page.
    text = message.get_body(("plain",)).get_content()
    preferences = re.search(r"\S+@@newsletter-preferences\?token=\S+", text).group(0)
    page = http().get(preferences)
    assert page.status_code == 200
    assert "en-all@example.org" in page.text


def test_failing_server_then_retry_without_duplicates(
    mail_site, smtp, received, http, issue, functional, monkeypatch
):
    # Given up at the first deferral (in production after MAX_ATTEMPTS,
    # spread over hours).
    monkeypatch.setattr(delivery, "MAX_ATTEMPTS", 1)
    emails = [f"reader{i}@example.org" for i in range(8)]
    for email in emails:
        add_subscriber(email, thematic_areas=["housing"])
    transaction.commit()
    # Two newsletters go through, then the server defers every one.
    smtp.handler = Flaky(accept=2)
    smtp.start()
    response, _elapsed = send(http, issue)
    assert response.status_code == 200
    first = wait_finished(http, issue)
    assert first["recipients"] == 8
    assert first["sent"] == 2
    assert first["failed"] == 6
    assert received.count() == 2

    # The server is back; the secretariat retries the failed deliveries.
    smtp.handler.accept = None
    retried = http(auth=SECRETARIAT, json=True).post(
        f"{path_of(issue)}/@newsletter-report/retry", json={}
    )
    assert retried.status_code == 200, retried.text
    assert retried.json()["retried"] == 6
    found = received(8)
    final = wait_finished(http, issue)
    assert final["sent"] == 8
    assert final["failed"] == 0
    assert sorted(found) == sorted(emails)
    assert all(len(mails) == 1 for mails in found.values())
    # Nothing failed, nothing to retry.
    again = http(auth=SECRETARIAT, json=True).post(
        f"{path_of(issue)}/@newsletter-report/retry", json={}
    )
    assert again.json()["retried"] == 0
    time.sleep(0.3)
    assert received.count() == 8


@pytest.fixture
def sent_issue(mail_site, http, issue, subscribers, smtp):
    """The issue, sent and delivered."""
    smtp.start()
    send(http, issue)
    wait_finished(http, issue)
    return issue


@pytest.mark.parametrize(
    ("auth", "status"),
    [(None, 401), (("member", "a-long-secret-1"), 403), (EDITOR, 403)],
)
def test_retry_needs_send_newsletter(http, sent_issue, auth, status):
    answer = http(auth=auth, json=True).post(
        f"{path_of(sent_issue)}/@newsletter-report/retry", json={}
    )
    assert answer.status_code == status


@pytest.mark.parametrize(
    ("auth", "status"), [(None, 401), (("member", "a-long-secret-1"), 403)]
)
def test_report_is_refused_in_the_sections_language(http, sent_issue, auth, status):
    answer = http(auth=auth, json=True).get(f"{path_of(sent_issue)}/@newsletter-report")
    assert answer.status_code == status
    assert answer.json()["type"] == "Forbidden"
    # in the language of the issue's section, not Zope's bare "Forbidden"
    assert answer.json()["message"] == (
        "Δεν έχετε δικαίωμα να δείτε την αναφορά αποστολής αυτού του "
        "ενημερωτικού δελτίου."
    )
    assert "sent" not in answer.json()


def test_issue_is_public_and_immutable_after_sending(
    mail_site, smtp, http, issue, subscribers
):
    smtp.start()
    send(http, issue)
    anonymous = http(json=True)
    assert anonymous.get(path_of(issue)).status_code == 200
    answer = http(auth=EDITOR, json=True).patch(
        path_of(issue), json={"title": "Changed"}
    )
    assert answer.status_code in (401, 403)
    feed = http().get("el/network-search.rss", params={"portal_type": "Newsletter"})
    assert feed.status_code == 200
    assert "issue-7" in feed.text


def test_a_job_left_by_a_stopped_process_is_delivered_at_the_next_start(
    functional, issue, subscribers, smtp, received
):
    """The job is in the database: the deliverer of a new process sends
    what is pending, each once, with a Message-ID per recipient and issue."""
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp.port)
    api.portal.set_registry_record("plone.email_from_address", "news@migration.example")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=issue, transition="send")
    transaction.commit()
    assert sending.get_job(issue).report()["pending"] == 3
    smtp.start()
    deliverer = Deliverer(issue._p_jar.db(), interval=0.05)
    deliverer.start()
    try:
        found = received(3)
    finally:
        deliverer.stop()
    assert set(found) == subscribers
    job = sending.get_job(issue)
    transaction.begin()
    assert job.report()["sent"] == 3
    ids = {mails[0]["Message-ID"].strip() for mails in found.values()}
    assert ids == {
        f"<{sending.record_key(job, email)}@migration.example>" for email in subscribers
    }


def test_a_job_whose_deliverer_died_is_taken_over_and_can_be_retried(
    functional, issue, subscribers, monkeypatch
):
    """A deliverer of another host holds the lease: nothing is sent while
    it lasts, the failures can be retried all the same, and the lease is
    taken over when it expires."""
    portal = functional["portal"]
    api.portal.set_registry_record("plone.email_from_address", "news@migration.example")
    with api.env.adopt_roles(["Manager"]):
        job = sending.create_job(issue)
    lease = get_lease(portal)
    lease.holder = "elsewhere:1:dead"
    lease.expires = time.time() + 60
    outbox = get_outbox()
    first = outbox.get(sending.record_key(job, "en-all@example.org"))
    outbox.mark_failed(first, "451 try later")
    transaction.commit()
    sent = []

    def sink(mfrom, to, data):
        sent.append(to)

    assert delivery.deliver_due(portal, "here:2:alive", transport=sink) == (0, 0)
    assert sent == []
    assert sending.retry_failed(issue) == 1
    transaction.commit()
    assert job.report()["pending"] == 3
    # Its holder stopped renewing it.
    lease.expires = time.time() - 1
    transaction.commit()
    assert delivery.deliver_due(portal, "here:2:alive", transport=sink) == (3, 0)
    assert sorted(sent) == sorted(subscribers)
    assert lease.holder == "here:2:alive"
    assert job.report()["sent"] == 3
    assert job.report()["state"] == sending.FINISHED


def test_a_job_of_an_earlier_release_moves_to_the_outbox(
    functional, issue, subscribers
):
    """A job that kept its own trees (and a worker that died) is adopted at
    start: its pending recipients are delivered, its failures can be
    retried, those it sent are not mailed again."""
    from BTrees.OOBTree import OOBTree
    from BTrees.OOBTree import OOTreeSet
    from collective.migrationnetwork.sitesetup import configure_mail

    portal = functional["portal"]
    api.portal.set_registry_record("plone.email_from_address", "news@migration.example")
    job = sending.SendJob(portal.absolute_url())
    job.group = None
    job.state = sending.SENDING
    job.worker = "gone:1:1"
    job.pending = OOTreeSet(["el-housing@example.gr"])
    job.sent = OOBTree({"en-housing@example.org": "2026-11-30"})
    job.failed = OOBTree({"en-all@example.org": "451 later"})
    job.skipped = OOBTree()
    for email in subscribers:
        job.recipients[email] = "en"
    job.rendered["el"] = {
        "language": "el",
        "subject": "S",
        "html": "<p>H</p>",
        "text": "T",
        "url": "u",
    }
    from zope.annotation.interfaces import IAnnotations

    IAnnotations(issue)[sending.JOB_KEY] = job
    transaction.commit()
    configure_mail(portal, environ={})
    transaction.commit()
    assert job.group is not None
    assert not hasattr(job, "pending")
    report = job.report()
    assert (report["sent"], report["failed"], report["pending"]) == (1, 1, 1)
    assert sending.retry_failed(issue) == 1
    transaction.commit()
    sent = []
    delivery.deliver_due(portal, transport=lambda f, to, d: sent.append(to))
    assert sorted(sent) == ["el-housing@example.gr", "en-all@example.org"]
    assert job.report()["sent"] == 3
    # Adopted once.
    assert sending.adopt_legacy_jobs(portal) == 0
