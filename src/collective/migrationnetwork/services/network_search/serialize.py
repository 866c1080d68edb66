"""The JSON answer of ``@network-search``, built from a ``SearchResult``."""

from collective.migrationnetwork.search.summary import Summarizer
from urllib.parse import parse_qsl
from urllib.parse import urlencode
from zope.i18n import translate


def current_url(request):
    url, query = request["ACTUAL_URL"], request.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


def url_with_start(request, start):
    """The current address with ``b_start`` set to ``start``, every other
    parameter (repeated ones too) kept in its order."""
    pairs = parse_qsl(request.get("QUERY_STRING", ""), keep_blank_values=True)
    pairs = [("b_start", str(start))] + [p for p in pairs if p[0] != "b_start"]
    return f"{request['ACTUAL_URL']}?{urlencode(pairs)}"


def batching(request, result):
    """plone.restapi's batching links: ``@id``, ``first``, ``last`` and,
    where there is one, ``next`` and ``prev``."""
    start, size, total = result.params.b_start, result.params.b_size, result.items_total
    last = max(0, (total - 1) // size * size) if total else 0
    links = {
        "@id": current_url(request),
        "first": url_with_start(request, 0),
        "last": url_with_start(request, last),
    }
    if start + size < total:
        links["next"] = url_with_start(request, start + size)
    if start > 0:
        links["prev"] = url_with_start(request, max(0, min(start, last + size) - size))
    return links


def facets(result):
    return {
        name: {
            "title": translate(facet.label, target_language=result.language),
            "values": [
                {
                    "token": value.token,
                    "title": value.title,
                    "count": value.count,
                    "active": value.active,
                }
                for value in facet.values
            ],
        }
        for name, facet in result.facets.items()
    }


def serialize(context, request, result):
    summaries = Summarizer(context, result.batch, result.language)
    return {
        "@id": current_url(request),
        "items_total": result.items_total,
        "items": [summary for _brain, summary in summaries],
        "batching": batching(request, result),
        "facets": facets(result),
    }
