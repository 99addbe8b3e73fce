"""Pass, listing entries: on a listing or collection page, the entries are content.

An article has one dense run of prose (the region). A listing (an index of posts, search
results, a catalogue) and a collection (a category page, a product grid) have instead a
run of entries that repeat one shape: a title line and a one-line teaser, a name and a
price, a title, a source line and a date. The region finds at most a teaser or two of
them, and the sections pass may read the list as a related box. On pages of those two
types only, this pass finds the page's main repeated structure and keeps its entries.

Shapes, not words. Each block gets a coarse shape (:func:`shape`): no letters (a price,
a count, an entry number), clutter (a date or a byline a rule labelled, or any block of
a comments section), a short line (a button, a menu item, a tag), a line, running text.
A run is a stretch of blocks whose shapes repeat with a period of ``min_period ..
max_period`` blocks at least ``min_entries`` times, counted from its first block. A
period holds a line or running text and two shapes at least: an entry is a title and
its tail; one shape over and over is a menu, a bare list of headlines (beside an
article as often as on a listing) or paragraphs (the region's business). The run taken
is the one with the most words in its lines and running text, and only when those
words are at least ``min_run_share`` times the words of the body kept outside it: the
page's main repeated structure, not a list of links beside the text the region, the
second region or the fallback found (the pass runs after them). In the run, every block
that no rule labelled as clutter becomes ``body`` (title lines, teasers, names), and so
does every block without letters (a price, an entry number); a block a rule labelled
(a date, a byline, a share row) keeps its label, as does the title.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..thresholds import HAND, limit
from .label import PROSE_OR_SENTENCE, Label
from .page import Page

#: The page types this pass acts on.
LISTING_TYPES = frozenset({"listing", "collection"})


@dataclass(frozen=True)
class ListingLimits:
    min_period: int = limit(
        2, HAND, "blocks of one entry: a title and its tail (a teaser, a price, a date); a bare list of "
        "headlines is the teaser box beside an article as often as it is a listing"
    )
    max_period: int = limit(
        6, HAND, "blocks of one entry: a title, a teaser, a source, a date, a price and a button at most"
    )
    min_entries: int = limit(3, HAND, "entries of a run: two blocks of one shape in a row are a coincidence")
    min_run_share: float = limit(
        1.0, HAND, "the main structure: the run has at least the words of the text kept outside it"
    )
    min_line_words: int = limit(3, HAND, "a line of fewer words is a button, a menu item or a tag, not a title")


LIMITS = ListingLimits()

#: The coarse shapes of :func:`shape`.
NO_LETTERS = "N"
SHORT_LINE = "s"
LINE = "L"
RUNNING = "P"
CLUTTER = "C"
#: Shapes whose words weigh a run, one of which every period holds.
_WEIGHED = frozenset({LINE, RUNNING})
#: Categories this pass never changes.
_FIXED = frozenset({C.TITLE, C.TITLE_DUPLICATE, C.BODY})


def shape(f: Features, d: Label) -> str:
    """The coarse shape of a block, from its features and its first label."""
    if not f.has_letters:
        return NO_LETTERS
    if d.clutter or d.section == C.COMMENTS:
        return CLUTTER
    if f.words < LIMITS.min_line_words:
        return SHORT_LINE
    return RUNNING if d.text_class in PROSE_OR_SENTENCE else LINE


def main_run(shapes: list[str], words: list[int]) -> tuple[int, int]:
    """``(first, last + 1)`` of the heaviest run of blocks repeating one pattern of
    shapes (see the module docstring), ``(0, 0)`` when there is none. Linear in the
    number of blocks for each period."""
    best = (0, 0)
    best_words = 0
    n = len(shapes)
    for period in range(LIMITS.min_period, LIMITS.max_period + 1):
        i = period
        while i < n:
            if shapes[i] != shapes[i - period]:
                i += 1
                continue
            start = i - period
            while i < n and shapes[i] == shapes[i - period]:
                i += 1
            entries = (i - start) // period
            end = start + entries * period
            pattern = shapes[start : start + period]
            if entries < LIMITS.min_entries or not _WEIGHED.intersection(pattern):
                continue
            if len(set(pattern)) == 1:
                continue  # one shape over and over: a list of lines or paragraphs, not entries
            weight = sum(words[j] for j in range(start, end) if shapes[j] in _WEIGHED)
            if weight > best_words:
                best, best_words = (start, end), weight
    return best


def apply(page: Page) -> None:
    """Keep the entries of the main repeated structure of a listing or collection page."""
    if page.page_type not in LISTING_TYPES:
        return
    labels, feats = page.labels, page.feats
    shapes = [shape(f, d) for f, d in zip(feats, labels)]
    words = [f.words for f in feats]
    first, last = main_run(shapes, words)
    if first == last:
        return
    run_words = sum(words[i] for i in range(first, last) if shapes[i] in _WEIGHED)
    kept_words = sum(words[i] for i, d in enumerate(labels) if d.category == C.BODY and not first <= i < last)
    if run_words < LIMITS.min_run_share * kept_words:
        return
    for i in range(first, last):
        d = labels[i]
        if d.category in _FIXED or (d.clutter and shapes[i] != NO_LETTERS):
            continue
        d.decide(C.BODY, R.LISTING_ENTRY)
