"""Text for the benchmark's generated content, in Greek and English.

The words of the demo content (``demo/data.yaml``) are the head of each
language's vocabulary, ranked by how often the demo uses them; a tail of
made-up words from each script's syllables follows, so that the full-text
index holds a vocabulary of realistic size. Words are drawn with Zipf's law
(weight 1/rank), as in real prose: a few words everywhere, most words rare.
"""

from pathlib import Path

import collections
import itertools
import random
import re


DEMO_DATA = (
    Path(__file__).resolve().parents[2]
    / "src/collective/migrationnetwork/demo/data.yaml"
)
TAIL_SIZE = 20000
SYLLABLES = {
    "el": [
        "κα",
        "λο",
        "μι",
        "νε",
        "πα",
        "ρα",
        "τη",
        "σο",
        "φι",
        "δη",
        "μο",
        "γι",
        "α",
        "ε",
        "ο",
        "ου",
        "ει",
        "ση",
        "τι",
        "κο",
        "στα",
        "νι",
        "λη",
        "μα",
        "πε",
        "ρο",
        "χω",
        "ξε",
        "θυ",
        "βα",
        "γρα",
        "ζω",
    ],
    "en": [
        "ka",
        "lo",
        "mi",
        "ne",
        "pa",
        "ra",
        "te",
        "so",
        "fi",
        "de",
        "mo",
        "gi",
        "an",
        "er",
        "on",
        "ous",
        "ei",
        "sh",
        "ti",
        "co",
        "sta",
        "ni",
        "le",
        "ma",
        "pe",
        "ro",
        "cho",
        "xe",
        "thu",
        "ba",
        "gra",
        "zo",
    ],
}
WORD = re.compile(r"[^\W\d_]{2,}")
TAG = re.compile(r"<[^>]+>")


def demo_words(path=DEMO_DATA):
    """``{language: [word, ...]}``, most frequent first."""
    import yaml

    counters = {"el": collections.Counter(), "en": collections.Counter()}

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in counters and isinstance(item, str):
                    text = TAG.sub(" ", item).lower()
                    counters[key].update(WORD.findall(text))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    with open(path, encoding="utf-8") as stream:
        walk(yaml.safe_load(stream))
    return {
        language: [word for word, _count in counter.most_common()]
        for language, counter in counters.items()
    }


class Vocabulary:
    """Draws words of one language with Zipf weights."""

    def __init__(self, head, syllables, rng, tail_size=TAIL_SIZE):
        seen = set(head)
        words = list(head)
        for length in itertools.count(2):
            for parts in itertools.product(syllables, repeat=length):
                word = "".join(parts)
                if word not in seen:
                    seen.add(word)
                    words.append(word)
                    if len(words) >= len(head) + tail_size:
                        break
            if len(words) >= len(head) + tail_size:
                break
        rest = words[len(head) :]
        rng.shuffle(rest)
        self.words = words[: len(head)] + rest
        self.cumulative = list(
            itertools.accumulate(1.0 / rank for rank in range(1, len(self.words) + 1))
        )
        self.rng = rng

    def words_for(self, count):
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, words):
        drawn = self.words_for(words)
        return drawn[0].capitalize() + " " + " ".join(drawn[1:]) + "."

    def text(self, characters):
        """Sentences adding up to about ``characters`` characters."""
        sentences, size = [], 0
        while size < characters:
            sentence = self.sentence(self.rng.randint(8, 22))
            sentences.append(sentence)
            size += len(sentence) + 1
        return " ".join(sentences)

    def html(self, characters):
        """Paragraphs of about ``characters`` characters of text."""
        paragraphs, size = [], 0
        while size < characters:
            length = min(characters - size, self.rng.randint(300, 900))
            paragraph = self.text(max(length, 80))
            paragraphs.append(f"<p>{paragraph}</p>")
            size += len(paragraph)
        return "\n".join(paragraphs)

    def title(self):
        return self.sentence(self.rng.randint(4, 11)).rstrip(".")


def vocabularies(seed=1):
    """``{language: Vocabulary}`` for Greek and English."""
    rng = random.Random(seed)
    heads = demo_words()
    return {
        language: Vocabulary(heads[language], SYLLABLES[language], rng)
        for language in ("el", "en")
    }
