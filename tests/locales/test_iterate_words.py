"""plone.app.iterate's buttons are named in the add-on's words: Plone's
Greek catalogue calls "Check out" and "Check in" logging out and in."""

from zope.i18n import translate

import pytest


@pytest.mark.parametrize(
    ("action", "greek"),
    [
        ("iterate_checkout", "Αντίγραφο εργασίας"),
        ("iterate_checkin", "Ενσωμάτωση αλλαγών"),
        ("iterate_checkout_cancel", "Απόρριψη αντιγράφου εργασίας"),
    ],
)
def test_working_copy_buttons_in_greek(portal, action, greek):
    info = portal.portal_actions.object_buttons[action]
    title = translate(info.title, domain=info.i18n_domain, target_language="el")
    assert title == greek
    english = translate(info.title, domain=info.i18n_domain, target_language="en")
    assert english in ("Check out", "Check in", "Cancel check-out")
