"""Text search that understands Greek: the elements of ``plone_lexicon``.

Plone's lexicon lower-cases words and strips the accents of Latin words
only, so ``στεγαση`` or ``ΣΤΕΓΑΣΗ`` did not find ``στέγαση``, nor
``στέγασης`` (another case of the same word). The add-on's catalog.xml
gives ``plone_lexicon`` (used by ``SearchableText``, ``Title`` and
``Description``) three elements registered here, with ZCTextIndex's own
pipeline machinery:

1. ``Unicode Whitespace splitter (network)``: Plone's splitter.
2. ``Accent and case insensitive normalizer``: every word decomposed
   (NFD), its combining marks (accents, diaeresis) dropped, lower-cased,
   final sigma made ``σ``: ``ΣΤΈΓΑΣΗΣ`` and ``στεγασης`` are one word.
3. ``Greek and English Snowball stemmer``: a word with Greek letters goes
   through the Snowball Greek stemmer, a Latin one through the English
   stemmer (``στέγαση``, ``στέγασης`` -> ``στεγασ``; ``housing``,
   ``houses`` -> ``hous``). Words with digits are kept as they are.

Indexing and searching go through the same pipeline, so a query is
normalised and stemmed as the text was (once: ZCTextIndex runs the
pipeline again on each parsed term, where the stemmer passes it on). A glob (``στεγαση*``, as Plone's
search form sends) keeps its ``*``: the word before it is stemmed, so the
prefix still matches every form.

The elements compare equal to another of their class, so that importing
the same catalog.xml again keeps the lexicon (GenericSetup clears a
lexicon whose pipeline changed, and the indexes would then be stale).
"""

from Products.CMFPlone.UnicodeSplitter.splitter import Splitter
from Products.ZCTextIndex.PipelineFactory import element_factory

import contextlib
import functools
import snowballstemmer
import threading
import unicodedata


SPLITTER = "Unicode Whitespace splitter (network)"
NORMALIZER = "Accent and case insensitive normalizer"
STEMMER = "Greek and English Snowball stemmer"
GLOB = "*?"


class SameClassEqual:
    """Pipeline elements hold no state: two of one class are the same."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(type(self))


class NetworkSplitter(SameClassEqual, Splitter):
    """Plone's Unicode splitter (bigrams for CJK scripts, words for the
    rest)."""


def normalize_word(word):
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).lower().replace("ς", "σ")


class AccentInsensitiveNormalizer(SameClassEqual):
    def process(self, words):
        return [normalize_word(_text(word)) for word in words]

    # Accents and case never touch * and ?.
    processGlob = process


def _text(word):
    return word.decode("utf-8", "replace") if isinstance(word, bytes) else word


def is_greek(word):
    return any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in word)


# A Snowball stemmer keeps the word it works on in the instance: one pair
# per thread (Zope serves requests in several).
_local = threading.local()


def _stemmer(language):
    stemmer = getattr(_local, language, None)
    if stemmer is None:
        stemmer = snowballstemmer.stemmer(language)
        setattr(_local, language, stemmer)
    return stemmer


# Texts repeat their words: the pure-Python stemmer runs once per distinct
# word of the process (a text of 2,400 words: 188 ms without, 10 ms
# with the cache warm).
@functools.lru_cache(maxsize=200_000)
def stem_word(word):
    if not word or any(c.isdigit() for c in word):
        return word
    if is_greek(word):
        stemmed = _stemmer("greek").stemWord(word)
    elif word.isascii() and word.isalpha():
        stemmed = _stemmer("english").stemWord(word)
    else:
        return word
    # The Greek stemmer answers in its own case: keep the lexicon's.
    return normalize_word(stemmed) or word


class GreekEnglishStemmer(SameClassEqual):
    def process(self, words):
        return [stem_word(word) for word in words]

    def process_post_glob(self, words):
        """A query's terms come stemmed already (``parseTerms`` ran
        ``processGlob``); ZCTextIndex runs the pipeline on each term again
        to find its word ids, and stemming is not idempotent
        (``στεγασ`` -> ``στεγ``)."""
        return list(words)

    def processGlob(self, words):
        result = []
        for word in words:
            stem = word.rstrip(GLOB)
            if stem != word and stem and not any(c in GLOB for c in stem):
                result.append(stem_word(stem) + word[len(stem) :])
            elif any(c in GLOB for c in word):
                result.append(word)
            else:
                result.append(stem_word(word))
        return result


def _register(group, name, factory):
    # ValueError: registered already (the module was reloaded).
    with contextlib.suppress(ValueError):
        element_factory.registerFactory(group, name, factory)


_register("Word Splitter", SPLITTER, NetworkSplitter)
_register("Case Normalizer", NORMALIZER, AccentInsensitiveNormalizer)
_register("Stemmer", STEMMER, GreekEnglishStemmer)
