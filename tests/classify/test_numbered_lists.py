"""Numbered lists that go on after the region (classify/numbered_lists.py)."""

from __future__ import annotations

import pytest

from boilerstrip import strip


_LANES = [
    "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
    "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    "1) Harbour Street lane",
    "The first lane runs along the harbour and will open in March next year, the council said.",
    "http://example.com/lane1",
]


def _numbered_page(items: list[str]) -> list[str]:
    return ["Cycle lanes approved", *_LANES, *items, "© 2024 Town Gazette", "Privacy policy"]


def test_a_numbered_list_broken_off_by_links_goes_on_after_the_region():
    items = ["2) School hill lane", "http://example.com/lane2", "3) Market square loop", "http://example.com/lane3", "4) Station link"]
    result = strip("\n".join(_numbered_page(items)))
    kept = result.text.split("\n")
    assert kept[-3:] == ["2) School hill lane", "3) Market square loop", "4) Station link"]
    assert "http://example.com/lane2" not in result.text  # the links stay removed
    reasons = [b.reasons for b in result.blocks if b.kept]
    assert reasons[-1][-1] == "context:numbered-list"


def test_a_numbered_list_after_an_introducing_colon_goes_on_after_its_first_item():
    # The colon takes "1)" in after the region; the count goes on from there.
    intro = "The council named the lanes it will build first, in this order:"
    items = ["1) Harbour Street lane", "http://example.com/lane1", "2) School hill lane", "http://example.com/lane2",
             "3) Market square loop"]
    lines = ["Cycle lanes approved", *_LANES[:2], intro, *items, "© 2024 Town Gazette", "Privacy policy"]
    kept = strip("\n".join(lines)).text.split("\n")
    assert kept[-4:] == [intro, "1) Harbour Street lane", "2) School hill lane", "3) Market square loop"]


@pytest.mark.parametrize(
    "items",
    [
        ["3) School hill lane", "4) Market square loop"],  # the count does not go on from 1
        ["x", "y", "z", "w", "2) School hill lane"],  # too far from the item before it
    ],
)
def test_a_numbered_list_must_go_on_counting_close_by(items):
    result = strip("\n".join(_numbered_page(items)))
    assert "School hill lane" not in result.text
