"""Certificates of attendance: the PDF (title, dates, hours, organisers,
name, verification address) in the registrant's language, from *my
registration* for attended registrants only; every certificate in one PDF
for the organisers and nobody else; the public verification page."""

from collective.migrationnetwork.dates import format_event
from collective.migrationnetwork.registrations import certificate
from collective.migrationnetwork.registrations import links
from collective.migrationnetwork.registrations import pdf as layout
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations import verification
from collective.migrationnetwork.registrations.store import registrations_of
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager

import datetime
import io
import pypdf
import pytest
import re
import transaction


HOSTILE = '<b>&amp; </para><font name="x"> O\'Brien & "Co"'
PEOPLE = {
    # key: (name, language, attended)
    "greek": ("Άννα Παπαδάκη", "el", True),
    "english": ("John Smith", "en", True),
    "hostile": (HOSTILE, "el", True),
    "absent": ("Γιώργος Απών", "el", False),
    "unmarked": ("Δέσποινα Χωρίς", "el", None),
}


def started(training):
    """The training started an hour ago and lasts two hours."""
    start = datetime.datetime.now(training.start.tzinfo) - datetime.timedelta(hours=1)
    training.start, training.end = start, start + datetime.timedelta(hours=2)


@pytest.fixture
def registered(training, people, mailbox):
    """Five registrants, three of them marked present, one absent."""
    training.capacity = 10
    records = {}
    for number, (key, (name, language, _present)) in enumerate(PEOPLE.items()):
        outcome = registering.register(
            training,
            {"name": name, "email": f"c{number}@example.org", "consent": True},
            language=language,
        )
        records[key] = outcome.registration
    started(training)
    for key, (_name, _language, present) in PEOPLE.items():
        if present is not None:
            registering.mark_attended(training, records[key], present)
    transaction.commit()
    return records


def text_of(pdf):
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def my_certificate(training, record):
    token = links.make_token(training, record)
    return f"{training.absolute_url()}/@@my-certificate", {"token": token}


def test_the_certificate_says_who_attended_what(training, registered):
    pdf = certificate.certificate(training, registered["greek"])
    assert pdf.startswith(b"%PDF")
    [page] = text_of(pdf)
    assert "Βεβαίωση παρακολούθησης" in page
    assert "Άννα Παπαδάκη" in page
    # Set in an embedded TrueType font that has the Greek glyphs.
    assert layout.fonts() == (layout.FONT, layout.FONT_BOLD)
    assert b"/FontFile2" in pdf
    assert b"Roboto" in pdf
    assert training.Title() in page
    assert " ".join(format_event(training, "el").split()) in page
    assert "Διάρκεια: 2 ώρες" in page
    assert "Municipality of Athens" in page
    url = verification.verify_url(training, registered["greek"])
    assert url.split("?code=")[1] in page.replace(" ", "")


def test_the_certificate_is_in_the_registrants_language(
    functional, training, registered
):
    """An English registrant's certificate is in English, with the title of
    the training's English translation."""
    portal = functional["portal"]
    athens = training.aq_parent
    with api.env.adopt_roles(["Manager"]):
        container = portal["en"].get("organisations", portal["en"])
        city = api.content.create(
            container=container,
            type="Organisation",
            id="athens-en",
            title="City of Athens",
            kind="municipality",
            country="GR",
        )
        ITranslationManager(athens).register_translation("en", city)
        english = api.content.create(
            container=city,
            type="Training",
            id="webinar-en",
            title="Webinar on getting work",
            kind="webinar",
            format="online",
            start=training.start,
            end=training.end,
        )
        ITranslationManager(training).register_translation("en", english)
    transaction.commit()
    [page] = text_of(certificate.certificate(training, registered["english"]))
    assert "Certificate of attendance" in page
    assert "This is to certify that John Smith attended" in page
    assert "Webinar on getting work" in page
    assert "Duration: 2 hours" in page
    assert "Organised by: City of Athens" in page
    assert "/athens-en/webinar-en/@@verify-certificate?code=" in page
    assert "Βεβαίωση" not in page
    [greek] = text_of(certificate.certificate(training, registered["greek"]))
    assert "Webinar on labour integration" in greek


