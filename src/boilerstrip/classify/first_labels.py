"""Pass 1, first labels: what each block is on its own, cached across pages.

A block's features and first label depend only on its text and the page language
(and on which rules are switched on), and page chrome repeats: "Share",
"Advertisement", a site's menu and footer recur on every page of a crawl. So the
context-free pass is cached, keyed by (language, text); everything that looks at
neighbours runs on every call. The cache belongs to a :class:`FirstLabeller`, which
belongs to one :class:`~boilerstrip.Stripper`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Tuple

from ..features import measure
from ..lexicon import Lexicon, PhraseMatcher
from ..rules import RuleChain
from ..thresholds import HAND, limit
from .label import Label
from .page import FirstPass, Page
from .text_classes import first_weight, is_cut_heading, text_class


@dataclass(frozen=True)
class CacheLimits:
    max_chars: int = limit(200, HAND, "prose rarely repeats, and would hold memory")
    max_entries: int = limit(10_000, HAND, "per generation; two generations hold about 20 MB at most")


LIMITS = CacheLimits()

_Key = Tuple[Optional[str], str]


class FirstLabeller:
    """The first pass of a block, from a two-generation cache when seen before.

    When the young table is full it becomes the old one (the previous old one is
    dropped) and a hit in the old table moves back to the young one, so the chrome
    of the sites being crawled stays while one-off lines age out. Results never
    depend on the cache.
    """

    def __init__(self, rules: RuleChain, max_entries: int = LIMITS.max_entries) -> None:
        self._rules = rules
        self._max_entries = max_entries
        self._young: dict[_Key, FirstPass] = {}
        self._old: dict[_Key, FirstPass] = {}
        # The phrase matchers the cached entries were computed with, and the lexicon
        # whose word lists the shape rules read (None: the package's own).
        self._matchers: tuple[PhraseMatcher, ...] = ()
        self._lexicon: Optional[Lexicon] = None

    def clear(self) -> None:
        """Forget every cached block."""
        self._young, self._old, self._matchers, self._lexicon = {}, {}, (), None

    def sizes(self) -> tuple[int, int]:
        """Entries in the young and the old generation."""
        return len(self._young), len(self._old)

    def use_matchers(self, rules: PhraseMatcher, cut: PhraseMatcher, lexicon: Optional[Lexicon] = None) -> None:
        """Empty the cache when the phrase matchers (or the lexicon the shape rules read
        their word lists from; None for the package's own) are not the ones it was filled with."""
        if self._matchers != (rules, cut) or self._lexicon is not lexicon:
            self.clear()
            self._matchers = (rules, cut)
            self._lexicon = lexicon

    def _remember(self, key: _Key, entry: FirstPass) -> None:
        if len(self._young) >= self._max_entries:
            self._old, self._young = self._young, {}
        self._young[key] = entry

    def for_page(
        self, language: Optional[str], stop: frozenset[str], months: frozenset[str]
    ) -> Callable[[str, Optional[list[str]]], FirstPass]:
        """The first pass of the blocks of one page: everything about a block that needs
        no neighbours, from its text and its casefolded word tokens if the language
        detector has them."""

        def first_pass(text: str, tokens: Optional[list[str]] = None) -> FirstPass:
            key = (language, text)
            hit = self._young.get(key)  # speed: a hit costs one call, as most chrome lines hit
            if hit is not None:
                return hit
            return self._miss(key, text, stop, months, tokens)

        return first_pass

    def first_pass(
        self,
        text: str,
        language: Optional[str],
        stop: frozenset[str],
        months: frozenset[str],
        tokens: Optional[list[str]] = None,
    ) -> FirstPass:
        """The first pass of one block (see :meth:`for_page`)."""
        return self.for_page(language, stop, months)(text, tokens)

    def _miss(
        self, key: _Key, text: str, stop: frozenset[str], months: frozenset[str], tokens: Optional[list[str]]
    ) -> FirstPass:
        hit = self._old.get(key)
        if hit is not None:
            self._remember(key, hit)
            return hit
        rules, cut = self._matchers
        f = measure(text, stop, tokens)
        label, reason = self._rules(text, f, rules, months, self._lexicon) or text_class(f, key[0] is not None)
        entry = (f, label, reason, is_cut_heading(f, cut), first_weight(label, f))
        if len(text) <= LIMITS.max_chars:
            self._remember(key, entry)
        return entry


def apply(page: Page) -> None:
    """Measure and label every block on its own."""
    first = page.first_pass
    for t, tokens in zip(page.texts, page.known_tokens):
        f, label, reason, is_cut, weight = first(t, tokens)
        page.feats.append(f)
        page.labels.append(Label(label, reason, weight))
        page.cut_headings.append(is_cut)
