"""Runs of headings and short lines between prose: an in-article list or a menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import categories as C
from ..features import Features
from ..thresholds import HAND, limit
from .label import LINES, PROSE_OR_SENTENCE, Label


@dataclass(frozen=True)
class RunLimits:
    max_list_run: int = limit(15, HAND, "longest run of headings and short lines kept between prose; longer ones are menus")
    min_list_item_words: float = limit(3.0, HAND, "menus are one or two words an item; list items in articles are longer")


LIMITS = RunLimits()
#: Categories decided before the final labels that keep a block (the title, attribute lists).
_KEPT = frozenset({C.TITLE, C.BODY})


def runs_between_prose(
    labels: Sequence[Label], feats: Sequence[Features], first: int, last: int, outside: frozenset[str]
) -> tuple[set[int], set[int]]:
    """Headings and short lines in ``[first, last)`` that belong to the article, and
    the single lines between prose that the page prints again outside it.

    Rule-labelled blocks are skipped over. A run of lines is kept when prose stands on
    both sides and the run is either a single line (a section heading) or reads like
    an in-article list rather than a menu (:func:`article_run`). A single line whose
    text stands again outside the region, where no title or kept block holds it, is
    not a section heading (a section is introduced once): it is a teaser headline
    also printed in the page's lists, a box label, an author's name. A list printed
    twice (a recipe's ingredients, a table of contents) keeps its lines. *outside*
    holds the texts of the blocks outside the run (:func:`printed_outside`).
    """
    keep: set[int] = set()
    printed: set[int] = set()
    run: list[int] = []
    seen_prose = False
    for i in range(first, last):
        text_class = labels[i].text_class if not labels[i].section else ""
        if text_class in PROSE_OR_SENTENCE:
            if run and seen_prose and article_run(run, feats):
                (printed if len(run) == 1 and feats[run[0]].norm in outside else keep).update(run)
            run = []
            seen_prose = True
        elif text_class in LINES:
            run.append(i)
    return keep, printed


def printed_outside(labels: Sequence[Label], feats: Sequence[Features], first: int, last: int) -> frozenset[str]:
    """The texts of the blocks outside ``[first, last)`` that nothing kept (not the
    title, not an attribute list)."""
    return frozenset(
        feats[j].norm for j in range(len(labels)) if not first <= j < last and labels[j].category not in _KEPT
    )


def article_run(run: list[int], feats: Sequence[Features]) -> bool:
    """A single line, or a list of at most ``max_list_run`` items that are not menu-short."""
    if len(run) == 1:
        return True
    if len(run) > LIMITS.max_list_run:
        return False
    words = sum(feats[i].words for i in run)
    return words >= LIMITS.min_list_item_words * len(run)
