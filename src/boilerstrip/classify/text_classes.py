"""The text class of a block no rule labelled, and the region weight of a first label."""

from __future__ import annotations

from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..lexicon import PhraseMatcher
from ..thresholds import HAND, PAPER, limit, measured
from .label import HEADING, PROSE, SENTENCE, SHORT


@dataclass(frozen=True)
class TextClassLimits:
    prose_min_words: int = limit(10, PAPER, "jusText: 'good' paragraphs start near 10-15 words")
    prose_min_stop_ratio: float = limit(
        0.2, measured("aeb-dev", "trafilatura-eval-dev"),
        "jusText uses 0.30 for 'good'; scraped article paragraphs sit mostly above 0.25",
    )
    unterminated_prose_words: int = limit(
        25, HAND, "without a sentence end, prose must run longer than a headline (title: max_title_words)"
    )
    long_prose_words: int = limit(30, HAND, "a long block is prose with fewer stop words (lists of names, numbers)")
    long_prose_min_stop_ratio: float = limit(0.1, HAND)
    neutral_prose_min_chars: int = limit(60, HAND, "without a known language: length and punctuation alone")
    sentence_min_words: int = limit(3, HAND, "a short sentence, or a line that introduces what follows")
    heading_max_words: int = limit(20, HAND, "a heading: at most this many words, no sentence end")


@dataclass(frozen=True)
class RegionWeights:
    """The weight of each first label in the search for the densest run of prose.

    Chosen by hand and kept because they work on the dev benchmarks: prose pulls the
    region in, growing with its length, and everything else pushes a little, clutter
    most; no weight was fitted.
    """

    prose_base: float = limit(1.0, HAND)
    prose_words_per_point: float = limit(10.0, HAND, "a 50-word paragraph weighs 6")
    prose_word_cap: int = limit(100, HAND, "one huge block cannot outweigh a page")
    sentence: float = limit(0.5, HAND)
    heading: float = limit(-0.5, HAND)
    short: float = limit(-1.5, HAND)
    rule: float = limit(-2.0, HAND, "clutter a rule found")
    section: float = limit(-2.0, HAND, "blocks of a related or comments section: prose there must not pull the region in")
    inline_clutter: float = limit(-1.0, HAND, "clutter that often sits inside the article weighs less against it")
    schedule_entry: float = limit(0.0, HAND, "a schedule neither pulls the region in nor pushes it away")
    resumed_section: float = limit(0.0, HAND, "a section the article resumed after: the region may span it")


LIMITS = TextClassLimits()
WEIGHTS = RegionWeights()

#: Clutter that often sits inside the article (promos, captions, headline copies).
INLINE_CLUTTER = frozenset({C.INLINE_PROMO, C.CAPTION, C.TITLE_DUPLICATE, C.ADVERTISEMENT, C.SHARE})


def text_class(f: Features, language_known: bool) -> tuple[str, str]:
    """The text class of a block no rule labelled, with its reason code."""
    if language_known:
        if f.words >= LIMITS.prose_min_words and f.stop_ratio >= LIMITS.prose_min_stop_ratio and (
            f.terminal or f.words >= LIMITS.unterminated_prose_words
        ):
            return PROSE, R.PROSE
        if f.words >= LIMITS.long_prose_words and f.stop_ratio >= LIMITS.long_prose_min_stop_ratio:
            return PROSE, R.LONG_PROSE
    elif f.chars >= LIMITS.neutral_prose_min_chars and (f.terminal or f.sentences > 1):
        return PROSE, R.NEUTRAL_PROSE
    if f.terminal and f.words >= LIMITS.sentence_min_words:
        return SENTENCE, R.SENTENCE
    if f.colon and f.words >= LIMITS.sentence_min_words:
        return SENTENCE, R.INTRO_COLON
    if f.words <= LIMITS.heading_max_words and not f.terminal:
        return HEADING, R.HEADING_LIKE
    return SHORT, R.SHORT


def first_weight(first: str, f: Features) -> float:
    """The region weight of a block with the first label *first* (a clutter category or
    text class): a function of the label and the features alone, so it is cached with
    the first pass."""
    if first == PROSE:
        return WEIGHTS.prose_base + min(f.words, WEIGHTS.prose_word_cap) / WEIGHTS.prose_words_per_point
    if first == SENTENCE:
        return WEIGHTS.sentence
    if first == HEADING:
        return WEIGHTS.heading
    if first == SHORT:
        return WEIGHTS.short
    if first in INLINE_CLUTTER:
        return WEIGHTS.inline_clutter
    return WEIGHTS.rule


def is_cut_heading(f: Features, cut: PhraseMatcher) -> bool:
    """A short block naming a section that ends the article ("Related Articles", ...)."""
    return f.words <= LIMITS.heading_max_words and cut.matches(f.norm, f.norm_words)
