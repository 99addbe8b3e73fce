"""Pass 8, the region: the article is the densest run of prose (maximum-sum segment),
widened over share rows and promos that separate it from more prose."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import categories as C
from ..thresholds import HAND, limit
from .label import PROSE, Label
from .page import Page
from .text_classes import INLINE_CLUTTER


@dataclass(frozen=True)
class RegionLimits:
    max_bridged_blocks: int = limit(6, HAND, "clutter blocks in a row the region may bridge to reach more prose")


LIMITS = RegionLimits()
#: Clutter that may sit between two parts of an article.
BRIDGEABLE = INLINE_CLUTTER | {C.APP_PROMO}


def apply(page: Page) -> None:
    """Find the main region; the article's end and standfirst start from its edges."""
    page.region = extend_over_inline_clutter(page.labels, main_region(page.labels))
    page.lead_start = page.region[0]
    page.schedule_end = page.list_end = page.region[1]


def main_region(labels: Sequence[Label]) -> tuple[int, int]:
    """The maximum-weight run of blocks as ``(first, last + 1)``; empty if none is positive.

    Kadane's algorithm; ties go to the longer run, so removing clutter from a
    page never shrinks the region chosen for what is left.
    """
    return heaviest_run([d.weight for d in labels])


def heaviest_run(weights: Sequence[float]) -> tuple[int, int]:
    """The run of *weights* with the largest positive sum, as ``(first, last + 1)``."""
    best = 0.0
    best_span = (0, 0)
    run = 0.0
    run_start = 0
    for i, weight in enumerate(weights):
        if run < 0 or (run == 0 and weight < 0):
            run, run_start = 0.0, i
        run += weight
        if run > best or (run == best and run > 0 and i + 1 - run_start > best_span[1] - best_span[0]):
            best, best_span = run, (run_start, i + 1)
    return best_span


def extend_over_inline_clutter(labels: Sequence[Label], region: tuple[int, int]) -> tuple[int, int]:
    """Take in prose that only a share row, promo or ad separates from the region.

    Clutter inside an article weighs against it, so a short last (or first)
    paragraph behind a share row can lose to it in the maximum-weight run. Such
    clutter is removed anyway; prose on its far side is the article going on.
    """
    first, last = region
    if first == last:
        return region
    return _bridge(labels, first - 1, -1) + 1, _bridge(labels, last, +1)


def _bridge(labels: Sequence[Label], j: int, step: int) -> int:
    """From block *j* outward (step -1 or +1), the far end of the prose reached
    across runs of bridgeable clutter; *j* itself when none is reached."""
    n = len(labels)
    end = j
    while True:
        k = j
        while 0 <= k < n and abs(k - j) < LIMITS.max_bridged_blocks and labels[k].clutter in BRIDGEABLE and not labels[k].section:
            k += step
        if k == j or not 0 <= k < n or labels[k].text_class != PROSE or labels[k].section:
            return end
        j = k + step
        end = j
