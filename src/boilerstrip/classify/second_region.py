"""Pass 15, a second region: a run of prose outside the article, as heavy as half of
it, is more of it (an intro above a gallery, the text below a product table, a post
split by a widget)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..thresholds import limit, measured
from .label import LIST_ITEM, PROSE, PROSE_OR_SENTENCE, Label
from .page import Page
from .region import main_region
from .runs import LIMITS as RUN_LIMITS
from .runs import printed_outside, runs_between_prose
from .text_classes import INLINE_CLUTTER


@dataclass(frozen=True)
class SecondRegionLimits:
    sure_share: float = limit(
        1 / 2, measured("aeb-dev", "trafilatura-eval-dev"),
        "weight of a run outside the article, as a share of the article's, that is surely more of it; 0.4 costs precision",
    )
    box_share: float = limit(
        1 / 4, measured("aeb-dev", "trafilatura-eval-dev"),
        "the same for a run after the article that only a box of text lines stands between",
    )


LIMITS = SecondRegionLimits()
_RUNNING_TEXT = (*PROSE_OR_SENTENCE, LIST_ITEM)


def apply(page: Page) -> None:
    """Keep the sure second runs of prose before and after the article."""
    for i in second_region_blocks(page.labels, page.feats, page.region, LIMITS.sure_share, sure=True):
        page.labels[i].decide(C.BODY, R.SECOND_REGION)


def addable(d: Label) -> bool:
    """A removed text block outside any section, and not the headline or a subheadline."""
    return bool(d.text_class) and not d.section and d.category not in (C.BODY, C.TITLE, C.SUBTITLE)


def second_region_blocks(
    labels: Sequence[Label], feats: Sequence[Features], region: tuple[int, int], share: float, sure: bool = False
) -> list[int]:
    """The removed blocks to keep of the densest run of prose before the article and
    of the one after it, each taken when it weighs at least *share* of the article:
    its prose, sentences and list lines, and the headings between its prose blocks
    (as inside the article). With *sure*, a run after a box of text lines needs only
    ``box_share``, and a run is left out when it reads as teaser cards, lies below a
    footer line, or is unmarked where the page's markup marks the article."""
    first, last = region
    weight = sum(d.weight for d in labels[first:last])
    if weight <= 0:
        return []
    found: list[int] = []
    for lo, hi in ((0, first), (last, len(labels))):
        s, e = main_region(labels[lo:hi])
        s, e = s + lo, e + lo
        need = share * weight
        if sure and lo == last and _only_box_between(labels, feats, last, s):
            need = min(need, LIMITS.box_share * weight)
        if s == e or sum(d.weight for d in labels[s:e]) < need:
            continue
        if sure and _doubtful_run(labels, region, s, e):
            continue
        between = runs_between_prose(labels, feats, s, e, printed_outside(labels, feats, s, e))[0]
        for i in range(s, e):
            d = labels[i]
            if addable(d) and (d.text_class in _RUNNING_TEXT or i in between):
                found.append(i)
    return found


def _only_box_between(labels: Sequence[Label], feats: Sequence[Features], last: int, s: int) -> bool:
    """True if blocks *last* to *s* (between the article and a run after it) are only
    a box of text lines: text, inline clutter and lines without letters, none in a
    section, and the text lines average ``min_list_item_words`` words (a menu's are
    shorter)."""
    lines = words = 0
    for d, f in zip(labels[last:s], feats[last:s]):
        if d.section or not (d.text_class or d.clutter in INLINE_CLUTTER or d.reason == R.NO_LETTERS):
            return False
        if d.text_class:
            lines, words = lines + 1, words + f.words
    return words >= RUN_LIMITS.min_list_item_words * lines


def _doubtful_run(labels: Sequence[Label], region: tuple[int, int], s: int, e: int) -> bool:
    """A run of prose outside the article (blocks *s* to *e*) that is not surely more of it:

    - teaser cards: two or more of its prose blocks are each followed by a rule-labelled
      block with the same reason (a summary, then its timestamp or "Read more");
    - below the page's end: a footer phrase ("Privacy Policy", "Impressum") stands
      between the article and the run;
    - the page's markup marks blocks of the article as its body but none of the run's
      (HTML front end only; in text mode no block is marked).
    """
    first, last = region
    seen: set[str] = set()
    for i in range(s, min(e, len(labels) - 1)):
        after = labels[i + 1]
        if labels[i].text_class == PROSE and after.clutter:
            if after.reason in seen:
                return True
            seen.add(after.reason)
    if any(d.clutter == C.FOOTER and d.reason.startswith(R.LEXICON_PREFIX) for d in labels[last:s]):
        return True
    marked = any(d.marked_body for d in labels[first:last])
    return marked and not any(d.marked_body for d in labels[s:e])
