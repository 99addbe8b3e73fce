"""Pass 10, the article's end: a schedule under its heading, or a list that the last
line introduces with a colon, closes the article."""

from __future__ import annotations

from typing import Sequence

from ..features import Features
from .date_lists import LIMITS as DATE_LIMITS
from .date_lists import opens_with_date
from .label import HEADING, LINES, LIST_ITEM, Label
from .page import Page
from .runs import LIMITS as RUN_LIMITS
from .runs import article_run
from .. import reasons as R


def apply(page: Page) -> None:
    """Set ``page.schedule_end`` and ``page.list_end`` past what closes the region."""
    first, last = page.region
    page.schedule_end = schedule_end(page.labels, page.feats, last, page.lexicons.months())
    page.list_end = extend_over_list(page.labels, page.feats, (first, page.schedule_end))[1]


def schedule_end(labels: Sequence[Label], feats: Sequence[Features], last: int, months: frozenset[str]) -> int:
    """Where a schedule (:mod:`.date_lists`) that closes the article ends, with its
    heading ("Tour Dates"); *last* itself when none starts at the region's end *last*."""
    if last == 0:
        return last
    if last < len(labels) and _heads_schedule(labels, feats, last, months):
        last += 1
    while last < len(labels) and labels[last].text_class == LIST_ITEM and not labels[last].section:
        last += 1
    return last


def _heads_schedule(labels: Sequence[Label], feats: Sequence[Features], i: int, months: frozenset[str]) -> bool:
    """Block *i* is a heading right above a schedule whose entries open with their
    dates; a list of post titles dated at the end is not one."""
    size = DATE_LIMITS.min_date_run
    run = range(i + 1, min(i + 1 + size, len(labels)))
    return (
        labels[i].text_class == HEADING
        and not labels[i].section
        and len(run) == size
        and all(labels[j].reason == R.DATE_LIST and not labels[j].section for j in run)
        and all(opens_with_date(feats[j], months) for j in run)
    )


def extend_over_list(labels: Sequence[Label], feats: Sequence[Features], region: tuple[int, int]) -> tuple[int, int]:
    """Take in the list that a region's last line introduces ("Our favourite spots:").

    The items are short and no prose follows them, so the region ends before them;
    the colon says they belong to the article.
    """
    first, last = region
    if last == 0 or not feats[last - 1].colon:
        return first, last
    end = last
    while (
        end < len(labels)
        and end - last < RUN_LIMITS.max_list_run
        and labels[end].text_class in LINES
        and not labels[end].section
    ):
        end += 1
    run = list(range(last, end))
    if run and article_run(run, feats):
        return first, end
    return first, last
