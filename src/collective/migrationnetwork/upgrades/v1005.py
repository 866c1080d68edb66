"""1004 -> 1005: search that understands Greek.

The step imports the catalogue's definitions, whose ``plone_lexicon`` now
ignores accents, case and final sigma and stems Greek and English words
(``lexicon.py``), then indexes the text of every item again: importing a
lexicon with another pipeline empties it.
"""

from plone import api


PROFILE = "profile-collective.migrationnetwork:default"


def upgrade(setup_tool):
    from collective.migrationnetwork.setuphandlers import reindex_text

    setup_tool.runImportStepFromProfile(PROFILE, "catalog")
    reindex_text(api.portal.get())
