"""Language fallback: a search under one language root also finds the items
that have no translation in its language, in another language.

When the ``language_fallback`` setting is on, a search in ``/en`` covers
every language root: an item of another root is found unless its
translation group has an item in ``/en`` that the user may see (then that
one is found), and of an item that exists in several other languages only
one is found: the one in the portal's default language, else the first in
the order of the available languages. Everything is decided from the
catalogue (result sets and the TranslationGroup and UID indexes); no
content object is woken. Summaries carry each item's language, so that a
listing can mark the items that are not in the reader's language.
"""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork.search.counting import result_rids
from collective.migrationnetwork.search.params import CONTENT_TYPES
from plone import api


SETTING = f"{SETTINGS_PREFIX}.language_fallback"


def fallback_enabled():
    return bool(api.portal.get_registry_record(SETTING, default=False))


def root_paths(portal):
    """``[(code, path)]`` of the language roots, the default language first."""
    codes = list(api.portal.get_registry_record("plone.available_languages") or ())
    default = api.portal.get_registry_record("plone.default_language", default=None)
    if default in codes:
        codes.remove(default)
        codes.insert(0, default)
    base = "/".join(portal.getPhysicalPath())
    return [(code, f"{base}/{code}") for code in codes if code in portal.objectIds()]


def fallback_query(catalog, language, path, portal_types=None):
    """Query terms that widen a search under the language root ``path`` (in
    ``language``) to the other roots, or None when there is no other root.

    ``{"path": [every root], "UID": {"not": [...]}}``: the items left out
    are those of other roots whose translation group is already found.
    """
    portal = api.portal.get()
    roots = root_paths(portal)
    others = [(code, other) for code, other in roots if other != path]
    if not others or language not in dict(roots):
        return None
    types = list(portal_types or CONTENT_TYPES)
    groups = catalog._catalog.getIndex("TranslationGroup")._unindex
    uids = catalog._catalog.getIndex("UID")._unindex

    def rids(root):
        return result_rids(catalog(path=root, portal_type=types), catalog)

    found = {groups.get(rid) for rid in rids(path)}
    left_out = []
    for _code, other in others:
        for rid in rids(other):
            group = groups.get(rid)
            if group and group in found:
                left_out.append(uids.get(rid))
            elif group:
                found.add(group)
    query = {"path": [path] + [other for _code, other in others]}
    left_out = [uid for uid in left_out if uid]
    if left_out:
        query["UID"] = {"not": left_out}
    return query
