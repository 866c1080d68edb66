"""Languages of the portal (plone.app.multilingual)."""

from plone.app.multilingual.browser.setup import SetupMultilingualSite


def setup_language_roots(portal):
    """Create a language root folder for every available language.

    Idempotent: roots that exist are kept as they are.
    """
    SetupMultilingualSite(portal).setupSite(portal)
