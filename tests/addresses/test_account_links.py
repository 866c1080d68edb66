"""One account, one address, proven (issue #14, step 4): an approved
application invites the owner of an existing account, who accepts by
mail; a member's new e-mail address waits for its confirmation; two
accounts never share an address."""

from collective.migrationnetwork.accounts.email_change import confirmed
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.roles.groups import editors
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from membership.helpers import application
from plone import api
from plone.app.testing import setRoles
from roles.helpers import PASSWORD
from roles.helpers import make_people
from roles.helpers import make_user
from urllib.parse import urlparse

import html
import pytest
import re
import transaction


@pytest.fixture
def site(functional, functional_sample):
    portal = functional["portal"]
    make_people(functional_sample)
    make_user("siteadmin", "Site Administrator")
    setRoles(portal, "siteadmin", ["Site Administrator", "Member"])
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    api.portal.set_registry_record("plone.email_from_name", "Migration network")
    transaction.commit()
    return {"portal": portal, **functional_sample}


def mails_to(address, about=None):
    """The mails queued in the outbox for ``address``: (subject, text);
    with ``about``, only those whose text has it."""
    transaction.begin()
    found = []
    outbox = get_outbox(api.portal.get(), create=False)
    for record in outbox.records("notifications") if outbox else ():
        if record.to.lower() != address.lower():
            continue
        message = message_from_bytes(record.raw)
        text = next(
            part.get_payload(decode=True).decode()
            for part in message.walk()
            if part.get_content_type() == "text/plain"
        )
        if about is None or about in text:
            found.append((str(make_header(decode_header(message["Subject"]))), text))
    return found


def link_in(text, view):
    return re.search(rf"(http://\S+/@@{view}\?token=\S+)", text).group(1)


def relative(url):
    return "/" + urlparse(url).path.split("/plone/", 1)[1] + "?" + urlparse(url).query


def email_of(userid):
    transaction.begin()
    return api.user.get(userid=userid).getProperty("email")


def open_and_press(session, url):
    """Open a mailed link (GET shows what it does), then press its button."""
    page = session.get(relative(url))
    assert page.status_code == 200, page.text
    return page, session.post(
        relative(url).split("?")[0],
        data={
            "token": hidden(page.text, "token"),
            "_authenticator": hidden(page.text, "_authenticator"),
        },
    )


def hidden(text, name):
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', text).group(0)
    return html.unescape(re.search(r'value="([^"]+)"', tag).group(1))


# Changing one's address


def test_an_editors_new_address_waits_for_its_owner(site, http):
    """Step 4 as the tester tried it: an editor gives their account someone
    else's address."""
    before = email_of("editor-athens")
    answer = http(auth=("editor-athens", PASSWORD), json=True).patch(
        "/@users/editor-athens", json={"email": "victim@example.org"}
    )
    assert answer.status_code == 204, answer.text
    assert email_of("editor-athens") == before
    [(subject, text)] = mails_to("victim@example.org")
    assert "editor-athens" in text
    assert mails_to(before) == []

    # Only the owner of the new address, who received the link, makes it so.
    page, done = open_and_press(http(), link_in(text, "confirm-email"))
    assert "victim@example.org" in page.text
    assert done.status_code == 200, done.text
    assert email_of("editor-athens") == "victim@example.org"
    assert confirmed(api.portal.get())["editor-athens"] == "victim@example.org"


def test_opening_the_link_alone_changes_nothing(site, http):
    before = email_of("editor-athens")
    http(auth=("editor-athens", PASSWORD), json=True).patch(
        "/@users/editor-athens", json={"email": "new@example.org"}
    )
    [(_subject, text)] = mails_to("new@example.org")
    page = http().get(relative(link_in(text, "confirm-email")))
    assert page.status_code == 200
    assert email_of("editor-athens") == before


def test_an_address_in_use_is_never_shared(site, http):
    before = email_of("editor-athens")
    taken = email_of("editor-nicosia")
    answer = http(auth=("editor-athens", PASSWORD), json=True).patch(
        "/@users/editor-athens", json={"email": taken.upper()}
    )
    assert answer.status_code == 204
    assert email_of("editor-athens") == before
    assert mails_to(taken) == []


def test_a_link_for_an_address_taken_since_is_refused(site, http):
    before = email_of("editor-athens")
    http(auth=("editor-athens", PASSWORD), json=True).patch(
        "/@users/editor-athens", json={"email": "wanted@example.org"}
    )
    [(_subject, text)] = mails_to("wanted@example.org")
    admin = http(auth=("siteadmin", PASSWORD), json=True)
    assert (
        admin.patch("/@users/member", json={"email": "wanted@example.org"}).status_code
        == 204
    )
    page = http().get(relative(link_in(text, "confirm-email")))
    assert page.status_code == 409
    assert email_of("editor-athens") == before


