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
Files are read once, on first use, with :mod:`importlib.resources`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
    if "](" in text:
        text = _LINK_TARGET.sub(" ", text)
    return _NON_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class Match:
    """A lexicon hit: the concept, the kind of match and the phrase."""

    concept: str
    kind: str  # "exact", "prefix", "suffix" or "contains"
    phrase: str


class PhraseMatcher:
    """All phrases of all concepts, looked up by word n-grams in hash tables.

    A block is split into words once; prefix and suffix phrases are found by
    looking up its first and last n words for each phrase length n, contains
    phrases by looking up its n-grams. The cost is linear in the words looked
    at and independent of the number of phrases.
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
        self._prefix_lengths = _lengths(self.prefix)
        self._suffix_lengths = _lengths(self.suffix)
        # Contains phrases indexed by their first word: (length in words, phrase), longest first.
        self._by_first_word: dict[str, list[tuple[int, str]]] = {}
        for phrase in sorted(self.contains, key=len, reverse=True):
            words = phrase.split(" ")
            self._by_first_word.setdefault(words[0], []).append((len(words), phrase))

    def match(self, norm: str) -> list[Match]:
        """Every hit on the normalised block text *norm*, exact hits first.

        Contains phrases are looked for only among the first
        :data:`SCAN_WORDS` words, so a huge block costs no more than a small one.
        """
        hits = []
        concept = self.exact.get(norm)
        if concept is not None:
            hits.append(Match(concept, "exact", norm))
        words = norm.split(" ", SCAN_WORDS)[:SCAN_WORDS] if norm else []
        for kind, table, lengths in (
            ("prefix", self.prefix, self._prefix_lengths),
            ("suffix", self.suffix, self._suffix_lengths),
        ):
            source = words if kind == "prefix" else norm.rsplit(" ", max(lengths, default=0))
            for n in lengths:
                if n > len(source):
                    continue
                key = " ".join(source[:n] if kind == "prefix" else source[-n:])
                concept = table.get(key)
                if concept is not None:
                    hits.append(Match(concept, kind, key))
                    break
        hit = self._find_contained(words)
        if hit is not None:
            hits.append(hit)
        return hits

    def _find_contained(self, words: list[str]) -> Match | None:
        index = self._by_first_word
        for i, word in enumerate(words):
            candidates = index.get(word)
            if candidates is None:
                continue
            for n, phrase in candidates:
                if n == 1 or " ".join(words[i : i + n]) == phrase:
                    return Match(self.contains[phrase], "contains", phrase)
        return None


def _lengths(table: dict[str, str]) -> list[int]:
    """The distinct phrase lengths in words, longest first."""
    return sorted({p.count(" ") + 1 for p in table}, reverse=True)


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


def _read(lang: str, concept: str) -> list[str]:
    try:
        path = resources.files("boilerstrip").joinpath("lexicons", lang, concept + ".txt")
        return path.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, NotADirectoryError):
        return []


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """The language codes that have a lexicon folder."""
    root = resources.files("boilerstrip").joinpath("lexicons")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


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
