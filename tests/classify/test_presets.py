"""Presets (``Options.preset``) and category switches (``Options.keep``).

The pages here are built by hand from the plain paragraphs of ``strategies.py``;
the decision expected for each line is stated next to it and was worked out from
the rules in docs/algorithm.md, not copied from the output.
"""

from __future__ import annotations

import io
import json
import pathlib
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import PLAIN_PARAGRAPHS as P
from strategies import article, hostile_text

from boilerstrip import KEEPABLE, PRESETS, Options, OptionsError, Result, cli, strip
from boilerstrip.classify.presets import LIMITS

SECOND_REGION_SHARE = LIMITS.second_region_share
THIN_SECTION_SHARE = LIMITS.thin_section_share
THIN_SECTION_WORDS = LIMITS.thin_section_words

SAMPLES = pathlib.Path(__file__).resolve().parent.parent.parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))

HEAD = "Village Bridge Closed After Storm"


def page(*lines: str) -> str:
    """Lines separated by blank lines, as html-text renders block elements."""
    return "\n\n".join(lines) + "\n"


def words(n: int) -> str:
    """A prose sentence of exactly *n* words taken from the plain paragraphs."""
    pool = " ".join(P).replace(",", "").replace(".", "").split()
    return " ".join(pool[:n]) + "."


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def block_of(result: Result, source: str, line: str):
    """The block holding exactly *line*."""
    start = source.index(line)
    (block,) = [b for b in result.blocks if b.start == start]
    assert source[block.start : block.end] == line
    return block


def kept_lines(result: Result, source: str) -> list[str]:
    return [source[s:e] for s, e in result.spans]


# --- options ------------------------------------------------------------------------------


def test_defaults_are_balanced_and_keep_nothing():
    assert Options() == Options(preset="balanced", keep=frozenset())
    assert PRESETS == ("balanced", "precision", "recall")


def test_unknown_preset_is_an_options_error_naming_the_presets():
    with pytest.raises(OptionsError, match="unknown preset 'fast'; known: balanced, precision, recall"):
        Options(preset="fast")
    with pytest.raises(ValueError):  # OptionsError is a ValueError too
        Options(preset="Precision")


def test_unknown_category_is_an_options_error_listing_the_valid_ones():
    with pytest.raises(OptionsError) as e:
        Options(keep={"caption", "captions"})
    message = str(e.value)
    assert message.startswith("cannot keep captions;")
    for name in ("caption", "comments", "byline", "subtitle", "related"):
        assert name in message


@pytest.mark.parametrize("name", ["title", "body"])
def test_title_and_body_are_not_switchable(name):
    with pytest.raises(OptionsError, match="has its own field"):
        Options(keep={name})


def test_keep_takes_any_iterable_of_names_but_not_a_string():
    assert Options(keep=["caption", "byline"]).keep == frozenset({"caption", "byline"})
    assert Options(keep=("caption",)) == Options(keep={"caption"})
    hash(Options(keep={"caption"}))  # options stay hashable
    with pytest.raises(OptionsError, match="not the string 'caption'"):
        Options(keep="caption")
    with pytest.raises(OptionsError, match="not int"):
        Options(keep=3)


def test_keepable_is_every_removed_category():
    assert "title" not in KEEPABLE and "body" not in KEEPABLE
    assert {"caption", "comments", "byline", "subtitle", "related"} <= set(KEEPABLE)


# --- balanced is the default, unchanged -------------------------------------------------


@pytest.mark.parametrize(
    "name", ["en_html_text_title_tag_only", "de_news_html_text_kommentare", "en_news_html_text_related_teasers"]
)
def test_balanced_preset_is_the_default(name):
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    assert strip(text, options=Options(preset="balanced")) == strip(text)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_default_result_carries_no_preset_or_switch_reasons(path):
    result = strip(path.read_text(encoding="utf-8"))
    for b in result.blocks:
        assert not any(r.startswith(("precision:", "recall:", "keep:")) for r in b.reasons), b


# --- precision is a subset of balanced, recall a superset ------------------------------


