"""Schedules (classify/date_lists.py, classify/article_end.py): runs of datelines."""

from __future__ import annotations

import pytest

from boilerstrip import rules, strip
from boilerstrip.classify import date_lists
from blocks import MONTHS, measure


_TOUR = [
    "The Harbour Quartet will play thirty cities next summer, their first tour together in ten years.",
    "The band said the shows would mix the old records with songs from the album they finished in May.",
    "Tickets go on sale on Friday morning through the venues and the band's own site, the promoter said.",
]
# Each entry opens with its date; "June 20" names a venue too long for a dateline.
_DATES = [
    "June 9 – Portland, ME @ State Theatre",
    "June 12 – Boston, MA @ House of Blues",
    "June 20 – Albany, NY @ Palace Theatre and Concert Hall at the Old Riverside Mill Building",
    "June 23 – Buffalo, NY @ Town Ballroom",
    "June 25 – Detroit, MI @ Fox Theatre",
]


def test_a_long_entry_between_datelines_stays_in_the_schedule():
    long_entry = _DATES[2]
    assert rules.date_shape(long_entry, measure(long_entry), MONTHS) is None  # too wordy for a dateline
    result = strip("\n".join(["Quartet tour", *_TOUR, *_DATES, "© 2024 Town Gazette"]))
    assert result.text.split("\n")[-5:] == _DATES


def test_a_schedule_under_its_heading_closes_the_article():
    page = "\n".join(["Quartet tour", *_TOUR, "Harbour Quartet Tour Dates", *_DATES, "© 2024 Town Gazette"])
    result = strip(page)
    kept = result.text.split("\n")
    assert kept[-6:] == ["Harbour Quartet Tour Dates", *_DATES]
    reasons = {b.reasons[-1] for b in result.blocks if b.kept and page[b.start : b.end] in kept[-6:]}
    assert reasons == {"context:schedule"}


@pytest.mark.parametrize(
    "entries",
    [
        # Post titles dated at the end: a "latest posts" list, not a schedule.
        ["From the blog", "Ten quiet beaches - June 9, 2024", "A week in the hills - June 2, 2024",
         "Rainy day museums - May 28, 2024"],
        # A blog archive: its entries open with the full date, year and all, and one
        # title runs too long for a dateline; it must not bridge the datelines around it.
        ["Jun 9, 2024 Quiet beaches Jun 9, 2024",
         "Jun 2, 2024 Walking in the hills above the lake with two old friends and our dog",
         "May 28, 2024 Rainy museums May 28, 2024", "May 20, 2024 Night trains May 20, 2024"],
    ],
)
def test_a_dated_post_list_after_the_article_is_not_a_schedule(entries):
    result = strip("\n".join(["Quartet tour", *_TOUR, *entries, "© 2024 Town Gazette"]))
    assert result.text == "\n".join(_TOUR)


@pytest.mark.parametrize("first", ["₃", "²", "٣"])  # subscript, superscript, Arabic-Indic digits
def test_schedule_entries_with_other_digits_do_not_break_the_run(first):
    # str.isdigit() accepts "₃" and "²", which int() refuses: this raised ValueError once.
    entry = f"{first} June – Harbour Hall and the long waterfront promenade beside the old ferry terminal"
    lines = ["Quartet tour", *_TOUR, _DATES[0], entry, _DATES[1], _DATES[3]]
    result = strip("\n".join(lines))
    assert result.text.startswith(_TOUR[0])
    assert date_lists.opens_with_date(measure(entry), MONTHS) is (first == "٣")
