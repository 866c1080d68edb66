"""A language added in the Language control panel gets its language root
and the add-on's sections, linked as translations of the others'."""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork import logger
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility


LANGUAGES_RECORD = "plone.available_languages"


def installed():
    """The portal layer (the ``portal`` profile, which made the language
    roots and their sections) has been applied to the current site: a site
    that has only the add-on keeps its languages as its integrator set
    them."""
    registry = queryUtility(IRegistry)
    if registry is None or f"{SETTINGS_PREFIX}.cors_allowed_origins" not in (
        registry.records
    ):
        return False
    from collective.migrationnetwork.setuphandlers.portal import is_portal

    return is_portal()


def languages_changed(settings, event):
    """Subscriber of the languages registry record: set up the roots of the
    new languages and their sections. Idempotent; nothing is removed when a
    language is taken away (its content stays where it is)."""
    if event.record.__name__ != LANGUAGES_RECORD or not installed():
        return
    # Imported here: sections imports the add-on's message factory and
    # plone.api, this module is imported by the ZCML.
    from collective.migrationnetwork.multilingual import setup_language_roots
    from collective.migrationnetwork.sections import ensure_sections

    portal = api.portal.get()
    # The Site Administrator who adds a language may not hold every
    # permission that creating and publishing the sections takes.
    with api.env.adopt_roles(["Manager"]):
        setup_language_roots(portal)
        ensure_sections(portal)
    logger.info("Languages of the portal: %s", ", ".join(event.newValue or ()))
