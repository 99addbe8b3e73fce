"""Pass 2, date lists: three or more datelines in a row are a schedule, not bylines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import reasons as R
from ..features import Features
from ..thresholds import HAND, limit
from .label import LIST_ITEM, Label
from .page import Page
from .text_classes import WEIGHTS


@dataclass(frozen=True)
class DateListLimits:
    min_date_run: int = limit(3, HAND, "two datelines are a byline's date and update; three are a list")
    max_entry_gap: int = limit(2, HAND, "blocks between two datelines of a schedule that may be entries too")
    max_entry_words: int = limit(20, HAND, "longest schedule entry that is not a dateline itself")
    max_day: int = limit(31, HAND, "days of a month")
    max_day_digits: int = limit(2, HAND)
    min_entry_words: int = limit(2, HAND, "a day and a month")
    year_digits: int = limit(4, HAND)


LIMITS = DateListLimits()
#: A day and a month, then maybe a year: the words of an entry looked at.
_HEAD_WORDS = 3
_CENTURIES = ("19", "20")


def apply(page: Page) -> None:
    """Turn runs of date lines into list items: a tour or event schedule.

    A dateline stands alone; :attr:`~DateListLimits.min_date_run` or more date-shaped
    lines in a row are a list the article gives. Their weight is neutral, so they
    neither pull the region towards them nor push it away. An entry whose venue runs
    long is too wordy to be a dateline, but it opens with a date like the entries
    around it: an unlabelled block that starts with a day and a month, between two
    datelines, is an entry too.
    """
    labels, feats, months = page.labels, page.feats, page.lexicons.months()
    n = len(labels)
    i = 0
    while i < n:
        if labels[i].reason != R.DATE:
            i += 1
            continue
        j = i
        while j < n and (
            labels[j].reason == R.DATE
            or (
                j + 1 < n
                and labels[j].text_class
                and opens_with_date(feats[j], months)
                and _date_entry_follows(labels, feats, j + 1, months)
            )
        ):
            j += 1
        if j - i >= LIMITS.min_date_run:
            for d in labels[i:j]:
                d.relabel(LIST_ITEM, R.DATE_LIST, WEIGHTS.schedule_entry)
        i = j


def opens_with_date(f: Features, months: frozenset[str]) -> bool:
    """An entry of a schedule: a short line, not a sentence, that starts with a day
    and a month either way round ("June 20 -- ...", "20. Juni: ...").

    The entries of a schedule leave the year to its heading; a line that opens with
    a full date is a dated link of a blog archive.
    """
    words = f.norm_words[:_HEAD_WORDS]
    if len(words) < LIMITS.min_entry_words or f.terminal or f.words > LIMITS.max_entry_words:
        return False
    if len(words) == _HEAD_WORDS and _is_year(words[2]):
        return False
    if words[0] in months:
        return _is_day(words[1])
    return _is_day(words[0]) and words[1] in months


def _is_day(word: str) -> bool:
    return word.isdecimal() and len(word) <= LIMITS.max_day_digits and 1 <= int(word) <= LIMITS.max_day


def _is_year(word: str) -> bool:
    return len(word) == LIMITS.year_digits and word.isdecimal() and word[:2] in _CENTURIES


def _date_entry_follows(labels: Sequence[Label], feats: Sequence[Features], j: int, months: frozenset[str]) -> bool:
    """A dateline comes within ``max_entry_gap`` date-led blocks after *j*."""
    for k in range(j, min(j + LIMITS.max_entry_gap, len(labels))):
        if labels[k].reason == R.DATE:
            return True
        if not (labels[k].text_class and opens_with_date(feats[k], months)):
            return False
    return False
