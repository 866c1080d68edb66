"""The translators' worklist: items of a network not yet translated into a
language of the site, and translations whose source changed since
(``translation_outdated``), per language. From the ``TranslationGroup``,
``Language`` and ``translation_outdated`` indexes; each entry links to what
a translator opens (the item to translate, or the outdated translation),
and lists only what the current user may open."""

from plone import api
from plone.i18n.locales.interfaces import IContentLanguageAvailability
from zope.component import getUtility


# The entries listed per language, missing and outdated each (the counts
# are exact): at 10,000 items a network's worklist held thousands, and made
# the dashboard page megabytes that nobody reads to the end.
WORKLIST_LIMIT = 50


def language_name(code):
    languages = getUtility(IContentLanguageAvailability).getLanguages()
    language = languages.get(code) or {}
    return language.get("native") or language.get("name") or code


def _entry(brain, url=None):
    return {
        "@id": url or brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "portal_type": brain.portal_type,
        "language": brain.Language,
    }


def translation_worklist(root, brains, language):
    """``[{language, title, missing_count, outdated_count, missing: [...],
    outdated: [...]}]`` for every language of the site but the root's own;
    the lists hold the first ``WORKLIST_LIMIT`` entries by title."""
    catalog = api.portal.get_tool("portal_catalog")
    own = getattr(root, "Language", lambda: "")() or language
    groups = {
        brain.TranslationGroup: brain for brain in brains if brain.TranslationGroup
    }
    visible = (
        {
            brain.UID
            for brain in catalog.searchResults(UID=[b.UID for b in groups.values()])
        }
        if groups
        else set()
    )
    answer = []
    for code in api.portal.get_registry_record("plone.available_languages"):
        if code == own:
            continue
        present = (
            catalog.unrestrictedSearchResults(
                TranslationGroup=list(groups), Language=code
            )
            if groups
            else []
        )
        present_groups = {brain.TranslationGroup for brain in present}
        missing = [
            brain
            for group, brain in sorted(groups.items(), key=lambda kv: kv[1].Title)
            if group not in present_groups and brain.UID in visible
        ]
        outdated = (
            catalog.searchResults(
                TranslationGroup=list(groups),
                Language=code,
                translation_outdated=True,
                sort_on="sortable_title",
            )
            if groups
            else []
        )
        answer.append(
            {
                "language": code,
                "title": language_name(code),
                "missing_count": len(missing),
                "outdated_count": len(outdated),
                "missing": [
                    _entry(
                        brain, f"{brain.getURL()}/@@create_translation?language={code}"
                    )
                    for brain in missing[:WORKLIST_LIMIT]
                ],
                "outdated": [_entry(brain) for brain in outdated[:WORKLIST_LIMIT]],
            }
        )
    return answer