def check_changes(source: str, preset: str) -> None:
    """Blocks differ from balanced only where the preset changed the decision, and only
    in the preset's direction; the body is still the kept slices joined."""
    base = strip(source)
    other = strip(source, options=Options(preset=preset))
    assert [(b.start, b.end) for b in other.blocks] == [(b.start, b.end) for b in base.blocks]
    for b, o in zip(base.blocks, other.blocks):
        if o == b:
            continue
        if preset == "precision":
            assert b.kept and not o.kept and o.category == "boilerplate", (b, o)
        else:
            assert not b.kept and o.kept and o.category == "body", (b, o)
        assert o.reasons[:-1] == b.reasons and o.reasons[-1].startswith(preset + ":"), (b, o)
    assert other.text == other.separator.join(source[s:e] for s, e in other.spans)
    assert other.title == base.title


@pytest.mark.parametrize("preset", ["precision", "recall"])
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_presets_change_samples_only_in_their_direction(path, preset):
    check_changes(path.read_text(encoding="utf-8"), preset)


@pytest.mark.parametrize("preset", ["precision", "recall"])
@given(source=st.one_of(hostile_text(), article().map(lambda a: a[0])))
def test_presets_change_any_text_only_in_their_direction(source, preset):
    check_changes(source, preset)


# --- precision: the rules, each on both sides ----------------------------------------------


@pytest.mark.parametrize("n, removed", [(THIN_SECTION_WORDS - 1, True), (THIN_SECTION_WORDS, False)])
def test_precision_removes_a_thin_last_section(n, removed):
    # A heading and one paragraph of n words close a three-paragraph article; the share
    # limit (15 % of ~150 words) is below 40 words here, so 40 words decide.
    closing = words(n)
    source = page("Home", HEAD, P[0], P[1], P[2], "Further thoughts", closing, "Back to top")
    assert THIN_SECTION_SHARE * (sum(map(word_count, P[:3])) + n) < THIN_SECTION_WORDS
    assert kept_lines(strip(source), source) == [P[0], P[1], P[2], "Further thoughts", closing]
    result = strip(source, options=Options(preset="precision"))
    for line in ("Further thoughts", closing):
        b = block_of(result, source, line)
        assert b.kept is not removed
        if removed:
            assert b.category == "boilerplate" and b.reasons[-1] == "precision:thin-last-section"


def test_precision_thin_section_limit_grows_with_the_article():
    # Eight paragraphs of ~36 words: 15 % of the prose is more than 40 words, so a
    # closing paragraph of 45 words is still thin.
    closing = words(45)
    body = [P[0], P[1], P[2], P[3], words(36), words(37), words(38), words(39)]
    source = page("Home", HEAD, *body, "Further thoughts", closing, "Back to top")
    assert THIN_SECTION_SHARE * (sum(map(word_count, body)) + 45) > 45
    result = strip(source, options=Options(preset="precision"))
    assert kept_lines(strip(source), source)[-2:] == ["Further thoughts", closing]
    assert kept_lines(result, source) == body


def test_precision_keeps_a_body_without_headings_whole():
    source = page("Home", HEAD, P[0], P[1], words(12), "Back to top")
    assert strip(source, options=Options(preset="precision")) == strip(source)


def test_precision_trims_loose_ends():
    # A short sentence opens the region and a paragraph without a sentence end (28 words,
    # prose by length) closes it; precision keeps prose that ends like a sentence.
    tail = "The valley and its villages will be the subject of a second report in the paper next week and you can send your questions to the desk for it"
    source = page("Home", HEAD, "It was a cold morning.", P[0], P[1], P[2], tail, "Back to top")
    assert kept_lines(strip(source), source) == ["It was a cold morning.", P[0], P[1], P[2], tail]
    result = strip(source, options=Options(preset="precision"))
    assert kept_lines(result, source) == [P[0], P[1], P[2]]
    for line in ("It was a cold morning.", tail):
        assert block_of(result, source, line).reasons[-1] == "precision:loose-end"


