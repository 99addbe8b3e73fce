"""Pass 7, byline pull: the paragraph under the byline weighs more in the region search."""

from __future__ import annotations

from dataclasses import dataclass

from .. import categories as C
from ..thresholds import HAND, limit
from .label import PROSE
from .page import Page


@dataclass(frozen=True)
class BylinePullLimits:
    weight_after_byline: float = limit(
        3.0, HAND, "extra weight of the paragraph under the byline: a two-paragraph story outweighs a longer site notice"
    )
    max_byline_gap: int = limit(2, HAND, "blocks after a byline searched for it (the date, a share row between)")
    max_share_above: float = limit(0.5, HAND, "share of the page's prose weight that may stand above the byline")


LIMITS = BylinePullLimits()
_BETWEEN_BYLINE_AND_TEXT = frozenset({C.BYLINE, C.SHARE, C.CAPTION})


def apply(page: Page) -> None:
    """Give the region a pull towards the paragraph that follows the byline.

    An article starts under its byline and date. A page that carries only a short
    article (two paragraphs) can hold a longer paragraph of site text (a
    customer-service notice, an "about us") that would otherwise outweigh it. Only
    the first byline followed by prose counts, and only while less than half the
    page's prose lies above it: comment threads put a byline above every comment,
    below the article.
    """
    labels = page.labels
    total = sum(d.weight for d in labels if d.text_class == PROSE)
    above = 0.0
    for i, d in enumerate(labels):
        if d.text_class == PROSE:
            above += d.weight
        elif d.clutter == C.BYLINE and above < LIMITS.max_share_above * total:
            for j in range(i + 1, min(i + 1 + LIMITS.max_byline_gap, len(labels))):
                after = labels[j]
                if after.text_class == PROSE and not after.section:
                    after.weight += LIMITS.weight_after_byline
                    return
                if after.clutter not in _BETWEEN_BYLINE_AND_TEXT:
                    break
