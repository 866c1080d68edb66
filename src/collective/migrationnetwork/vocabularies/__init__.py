"""Vocabularies: stable ASCII tokens, translated titles.

Fixed vocabularies live in ``fixed.py`` (titles are message ids, translated
by the Greek catalogue); thematic areas and target groups are kept in the
registry so that a Site Administrator edits them without code
(``editable.py``); countries and languages come from the locale data Zope
already has (``standard.py``).
"""
