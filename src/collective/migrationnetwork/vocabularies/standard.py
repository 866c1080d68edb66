"""Countries: the current ISO 3166-1 countries, named in the reader's
language and sorted as a reader of that language sorts them, the network's
countries first.

- Which countries: ISO 3166-1 as ``pycountry`` has it (the ISO 3166
  Maintenance Agency's list, kept by Debian's iso-codes): no Yugoslavia, no
  Netherlands Antilles, North Macedonia under its name.
- Their names: CLDR's, through Babel, the names people use (Τουρκία,
  Βόρεια Μακεδονία, Ρωσία rather than "Ρωσική Ομοσπονδία"); pycountry's own
  translations where CLDR has none.
- Their order: by name with accents, case and final sigma ignored (the
  search's normaliser, ``lexicon.normalize_word``): Αλβανία, Αυστρία, ...
- The network's countries: those of the active member organisations; they
  come first.
- Former codes (ISO 3166-3, and those of the older locale data: ``YU``,
  ``AN``, ``CS``, ``SP``, ...) are never offered, but a value already stored
  still has its name (``getTerm``), stays valid on the item that holds it
  and is kept when that item is edited.
"""

from Acquisition import aq_base
from babel import Locale
from babel import UnknownLocaleError
from collective.migrationnetwork.lexicon import normalize_word
from plone import api
from zope.i18n.locales import locales
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import functools
import gettext
import pycountry


CURRENT = frozenset(country.alpha_2 for country in pycountry.countries)

# Territory codes of the old locale data that are not countries at all
# (continents, regions, "unknown region", ...): never given a name.
NOT_COUNTRIES = {"EU", "EZ", "QO", "UN", "ZZ"}

# The fields of the add-on's types that hold country codes.
COUNTRY_FIELDS = ("countries", "country", "segment_countries")


def base_language(language):
    """``el`` for ``el``, ``el-gr`` or ``el_GR``: the names are the
    language's, whatever its country."""
    return (language or "en").replace("_", "-").split("-")[0].lower()


@functools.cache
def _catalogue(domain, language):
    return gettext.translation(
        domain, pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@functools.cache
def _cldr(language):
    try:
        return Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return Locale("en").territories


def collation_key(name):
    """Sort key of a name: accents, case and final sigma ignored."""
    return (normalize_word(name), name)


@functools.cache
def country_names(language):
    """``{alpha-2 code: name in language}`` of the current countries, by name."""
    language = base_language(language)
    cldr = _cldr(language)
    iso = _catalogue("iso3166-1", language)
    names = {}
    for country in pycountry.countries:
        code = country.alpha_2
        english = getattr(country, "common_name", None) or country.name
        names[code] = cldr.get(code) or iso.gettext(english) or english
    return dict(sorted(names.items(), key=lambda item: collation_key(item[1])))


@functools.cache
def former_country_names(language):
    """``{code: name in language}`` of codes that were once countries and
    may still be stored: ISO 3166-3's and those of Zope's older locale data."""
    language = base_language(language)
    try:
        territories = locales.getLocale(language).displayNames.territories or {}
    except Exception:  # noqa: BLE001 - no locale data for it: English
        territories = locales.getLocale("en").displayNames.territories or {}
    iso = _catalogue("iso3166-3", language)
    latest = {}
    for country in sorted(
        pycountry.historic_countries, key=lambda c: str(c.withdrawal_date)
    ):
        if country.alpha_2 not in CURRENT:
            latest[country.alpha_2] = iso.gettext(country.name)
    names = {
        code: name
        for code, name in territories.items()
        if len(code) == 2
        and code.isalpha()
        and code not in CURRENT
        and code not in NOT_COUNTRIES
    }
    for code, name in latest.items():
        names.setdefault(code, name)
    return names


def country_name(code, language):
    """The name of ``code``, current or former; the code itself when unknown."""
    return (
        country_names(language).get(code)
        or former_country_names(language).get(code)
        or code
    )


class CountryVocabulary(SimpleVocabulary):
    """The current countries; a former code still has its term
    (``getTerm``, ``getTermByToken``) for what shows stored values, without
    being offered (iterated) or valid (``in``)."""

    def __init__(self, terms, former):
        super().__init__(terms)
        self.former = former

    def getTerm(self, value):
        try:
            return super().getTerm(value)
        except LookupError:
            if value in self.former:
                return self.former[value]
            raise

    def getTermByToken(self, token):
        try:
            return super().getTermByToken(token)
        except LookupError:
            if token in self.former:
                return self.former[token]
            raise

    @property
    def former_terms(self):
        return tuple(self.former.values())


def _term(code, name):
    return SimpleTerm(value=code, token=code, title=name)


@functools.lru_cache(maxsize=64)
def _countries(language, network=()):
    names = country_names(language)
    first = [code for code in names if code in network]
    rest = [code for code in names if code not in network]
    former = {
        code: _term(code, name) for code, name in former_country_names(language).items()
    }
    return CountryVocabulary(
        [_term(code, names[code]) for code in first + rest], former
    )


# catalogue path -> (its counter, the network's countries)
_NETWORK = {}


def network_countries():
    """The current countries of the active member organisations, as a
    sorted tuple; computed again only once the catalogue has changed."""
    try:
        catalog = api.portal.get_tool("portal_catalog")
    except Exception:  # noqa: BLE001 - no portal (a script, a bare test)
        return ()
    key = "/".join(catalog.getPhysicalPath())
    counter = catalog.getCounter()
    cached = _NETWORK.get(key)
    if cached is None or cached[0] != counter:
        codes = set()
        brains = catalog.unrestrictedSearchResults(
            portal_type="Organisation", review_state="active"
        )
        for brain in brains:
            value = brain.countries
            if isinstance(value, (list, tuple)):
                codes.update(value)
        cached = _NETWORK[key] = (counter, tuple(sorted(codes & CURRENT)))
    return cached[1]


def _stored_former(context, vocabulary):
    """The former codes that ``context`` itself holds."""
    if context is None:
        return []
    found = []
    base = aq_base(context)
    for name in COUNTRY_FIELDS:
        value = getattr(base, name, None)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple, set, frozenset)):
            continue
        found.extend(
            code
            for code in value
            if code in vocabulary.former and code not in vocabulary.by_value
        )
    return list(dict.fromkeys(found))


@provider(IVocabularyFactory)
def countries(context=None):
    """Built once per language and set of network countries: some 250 terms,
    bound by several fields of every form and serialisation. An item that
    holds a former code gets a vocabulary of its own with that code offered
    last, so that its edit form shows and keeps it."""
    language = base_language(api.portal.get_current_language())
    vocabulary = _countries(language, network_countries())
    kept = _stored_former(context, vocabulary)
    if not kept:
        return vocabulary
    terms = [*vocabulary, *(vocabulary.former[code] for code in kept)]
    return CountryVocabulary(terms, vocabulary.former)
