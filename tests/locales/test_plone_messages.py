"""The add-on's Greek for Plone's own messages: it fills what
plone.app.locales lacks and wins where it is wrong (translations.py puts the
add-on's catalogues first), and English stays English."""

from zope.i18n import translate

import pytest


@pytest.mark.parametrize(
    ("domain", "msgid", "greek"),
    [
        # plone.app.locales translates these as logging out and in.
        ("plone", "Check out", "Δημιουργία αντιγράφου εργασίας"),
        ("plone", "Check in", "Ενσωμάτωση αλλαγών"),
        # ... and this as "Προεπιλεγμένο", the first tab of every form.
        ("plone", "label_schema_default", "Βασικά στοιχεία"),
        # Missing from plone.app.locales.
        ("plone", "Save", "Αποθήκευση"),
        ("plone", "label_event_whole_day", "Ολοήμερη"),
        ("plone", "display_unactivate", "Δεν επαναλαμβάνεται"),
        ("plone", "you_are_now_logged_in", "Καλώς ήρθατε! Συνδεθήκατε."),
        ("z3c.form", "No value", "Καμία επιλογή"),
        ("widgets", "Browse", "Περιήγηση"),
        (
            "collective.z3cform.datagridfield",
            "label_datagridwidget_manipulators_addrow",
            "Προσθήκη γραμμής",
        ),
    ],
)
def test_greek(portal, domain, msgid, greek):
    assert translate(msgid, domain=domain, target_language="el") == greek


@pytest.mark.parametrize(
    ("msgid", "english"), [("Check out", "Check out"), ("Save", "Save")]
)
def test_english_stays_english(portal, msgid, english):
    assert translate(msgid, domain="plone", target_language="en") == english


def test_messages_the_add_on_leaves_come_from_plone(portal):
    # Translated by plone.app.locales, not by the add-on.
    assert translate("Log out", domain="plone", target_language="el") != "Log out"


def test_the_add_on_catalogues_come_first(portal):
    from zope.component import getUtility
    from zope.i18n.interfaces import ITranslationDomain

    names = getUtility(ITranslationDomain, "plone").getCatalogsInfo()["el"]
    assert "collective/migrationnetwork/locales" in str(names[0])
    assert any("plone/app/locales" in str(name) for name in names[1:])