def test_precision_may_empty_a_body_without_prose():
    source = page("Home", HEAD, "It was a cold morning.", "The bridge is closed.", "Back to top")
    assert strip(source).text == "It was a cold morning.\nThe bridge is closed."
    assert strip(source, options=Options(preset="precision")).text == ""


def test_precision_removes_lines_repeated_on_the_page():
    # Both copies inside the article: the balanced labels keep them (a single line
    # printed again outside the article is removed already: context:printed-elsewhere).
    source = page("Home", HEAD, P[0], "Jane Smith", P[1], "Jane Smith", P[2], P[3], "Back to top")
    assert kept_lines(strip(source), source).count("Jane Smith") == 2
    result = strip(source, options=Options(preset="precision"))
    assert kept_lines(result, source) == [P[0], P[1], P[2], P[3]]
    assert block_of(result, source, "Jane Smith").reasons[-1] == "precision:repeated-line"
    # A heading that occurs once stays.
    once = page("Home", HEAD, P[0], P[1], "Jane Smith", P[2], P[3], "Back to top")
    assert strip(once, options=Options(preset="precision")) == strip(once)


# --- recall: the rules, each on both sides ---------------------------------------------------

FOOTER = ("Privacy Policy", "Terms of Use", "Contact Us", "Cookie Settings", "About Us", "Careers")


def test_recall_keeps_a_second_run_of_prose():
    # Two paragraphs, six footer lines (rule-labelled, weight -2 each), one more paragraph:
    # the region is the first two; the third weighs about half of them (> 1/3).
    source = page("Home", HEAD, P[0], P[1], *FOOTER, P[3])
    assert kept_lines(strip(source), source) == [P[0], P[1]]
    result = strip(source, options=Options(preset="recall"))
    assert kept_lines(result, source) == [P[0], P[1], P[3]]
    assert block_of(result, source, P[3]).reasons[-1] == "recall:second-region"


def test_recall_leaves_a_light_second_run():
    # One 10-word paragraph (weight 2) after a four-paragraph article (weight ~18):
    # well under a third.
    tail = "The ferry will run twice a day during the week."
    assert word_count(tail) == 10 and 2 < SECOND_REGION_SHARE * 4 * 4.5
    source = page("Home", HEAD, P[0], P[1], P[2], P[3], *FOOTER, tail)
    assert strip(source, options=Options(preset="recall")) == strip(source)


def test_recall_keeps_the_heading_right_above_the_article():
    source = page(HEAD + " - The Valley Times", "Home", HEAD, "Share", "What happened", P[0], P[1], P[2], "Back to top")
    assert kept_lines(strip(source), source) == [P[0], P[1], P[2]]
    result = strip(source, options=Options(preset="recall"))
    assert kept_lines(result, source) == ["What happened", P[0], P[1], P[2]]
    assert block_of(result, source, "What happened").reasons[-1] == "recall:heading-above-prose"
    assert result.title == HEAD


def test_recall_keeps_short_lines_inside_the_article():
    # One-word lines between prose fail the list test (menus are that short) in balanced.
    source = page("Home", HEAD, P[0], P[1], "Apples", "Pears", "Plums", P[2], P[3], "Back to top")
    assert kept_lines(strip(source), source) == [P[0], P[1], P[2], P[3]]
    result = strip(source, options=Options(preset="recall"))
    assert kept_lines(result, source) == [P[0], P[1], "Apples", "Pears", "Plums", P[2], P[3]]
    assert block_of(result, source, "Pears").reasons[-1] == "recall:inside-article"


# --- keep switches ----------------------------------------------------------------------

LEAD = (
    "The council of the village said on Monday that the old wooden bridge would be closed. "
    "Engineers found that the heavy rain had carried part of the southern bank into the water."
)
ALT = "The old bridge seen from the northern bank"
CREDIT = "Jane Doe/Reuters"
CAPTIONED = page("Home", HEAD, LEAD, ALT, CREDIT, P[1], P[2], "Back to top")


def test_captions_are_removed_by_default():
    # The credit has the Name/Agency shape; the alt-text line above it is its caption.
    result = strip(CAPTIONED)
    assert result.text == "\n".join([LEAD, P[1], P[2]])
    assert [block_of(result, CAPTIONED, line).category for line in (ALT, CREDIT)] == ["caption", "caption"]


