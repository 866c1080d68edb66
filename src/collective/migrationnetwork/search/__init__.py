"""The network search: one function behind the listing pages and the
``@network-search`` REST endpoint.

    from collective.migrationnetwork.search import network_search

    result = network_search(context, request.form, facets=("countries",))
    result.items        # brains of the batch (catalogue metadata)
    result.items_total  # number of matches
    result.facets       # {name: FacetResult(name, label, values)}
    result.language     # the language of the root: titles are in it

    from collective.migrationnetwork.search.summary import Summarizer

    for brain, summary in Summarizer(context, result.batch, result.language):
        summary["@id"], summary["organisation"], summary["thematic_areas"]
"""

from collective.migrationnetwork.search.core import FacetResult
from collective.migrationnetwork.search.core import FacetValue
from collective.migrationnetwork.search.core import SearchResult
from collective.migrationnetwork.search.core import network_search
from collective.migrationnetwork.search.facets import FACETS
from collective.migrationnetwork.search.facets import value_titles
from collective.migrationnetwork.search.params import SearchParameterError
from collective.migrationnetwork.search.params import SearchParams
from collective.migrationnetwork.search.params import parse_params


__all__ = [
    "FACETS",
    "FacetResult",
    "FacetValue",
    "SearchParameterError",
    "SearchParams",
    "SearchResult",
    "network_search",
    "parse_params",
    "value_titles",
]