@pytest.mark.parametrize(
    "token", ["", "x", "a" * 2000, "eyJ.abc.def"], ids=["empty", "short", "long", "bad"]
)
def test_a_broken_link_is_refused(site, http, token):
    page = http().get("/@@confirm-email", params={"token": token})
    assert page.status_code == 400
    invitation = http().get("/el/@@accept-invitation", params={"token": token})
    assert invitation.status_code == 400


def test_site_administrators_set_addresses_at_once(site, http):
    admin = http(auth=("siteadmin", PASSWORD), json=True)
    answer = admin.patch("/@users/editor-athens", json={"email": "set@example.org"})
    assert answer.status_code == 204
    assert email_of("editor-athens") == "set@example.org"
    assert mails_to("set@example.org") == []


def test_not_even_site_administrators_share_an_address(site, http):
    before = email_of("editor-athens")
    admin = http(auth=("siteadmin", PASSWORD), json=True)
    taken = email_of("editor-nicosia")
    answer = admin.patch("/@users/editor-athens", json={"email": taken})
    assert answer.status_code == 204
    assert email_of("editor-athens") == before


def test_the_classic_form_says_a_link_was_sent(site, http):
    session = http(auth=("editor-athens", PASSWORD))
    page = session.get("/@@personal-information")
    assert page.status_code == 200
    token = re.search(r'data-token="([^"]+)"', page.text).group(1)
    before = email_of("editor-athens")
    answer = session.post(
        "/@@personal-information",
        data={
            "_authenticator": token,
            "form.widgets.fullname": "Maria Editor",
            "form.widgets.email": "form@example.org",
            "form.buttons.save": "Save",
        },
    )
    assert answer.status_code == 200
    assert "form@example.org" in answer.text  # the message names it
    assert email_of("editor-athens") == before
    assert len(mails_to("form@example.org")) == 1


def test_a_new_account_keeps_the_address_it_was_made_with(site, http):
    transaction.begin()
    make_user("newcomer", "New Comer", email="newcomer@example.org")
    transaction.commit()
    assert email_of("newcomer") == "newcomer@example.org"
    assert confirmed(api.portal.get())["newcomer"] == "newcomer@example.org"


# An application whose address has an account


@pytest.fixture
def invited(site, http):
    transaction.begin()
    make_user("eleni", "Eleni", email="eleni@larissa.example")
    transaction.commit()
    uid = site["cities"].UID()
    applied = http(json=True).post("/el/@join-network", json=application(uid))
    assert applied.status_code == 201, applied.text
    url = applied.json()["@id"]
    approved = http(auth=("coordinator-cities", PASSWORD), json=True).post(
        f"{url}/@workflow/approve", json={"comment": "Welcome"}
    )
    assert approved.status_code == 200, approved.text
    return relative(url).split("?")[0]


def organisation(path):
    transaction.begin()
    return api.portal.get().unrestrictedTraverse(path.lstrip("/"))


def test_the_owner_accepts_the_invitation(invited, http):
    assert editors(organisation(invited)) == []
    [(subject, text)] = mails_to("eleni@larissa.example", about="accept-invitation")
    assert "passwordreset" not in text
    assert "eleni" in text
    page, done = open_and_press(http(), link_in(text, "accept-invitation"))
    assert done.status_code == 200, done.text
    assert editors(organisation(invited)) == ["eleni"]
    again = http().get(relative(link_in(text, "accept-invitation")))
    assert again.status_code == 200  # accepting twice changes nothing
    assert editors(organisation(invited)) == ["eleni"]


def test_the_coordinator_sees_the_address_had_an_account(invited, http):
    page = http(auth=("coordinator-cities", PASSWORD)).get(invited)
    assert page.status_code == 200
    assert "eleni" in page.text
    assert "invitation-pending" in page.text


def test_an_invitation_to_an_account_whose_address_changed_is_refused(invited, http):
    [(_subject, text)] = mails_to("eleni@larissa.example", about="accept-invitation")
    admin = http(auth=("siteadmin", PASSWORD), json=True)
    admin.patch("/@users/eleni", json={"email": "elsewhere@example.org"})
    page = http().get(relative(link_in(text, "accept-invitation")))
    assert page.status_code == 410
    assert editors(organisation(invited)) == []
