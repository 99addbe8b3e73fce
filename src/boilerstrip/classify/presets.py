"""Passes 20-22, presets and switches: after the balanced labels, remove or keep more.

Each preset pass only changes the decision of blocks the balanced labels already
decided, in one direction: "precision" only removes body blocks and "recall" only
keeps removed ones, so precision's body is a subset of balanced's and recall's a
superset. Every changed block gets the reason code that changed it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..thresholds import limit, measured
from .label import HEADING, LINES, PROSE, Label, body_indices, prose_words
from .page import Page
from .second_region import addable, second_region_blocks


@dataclass(frozen=True)
class PresetLimits:
    thin_section_words: int = limit(
        40, measured("aeb-dev", "trafilatura-eval-dev"),
        "the body's last section with fewer prose words is an appendix (100 cost F1)",
    )
    thin_section_share: float = limit(0.15, measured("aeb-dev", "trafilatura-eval-dev"), "or with less than this share")
    second_region_share: float = limit(
        1 / 3, measured("aeb-dev", "trafilatura-eval-dev"),
        "recall keeps a second run of prose this heavy, relative to the article",
    )


LIMITS = PresetLimits()
#: The category a block the precision preset removes from the body gets.
PRECISION_CATEGORY = C.BOILERPLATE


def precision(page: Page) -> None:
    """The precision preset: remove the body's thin last section, its loose ends and
    repeated short lines. Only body blocks change; they become boilerplate."""
    if page.options.preset != "precision":
        return
    _drop_thin_last_section(page)
    _drop_loose_ends(page)
    _drop_repeated_lines(page)


def recall(page: Page) -> None:
    """The recall preset: keep a second run of prose, the text the region's context
    rules removed, and headings right above kept prose. Only removed blocks change;
    they become body."""
    if page.options.preset != "recall":
        return
    for i in second_region_blocks(page.labels, page.feats, page.region, LIMITS.second_region_share):
        _add(page.labels[i], R.RECALL_SECOND_REGION)
    _keep_text_inside(page)
    _keep_headings_above_prose(page)


def keep(page: Page) -> None:
    """Mark the blocks of the categories in ``Options.keep`` as kept (``keep:<category>``)."""
    wanted = page.options.keep
    if not wanted:
        return
    for d in page.labels:
        if d.category is not None and d.category in wanted:
            d.add_reason(R.keep(d.category))


def _remove(d: Label, code: str) -> None:
    d.category = PRECISION_CATEGORY
    d.add_reason(code)


def _add(d: Label, code: str) -> None:
    d.category = C.BODY
    d.add_reason(code)


def _drop_thin_last_section(page: Page) -> None:
    """Remove the body's last section when it holds little prose.

    Sections start at a heading or short line kept in the body; a run of them (a list)
    opens one section. A body without such a line is one section and stays.
    """
    labels, feats = page.labels, page.feats
    body = body_indices(labels)
    start = None  # where the last section starts, as an index into body
    for k in range(1, len(body)):
        if labels[body[k]].text_class in LINES and labels[body[k - 1]].text_class not in LINES:
            start = k
    if start is None:
        return
    last = body[start:]
    floor = max(LIMITS.thin_section_words, LIMITS.thin_section_share * prose_words(labels, feats, body))
    if prose_words(labels, feats, last) < floor:
        for i in last:
            _remove(labels[i], R.THIN_LAST_SECTION)


def _drop_loose_ends(page: Page) -> None:
    """Remove body blocks from either end until prose: a body starts with prose and
    ends with prose that ends like a sentence. Headings, short sentences and list lines
    at the ends, and a last paragraph cut off without a sentence end, are where the
    region most often runs into its neighbours. A body without any prose that ends
    like a sentence is emptied.
    """
    labels, feats = page.labels, page.feats
    body = body_indices(labels)
    for i in body:
        if labels[i].text_class == PROSE:
            break
        _remove(labels[i], R.LOOSE_END)
    for i in reversed(body):
        if labels[i].category != C.BODY or (labels[i].text_class == PROSE and feats[i].terminal):
            break
        _remove(labels[i], R.LOOSE_END)


def _drop_repeated_lines(page: Page) -> None:
    """Remove headings and short lines of the body whose text occurs again on the page:
    commenters' names, labels and teaser headlines repeat, section headings do not."""
    counts: dict[str, int] = {}
    for f in page.feats:
        counts[f.norm] = counts.get(f.norm, 0) + 1
    for i, d in enumerate(page.labels):
        if d.category == C.BODY and d.text_class in LINES and counts[page.feats[i].norm] > 1:
            _remove(d, R.REPEATED_LINE)


def _keep_text_inside(page: Page) -> None:
    """Keep the text inside the article that only its neighbours removed: short lines
    without prose around them or printed again outside the article, and caption text
    judged by the credit line below it."""
    first, last = page.region
    for d in page.labels[first:last]:
        if d.category == C.BODY or d.section:
            continue
        if d.decided_by[-1:] in ((R.NO_PROSE_AROUND,), (R.PRINTED_ELSEWHERE,)) or (
            d.clutter == C.CAPTION and d.reason == R.ABOVE_CREDIT
        ):
            _add(d, R.RECALL_INSIDE)


def _keep_headings_above_prose(page: Page) -> None:
    """Keep a heading that stands right above a kept prose block (the heading of the
    first section, or of a second region's first paragraph)."""
    labels = page.labels
    for i in range(1, len(labels)):
        above = labels[i - 1]
        if labels[i].category == C.BODY and labels[i].text_class == PROSE and above.text_class == HEADING and addable(above):
            _add(above, R.RECALL_HEADING)
