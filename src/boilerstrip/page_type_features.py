"""The page-level measurements the page-type detector weighs (:mod:`boilerstrip.page_types`).

Every feature is a share, a log count or a ratio over the blocks of one page. They
come in three groups:

* the **shape** features (:data:`SHAPE_NAMES`), made from what the first labels
  already measured: each block's word count, first label and its reason, sentence end;
* the **cue words** (:data:`WORD_NAMES`): the words and phrases of the short lines
  that point at a kind of page ("Reply", "Add to cart", "Parameters", ...);
* the **scan** features (:data:`SCAN_NAMES`), found by searching the texts: prices,
  clock times, key-value lines, numbered steps, person words.

The first two groups (:data:`SCREEN_NAMES`, :func:`screen_features`) cost little, and
the detector's screen decides on them alone whether a page is plainly an article; the
scan (:func:`scan_vector`) runs only on the other pages. The cue searches are in
:mod:`boilerstrip.page_type_cues`. No block is tokenised again. The cue words are
English: on pages in other languages they are absent, which leaves the shapes to
decide, and the detector then falls back to "article" unless they are clear.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import NamedTuple, Optional, Sequence

from . import reasons
from .classify.label import HEADING, PROSE, SENTENCE, Label
from .features import Features
from .page_type_cues import CUE_WORDS, cue_words, scan

#: The shape features, first in :func:`screen_features`' vector: counts given as
#: ``log1p``, shares of the page's words, then shares of its blocks.
SHAPE_NAMES = (
    "log_blocks",
    "log_words",
    "log_prose_blocks",
    "log_longest_prose_run",
    "prose_words",
    "longest_prose_run",
    "short_lines",
    "prose_blocks",
    "headings",
    "heading_teasers",
    "dates",
    "number_lines",
    "questions",
    "navigation_labels",
    "comments_labels",
    "related_labels",
    "share_labels",
    "byline_labels",
)
#: The cue words, counted in the short lines (their occurrences per block).
WORD_NAMES = tuple(CUE_WORDS)
#: The scan features, in the order of :func:`scan_vector`: the prices as a ``log1p``
#: count, the person words per prose block, then shares of the blocks.
SCAN_NAMES = (
    "log_prices",
    "first_person",
    "second_person",
    "prices",
    "times",
    "key_value_lines",
    "numbered_steps",
)
#: The features the screen weighs: the first part of every page's vector.
SCREEN_NAMES = SHAPE_NAMES + WORD_NAMES
#: The names of the features, in the order of :func:`page_features`' vector; the
#: fitted weights in ``data/page_types.json`` are stored in this order. The shares are
#: given as their square root, which spreads the small shares most pages have.
FEATURE_NAMES = SCREEN_NAMES + SCAN_NAMES
_SHARES = SHAPE_NAMES[6:]
_SCAN_SHARES = SCAN_NAMES[3:]

_TEXT = frozenset({PROSE, SENTENCE})
_SHORT_WORDS = 4

#: First labels whose share of the blocks is a feature of its own.
_FIRST_LABEL_FEATURES = {
    "navigation": "navigation_labels",
    "comments": "comments_labels",
    "related": "related_labels",
    "share": "share_labels",
    "byline": "byline_labels",
    HEADING: "headings",
    PROSE: "prose_blocks",
    SENTENCE: "prose_blocks",
}
#: First-label reasons whose share of the blocks is a feature: the date rules' datelines
#: ("May 3, 2024", "10:45 am", "3 hours ago") and the lines of digits and signs alone
#: (prices, counts, step numbers).
_REASON_FEATURES = {
    reasons.DATE: "dates",
    reasons.RELATIVE_TIME: "dates",
    reasons.NO_LETTERS: "number_lines",
}


class ScreenFeatures(NamedTuple):
    """The screen's features of a page (:data:`SCREEN_NAMES` order) and what the scan
    reuses: the blocks' word counts and the normalised texts of the prose blocks."""

    vector: list[float]
    words: Sequence[int]
    prose_norms: list[str]


def _prose(firsts: Sequence[str], words: Sequence[int], feats: Sequence[Features]) -> tuple[int, int, int, list[str]]:
    """The words of prose and sentence blocks, of the longest run of them (headings
    and short lines between them do not break a run), the prose blocks right under a
    heading, and the normalised texts of the prose blocks."""
    run = longest = total = teasers = 0
    after_heading = False
    norms = []
    for first, w, f in zip(firsts, words, feats):
        if first in _TEXT:
            total += w
            run += w
            if run > longest:
                longest = run
            teasers += after_heading
            after_heading = False
            norms.append(f.norm)
        else:
            after_heading = first == HEADING
            if w > _SHORT_WORDS and not after_heading:
                run = 0
    return total, longest, teasers, norms


def screen_features(
    feats: Sequence[Features], labels: Sequence[Label], words: Optional[Sequence[int]] = None
) -> ScreenFeatures:
    """The shape features and cue words of one page from its blocks' features and
    first labels; *words* may give each block's word count when the caller has them."""
    n = len(feats)
    if words is None:
        words = [f.words for f in feats]
    # Speed: list comprehensions read the slots of Features and Label faster than
    # map() with an attrgetter does (Python 3.11 specialises the attribute loads).
    firsts = [label.clutter or label.text_class for label in labels]
    prose_words, longest_run, teasers, prose_norms = _prose(firsts, words, feats)
    counts = dict.fromkeys(_SHARES, 0)
    for first, k in Counter(firsts).items():
        name = _FIRST_LABEL_FEATURES.get(first)
        if name:
            counts[name] += k
    reason_of = [label.reason for label in labels]
    for reason, name in _REASON_FEATURES.items():
        counts[name] += reason_of.count(reason)  # a few constant strings: compared in C
    counts["short_lines"] = len([w for w in words if w <= _SHORT_WORDS])
    counts["heading_teasers"] = teasers
    counts["questions"] = len([f for f in feats if f.terminal_char == "?"])
    cues = cue_words(feats, words)
    total_words = sum(words)
    blocks = max(n, 1)
    sqrt = math.sqrt
    vector = [
        math.log1p(n),
        math.log1p(total_words),
        math.log1p(counts["prose_blocks"]),
        math.log1p(longest_run),
        sqrt(prose_words / max(total_words, 1)),
        sqrt(longest_run / max(total_words, 1)),
        *[sqrt(counts[name] / blocks) for name in _SHARES],
        *[sqrt(cues[name] / blocks) for name in WORD_NAMES],
    ]
    return ScreenFeatures(vector, words, prose_norms)


def scan_vector(texts: Sequence[str], feats: Sequence[Features], first: ScreenFeatures) -> list[float]:
    """The scan features of one page (:data:`SCAN_NAMES` order); *first*: its screen features."""
    counts = scan(texts, feats, first.words, first.prose_norms)
    blocks = max(len(texts), 1)
    prose_blocks = max(len(first.prose_norms), 1)
    sqrt = math.sqrt
    return [
        math.log1p(counts["prices"]),
        sqrt(counts["first_person"] / prose_blocks),
        sqrt(counts["second_person"] / prose_blocks),
        *[sqrt(counts[name] / blocks) for name in _SCAN_SHARES],
    ]


def page_features(
    texts: Sequence[str],
    feats: Sequence[Features],
    labels: Sequence[Label],
    words: Optional[Sequence[int]] = None,
) -> list[float]:
    """The feature vector of one page (:data:`FEATURE_NAMES` order) from its blocks'
    texts, features and first labels; *words* may give each block's word count."""
    first = screen_features(feats, labels, words)
    return first.vector + scan_vector(texts, feats, first)
