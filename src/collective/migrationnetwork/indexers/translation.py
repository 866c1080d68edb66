"""Translation status in the catalogue: ``translation_outdated`` is True for
a translation whose source's text changed since it was translated (see
multilingual/status.py), so that editors can list them per language."""

from collective.migrationnetwork.multilingual.interfaces import (
    ITranslatableNetworkContent,
)
from collective.migrationnetwork.multilingual.status import is_outdated
from plone.indexer import indexer


@indexer(ITranslatableNetworkContent)
def translation_outdated(obj):
    return is_outdated(obj)
