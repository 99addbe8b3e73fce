"""Normalised block text and the phrase matcher that looks phrases up in it.

A phrase matches a block's *normalised* text (casefolded, every run of
characters that are not letters or digits turned into one space, trimmed):

- ``phrase``          the whole block equals the phrase;
- ``phrase ...``      the block starts with the phrase;
- ``... phrase``      the block ends with the phrase;
- ``... phrase ...``  the block contains the phrase (word-bounded).

The phrase lists themselves are read by :mod:`boilerstrip.lexicon_loader`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import compress
from types import MappingProxyType
from typing import NamedTuple

#: Characters of a huge block that are normalised (head and tail each); phrase
#: hits only decide short blocks (see rules.py), so this loses nothing.
SCAN_LIMIT = 400
#: Words of a block searched for contains phrases (rules use them on blocks of
#: at most rules.MAX_PHRASE_WORDS words).
SCAN_WORDS = 80

_NON_WORD = re.compile(r"[\W_]+")
# The same but for line breaks (normalise_lines): a run of other non-word characters.
_NON_WORD_IN_LINE = re.compile(r"[^\w\n]+")
# The target of a markdown link or image: "](" then a URL (no brackets or white
# space, so every match stops at the next bracket: linear time on any input).
_LINK_TARGET = re.compile(r"\]\([^()\[\]\s]*\)?")
_ELLIPSIS = "..."
#: The kinds of phrase, by the ``...`` marks around a lexicon line.
KINDS = ("exact", "prefix", "suffix", "contains")  # index: 2 * starts with "..." + ends with "..."


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


def normalise_lines(lines: list[str]) -> list[str]:
    """``[normalise(line) for line in lines]`` for lines without line breaks, at one go.

    >>> normalise_lines(["Share this:", "  E-Mail_Link ", "[Tweet](https://x.example/t)"])
    ['share this', 'e mail link', 'tweet']
    """
    if not lines:
        return []
    folded = "\n".join(lines).casefold()
    if "](" in folded:
        # A link target holds no white space, so it never runs over a line break.
        folded = _LINK_TARGET.sub(" ", folded)
    # "_" is a word character that normalise treats as a space: make it one first, so
    # a run of "_" and other non-word characters still becomes a single space.
    spaced = _NON_WORD_IN_LINE.sub(" ", folded.replace("_", " "))
    return [line.strip(" ") for line in spaced.split("\n")]


class Match(NamedTuple):
    """A lexicon hit: the concept, the kind of match and the phrase.

    A named tuple (it was a frozen dataclass): as cheap to build as a tuple on the
    hot path, and defined without the dataclass machinery's cost at import.
    """

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

    __slots__ = (
        "_by_first_word",
        "_by_last_word",
        "_contained_by_first_word",
        "_contained_pairs",
        "_contained_words",
        "_contains",
        "_exact",
        "_prefix",
        "_suffix",
    )
    _exact: dict[str, str]
    _prefix: dict[str, str]
    _suffix: dict[str, str]
    _contains: dict[str, str]
    _by_first_word: dict[str, tuple[str, ...]]
    _by_last_word: dict[str, tuple[str, ...]]
    _contained_by_first_word: dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]]
    _contained_words: frozenset[str]
    _contained_pairs: frozenset[tuple[str, str]]

    def __init__(self, entries: Iterable[tuple[str, str, str]]) -> None:
        # entries: (concept, kind, normalised phrase); the first concept given for a
        # phrase keeps it (the lexicon loader lets no phrase into two concepts).
        tables: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        for concept, kind, phrase in entries:
            tables[kind].setdefault(phrase, concept)
        exact, prefix, suffix, contains = (tables[kind] for kind in KINDS)
        init = object.__setattr__  # the matcher is immutable once built (see __setattr__)
        init(self, "_exact", exact)
        init(self, "_prefix", prefix)
        init(self, "_suffix", suffix)
        init(self, "_contains", contains)
        # Phrases by their first (prefix, contains) or last (suffix) word, longest first.
        init(self, "_by_first_word", _index(prefix, first=True))
        init(self, "_by_last_word", _index(suffix, first=False))
        # (word count, phrase, the words after the first) of the contains phrases.
        init(
            self,
            "_contained_by_first_word",
            {
                word: tuple((_word_count(p), p, tuple(p.split(" ")[1:])) for p in phrases)
                for word, phrases in _index(contains, first=True, key=len).items()
            },
        )
        # A cheap test before that scan: the one-word contains phrases, and the first
        # two words of the longer ones (most blocks hold a word such as "the" that
        # starts some phrase, few hold one of its first word pairs).
        init(self, "_contained_words", frozenset(p for p in contains if " " not in p))
        init(
            self,
            "_contained_pairs",
            frozenset((words[0], words[1]) for words in (p.split(" ") for p in contains) if len(words) > 1),
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot be changed once built")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot be changed once built")

    def __reduce__(self) -> tuple[object, ...]:
        # Slots and the frozen __setattr__ defeat the default pickling: rebuild from the phrases.
        return (PhraseMatcher, (self.entries(),))

    @property
    def exact(self) -> Mapping[str, str]:
        """Whole-block phrases and their concepts (read-only)."""
        return MappingProxyType(self._exact)

    @property
    def prefix(self) -> Mapping[str, str]:
        """Phrases that start a block (``phrase ...``) and their concepts (read-only)."""
        return MappingProxyType(self._prefix)

    @property
    def suffix(self) -> Mapping[str, str]:
        """Phrases that end a block (``... phrase``) and their concepts (read-only)."""
        return MappingProxyType(self._suffix)

    @property
    def contains(self) -> Mapping[str, str]:
        """Phrases found anywhere in a block (``... phrase ...``) and their concepts (read-only)."""
        return MappingProxyType(self._contains)

    def entries(self) -> tuple[tuple[str, str, str], ...]:
        """``(concept, kind, phrase)`` of every phrase, as the constructor takes them."""
        tables = (self._exact, self._prefix, self._suffix, self._contains)
        return tuple((concept, kind, phrase) for kind, table in zip(KINDS, tables) for phrase, concept in table.items())

    def exact_match(self, norm: str) -> str | None:
        """The concept of the phrase that is the whole of *norm*, if any (the first hit of :meth:`match`)."""
        return self._exact.get(norm)

    def match(self, norm: str, words: tuple[str, ...] | None = None) -> tuple[Match, ...]:
        """Every hit on the normalised block text *norm*, exact hits first.

        *words* may give ``norm.split()`` when the caller has it already (see
        ``Features.norm_words``), to save splitting *norm* again.

        Contains phrases are looked for only among the first
        :data:`SCAN_WORDS` words, so a huge block costs no more than a small one.
        """
        hits = []
        concept = self._exact.get(norm)
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
                hits.append(Match(self._prefix[phrase], "prefix", phrase))
        if last in self._by_last_word:
            phrase = self._suffix_phrase(norm, last)
            if phrase is not None:
                hits.append(Match(self._suffix[phrase], "suffix", phrase))
        scanned = words[:SCAN_WORDS]
        if self._may_contain(scanned):
            hit = self._find_contained(scanned)
            if hit is not None:
                hits.append(hit)
        return tuple(hits)

    def matches(self, norm: str, words: tuple[str, ...] | None = None) -> bool:
        """``bool(self.match(norm, words))``, without building the hits."""
        if norm in self._exact:
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
        if not self._contains:
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
                    return Match(self._contains[phrase], "contains", phrase)
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
    table: Mapping[str, str], *, first: bool, key: Callable[[str], int] = _word_count
) -> dict[str, tuple[str, ...]]:
    """The phrases of *table* by their first (or last) word, longest (by *key*) first."""
    index: dict[str, list[str]] = {}
    for phrase in sorted(table, key=key, reverse=True):
        words = phrase.split(" ")
        index.setdefault(words[0] if first else words[-1], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def split_marks(line: str) -> tuple[str, str]:
    """``(kind, text between the marks)`` of a stripped lexicon line.

    >>> split_marks("read more ...")
    ('prefix', 'read more ')
    >>> split_marks("... via getty images")
    ('suffix', ' via getty images')
    """
    starts = line.startswith(_ELLIPSIS)
    ends = line.endswith(_ELLIPSIS) and len(line) > len(_ELLIPSIS)
    core = line[len(_ELLIPSIS) if starts else 0 : len(line) - len(_ELLIPSIS) if ends else len(line)]
    return KINDS[2 * starts + ends], core