def test_a_hostile_name_prints_literally(training, registered):
    [page] = text_of(certificate.certificate(training, registered["hostile"]))
    assert '<b>&amp; </para><font name="x"> O\'Brien & "Co"' in page
    # What registering would refuse is made harmless all the same.
    assert layout.clean("a\x07\x00<b>\n&") == "a &lt;b&gt; &amp;"


@pytest.mark.parametrize("key", ["absent", "unmarked"])
def test_no_certificate_without_attendance(http, training, registered, key):
    with pytest.raises(ValueError, match="not attended"):
        certificate.certificate(training, registered[key])
    url, params = my_certificate(training, registered[key])
    answer = http().get(url, params=params)
    assert answer.status_code == 403
    assert "application/pdf" not in answer.headers["Content-Type"]
    assert "σας" in answer.text  # the Greek message of the refusal
    page = http().get(f"{training.absolute_url()}/@@my-registration", params=params)
    assert page.status_code == 200
    assert "@@my-certificate" not in page.text


def test_my_registration_offers_the_certificate(http, training, registered):
    url, params = my_certificate(training, registered["greek"])
    page = http().get(f"{training.absolute_url()}/@@my-registration", params=params)
    assert page.status_code == 200
    link = re.search(r'href="([^"]*@@my-certificate[^"]*)"', page.text)
    assert link is not None
    answer = http().get(link.group(1).replace("&amp;", "&"))
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/pdf"
    assert "attachment" in answer.headers["Content-Disposition"]
    assert "no-store" in answer.headers["Cache-Control"]
    assert answer.content.startswith(b"%PDF")
    assert "Άννα Παπαδάκη" in text_of(answer.content)[0]


@pytest.mark.parametrize("token", ["", "forged", "x" * 5000])
def test_a_bad_link_gets_no_certificate(http, training, registered, token):
    answer = http().get(
        f"{training.absolute_url()}/@@my-certificate", params={"token": token}
    )
    assert answer.status_code == 404
    assert "%PDF" not in answer.text


def test_an_erased_registration_gets_no_certificate(http, training, registered):
    url, params = my_certificate(training, registered["greek"])
    code = verification.make_code(training, registered["greek"])
    registrations_of(training).get(registered["greek"].id).nonce = "new"
    transaction.commit()
    assert http().get(url, params=params).status_code == 404
    verify = http().get(
        f"{training.absolute_url()}/@@verify-certificate", params={"code": code}
    )
    assert verify.status_code == 404


