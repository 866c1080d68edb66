"""The facets: which catalogue index each filters on, and its value titles.

A facet's name is both the search parameter and the catalogue index
(KeywordIndex or FieldIndex). Titles of vocabulary values come from the
vocabularies ``collective.migrationnetwork.<name>``, translated into the
current language; titles of networks and organisations come from catalogue
metadata, never from the objects.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.search.dates import inactive_uids
from collective.migrationnetwork.vocabularies import editable
from dataclasses import dataclass
from plone import api
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import re


UID = re.compile(r"^[0-9a-f]{32}$")
VOCABULARY_PREFIX = "collective.migrationnetwork."


@dataclass(frozen=True)
class Facet:
    """``vocabulary`` names the value titles; ``by_type`` does so per portal
    type; ``content_type`` says that the values are UIDs of that type."""

    name: str
    label: object
    vocabulary: str | None = None
    by_type: tuple = ()
    content_type: str | None = None

    def well_formed(self, token):
        return bool(UID.match(token)) if self.content_type else True

    def vocabularies(self, portal_types=()):
        if self.vocabulary:
            return (self.vocabulary,)
        return tuple(
            vocabulary
            for portal_type, vocabulary in self.by_type
            if not portal_types or portal_type in portal_types
        )


FACETS = {
    facet.name: facet
    for facet in (
        Facet(
            "thematic_areas",
            _("label_thematic_areas", default="Thematic areas"),
            "thematic_areas",
        ),
        Facet(
            "target_groups",
            _("label_target_groups", default="Target groups"),
            "target_groups",
        ),
        Facet("countries", _("label_countries", default="Countries"), "countries"),
        Facet(
            "kind",
            _("label_kind", default="Kind"),
            by_type=(
                ("Practice", "practice_kinds"),
                ("Training", "training_kinds"),
                ("Organisation", "organisation_kinds"),
            ),
        ),
        Facet("format", _("label_format", default="Format"), "training_formats"),
        Facet("audience", _("label_audience", default="Audience"), "audiences"),
        Facet(
            "status",
            _("label_practice_status", default="Status"),
            "practice_statuses",
        ),
        Facet(
            "networks",
            _("label_networks", default="Networks"),
            content_type="Network",
        ),
        Facet(
            "organisation",
            _("label_organisation", default="Organisation"),
            content_type="Organisation",
        ),
        Facet(
            "funding_sources",
            _("label_funding_sources", default="Funding sources"),
            "funding_sources",
        ),
        Facet(
            "geographic_scope",
            _("label_geographic_scope", default="Geographic scope"),
            "geographic_scopes",
        ),
        Facet(
            "gcm_objectives",
            _(
                "label_gcm_objectives",
                default="Global Compact for Migration objectives",
            ),
            "gcm_objectives",
        ),
    )
}


# (vocabulary name, language) -> (vocabulary, {token: translated title}).
# The fixed vocabularies and the countries are built once (per language), so
# their translated titles are kept as long as the factory answers the same
# vocabulary object: a search titles 25 summaries and four facets from
# these, some 700 translations per request otherwise.
_TRANSLATED = {}


def vocabulary_titles(context, name, language):
    """``{token: title}`` of a vocabulary of the add-on, in its order.

    The mapping is shared between calls: read it, don't change it."""
    factory = queryUtility(IVocabularyFactory, VOCABULARY_PREFIX + name)
    if factory is None:
        return {}
    if factory is getattr(editable, name, None):
        # Titles of the editable vocabularies are chosen by language, not
        # translated: ask for the language itself.
        return {token: title for token, title in editable.terms(name, language)}
    vocabulary = factory(context)
    key = (name, language)
    cached = _TRANSLATED.get(key)
    if cached is None or cached[0] is not vocabulary:
        # Terms no longer offered but still stored (former countries) come
        # last, so that their facets and summaries still have a name.
        terms = [*vocabulary, *getattr(vocabulary, "former_terms", ())]
        titles = {
            term.token: translate(term.title, target_language=language) or term.token
            for term in terms
        }
        cached = _TRANSLATED[key] = (vocabulary, titles)
    return cached[1]


def visible_by_uid(uids, **query):
    """The brains of ``uids`` that the current user may see.

    The same as ``catalog(UID=uids, **query)``, without the catalogue's
    ``effectiveRange`` merge (see ``search/dates.py``): the items outside
    their publication range are taken out of ``uids`` first.
    """
    if not uids:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    query = {"UID": list(uids), **query}
    if not catalog.allow_inactive(query):
        hidden = set(inactive_uids(catalog))
        query["UID"] = [uid for uid in query["UID"] if uid not in hidden]
        if not query["UID"]:
            return []
    return list(catalog(show_inactive=True, **query))


def content_titles(uids, portal_type=None):
    """``{uid: title}`` of the items the current user may see, from metadata."""
    query = {"portal_type": portal_type} if portal_type else {}
    return {brain.UID: brain.Title for brain in visible_by_uid(uids, **query)}


def value_titles(context, name, portal_types=(), tokens=None, language=None):
    """``{token: title}`` for the values of facet ``name``.

    For vocabulary facets every term, in the vocabulary's order; for
    networks and organisations the visible ones among ``tokens``.
    """
    facet = FACETS[name]
    if facet.content_type:
        return content_titles(tokens or (), facet.content_type)
    language = language or api.portal.get_current_language(context)
    titles = {}
    for vocabulary in facet.vocabularies(portal_types):
        for token, title in vocabulary_titles(context, vocabulary, language).items():
            titles.setdefault(token, title)
    return titles
