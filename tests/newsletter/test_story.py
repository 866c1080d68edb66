"""The story of the issue, as a new user tries it: subscribe at /en,
confirm from the mail, an editor composes and the secretariat sends an
issue to a real SMTP server, read the mail, unsubscribe from it."""

from collective.migrationnetwork.newsletter.store import get_store
from smtp_server import wait_until
from test_browser import form_fields
from test_browser import page

import re
import transaction


EDITOR = ("petros", "a-long-secret-1")
SECRETARIAT = ("sofia", "a-long-secret-1")


def link_in(message, view):
    text = message.get_body(("plain",)).get_content()
    return re.search(rf"https?://\S+{view}\?token=\S+", text).group(0)


def test_subscribe_compose_send_read_unsubscribe(
    mail_site, smtp, received, http, people
):
    smtp.start()
    visitor = http()

    # Subscribe from the footer link of /en.
    home = page(visitor.get("en"))
    (form_url,) = home.xpath(
        "//div[contains(@class,'newsletter-subscribe-link')]/a/@href"
    )
    form = page(visitor.get(form_url))
    data = dict(
        form_fields(form, "//form[@class='newsletter-subscribe']"),
        email="new.reader@example.org",
        language="en",
        consent="on",
        **{"thematic_areas:list": ["housing"]},
    )
    assert visitor.post(form_url, data=data).status_code == 200

    # Confirm from the mail.
    (confirmation,) = received(1)["new.reader@example.org"]
    confirm_url = link_in(confirmation, "@@newsletter-confirm")
    confirm = page(visitor.get(confirm_url))
    hidden = form_fields(confirm, "//form[.//input[@name='token']]")
    action = confirm.xpath("//form[.//input[@name='token']]/@action")[0]
    assert visitor.post(action, data=dict(hidden, **{"form.confirm": "1"})).ok
    transaction.begin()
    assert get_store().get("new.reader@example.org").state == "confirmed"

    # The newsletter editor writes an issue and submits it.
    editor = http(auth=EDITOR, json=True)
    created = editor.post(
        "en/newsletters",
        json={
            "@type": "Newsletter",
            "title": "Housing news",
            "issue_number": 1,
            "segment_thematic_areas": ["housing"],
        },
    )
    assert created.status_code == 201, created.text
    path = "en/newsletters/" + created.json()["id"]
    assert editor.post(f"{path}/@workflow/submit", json={}).status_code == 200

    # The secretariat approves and sends it.
    secretariat = http(auth=SECRETARIAT, json=True)
    assert secretariat.post(f"{path}/@workflow/approve", json={}).status_code == 200
    sent = secretariat.post(f"{path}/@workflow/send", json={})
    assert sent.json()["review_state"] == "sent"

    # The subscriber reads it.
    wait_until(lambda: len(received(2).get("new.reader@example.org", [])) == 2)
    issue_mail = received(2)["new.reader@example.org"][1]
    assert "Housing news" in issue_mail["Subject"]
    assert "Housing news" in issue_mail.get_body(("html",)).get_content()

    # And unsubscribes from the link of the mail.
    preferences = link_in(issue_mail, "@@newsletter-preferences")
    tree = page(visitor.get(preferences))
    hidden = form_fields(tree, "//form[@class='newsletter-preferences']")
    action = tree.xpath("//form[@class='newsletter-preferences']/@action")[0]
    done = visitor.post(action, data=dict(hidden, **{"form.unsubscribe": "1"}))
    assert done.status_code == 200
    transaction.begin()
    assert get_store().get("new.reader@example.org").state == "unsubscribed"
    report = secretariat.get(f"{path}/@newsletter-report").json()
    assert report["recipients"] == report["sent"] == 1
