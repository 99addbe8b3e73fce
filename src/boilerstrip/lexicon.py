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
)
#: Headings that end the article when they appear on their own line.
SECTION_CUT = "section_cut"

#: Characters of a block searched for suffix and contains phrases. Phrase hits
#: only decide short blocks (see rules.py), so a window this size loses nothing.
SCAN_LIMIT = 400

_NON_WORD = re.compile(r"[\W_]+")
_ELLIPSIS = "..."


def normalise(text: str) -> str:
    """Casefold and reduce *text* to words separated by single spaces.

    >>> normalise("  Share this:  Twitter / E-mail ")
    'share this twitter e mail'
    """
    return _NON_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class Match:
    """A lexicon hit: the concept, the kind of match and the phrase."""

    concept: str
    kind: str  # "exact", "prefix", "suffix" or "contains"
    phrase: str


class PhraseMatcher:
    """All phrases of all concepts, compiled into a few combined patterns."""

    def __init__(self, entries: list[tuple[str, str, str]]) -> None:
        # entries: (concept, kind, normalised phrase)
        self.exact: dict[str, str] = {}
        by_kind: dict[str, dict[str, str]] = {"prefix": {}, "suffix": {}, "contains": {}}
        for concept, kind, phrase in entries:
            table = self.exact if kind == "exact" else by_kind[kind]
            table.setdefault(phrase, concept)
        self.prefix = by_kind["prefix"]
        self.suffix = by_kind["suffix"]
        self.contains = by_kind["contains"]
        self._prefix_re = _alternation(self.prefix, r"\A", r"(?= |\Z)")
        self._suffix_re = _alternation(self.suffix, r"(?:\A| )", r"\Z")
        self._contains_re = _alternation(self.contains, r"(?:\A| )", r"(?= |\Z)")

    def match(self, norm: str) -> list[Match]:
        """Every hit on the normalised block text *norm*, exact hits first.

        Suffix and contains phrases are looked for only in the last and first
        :data:`SCAN_LIMIT` characters, so a huge block costs no more than a
        small one.
        """
        hits = []
        if len(norm) > SCAN_LIMIT:
            norm_head = norm[:SCAN_LIMIT]
            norm_tail = norm[-SCAN_LIMIT:]
        else:
            norm_head = norm_tail = norm
        concept = self.exact.get(norm)
        if concept is not None:
            hits.append(Match(concept, "exact", norm))
        if self._prefix_re is not None:
            m = self._prefix_re.match(norm)
            if m:
                phrase = m.group(1)
                hits.append(Match(self.prefix[phrase], "prefix", phrase))
        if self._suffix_re is not None:
            m = self._suffix_re.search(norm_tail)
            if m:
                phrase = m.group(1)
                hits.append(Match(self.suffix[phrase], "suffix", phrase))
        if self._contains_re is not None:
            m = self._contains_re.search(norm_head)
            if m:
                phrase = m.group(1)
                hits.append(Match(self.contains[phrase], "contains", phrase))
        return hits


def _alternation(phrases: dict[str, str], head: str, tail: str) -> re.Pattern[str] | None:
    """One pattern matching any of *phrases*, longest first, captured as group 1.

    The alternatives are literal words, so matching costs at most
    (number of phrases) steps per position: no nested quantifiers.
    """
    if not phrases:
        return None
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(head + "(" + body + ")" + tail)


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


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of *lang* (empty for an unknown language)."""
    words = set()
    for line in _read(lang, "stopwords"):
        parsed = _parse_line(line)
        if parsed:
            words.update(parsed[1].split())
    return frozenset(words)


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


@lru_cache(maxsize=None)
def months() -> frozenset[str]:
    """Month names and abbreviations of every supported language, normalised."""
    words = set()
    for line in _read("_common", "months"):
        if line.strip() and not line.lstrip().startswith("#"):
            words.update(normalise(line).split())
    return frozenset(words)


@lru_cache(maxsize=None)
def credit_words() -> tuple[str, ...]:
    """Words that introduce a photo credit ("Photo:", "Bild:", "Фото:"), casefolded."""
    words = []
    for line in _read("_common", "credit_words"):
        s = line.strip()
        if s and not s.startswith("#"):
            words.append(s.casefold())
    return tuple(dict.fromkeys(words))


@lru_cache(maxsize=None)
def word_set(concept: str) -> frozenset[str]:
    """The single words of ``<concept>.txt`` in every language, normalised."""
    words: set[str] = set()
    for lang in languages():
        for line in _read(lang, concept):
            s = line.strip()
            if s and not s.startswith("#"):
                words.update(normalise(s).split())
    return frozenset(words)
