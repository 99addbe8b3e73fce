"""Phrase lists per language and the matcher that applies them.

Each concept (share, related, cookie, ...) is a file
``lexicons/<lang>/<concept>.txt`` with one phrase a line and ``#`` comments.
A phrase matches a block's *normalised* text (casefolded, every run of
characters that are not letters or digits turned into one space, trimmed):

- ``phrase``          the whole block equals the phrase;
- ``phrase ...``      the block starts with the phrase;
- ``... phrase``      the block ends with the phrase;
- ``... phrase ...``  the block contains the phrase (word-bounded).

All languages are loaded together: pages mix languages in their chrome.
Files are read once, on first use, from the package folder (``lexicons/``
next to this module; the package is always installed as files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
import os
from itertools import compress
from typing import Callable

#: Concepts whose phrases name a removed category (file name = category name).
CATEGORY_CONCEPTS = (
    "share",
    "app_promo",
    "related",
    "newsletter",
    "cookie",
    "comments",
    "caption",
    "navigation",
    "byline",
    "footer",
    "advertisement",
    "inline_promo",
    "boilerplate",
)
#: Headings that end the article when they appear on their own line.
SECTION_CUT = "section_cut"
#: Job phrases that open an author bio ("... is a freelance writer").
AUTHOR_BIO = "author_bio"
#: Words that open a heading over an author bio ("About Jane Doe").
ABOUT_HEADING = "about_heading"
#: Openers of a comment thread's heading ("14 thoughts on ...", "Ein Kommentar zu ...").
COMMENT_COUNT = "comment_count"

#: Characters of a huge block that are normalised (head and tail each); phrase
#: hits only decide short blocks (see rules.py), so this loses nothing.
SCAN_LIMIT = 400
#: Words of a block searched for contains phrases (rules use them on blocks of
#: at most rules.MAX_PHRASE_WORDS words).
SCAN_WORDS = 80

_NON_WORD = re.compile(r"[\W_]+")
# The target of a markdown link or image: "](" then a URL (no brackets or white
# space, so every match stops at the next bracket: linear time on any input).
_LINK_TARGET = re.compile(r"\]\([^()\[\]\s]*\)?")
_ELLIPSIS = "..."


def normalise(text: str) -> str:
    """Casefold and reduce *text* to words separated by single spaces.

    Link targets of markdown links are dropped, so ``[Share](https://x.example/s)``
    reads as its link text.

    >>> normalise("  Share this:  Twitter / E-mail ")
    'share this twitter e mail'
    >>> normalise("[Share](https://x.example/p?action=share)")
    'share'
    """
    return normalise_folded(text.casefold())


def normalise_folded(folded: str) -> str:
    """:func:`normalise` for text that is already casefolded."""
    if "](" in folded:
        folded = _LINK_TARGET.sub(" ", folded)
    return _NON_WORD.sub(" ", folded).strip()


@dataclass(frozen=True)
class Match:
    """A lexicon hit: the concept, the kind of match and the phrase."""

    concept: str
    kind: str  # "exact", "prefix", "suffix" or "contains"
    phrase: str


class PhraseMatcher:
    """All phrases of all concepts, looked up in hash tables.

    Prefix and suffix phrases are indexed by their first and last word, so a
    block costs one lookup each unless its first or last word starts or ends
    some phrase; contains phrases are indexed by their first word, and a block's
    words are scanned only when one of them is a one-word phrase or one of its
    word pairs starts a longer phrase (set tests in C). The cost is linear in
    the words looked at and independent of the number of phrases.
    """

    def __init__(self, entries: list[tuple[str, str, str]]) -> None:
        # entries: (concept, kind, normalised phrase)
        self.exact: dict[str, str] = {}
        self.prefix: dict[str, str] = {}
        self.suffix: dict[str, str] = {}
        self.contains: dict[str, str] = {}
        tables = {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix, "contains": self.contains}
        for concept, kind, phrase in entries:
            tables[kind].setdefault(phrase, concept)
        # Phrases by their first (prefix, contains) or last (suffix) word, longest first.
        self._by_first_word = _index(self.prefix, first=True)
        self._by_last_word = _index(self.suffix, first=False)
        # (word count, phrase, the words after the first) of the contains phrases.
        self._contained_by_first_word = {
            word: tuple((_word_count(p), p, tuple(p.split(" ")[1:])) for p in phrases)
            for word, phrases in _index(self.contains, first=True, key=len).items()
        }
        # A cheap test before that scan: the one-word contains phrases, and the first
        # two words of the longer ones (most blocks hold a word such as "the" that
        # starts some phrase, few hold one of its first word pairs).
        self._contained_words = frozenset(p for p in self.contains if " " not in p)
        self._contained_pairs = frozenset(
            (words[0], words[1]) for words in (p.split(" ") for p in self.contains) if len(words) > 1
        )

    def exact_match(self, norm: str) -> str | None:
        """The concept of the phrase that is the whole of *norm*, if any (the first hit of :meth:`match`)."""
        return self.exact.get(norm)

    def match(self, norm: str, words: tuple[str, ...] | None = None) -> tuple[Match, ...]:
        """Every hit on the normalised block text *norm*, exact hits first.

        *words* may give ``norm.split()`` when the caller has it already (see
        ``Features.norm_words``), to save splitting *norm* again.

        Contains phrases are looked for only among the first
        :data:`SCAN_WORDS` words, so a huge block costs no more than a small one.
        """
        hits = []
        concept = self.exact.get(norm)
        if concept is not None:
            hits.append(Match(concept, "exact", norm))
        if not norm:
            return tuple(hits)
        words = _space_split(norm, words)
        first, last = words[0], words[-1]
        # Speed: the membership tests save a call for the many blocks that no phrase starts or ends.
        if first in self._by_first_word:
            phrase = self._prefix_phrase(norm, first)
            if phrase is not None:
                hits.append(Match(self.prefix[phrase], "prefix", phrase))
        if last in self._by_last_word:
            phrase = self._suffix_phrase(norm, last)
            if phrase is not None:
                hits.append(Match(self.suffix[phrase], "suffix", phrase))
        scanned = words[:SCAN_WORDS]
        if self._may_contain(scanned):
            hit = self._find_contained(scanned)
            if hit is not None:
                hits.append(hit)
        return tuple(hits)

    def matches(self, norm: str, words: tuple[str, ...] | None = None) -> bool:
        """``bool(self.match(norm, words))``, without building the hits."""
        if norm in self.exact:
            return True
        if not norm:
            return False
        words = _space_split(norm, words)
        first, last = words[0], words[-1]
        # Speed: the membership tests save a call for the many blocks that no phrase starts or ends.
        if first in self._by_first_word and self._prefix_phrase(norm, first) is not None:
            return True
        if last in self._by_last_word and self._suffix_phrase(norm, last) is not None:
            return True
        if not self.contains:
            return False
        scanned = words[:SCAN_WORDS]
        return self._may_contain(scanned) and self._find_contained(scanned) is not None

    def _prefix_phrase(self, norm: str, first: str) -> str | None:
        """The longest prefix phrase that starts *norm* (whose first word is *first*)."""
        for phrase in self._by_first_word.get(first, ()):
            if norm.startswith(phrase) and (len(norm) == len(phrase) or norm[len(phrase)] == " "):
                return phrase
        return None

    def _suffix_phrase(self, norm: str, last: str) -> str | None:
        """The longest suffix phrase that ends *norm* (whose last word is *last*)."""
        for phrase in self._by_last_word.get(last, ()):
            if norm.endswith(phrase) and (len(norm) == len(phrase) or norm[-len(phrase) - 1] == " "):
                return phrase
        return None

    def _may_contain(self, words: tuple[str, ...]) -> bool:
        """False when no contains phrase can occur in *words*: tests in C, no scan.

        A one-word phrase is one of the words; a longer one starts with one of
        them (cheap to rule out) and then with one of the word pairs.
        """
        if not self._contained_words.isdisjoint(words):
            return True
        if self._contained_by_first_word.keys().isdisjoint(words):
            return False
        return not self._contained_pairs.isdisjoint(zip(words, words[1:]))

    def _find_contained(self, words: tuple[str, ...]) -> Match | None:
        """The first contains phrase in *words*: leftmost start, then longest phrase.

        Speed: the index is looked up for every word in one C-level ``map``, and
        only the words that start some phrase are visited in Python; a phrase's
        remaining words are compared as a tuple slice instead of joining strings.
        """
        starts = list(map(self._contained_by_first_word.get, words))
        for i in compress(range(len(words)), starts):
            for n, phrase, rest in starts[i]:  # type: ignore[union-attr]  # compress skips None
                if n == 1 or words[i + 1 : i + n] == rest:
                    return Match(self.contains[phrase], "contains", phrase)
        return None


def _space_split(norm: str, words: tuple[str, ...] | None) -> tuple[str, ...]:
    """``norm.split(" ")`` as a tuple, which is *words* (``norm.split()``) when that
    has as many words as *norm* has spaces plus one: normalised text has no white
    space but spaces, so then it has no leading, trailing or double space."""
    if words is None or len(words) != norm.count(" ") + 1:
        return tuple(norm.split(" "))
    return words


def _word_count(phrase: str) -> int:
    return phrase.count(" ") + 1


def _index(
    table: dict[str, str], *, first: bool, key: Callable[[str], int] = _word_count
) -> dict[str, tuple[str, ...]]:
    """The phrases of *table* by their first (or last) word, longest (by *key*) first."""
    index: dict[str, list[str]] = {}
    for phrase in sorted(table, key=key, reverse=True):
        words = phrase.split(" ")
        index.setdefault(words[0] if first else words[-1], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def _parse_line(line: str) -> tuple[str, str] | None:
    """``(kind, normalised phrase)`` for one lexicon line, or None to skip it."""
    s = line.strip()
    if not s or s.startswith("#"):
        return None
    starts = s.startswith(_ELLIPSIS)
    ends = s.endswith(_ELLIPSIS) and len(s) > len(_ELLIPSIS)
    core = s[len(_ELLIPSIS) if starts else 0 : len(s) - len(_ELLIPSIS) if ends else len(s)]
    phrase = normalise(core)
    if not phrase:
        return None
    kind = {(False, False): "exact", (False, True): "prefix", (True, False): "suffix", (True, True): "contains"}[(starts, ends)]
    return kind, phrase


#: The folder of lexicon folders, one per language plus ``_common``.
LEXICON_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicons")


def _read(lang: str, concept: str) -> list[str]:
    try:
        with open(os.path.join(LEXICON_DIR, lang, concept + ".txt"), encoding="utf-8") as f:
            return f.read().splitlines()
    except (FileNotFoundError, NotADirectoryError):
        return []


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """The language codes that have a lexicon folder."""
    return tuple(
        sorted(
            name
            for name in os.listdir(LEXICON_DIR)
            if not name.startswith("_") and os.path.isdir(os.path.join(LEXICON_DIR, name))
        )
    )


def _words(lines: list[str]) -> set[str]:
    """The normalised words of a word list (``#`` comments and blank lines skipped)."""
    words: set[str] = set()
    for line in lines:
        s = line.strip()
        if s and not s.startswith("#"):
            words.update(normalise(s).split())
    return words


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of *lang* (empty for an unknown language)."""
    return frozenset(_words(_read(lang, "stopwords")))


def _entries(concepts: tuple[str, ...]) -> list[tuple[str, str, str]]:
    entries = []
    for lang in languages():
        for concept in concepts:
            for line in _read(lang, concept):
                parsed = _parse_line(line)
                if parsed:
                    entries.append((concept, parsed[0], parsed[1]))
    return entries


@lru_cache(maxsize=None)
def matcher() -> PhraseMatcher:
    """The phrase matcher over every category concept of every language."""
    return PhraseMatcher(_entries(CATEGORY_CONCEPTS))


@lru_cache(maxsize=None)
def bio_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The job phrases of ``author_bio.txt`` in every language, as word tuples by first word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for _, _, phrase in _entries((AUTHOR_BIO,)):
        words = tuple(phrase.split(" "))
        index.setdefault(words[0], []).append(words)
    return {word: tuple(phrases) for word, phrases in index.items()}


def _word_tuples(concept: str) -> frozenset[tuple[str, ...]]:
    """The phrases of ``<concept>.txt`` in every language, as word tuples."""
    return frozenset(tuple(phrase.split(" ")) for _, _, phrase in _entries((concept,)))


@lru_cache(maxsize=None)
def about_phrases() -> frozenset[tuple[str, ...]]:
    """The heading openers of ``about_heading.txt`` in every language, as word tuples."""
    return _word_tuples(ABOUT_HEADING)


@lru_cache(maxsize=None)
def comment_count_phrases() -> frozenset[tuple[str, ...]]:
    """The openers of ``comment_count.txt`` in every language, as word tuples: a noun
    and a preposition that follow a count ("thoughts on"), or a whole singular opener
    ("one thought on")."""
    return _word_tuples(COMMENT_COUNT)


@lru_cache(maxsize=None)
def cut_matcher() -> PhraseMatcher:
    """The matcher for headings that end the article (``section_cut.txt``)."""
    return PhraseMatcher(_entries((SECTION_CUT,)))


def months() -> frozenset[str]:
    """Month names and abbreviations of every supported language, normalised."""
    return common_words("months")


@lru_cache(maxsize=None)
def common_words(concept: str) -> frozenset[str]:
    """The words of ``lexicons/_common/<concept>.txt``, normalised."""
    return frozenset(_words(_read("_common", concept)))


@lru_cache(maxsize=None)
def credit_words() -> tuple[str, ...]:
    """Words that introduce a photo credit ("Photo:", "Bild:", "Фото:"), casefolded."""
    return tuple(sorted(common_words("credit_words")))


@lru_cache(maxsize=None)
def word_set(concept: str) -> frozenset[str]:
    """The single words of ``<concept>.txt`` in every language, normalised."""
    return frozenset(w for lang in languages() for w in _words(_read(lang, concept)))
