"""Properties of :func:`boilerstrip.strip` that hold for every input.

Profiles and example counts are set in ``conftest.py``; strategies live in
``strategies.py``.
"""

from __future__ import annotations

import json
import pathlib

import pytest
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from boilerstrip import Options, Result, strip
from boilerstrip.categories import ALL, TITLE
from strategies import BOILERPLATE_KINDS, article, boilerplate_block, hostile_text

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"

any_text = st.one_of(hostile_text(), st.text())


def check_offsets(source: str, result: Result) -> None:
    """Every structural promise a result makes about its input."""
    previous_end = 0
    for b in result.blocks:
        assert 0 <= b.start < b.end <= len(source), b
        assert b.start >= previous_end, "blocks overlap or are out of order"
        previous_end = b.end
        piece = source[b.start : b.end]
        assert piece, b
        assert piece == piece.strip(), f"block {b} has white space at an edge: {piece!r}"
        assert b.category in ALL, b.category
        assert b.reasons, f"block {b} has no reason"
    titles = [b for b in result.blocks if b.category == TITLE]
    if result.title_span is None:
        assert result.title is None
        assert titles == []
    else:
        s, e = result.title_span
        assert len(titles) == 1
        assert titles[0].start <= s < e <= titles[0].end
        assert source[s:e] == result.title


def kept_slices(source: str, result: Result) -> list[str]:
    return [source[s:e] for s, e in result.spans]


# --- 1. never raises, offsets valid -------------------------------------------------


@given(any_text)
@example("")
@example("\ud800")
@example("\r\n\r\n\x00\r")
@example(" \u2028 \u2029 \u0085 ")
@example("\u00a0Title\u00a0\n\u200b\n\ufeff")
def test_offsets_are_valid_for_any_text(source):
    result = strip(source)
    check_offsets(source, result)


@given(hostile_text())
def test_offsets_are_valid_with_forced_language(source):
    result = strip(source, options=Options(language="en"))
    check_offsets(source, result)
    assert result.language == "en"


def test_every_line_break_kind_splits_blocks_and_others_do_not():
    # Read from the segment docstring: \n, \r\n and lone \r end lines; U+2028,
    # U+0085 and form feed stay inside a line.
    source = "one\ntwo\r\nthree\rfour\u2028still four\u0085and\x0cfour"
    result = strip(source)
    check_offsets(source, result)
    pieces = [source[b.start : b.end] for b in result.blocks]
    assert pieces == ["one", "two", "three", "four\u2028still four\u0085and\x0cfour"]


# --- 2. the body is the kept slices joined ------------------------------------------


@given(any_text)
def test_body_is_kept_slices_joined(source):
    result = strip(source)
    assert result.separator == "\n"
    assert result.text == result.separator.join(kept_slices(source, result))
    # The title is kept in its own field, never in the body spans.
    assert result.title_span is None or all(e <= result.title_span[0] or s >= result.title_span[1] for s, e in result.spans)


@given(st.one_of(any_text, article().map(lambda a: a[0])))
def test_body_is_kept_slices_joined_with_custom_separator(source):
    result = strip(source, options=Options(separator="\n\n"))
    assert result.separator == "\n\n"
    assert result.text == "\n\n".join(kept_slices(source, result))
    # The separator changes the join only, never a decision.
    plain = strip(source)
    assert plain.blocks == result.blocks
    assert plain.title == result.title


# --- 3. a blank prefix shifts every offset ------------------------------------------


@given(
    st.one_of(hostile_text(), article().map(lambda a: a[0])),
    st.integers(1, 50),
    st.sampled_from(["\n", " "]),
)
def test_blank_prefix_shifts_every_offset(source, k, blank):
    before = strip(source)
    after = strip(blank * k + source)
    assert [(b.start + k, b.end + k, b.category, b.reasons) for b in before.blocks] == [
        (b.start, b.end, b.category, b.reasons) for b in after.blocks
    ]
    assert after.title == before.title
    assert after.title_span == (
        (before.title_span[0] + k, before.title_span[1] + k) if before.title_span else None
    )
    assert after.text == before.text


# --- 4. deterministic ---------------------------------------------------------------


@given(st.one_of(any_text, article().map(lambda a: a[0])))
def test_same_input_same_result(source):
    assert strip(source) == strip(source)


def test_no_state_leaks_between_calls():
    source = "Headline Of The Story\n\n" + "The town of the river and the council was in the plan. " * 4
    first = strip(source)
    for other in ("Share", "x" * 1000, "WATCH: Something else entirely here", source.upper()):
        strip(other)
    assert strip(source) == first


