"""Countries from the locale data that Zope already ships."""

from plone import api
from zope.i18n.locales import locales
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import functools


# Territory codes of the locale data that are not ISO 3166-1 countries
# (continents, regions, "unknown region", ...).
NOT_COUNTRIES = {"EU", "EZ", "QO", "UN", "ZZ"}


@functools.cache
def country_names(language):
    """Return {ISO 3166-1 alpha-2 code: name in ``language``}, sorted by name."""
    try:
        locale = locales.getLocale(language)
    except Exception:  # noqa: BLE001 - unknown locale: fall back to English
        locale = locales.getLocale("en")
    territories = locale.displayNames.territories or {}
    names = {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    }
    return dict(sorted(names.items(), key=lambda item: item[1]))


@functools.cache
def _countries(language):
    return SimpleVocabulary(
        [
            SimpleTerm(value=code, token=code, title=name)
            for code, name in country_names(language).items()
        ]
    )


@provider(IVocabularyFactory)
def countries(context=None):
    """Built once per language: some 250 terms, bound by several fields of
    every form and serialisation."""
    return _countries(api.portal.get_current_language())
