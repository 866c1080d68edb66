"""``GET /{lang}/@network-search``: the faceted search for member websites.

Parse the query string (``parse_params``), search (``network_search``),
answer with summaries from catalogue metadata, batching links and facet
counts. Bad parameters are answered 400 with a JSON body naming them.
"""
