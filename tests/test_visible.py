"""Control and bidirectional formatting characters in ``--explain`` and the HTML reports.

A page's text must be shown, not obeyed: an ESC must not reach the terminal (it
starts sequences that clear the screen or set the window title), and U+202E must
not reverse the rest of a block on a report page. Offsets and results are not
touched; only what is displayed changes.
"""

from __future__ import annotations

import doctest
import re

import pytest
from cli_harness import run_bytes
from hypothesis import given
from hypothesis import strategies as st
from test_report import ARTICLE, check_report, read

import boilerstrip.visible
from boilerstrip import Block, Result, strip
from boilerstrip.explain import explain
from boilerstrip.report import IndexEntry, render_index, render_report

#: Everything that may act on a terminal or reorder a line: C0 controls but tab and
#: LF, DEL, C1 controls, bidirectional embeddings, overrides, isolates and marks.
ACTING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: Clears the screen, then sets the terminal's window title (an OSC sequence ended by BEL).
CLEAR_AND_RETITLE = "\x1b[2J\x1b]0;owned\x07"


def preview(line: str) -> str:
    """The text part of one ``--explain`` block line."""
    return line.split(" | ", 1)[1]


# --- --explain ------------------------------------------------------------------------


def test_explain_writes_terminal_escapes_as_visible_text() -> None:
    text = f"Share{CLEAR_AND_RETITLE} now\n\nA tilde \u202eesrever and a CSI \x9b1m here."
    out = explain(text, strip(text))
    assert ACTING.search(out) is None
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) == 1 + 2 + 1  # summary, two blocks, final newline
    # Each escape is four or six visible characters: backslash, x or u, hex digits.
    assert preview(lines[1]) == "Share\\x1b[2J\\x1b]0;owned\\x07 now"
    assert preview(lines[2]) == "A tilde \\u202eesrever and a CSI \\x9b1m here."


def test_cli_explain_writes_no_escape_sequence(monkeypatch: pytest.MonkeyPatch) -> None:
    page = f"Share{CLEAR_AND_RETITLE}\n\n{ARTICLE}\n".encode()
    code, out, err = run_bytes(["--explain"], page, monkeypatch)
    assert code == 0 and err == ""
    assert b"\x1b" not in out and b"\x07" not in out
    assert b"| Share\\x1b[2J\\x1b]0;owned\\x07\n" in out


def test_explain_keeps_each_block_on_one_line() -> None:
    # segment() never puts a line end inside a block, but a Result built by hand or read
    # with from_dict can: a CR or LF there must not start a new output line (nor, for a
    # CR, move back and overwrite the line being printed).
    text = "first half\rsecond half\nthird"
    result = Result(None, None, "", (Block(0, 22, "body"), Block(23, 28, "body")))
    out = explain(text, result)
    assert out.count("\n") == 3 and "\r" not in out
    assert preview(out.split("\n")[1]) == "first half\\rsecond half"
    assert preview(out.split("\n")[2]) == "third"


def test_explain_offsets_still_count_the_raw_characters() -> None:
    text = "\u202eShare\x1b\tnow"
    out = explain(text, strip(text))
    block_line = out.split("\n")[1]
    assert " 0-11 " in block_line  # 1 + 5 + 1 + 1 + 3 code points, not the escaped length
    assert preview(block_line) == "\\u202eShare\\x1b now"  # a tab is a space, as before


def test_explain_escapes_lone_surrogates_so_output_can_be_encoded() -> None:
    text = "Share \ud800 now"
    out = explain(text, strip(text))
    out.encode("utf-8")  # would raise on a lone surrogate
    assert preview(out.split("\n")[1]) == "Share \\ud800 now"


@given(st.text(max_size=200))
def test_explain_never_writes_a_character_that_acts(text: str) -> None:
    result = strip(text)
    out = explain(text, result)
    assert ACTING.search(out.replace("\n", "")) is None
    assert out.count("\n") == 1 + len(result.blocks)
    out.encode("utf-8")


# --- reports ----------------------------------------------------------------------------


def test_report_marks_controls_and_bidi_and_keeps_them_recoverable() -> None:
    text = f"Share{CLEAR_AND_RETITLE} now\x7f\n\nmirror \u202eesrever \u2066x\u2069 \x85\n\n{ARTICLE}"
    result = strip(text)
    page = render_report(text, result)
    assert ACTING.search(page) is None
    reader = check_report(text, result, page)  # reads every mark back as its character
    marks = [e for e in reader.with_class("ctl") if e in reader.elements_in_source]
    assert [e.attrs["data-char"] for e in marks] == ["001B", "001B", "0007", "007F", "202E", "2066", "2069", "0085"]
    source_area = page[page.index('id="source"') :]
    glyphs = re.findall(r'<span class="ctl" data-char="[0-9A-F]+" title="[^"]*">([^<]*)</span>', source_area)
    assert glyphs == ["\u241b", "\u241b", "\u2407", "\u2421", "RLO", "LRI", "PDI", "NEL"]


def test_report_keeps_tab_newline_and_carriage_return_as_layout() -> None:
    text = "a\tb\r\nc\n"
    page = render_report(text, strip(text))
    reader = check_report(text, strip(text), page)
    assert not [e for e in reader.with_class("ctl") if e in reader.elements_in_source]
    assert ">a\tb</span>" in page and "&#13;\n" in page


def test_report_title_heading_and_attributes_show_marks() -> None:
    name = "page \u202eltit\x1b"
    page = render_report("Share\n", strip("Share\n"), name=name)
    assert ACTING.search(page) is None
    reader = read(page)
    title = next(e for e in reader.elements if e.tag == "title").content
    assert title == "boilerstrip report: page RLOltit\u241b"
    heading = next(e for e in reader.elements if e.tag == "h1")
    assert heading.content == "boilerstrip report: " + name  # marks read back as characters


def test_index_shows_marks_for_names_titles_and_errors() -> None:
    odd = "x\u202ey\x1bz"
    page = render_index([IndexEntry("a.html", odd, odd, 1, 0), IndexEntry("", odd, None, 0, 0, error=odd)])
    assert ACTING.search(page) is None
    error_row = next(e for e in read(page).elements if "data-error" in e.attrs)
    assert error_row.attrs["data-error"] == "xRLOy\u241bz"


def test_doctests() -> None:
    failures, tried = doctest.testmod(boilerstrip.visible)
    assert tried > 0 and failures == 0
