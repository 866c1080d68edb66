"""The ``migrationnetwork`` distribution (``distributions.zcml``): the
portal as ``make create-site`` builds it, also offered in Plone's *Create a
Plone site* form."""

from collective.migrationnetwork import logger
from plone import api
from plone.distribution.handler import default_handler


# The languages the portal layer sets up; the form's choice among them
# becomes the default one.
PORTAL_LANGUAGES = ("el", "en")


def handler(distribution, site, answers):
    """Apply the distribution's profiles (the add-on and its portal layer)
    and, if asked for, load the demo content."""
    setup_content = answers.get("setup_content", False)
    site = default_handler(distribution, site, dict(answers, setup_content=False))
    language = answers.get("default_language")
    if language in PORTAL_LANGUAGES:
        api.portal.set_registry_record("plone.default_language", language)
        site.setLanguage(language)
    if setup_content:
        # Imported here: the demo imports the content schemas.
        from collective.migrationnetwork.demo import load_demo

        summary = load_demo(site)
        logger.info("Demo content: %d objects created", len(summary["created"]))
    return site
