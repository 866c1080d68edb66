"""The networks an organisation may apply to: published, in the language of
the page the applicant is on."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def language_of(context):
    """The language of the language root ``context`` is in (the current
    language on the site root or without a context)."""
    if context is not None:
        try:
            root = api.portal.get_navigation_root(context)
        except Exception:  # noqa: BLE001 - a context that is not in the site
            root = None
        language = getattr(root, "Language", lambda: "")()
        if language:
            return language
    return api.portal.get_current_language()


@provider(IVocabularyFactory)
def published_networks(context=None):
    """Published networks of the current language, by title; the token is
    the network's UID."""
    brains = api.content.find(
        portal_type="Network",
        review_state="published",
        Language=language_of(context),
        sort_on="sortable_title",
    )
    return SimpleVocabulary(
        [SimpleTerm(value=b.UID, token=b.UID, title=b.Title) for b in brains]
    )