def test_keep_caption_puts_captions_in_the_body_at_their_offsets():
    result = strip(CAPTIONED, options=Options(keep={"caption"}))
    assert result.text == "\n".join([LEAD, ALT, CREDIT, P[1], P[2]])
    starts = [CAPTIONED.index(line) for line in (LEAD, ALT, CREDIT, P[1], P[2])]
    lines = (LEAD, ALT, CREDIT, P[1], P[2])
    assert result.spans == [(s, s + len(line)) for s, line in zip(starts, lines)]
    for line in (ALT, CREDIT):
        b = block_of(result, CAPTIONED, line)
        assert b.category == "caption" and b.kept and b.reasons[-1] == "keep:caption"
    assert [b.category for b in result.removed] == ["navigation", "footer"]


def test_keep_survives_a_dict_round_trip():
    result = strip(CAPTIONED, options=Options(keep={"caption"}, separator="\n\n"))
    again = Result.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again == result
    assert again.spans == result.spans and again.removed == result.removed


def test_keep_changes_only_blocks_of_its_categories():
    result = strip(CAPTIONED, options=Options(keep={"byline", "comments"}))
    assert result == strip(CAPTIONED)


def test_keep_works_with_a_preset():
    result = strip(CAPTIONED, options=Options(preset="recall", keep={"caption"}))
    # Recall takes the alt text into the body itself; the credit is kept by the switch.
    assert block_of(result, CAPTIONED, ALT).reasons[-1] == "recall:inside-article"
    assert block_of(result, CAPTIONED, CREDIT).reasons[-1] == "keep:caption"
    assert result.text == "\n".join([LEAD, ALT, CREDIT, P[1], P[2]])


# --- command line --------------------------------------------------------------------------


def run(argv, stdin: str, monkeypatch):
    """``cli.main(argv)`` with *stdin*; returns (exit code, stdout, stderr)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(argv)
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()


def test_cli_preset(monkeypatch):
    source = page("Home", HEAD, "It was a cold morning.", P[0], P[1], P[2], "Back to top")
    code, out, err = run(["--preset", "precision"], source, monkeypatch)
    assert (code, err) == (0, "")
    assert out == "\n".join([P[0], P[1], P[2]]) + "\n"
    code, out, _ = run([], source, monkeypatch)
    assert out.startswith("It was a cold morning.\n")


@pytest.mark.parametrize("flags", [["--keep", "caption"], ["--keep", "byline,caption"], ["--keep", "byline", "--keep", " caption "]])
def test_cli_keep(monkeypatch, flags):
    code, out, err = run(flags, CAPTIONED, monkeypatch)
    assert (code, err) == (0, "")
    assert out == "\n".join([LEAD, ALT, CREDIT, P[1], P[2]]) + "\n"


@pytest.mark.parametrize(
    "flags, says",
    [
        (["--preset", "fast"], "invalid choice: 'fast'"),
        (["--keep", "captions"], "cannot keep captions"),
        (["--keep", "title"], "cannot keep title"),
        (["--keep", "caption,"], "--keep takes category names separated by commas"),
    ],
)
def test_cli_bad_values_are_usage_errors(monkeypatch, flags, says):
    code, out, err = run(flags, CAPTIONED, monkeypatch)
    assert code == 2 and out == ""
    assert err.startswith("boilerstrip: ") and err.count("\n") == 1 and says in err


def test_cli_jsonl_passes_preset_and_keep(monkeypatch):
    records = [{"id": 1, "text": CAPTIONED}, {"id": 2, "text": page("Home", HEAD, P[0], P[1], *FOOTER, P[3])}]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    code, out, err = run(["--jsonl", "--preset", "recall", "--keep", "caption"], stdin, monkeypatch)
    assert (code, err) == (0, "")
    texts = [json.loads(line)["text"] for line in out.splitlines()]
    assert texts == ["\n".join([LEAD, ALT, CREDIT, P[1], P[2]]), "\n".join([P[0], P[1], P[3]])]
