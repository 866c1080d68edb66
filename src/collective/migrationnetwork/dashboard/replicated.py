"""Practices replicated elsewhere: the reverse of ``inspired_by``, read
from the relation catalogue's tokens (intids), mapped to catalogue records
through the ``relation_intid`` index; no relation or object is loaded."""

from plone import api
from zc.relation.interfaces import ICatalog
from zope.component import queryUtility


ATTRIBUTE = "inspired_by"


def inspired_pairs():
    """``{target intid: {source intids}}`` of every ``inspired_by``."""
    catalog = queryUtility(ICatalog)
    if catalog is None:
        return {}
    pairs = {}
    for relation in catalog.getRelationTokens({"from_attribute": ATTRIBUTE}) or ():
        sources = catalog.getValueTokens("from_id", relation) or ()
        for target in catalog.getValueTokens("to_id", relation) or ():
            pairs.setdefault(target, set()).update(sources)
    return pairs


def replicated_practices(practice_brains):
    """The practices among ``practice_brains`` that a practice of another
    organisation was inspired by, each with where it was replicated."""
    ours = {
        brain.relation_intid: brain
        for brain in practice_brains
        if getattr(brain, "relation_intid", None) is not None
    }
    pairs = {
        target: sources
        for target, sources in inspired_pairs().items()
        if target in ours
    }
    if not pairs:
        return {"count": 0, "items": []}
    catalog = api.portal.get_tool("portal_catalog")
    wanted = sorted(set().union(*pairs.values()))
    sources = {
        brain.relation_intid: brain
        for brain in catalog.searchResults(
            portal_type="Practice", relation_intid=wanted
        )
    }
    items = []
    for target, source_ids in pairs.items():
        brain = ours[target]
        elsewhere = [
            sources[source]
            for source in sorted(source_ids)
            if source in sources and sources[source].organisation != brain.organisation
        ]
        if not elsewhere:
            continue
        items.append(
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "organisation_title": brain.organisation_title or None,
                "replicated_in": [
                    {
                        "@id": source.getURL(),
                        "title": source.Title,
                        "organisation_title": source.organisation_title or None,
                    }
                    for source in elsewhere
                ],
            }
        )
    items.sort(key=lambda entry: (-len(entry["replicated_in"]), entry["title"]))
    return {"count": len(items), "items": items}
