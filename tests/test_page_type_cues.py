"""The page-type cue scan (:mod:`boilerstrip.page_type_cues`): each count worked out by
hand on lines written for the test, and the fast word reader it uses."""

from __future__ import annotations

from typing import Sequence

from boilerstrip.features import measure, norm_words_of
from boilerstrip.page_type_cues import PERSON_BLOCKS, PERSON_CHARS, cue_words, scan


def scan_lines(lines: Sequence[str], prose_norms: Sequence[str] = ()) -> dict[str, float]:
    feats = [measure(t, frozenset()) for t in lines]
    return scan(lines, feats, [f.words for f in feats], list(prose_norms))


def test_cue_words_count_every_occurrence_in_short_lines_and_whole_line_phrases() -> None:
    lines = [
        "Reply",
        "Reply",
        "Quote",
        "Add to cart",
        "Posted by Jane",
        "We reply to you by mail",  # more than four words: no cue line, though "reply" and "by" are in it
    ]
    feats = [measure(t, frozenset()) for t in lines]
    counts = cue_words(feats, [f.words for f in feats])
    assert counts["forum_cues"] == 4  # reply, reply, quote, posted
    assert counts["product_cues"] == 2  # the word "cart" and the line "add to cart"
    assert counts["article_cues"] == 1  # "by" in "Posted by Jane"
    assert counts["service_cues"] == counts["documentation_cues"] == counts["listing_cues"] == 0


def test_numbered_steps_are_blocks_that_start_like_one() -> None:
    counts = scan_lines(
        [
            "1. Preheat the oven to a low heat.",
            "2) Mix the flour and the butter",
            "Step 3 Bake for an hour",  # not looked for
            "10) Serve warm",
            "2024 was a good year for the bakery",  # a year, not "20." or "20)"
            "3.5 cups of flour",  # a number, no step
        ]
    )
    assert counts["numbered_steps"] == 3


def test_colon_lines_give_key_value_pairs_and_clock_times() -> None:
    counts = scan_lines(
        [
            "Posts: 12",  # a pair
            "Tags:",  # ends with its colon: introduces a list, no pair
            "Joined: May 2020",  # a pair
            "Opens at 9:30 on every day of the week",  # ten words, colon near the start: a pair, and a time
            "A long line with a colon: it has many more than ten words in it, so it is prose",
        ]
    )
    assert counts["key_value_lines"] == 3
    assert counts["times"] == 1


def test_prices_are_short_lines_with_a_currency_sign_next_to_a_digit() -> None:
    counts = scan_lines(
        [
            "$12.00",
            "$12.00",  # the same line twice counts twice
            "Price list",  # no sign
            "€5 a day",
            "Only $5 a month for the whole family of four people and their pets too",  # not short
        ]
    )
    assert counts["prices"] == 3


def test_a_page_without_signs_or_colons_has_none() -> None:
    counts = scan_lines(["Home", "About us", "Contact"])
    assert counts["prices"] == counts["key_value_lines"] == counts["times"] == counts["numbered_steps"] == 0


def test_person_words_are_counted_in_the_openings_of_the_first_prose_blocks() -> None:
    late = "a " * (PERSON_CHARS // 2) + "i said"  # "i" stands after the opening
    counts = scan_lines([], ["i think we should go", "you know it", "nothing here", late])
    assert (counts["first_person"], counts["second_person"]) == (2, 1)  # i, we; you
    # Only the first PERSON_BLOCKS prose blocks are read.
    counts = scan_lines([], ["nothing here"] * PERSON_BLOCKS + ["i think so"])
    assert counts["first_person"] == 0


def test_norm_words_of_gives_what_the_property_gives() -> None:
    texts = [
        "Home",
        "snake_case name",  # an underscore: the words are split from norm, not kept
        " ".join(["word"] * 30),  # more words than a record keeps
        "",
        "Öffnungszeiten: Mo–Fr",
    ]
    feats = [measure(t, frozenset()) for t in texts]
    assert norm_words_of(feats) == [f.norm_words for f in feats]
