"""Publication dates without the catalogue's costly ``effectiveRange`` merge.

For a visitor who may not see inactive content, Plone adds
``effectiveRange=now`` to every catalogue query. ZCatalog orders a query's
indexes by the time each took before (its query plan): evaluated after the
others, with their result set, ``effectiveRange`` is cheap (it removes the
few items outside their dates), so the plan soon runs it first, where it
has no result set to narrow and merges one set per distinct publication
minute of the whole site (10,000 sets at 10,000 items, measured in
docs/performance.md). The search therefore asks with ``show_inactive`` and
leaves out, by UID, the items outside their publication range: from the
same index's structures, the sets of the dates after and before now,
usually few or none.
"""

from BTrees.IIBTree import multiunion
from DateTime import DateTime
from Products.CMFCore.indexing import processQueue


def inactive_uids(catalog, now=None):
    """UIDs of the items published for later or expired, as the
    ``effectiveRange`` index sees them at ``now``."""
    processQueue()  # what this transaction indexed, as searchResults does
    index = catalog._catalog.getIndex("effectiveRange")
    term = index._convertDateTime(now or DateTime())
    rids = multiunion(
        [
            multiunion(index._since.values(term + 1)),
            multiunion(index._since_only.values(term + 1)),
            multiunion(index._until.values(None, term - 1)),
            multiunion(index._until_only.values(None, term - 1)),
        ]
    )
    if not rids:
        return []
    uids = catalog._catalog.getIndex("UID")._unindex
    return [uid for uid in (uids.get(rid) for rid in rids) if uid]


def search_active(catalog, query):
    """``catalog.searchResults(query)``, with the same answer for those who
    may not see inactive content, without ``effectiveRange``."""
    if "UID" in query or "show_inactive" in query or catalog.allow_inactive(query):
        return catalog.searchResults(query)
    hidden = inactive_uids(catalog)
    if hidden:
        query = {**query, "UID": {"query": [], "not": hidden}}
    return catalog.searchResults(query, show_inactive=True)