# --- 5. dictionary round trip ---------------------------------------------------------


@given(st.one_of(any_text, article().map(lambda a: a[0])))
def test_to_dict_json_round_trip(source):
    result = strip(source)
    again = Result.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again == result


# --- 6. very large inputs -------------------------------------------------------------

MEGABYTE = 1_000_000


@pytest.fixture(scope="module")
def one_long_line():
    unit = "the river of the town and the council was in the plan, "
    return ("Headline\n" + unit * (MEGABYTE // len(unit) + 1))[:MEGABYTE]


@pytest.fixture(scope="module")
def many_short_lines():
    unit = "Home\nNews\nThe council met.\n\n•\nhttps://example.org/a\nShare\n"
    return (unit * (MEGABYTE // len(unit) + 1))[:MEGABYTE]


def test_one_megabyte_single_line(one_long_line):
    assert len(one_long_line) == MEGABYTE
    result = strip(one_long_line)
    check_offsets(one_long_line, result)
    assert result.text == result.separator.join(kept_slices(one_long_line, result))
    # Two lines in, two blocks out; the second runs to the end of the input
    # (minus the trailing space of the cut-off unit, if any).
    assert len(result.blocks) == 2
    assert result.blocks[1].end == len(one_long_line.rstrip())


def test_one_megabyte_of_short_lines(many_short_lines):
    assert len(many_short_lines) == MEGABYTE
    result = strip(many_short_lines)
    check_offsets(many_short_lines, result)
    assert result.text == result.separator.join(kept_slices(many_short_lines, result))
    expected_blocks = sum(1 for line in many_short_lines.split("\n") if line.strip())
    assert len(result.blocks) == expected_blocks


# --- 7. idempotence -----------------------------------------------------------------


@given(article())
def test_article_is_recovered(parts):
    # The baseline the insertion properties rest on: a clean article gives
    # back its paragraphs as the body and its headline as the title.
    text, paragraphs, head = parts
    result = strip(text)
    assert result.text == "\n".join(paragraphs)
    assert result.title == head


@given(article())
def test_idempotent_on_articles(parts):
    text = parts[0]
    once = strip(text).text
    assert strip(once).text == once


#: Samples whose body changes when stripped a second time, with the reason.
#: Each is xfail(strict=True): when the behaviour is fixed the test fails until
#: the entry is removed.
IDEMPOTENCE_XFAIL: dict[str, str] = {}


def _sample_params():
    params = []
    for path in sorted(SAMPLES.glob("*.txt")):
        marks = []
        if path.stem in IDEMPOTENCE_XFAIL:
            marks.append(pytest.mark.xfail(strict=True, reason=IDEMPOTENCE_XFAIL[path.stem]))
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


@pytest.mark.parametrize("path", _sample_params())
def test_idempotent_on_sample(path):
    source = path.read_bytes().decode("utf-8")
    once = strip(source)
    check_offsets(source, once)
    assert strip(once.text).text == once.text


def test_samples_are_present():
    # The parametrized test above silently collects nothing without samples.
    assert len(_sample_params()) >= 5


# --- 8. inserting clutter leaves the body unchanged -----------------------------------

POSITIONS = ("between", "before_first", "after_last")

#: (kind, position) pairs that fail today, with the reason; each is xfail(strict=True).
#: The minimal forms are the NEXT_TO_SHORT cases below (also tried as explicit examples).
INSERTION_XFAIL: dict[tuple[str, str], str] = {}


def _insertion_params():
    params = []
    for kind in BOILERPLATE_KINDS:
        for position in POSITIONS:
            marks = []
            if (kind, position) in INSERTION_XFAIL:
                marks.append(pytest.mark.xfail(strict=True, reason=INSERTION_XFAIL[(kind, position)]))
            params.append(pytest.param(kind, position, id=f"{kind}-{position}", marks=marks))
    return params


def build(head: str, paragraphs: list[str], insert_at: int | None = None, lines: list[str] = ()) -> str:
    """The article with *lines* as one block (its own lines, blank lines around)
    inserted before ``paragraphs[insert_at]`` (``len(paragraphs)``: after the last)."""
    blocks = [head] + list(paragraphs)
    if insert_at is not None:
        blocks.insert(1 + insert_at, "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# --- the same, written out by hand: a block next to a short paragraph -----------------------

HEAD = "Village Council Approves Wooden Bridge"
# 20 words, about half of them function words: the lightest paragraph article() makes.
SHORT = "The council of the village said that the old bridge over the river was closed to the families in winter."
LONGER = [
    "The engineers who built the first wooden bridge in the valley had expected it to stand for a long time, "
    "but the heavy rain of the last season carried part of it into the river.",
    "Residents said that the new plan was careful and that the work on the bridge would start early in the "
    "morning so that the children could still walk to the school on the southern road.",
    "The mayor told the meeting that the village had waited for this decision for many years and that the "
    "families on both sides of the river would be glad to cross it together again.",
]
BLOCKS = {
    "share_row": ["Share", "Tweet", "Email", "Facebook", "Print"],  # the longest share_row() draws
    "app_promo": ["DOWNLOAD THE APP", "Get it on Google Play"],
    "related_list": [
        "Related Articles",
        "Harbour Workers Repair Northern Road",
        "School Opens Early After Storm",
        "Museum Garden Planted By Students",
    ],
    "headline_copy": [HEAD],
}
#: Where the short paragraph stands: first, with the block after it, or last,
#: with the block before it.
PLACES = ("short_first", "short_last")

#: (kind, place) pairs that fail today, with the reason; each is xfail(strict=True).
NEXT_TO_SHORT_XFAIL: dict[tuple[str, str], str] = {}


def hand_written(place: str) -> tuple[str, list[str], str]:
    """An article as article() returns it, with the 20-word paragraph first or last."""
    paragraphs = [SHORT] + LONGER if place == "short_first" else LONGER + [SHORT]
    return build(HEAD, paragraphs), paragraphs, HEAD


def next_to_short(kind: str, place: str) -> tuple[str, str]:
    """(clean, dirty): the article with a short paragraph first or last, and the
    block inserted right after or right before it."""
    block = "\n".join(BLOCKS[kind])
    if place == "short_first":
        clean = [HEAD, SHORT] + LONGER
        dirty = [HEAD, SHORT, block] + LONGER
    else:
        clean = [HEAD] + LONGER + [SHORT]
        dirty = [HEAD] + LONGER + [block, SHORT]
    return "\n\n".join(clean) + "\n", "\n\n".join(dirty) + "\n"


#: Hypothesis phases without shrinking, for the cases known to fail: shrinking an
#: article takes minutes, and the minimal example is written out above.
NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]


@pytest.mark.parametrize("kind, position", _insertion_params())
def test_inserted_clutter_leaves_body_unchanged(kind, position):
    known_failure = (kind, position) in INSERTION_XFAIL

    # Besides the generated articles, always try the hand-written ones with a
    # 20-word paragraph first or last (the lightest article() can make).
    @settings(phases=NO_SHRINK) if known_failure else (lambda f: f)
    @given(parts=article(), lines=boilerplate_block("", kind))
    @example(parts=hand_written("short_first"), lines=BLOCKS[kind])
    @example(parts=hand_written("short_last"), lines=BLOCKS[kind])
    def check(parts, lines):
        text, paragraphs, head = parts
        if kind == "headline_copy":
            lines = [head]
        clean = build(head, paragraphs)
        assert clean == text  # build() is the strategy's own layout
        body = strip(clean).text
        if position == "between":  # every gap between two paragraphs
            places = range(1, len(paragraphs))
        elif position == "before_first":
            places = [0]
        else:
            places = [len(paragraphs)]
        for at in places:
            dirty = build(head, paragraphs, at, lines)
            assert strip(dirty).text == body, f"inserted before paragraph {at}"

    check()


def test_hand_written_article_is_recovered():
    assert len(SHORT.split()) == 20
    for place in PLACES:
        clean, _ = next_to_short("headline_copy", place)
        result = strip(clean)
        assert result.title == HEAD
        expected = [SHORT] + LONGER if place == "short_first" else LONGER + [SHORT]
        assert result.text == "\n".join(expected)


@pytest.mark.parametrize(
    "kind, place",
    [
        pytest.param(
            kind,
            place,
            id=f"{kind}-{place}",
            marks=[pytest.mark.xfail(strict=True, reason=NEXT_TO_SHORT_XFAIL[(kind, place)])]
            if (kind, place) in NEXT_TO_SHORT_XFAIL
            else [],
        )
        for kind in BLOCKS
        for place in PLACES
    ],
)
def test_block_next_to_a_short_paragraph(kind, place):
    clean, dirty = next_to_short(kind, place)
    result = strip(dirty)
    assert result.text == strip(clean).text
    # And the block itself is not in the body.
    for line in BLOCKS[kind]:
        assert line not in result.text.split("\n")
