"""Datelines: a short block that is mostly a date, a time or "15 minutes ago"."""

from __future__ import annotations

import re

from . import categories as C
from . import reasons as R
from .features import Features
from .rule_limits import LIMITS, Label

# Datelines: a date or time and little else.
_TIME_WORDS = frozenset({"am", "pm", "a", "p", "m", "h", "uhr", "hrs"})
# A numeric date or a clock time. Two patterns rather than one alternation: a
# pattern that starts with a digit class lets the regex engine skip ahead to the
# next digit, and the clock time is looked for only when there is a colon.
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")  # 13-02-2025, 2025-02-13, 13.02.25
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d\d\b")  # 16:02
_RELATIVE_TIME = re.compile(
    r"\b\d{1,3} ?(?:[mhd]|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|std|stunden?|tagen?|minuten?|heures?|jours?|horas?|días?|dias?|ore|giorni|uur|dagen)\b"
    r".{0,12}\b(?:ago|read|geleden|fa|atrás|назад|lesezeit|lecture|lectura|leitura|lettura)",
    re.IGNORECASE,
)


def _has_date(text: str, f: Features, months: frozenset[str]) -> bool:
    """A numeric date or time, or a month name next to a day or year number."""
    if not f.has_digits:
        return False
    return (
        _NUMERIC_DATE.search(text) is not None
        or (":" in text and _CLOCK_TIME.search(text) is not None)
        or (not months.isdisjoint(f.norm_words) and _month_with_number(f.norm_words, months))
    )


def _month_with_number(words: tuple[str, ...], months: frozenset[str]) -> bool:
    """A month name near a number: "Aug 5", "5 août", "March 2020", "20 de abril".
    Short month names are also words ("Next-Gen" holds Italian "gen", "mar" is Spanish
    for sea); only the number next to them makes them a date."""
    n = len(words)
    for i, word in enumerate(words):
        if word not in months:
            continue
        for step in (-1, 1):
            j = i + step
            if 0 <= j < n and len(words[j]) <= LIMITS.max_date_link_letters and not _day_or_year(words[j]):
                j += step  # past "de", "of": "20 de abril de 2022", "the 5th of May"
            if 0 <= j < n and _day_or_year(words[j]):
                return True
    return False




def _day_or_year(word: str) -> bool:
    """1 to 4 digits, maybe with an ordinal ending: "5", "2020", "14th", "1er"."""
    digits = word[:-2] if word[-2:] in _ORDINAL_ENDINGS else word
    return 0 < len(digits) <= LIMITS.max_day_or_year_digits and digits.isdecimal()


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th", "er"})


def date_shape(text: str, f: Features, months: frozenset[str]) -> Label:
    """A short block that is mostly a date, a time or "15 minutes ago".

    "October 9, 2018 at 4:02 pm", "Published April 14, 2024 at 11:42 p.m. |
    Updated ...": a date is present and date tokens (digits, month names, am/pm)
    make up at least :data:`LIMITS.min_date_share` of the words.
    """
    if f.words > LIMITS.max_dateline_words or not f.has_digits:
        return None
    tokens = f.norm_words
    if _has_date(text, f, months):
        dateish = sum(1 for t in tokens if t.isdigit() or t in months or t in _TIME_WORDS)
        if dateish >= LIMITS.min_date_share * len(tokens) or (f.words <= LIMITS.max_bare_dateline_words and not f.terminal):
            return C.BYLINE, R.DATE
    if f.words <= LIMITS.max_relative_time_words and _RELATIVE_TIME.search(text):
        return C.BYLINE, R.RELATIVE_TIME
    return None