@pytest.mark.parametrize("userid", ["organiser", "coordinator", "secretariat"])
def test_organisers_download_every_certificate(
    http, training, registered, login, userid
):
    tab = http(auth=login(userid)).get(f"{training.absolute_url()}/@@registrations")
    assert "@@registrations-certificates.pdf" in tab.text
    answer = http(auth=login(userid)).get(
        f"{training.absolute_url()}/@@registrations-certificates.pdf"
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/pdf"
    pages = text_of(answer.content)
    # One page per attended person, in their language; the absent and the
    # unmarked have none.
    assert len(pages) == 3
    [anna] = [page for page in pages if "Άννα Παπαδάκη" in page]
    [john] = [page for page in pages if "John Smith" in page]
    [hostile] = [page for page in pages if "O'Brien" in page]
    assert "Βεβαίωση παρακολούθησης" in anna
    assert "Certificate of attendance" in john
    assert "Βεβαίωση παρακολούθησης" in hostile
    assert not any("Γιώργος" in page or "Δέσποινα" in page for page in pages)


@pytest.mark.parametrize("userid", [None, "member", "stranger"])
def test_others_get_no_certificates(http, training, registered, login, userid):
    session = http(auth=login(userid) if userid else None)
    answer = session.get(
        f"{training.absolute_url()}/@@registrations-certificates.pdf",
        allow_redirects=False,
    )
    # Plone's answer to Unauthorized in the Classic UI: anonymous to the
    # login form, a member or another team's editor to "Insufficient
    # privileges".
    assert answer.status_code == 302
    assert "require_login" in answer.headers["Location"]
    assert not answer.content.startswith(b"%PDF")
    assert "Παπαδάκη" not in answer.text


def test_the_tab_has_no_certificates_before_attendance(
    http, training, people, login, mailbox
):
    registering.register(
        training, {"name": "Ε", "email": "e@example.org", "consent": True}, "", "el"
    )
    transaction.commit()
    tab = http(auth=login("organiser")).get(
        f"{training.absolute_url()}/@@registrations"
    )
    assert "@@registrations-certificates.pdf" not in tab.text
    answer = http(auth=login("organiser")).get(
        f"{training.absolute_url()}/@@registrations-certificates.pdf"
    )
    assert answer.status_code == 404
    assert "Κανείς" in answer.text


def test_the_verification_page_confirms_without_the_full_name(
    http, training, registered
):
    url = verification.verify_url(training, registered["greek"])
    answer = http().get(url)
    assert answer.status_code == 200
    assert "certificate-valid" in answer.text
    assert "Η βεβαίωση είναι έγκυρη." in answer.text
    assert "Το πρόσωπο με τα αρχικά" in answer.text
    assert "Ά. Π." in answer.text
    assert training.Title() in answer.text
    assert "Παπαδάκη" not in answer.text
    assert "noindex" in answer.headers["X-Robots-Tag"]
    # Whoever holds the certificate checks the name printed on it.
    matches = http().get(url, params={"name": "  άννα  ΠΑΠΑΔΑΚΗ "})
    assert "certificate-name-matches" in matches.text
    differs = http().get(url, params={"name": "Μαρία Παπαδάκη"})
    assert "certificate-name-differs" in differs.text
    assert "certificate-name-matches" not in differs.text


def test_the_verification_page_of_a_hostile_name_is_escaped(http, training, registered):
    answer = http().get(verification.verify_url(training, registered["hostile"]))
    assert answer.status_code == 200
    assert "&lt;." in answer.text
    assert "<b>&amp;" not in answer.text


@pytest.mark.parametrize(
    "code",
    ["", "nonsense", "a-b.c", "x" * 5000, "\u00e9\u00e9.\u00e9", "forged-sig"],
)
def test_a_forged_code_is_not_valid(http, training, registered, code):
    answer = http().get(
        f"{training.absolute_url()}/@@verify-certificate", params={"code": code}
    )
    assert answer.status_code == 404
    assert "certificate-invalid" in answer.text
    assert "certificate-valid" not in answer.text


def test_a_code_is_not_valid_for_another_registration_or_after_absence(
    http, training, registered
):
    code = verification.make_code(training, registered["greek"])
    rid, rest = code.split("-", 1)
    moved = code.replace(rid, registered["english"].id)
    assert verification.registration_of_code(training, moved) is None
    assert verification.registration_of_code(training, code).id == rid
    absent = verification.make_code(training, registered["absent"])
    assert verification.registration_of_code(training, absent) is None
    registering.mark_attended(training, registered["greek"], False)
    transaction.commit()
    answer = http().get(
        f"{training.absolute_url()}/@@verify-certificate", params={"code": code}
    )
    assert answer.status_code == 404


@pytest.mark.parametrize(
    ("start", "end", "whole_day", "expected"),
    [
        ((9, 0), (10, 30), False, ("hours", 1.5)),
        ((9, 0), (9, 0), False, None),
        # Three days, 09:00 to 17:00 each day.
        ((9, 0), (17, 0, 2), False, ("hours", 24)),
        ((0, 0), (23, 59, 2), True, ("days", 3)),
    ],
)
def test_duration(training, start, end, whole_day, expected):
    day = training.start.replace(hour=0, minute=0, second=0, microsecond=0)
    training.start = day.replace(hour=start[0], minute=start[1])
    later = day + datetime.timedelta(days=end[2] if len(end) > 2 else 0)
    training.end = later.replace(hour=end[0], minute=end[1])
    training.whole_day = whole_day
    assert certificate.duration(training) == expected


def test_long_texts_still_fit_one_page(training, registered):
    parts = certificate.facts(training, registered["greek"])
    parts["name"] = "Παπαδοπούλου-Καραγιαννοπούλου " * 7
    parts["title"] = "Σεμινάριο για την ένταξη στην αγορά εργασίας " * 12
    parts["organisers"] = ", ".join(["Δήμος Αθηναίων"] * 30)
    pdf = layout.render([parts, parts])
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 2
