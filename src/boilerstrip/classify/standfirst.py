"""Pass 12, the standfirst: where the summary between the headline and the article is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import categories as C
from ..features import Features
from ..thresholds import HAND, limit
from .label import LINES, PROSE_OR_SENTENCE, Label
from .page import Page


@dataclass(frozen=True)
class StandfirstLimits:
    min_standfirst_words: int = limit(8, HAND, "an unterminated line between title and article long enough for a subheadline")
    max_standfirst_gap: int = limit(12, HAND, "blocks the walk from the article up to the headline passes")
    max_lead_offset: int = limit(
        4, HAND, "blocks passed below a far headline before its standfirst: author, date, reading time, photo credit"
    )


LIMITS = StandfirstLimits()


def apply(page: Page) -> None:
    """Set ``page.lead_start`` (the standfirst may run from there to the region) and
    ``page.lead_under`` (a standfirst right below a headline far above the region)."""
    first = page.region[0]
    page.lead_start = standfirst_start(page.labels, page.feats, first)
    if page.lead_start == first:
        page.lead_under = frozenset(lead_under_headline(page.labels, page.feats, first))


def standfirst_start(labels: Sequence[Label], feats: Sequence[Features], first: int) -> int:
    """Where the standfirst may start: just below the headline, else *first*.

    Between the headline and the article pages print the standfirst (a one or two
    sentence summary), bylines, share rows and the lead image; the summary is article
    text. Pages that print the headline several times may put the standfirst between
    two copies, so the walk up from the article goes on through headline copies,
    clutter and lead-like text, for at most ``max_standfirst_gap`` blocks, and the
    standfirst may start after the highest copy of the headline it passed.
    """
    start = first
    walking = True  # still passing only headline copies, clutter and lead-like text
    for i in range(first - 1, max(-1, first - 1 - LIMITS.max_standfirst_gap), -1):
        d = labels[i]
        if d.category == C.TITLE or (walking and d.category == C.TITLE_DUPLICATE):
            start = min(start, i + 1)
            if d.category == C.TITLE and not walking:
                break
        elif d.text_class and not lead_like(d, feats[i]):
            walking = False
    return start


def lead_under_headline(labels: Sequence[Label], feats: Sequence[Features], first: int) -> set[int]:
    """The standfirst right below a headline that stands far above the article.

    When menus, a table of contents or a gallery stand between the standfirst and the
    article, the walk of :func:`standfirst_start` does not reach the headline. The
    prose that follows the headline, after at most ``max_lead_offset`` rule-labelled or
    lead-like blocks, is still its standfirst: returned with the lead-like lines before
    it. The headline must not be the first block (the ``<title>`` line, which the
    page's chrome follows), and the blocks must stand in no section.
    """
    title = next((i for i in range(first - 1, 0, -1) if labels[i].category == C.TITLE), None)
    if title is None:
        return set()
    found: set[int] = set()
    for j in range(title + 1, min(first, title + 2 + LIMITS.max_lead_offset)):
        d = labels[j]
        if d.section or d.category is not None:
            break
        if d.text_class in PROSE_OR_SENTENCE:
            found.add(j)
            return found
        if d.text_class:
            if not lead_like(d, feats[j]):
                break
            found.add(j)
    return set()


def lead_like(d: Label, f: Features) -> bool:
    """Prose, or a line long enough to be a subheadline."""
    return d.text_class in PROSE_OR_SENTENCE or (d.text_class in LINES and f.words >= LIMITS.min_standfirst_words)
