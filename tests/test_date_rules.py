"""Datelines (date_rules.date_shape), on both sides of every named limit."""

from __future__ import annotations

import pytest

from boilerstrip import rules
from boilerstrip import categories as C
from blocks import MONTHS, measure, content, min_share


def dateline(words: int, dateish: int) -> str:
    """A line of *words* words, *dateish* of them digit tokens (one numeric date among them)."""
    assert 3 <= dateish <= words
    digits = ["13", "02", "2025"] + ["2024"] * (dateish - 3)
    text = ".".join(digits[:3]) + " " + " ".join(digits[3:] + content(words - dateish, capitalise=True))
    f = measure(text.strip())
    assert f.words == words and sum(t.isdigit() for t in f.norm.split()) == dateish
    return text.strip()





def test_date_shape_max_dateline_words():
    n = rules.LIMITS.max_dateline_words
    assert n > 10
    at = dateline(n, n)  # all date tokens
    over = dateline(n + 1, n + 1)
    assert rules.date_shape(at, measure(at), MONTHS) == (C.BYLINE, "shape:date")
    assert rules.date_shape(over, measure(over), MONTHS) is None


def test_date_shape_min_date_share():
    n = rules.LIMITS.max_dateline_words  # long enough that the short-line allowance does not apply
    k = min_share(n, rules.LIMITS.min_date_share)
    assert k > 3
    at, below = dateline(n, k), dateline(n, k - 1)
    assert rules.date_shape(at, measure(at), MONTHS) == (C.BYLINE, "shape:date")
    assert rules.date_shape(below, measure(below), MONTHS) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Town Council's Budget Vote Is on Sept. 9", (C.BYLINE, "shape:date")),
        ("14 de marzo de 2021 a las 17:05h", (C.BYLINE, "shape:date")),
        ("Published the 5th of May", (C.BYLINE, "shape:date")),
        ("32M ago", (C.BYLINE, "shape:relative-time")),
        ("5 hours ago", (C.BYLINE, "shape:relative-time")),
        # A short month name that is also a word, with no day or year beside it:
        ("Next-Gen Battery Packs Promise Longer Rides", None),  # Italian "gen"
        ("Vistas al mar desde 40 habitaciones", None),  # Spanish "mar"
    ],
)
def test_a_month_name_needs_a_number_beside_it(text, expected):
    assert rules.date_shape(text, measure(text), MONTHS) == expected


def test_date_shape_short_unterminated_line_needs_only_a_date():
    # Up to 10 words without a sentence end, one date is enough.
    ten, eleven = dateline(10, 3), dateline(11, 3)
    assert 3 / 10 < rules.LIMITS.min_date_share  # precondition: the share alone would not do
    assert rules.date_shape(ten, measure(ten), MONTHS) == (C.BYLINE, "shape:date")
    assert rules.date_shape(eleven, measure(eleven), MONTHS) is None
    sentence = "The bridge closed on 13.02.2025 after the storm."  # 10 words, 3 date tokens
    assert measure(sentence).words == 10
    assert rules.date_shape(sentence, measure(sentence), MONTHS) is None
    assert rules.date_shape(sentence[:-1], measure(sentence[:-1]), MONTHS) == (C.BYLINE, "shape:date")


def test_date_shape_forms():
    month = sorted(MONTHS, key=len)[-1].capitalize()  # any month name the lexicon knows
    for text in ("16:02", "2025-02-13", f"{month} 3, 2023", f"3 {month} 2023", f"Published {month} 3, 2023 at 4:02 pm"):
        assert rules.date_shape(text, measure(text), MONTHS) == (C.BYLINE, "shape:date"), text
    assert rules.date_shape(month, measure(month), MONTHS) is None  # a month alone: no digit
    assert rules.date_shape("4 min read", measure("4 min read"), MONTHS) == (C.BYLINE, "shape:relative-time")
    assert rules.date_shape("min read", measure("min read"), MONTHS) is None
