"""Facet counts from the catalogue's own index structures.

Nothing here creates a brain or wakes a content object: a result set is the
set of record ids (rids) of a catalogue query, and a value's count is the
size of the intersection of that set with the value's posting list in the
index (``index._index[value]``, an rid or an ``IITreeSet``).
"""

from Acquisition import aq_base
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from Products.ZCatalog.query import IndexQuery


def result_rids(results, catalog):
    """The rids of a catalogue result (a lazy sequence of brains).

    A plain result maps the internal catalogue's ``__getitem__`` over its
    rids, which we take as they are; a relevance-ranked one (full text)
    maps over (score, rid) pairs, and we fall back to the brains, which are
    made from metadata alone.
    """
    sequence = getattr(results, "_seq", None)
    function = getattr(results, "_func", None)
    if (
        sequence is not None
        and aq_base(getattr(function, "__self__", None)) is aq_base(catalog._catalog)
        and getattr(function, "__name__", None) == "__getitem__"
    ):
        if isinstance(sequence, (IISet, IITreeSet)):
            return sequence
        return IITreeSet(sequence)
    return IITreeSet([brain.getRID() for brain in results])


def filter_rids(catalog, name, query):
    """The rids that index ``name`` gives for ``query`` (``{"query":
    [...]}``), asked of the index as the catalogue asks it, with no result
    set to narrow."""
    index = catalog._catalog.getIndex(name)
    record = IndexQuery(
        {name: query},
        index.id,
        index.query_options,
        index.operators,
        index.useOperator,
    )
    rids = index.query_index(record)
    return IITreeSet() if rids is None else rids


def _count_by_value(index, rids):
    counts = {}
    for value, postings in index._index.items():
        if isinstance(postings, int):
            count = 1 if postings in rids else 0
        else:
            count = len(intersection(rids, postings))
        if count:
            counts[value] = count
    return counts


def _count_by_rid(index, rids):
    counts = {}
    for rid in rids:
        found = index._unindex.get(rid)
        if found is None:
            continue
        if isinstance(found, (str, int)):
            found = (found,)
        for value in found:
            counts[value] = counts.get(value, 0) + 1
    return counts


def count_values(index, rids):
    """``{value: number of rids indexed with it}`` for a Keyword- or
    FieldIndex; values without a match are left out.

    Small result sets are counted rid by rid, large ones value by value.
    """
    if not rids:
        return {}
    if len(rids) < index.indexSize():
        return _count_by_rid(index, rids)
    return _count_by_value(index, rids)
