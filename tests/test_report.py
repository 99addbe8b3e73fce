"""HTML reports, read back with the standard library's HTML parser.

Every expectation is computed from ``result.blocks`` or the input text, never
from the report itself, so a report that drops, reorders, miscounts or
mis-escapes anything fails here.
"""

from __future__ import annotations

import doctest
import pathlib
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import PLAIN_PARAGRAPHS

import boilerstrip.report
from boilerstrip import Block, InputError, Result, categories, strip
from boilerstrip.report import (
    MAX_ID_CHARS,
    IndexEntry,
    render_index,
    render_report,
    report_filename,
)

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))

#: HTML elements that never have an end tag, so the parser must not wait for one.
VOID = {"meta", "input", "br", "img", "hr", "link", "wbr", "source", "area", "col", "base", "embed", "track"}

ARTICLE = "\n\n".join(PLAIN_PARAGRAPHS[:3])

HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "</body></html>",
    "<!-- an unclosed comment",
    "Tom &amp; Jerry &lt;3 say \"hi\" and 'bye' & <b>bold</b>",
    "a line\u2028separator and a\u2029paragraph separator inside one block",
    "<style>body{display:none}</style> ]]> <![CDATA[ x",
    '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">click</a>',
]
HOSTILE = "\n".join(HOSTILE_LINES) + "\n\n" + ARTICLE + "\n</div></span>\n"


#: Every tag a report page may contain; anything else came from unescaped input.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "dl", "dt", "dd",
    "section", "ul", "li", "span", "p", "code", "input", "label", "div", "i", "a",
}


@dataclass(eq=False)
class Element:
    """One element: its tag, attributes and the text inside it (compared by identity)."""

    tag: str
    attrs: dict[str, Optional[str]]
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def content(self) -> str:
        return "".join(self.text)


class ReportReader(HTMLParser):
    """Collects what the tests look at: the text area, blocks, legend, every tag.

    The text area is ``<div id="source">``; inside it a ``<span class="ctl"
    data-char="XXXX">`` stands for one character HTML cannot carry and is read
    back as that character.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.elements: list[Element] = []
        self.tags: Counter[str] = Counter()
        self.comments: list[str] = []
        self.source: Optional[Element] = None
        self.elements_in_source: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.tags[tag] += 1
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if self.source is not None and self.source in self.stack:
            self.elements_in_source.append(element)
        if element.attrs.get("id") == "source":
            self.source = element
        if "ctl" in element.classes:
            # One uncarriable character: counted once in every enclosing element.
            char = chr(int(element.attrs["data-char"] or "", 16))
            for open_element in self.stack:
                open_element.text.append(char)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1].tag == tag, f"</{tag}> does not close {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any("ctl" in open_element.classes for open_element in self.stack):
            return  # the stand-in glyph, already read back as its character
        for open_element in self.stack:
            open_element.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def with_class(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in e.classes]


def read(page: str) -> ReportReader:
    reader = ReportReader()
    reader.feed(page)
    reader.close()
    assert not reader.stack, f"unclosed elements: {[e.tag for e in reader.stack]}"
    return reader


def expected_counts(result: Result) -> Counter[str]:
    return Counter(b.category for b in result.blocks)


def check_report(text: str, result: Result, page: str) -> ReportReader:
    """Everything a report must show about *text*, checked against *result*."""
    reader = read(page)
    assert reader.source is not None
    assert reader.source.content == text
    blocks = reader.with_class("blk")
    assert [(int(e.attrs["data-start"] or -1), int(e.attrs["data-end"] or -1)) for e in blocks] == [
        (b.start, b.end) for b in result.blocks
    ]
    assert [e.attrs["data-category"] for e in blocks] == [b.category for b in result.blocks]
    assert [e.attrs["data-reasons"] for e in blocks] == [", ".join(b.reasons) for b in result.blocks]
    assert [e.content for e in blocks] == [text[b.start : b.end] for b in result.blocks]
    kept_or_title = [b.kept or b.category == categories.TITLE for b in result.blocks]
    assert ["kept" in e.classes for e in blocks] == kept_or_title
    assert ["removed" in e.classes for e in blocks] == [not k for k in kept_or_title]
    shown = Counter(e.attrs["data-category"] for e in blocks)
    assert shown == expected_counts(result)
    legend = {e.attrs["data-category"]: int(e.attrs["data-count"] or -1) for e in reader.elements if "data-count" in e.attrs}
    assert legend == dict(expected_counts(result))
    assert reader.tags["script"] == 0
    assert reader.tags["style"] == 1
    assert reader.comments == []
    return reader


# --- real pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_sample_report_shows_input_and_every_block(path: pathlib.Path) -> None:
    text = path.read_bytes().decode("utf-8")
    result = strip(text)
    page = render_report(text, result, name=path.name)
    reader = check_report(text, result, page)
    titles = [e for e in reader.with_class("blk") if "cat-title" in e.classes]
    if result.title_span is None:
        assert titles == []
    else:
        # The title is the whole title block or a part of it ("Headline - Site").
        (title,) = titles
        start, end = result.title_span
        assert int(title.attrs["data-start"] or -1) <= start < end <= int(title.attrs["data-end"] or -1)
        assert title.attrs.get("id") == "title-block"
        summary_links = [e.content for e in reader.elements if e.tag == "a" and e.attrs.get("href") == "#title-block"]
        assert summary_links == [result.title]


def test_seed_page_counts_are_the_known_ones() -> None:
    # Pinned from `boilerstrip --explain` on this seed, so a report that agrees with a
    # wrong result (or a result that silently changed) shows up here.
    text = (SAMPLES / "seed_004_ebd96396f1565e17.txt").read_text(encoding="utf-8")
    reader = read(render_report(text, strip(text)))
    legend = {e.attrs["data-category"]: e.attrs["data-count"] for e in reader.elements if "data-count" in e.attrs}
    assert legend["body"] == "10" and legend["title"] == "1" and legend["title_duplicate"] == "5"


def test_crlf_is_written_so_browsers_keep_it() -> None:
    # An HTML parser turns a raw CR (and CRLF) into LF; only "&#13;" survives.
    text = (SAMPLES / "en_recipe_html_text_crlf.txt").read_bytes().decode("utf-8")
    assert "\r\n" in text
    page = render_report(text, strip(text))
    assert "\r" not in page
    assert read(page).source.content == text  # type: ignore[union-attr]


# --- hostile and edge inputs ----------------------------------------------------------------


def test_hostile_input_is_shown_as_text() -> None:
    result = strip(HOSTILE)
    page = render_report(HOSTILE, result, name="<b>name</b>")
    reader = check_report(HOSTILE, result, page)
    assert reader.tags["b"] == 0 and reader.tags["img"] == 0
    assert all(e.attrs == {"href": "#title-block"} for e in reader.elements if e.tag == "a")
    assert all(tag in ALLOWED_TAGS for tag in reader.tags), set(reader.tags) - ALLOWED_TAGS
    for line in HOSTILE_LINES:
        assert line in reader.source.content  # type: ignore[union-attr]


def test_name_is_escaped() -> None:
    page = render_report("Share\n", strip("Share\n"), name='</title><script>x()</script>"&')
    reader = read(page)
    assert reader.tags["script"] == 0
    headings = [e.content for e in reader.elements if e.tag in ("title", "h1")]
    assert headings == ['boilerstrip report: </title><script>x()</script>"&'] * 2


def test_page_forbids_scripts_and_network() -> None:
    reader = read(render_report("Share\n", strip("Share\n")))
    policy = [e.attrs["content"] for e in reader.elements if e.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policy and "default-src 'none'" in (policy[0] or "")
    assert not any(e.attrs.get("src") or e.tag == "link" for e in reader.elements)


def test_empty_input() -> None:
    result = strip("")
    reader = check_report("", result, render_report("", result))
    assert reader.with_class("blk") == [] and reader.with_class("gap") == []
    assert reader.with_class("legend-empty")


def test_blank_input_keeps_its_white_space() -> None:
    text = "\n\n  \t\n\u00a0\n"
    result = strip(text)
    assert result.blocks == ()
    reader = check_report(text, result, render_report(text, result))
    assert [e.content for e in reader.with_class("gap")] == [text]


def test_nothing_kept() -> None:
    text = "Share\n\nBack to top\n"
    result = strip(text)
    assert result.blocks and not any(b.kept or b.category == categories.TITLE for b in result.blocks)
    reader = check_report(text, result, render_report(text, result))
    assert reader.with_class("nothing-kept")
    assert not [e for e in reader.with_class("blk") if "kept" in e.classes]


def test_nul_and_lone_surrogates_are_marked_and_recoverable() -> None:
    # HTML cannot carry NUL or a lone surrogate; the page names them so the input can be rebuilt.
    text = "Share\x00 now\n\nlone \ud800 and \udfff here\n\n" + ARTICLE
    result = strip(text)
    page = render_report(text, result)
    page.encode("utf-8")  # would raise on a lone surrogate
    assert "\x00" not in page
    reader = check_report(text, result, page)
    in_text_area = [e for e in reader.with_class("ctl") if e in reader.elements_in_source]
    assert [e.attrs["data-char"] for e in in_text_area] == ["0000", "D800", "DFFF"]


def test_unknown_category_gets_a_safe_class_and_a_legend_entry() -> None:
    text = "one\ntwo\n"
    result = Result(None, None, "", (Block(0, 3, 'odd "cat" <x>', ("r<1>",)), Block(4, 7, categories.BODY)))
    reader = check_report(text, result, render_report(text, result))
    odd = reader.with_class("blk")[0]
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", c) for c in odd.classes)
    assert "removed" in odd.classes


@pytest.mark.parametrize(
    "blocks",
    [
        (Block(0, 99, categories.BODY),),  # past the end
        (Block(2, 4, categories.BODY), Block(3, 5, categories.SHARE)),  # overlapping
        (Block(4, 2, categories.BODY),),  # backwards
    ],
    ids=["past-end", "overlap", "backwards"],
)
def test_result_that_does_not_fit_the_text_is_refused(blocks: tuple[Block, ...]) -> None:
    with pytest.raises(InputError, match="does not fit"):
        render_report("short text", Result(None, None, "", blocks))


def test_size_is_linear_in_the_input() -> None:
    # A constant amount of markup per block plus the escaped text: each doubling of the
    # input adds twice what the one before added (offsets gain a digit now and then).
    def size(repeats: int) -> int:
        text = "\n\n".join(["Share", ARTICLE] * repeats)
        return len(render_report(text, strip(text)))

    sizes = [size(n) for n in (100, 200, 400)]
    assert sizes[2] - sizes[1] == pytest.approx(2 * (sizes[1] - sizes[0]), rel=0.03)
    text = "\n\n".join(["Share", ARTICLE] * 400)
    assert sizes[2] < 3 * len(text)


@given(st.text(max_size=300))
def test_any_text_round_trips(text: str) -> None:
    result = strip(text)
    check_report(text, result, render_report(text, result))


# --- file names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, record_id, expected",
    [
        (1, "abc", "00001-abc.html"),
        (1, None, "00001.html"),
        (1, "", "00001.html"),
        (1, "...", "00001.html"),
        (7, 42, "00007-42.html"),
        (3, "a b/c\\d", "00003-a_b_c_d.html"),
        (2, "../../etc/passwd", "00002-etc_passwd.html"),
        (9, ".hidden", "00009-hidden.html"),
        (123456, "x", "123456-x.html"),
        (4, "Ünïcødé", "00004-n_c_d.html"),
    ],
)
def test_report_filename(number: int, record_id: object, expected: str) -> None:
    assert report_filename(number, record_id) == expected


def test_report_filename_truncates_long_ids() -> None:
    name = report_filename(1, "x" * 500)
    assert name == "00001-" + "x" * MAX_ID_CHARS + ".html"


@pytest.mark.parametrize("number", [-1, True, 1.0, "1"])
def test_report_filename_refuses_bad_numbers(number: object) -> None:
    with pytest.raises(ValueError):
        report_filename(number, "a")  # type: ignore[arg-type]


@given(st.one_of(st.none(), st.text(), st.integers(), st.floats()))
def test_report_filename_is_always_safe(record_id: object) -> None:
    name = report_filename(12, record_id)
    assert re.fullmatch(r"00012(-[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)?\.html", name), name
    assert len(name) <= len("00012-.html") + MAX_ID_CHARS


# --- the index page -------------------------------------------------------------------------


def test_index_links_records_and_lists_errors_without_links() -> None:
    entries = [
        IndexEntry("00001-a.html", "a", "Headline <i>one</i>", 5, 7),
        IndexEntry("", "line 2", None, 0, 0, error="not JSON: <b>oops</b> & \"more\""),
        IndexEntry("00003-c&d.html", '<script>alert("c")</script>', None, 0, 3),
        IndexEntry("javascript:alert(1)", "js", None, 1, 1),
    ]
    reader = read(render_index(entries))
    assert reader.tags["script"] == 0 and reader.tags["b"] == 0 and reader.comments == []
    assert [e.attrs["href"] for e in reader.elements if e.tag == "a"] == [
        "00001-a.html",
        "00003-c&d.html",
        "./javascript:alert(1)",
    ]
    rows = [e for e in reader.elements if e.tag == "tr" and e.attrs.get("class") in ("ok", "error")]
    assert [e.attrs["class"] for e in rows] == ["ok", "error", "ok", "ok"]
    assert "Headline <i>one</i>" in rows[0].content
    assert 'not JSON: <b>oops</b> & "more"' in rows[1].content
    assert rows[1].attrs["data-error"] == 'not JSON: <b>oops</b> & "more"'
    assert '<script>alert("c")</script>' in rows[2].content
    assert [(e.attrs.get("data-kept"), e.attrs.get("data-removed")) for e in rows] == [
        ("5", "7"), (None, None), ("0", "3"), ("1", "1")
    ]
    summary = next(e for e in reader.elements if "data-records" in e.attrs)
    assert (summary.attrs["data-records"], summary.attrs["data-errors"]) == ("4", "1")


def test_characters_html_cannot_carry_never_break_a_page() -> None:
    # Lone surrogates (valid in a JSONL record's escapes) cannot be encoded; NUL is dropped.
    odd = "id \ud800\x00 \r\n end"
    index = render_index([IndexEntry("a.html", odd, odd, 1, 1), IndexEntry("", odd, None, 0, 0, error=odd)])
    report = render_report("Share\n", strip("Share\n"), name=odd)
    for page in (index, report):
        page.encode("utf-8")
        assert "\x00" not in page and "\r" not in page
    heading = next(e for e in read(report).elements if e.tag == "title").content
    assert heading == "boilerstrip report: id \ufffd\ufffd \r\n end"


def test_empty_index() -> None:
    reader = read(render_index([]))
    assert [e for e in reader.elements if e.tag == "tr" and e.attrs.get("class")] == []


def test_index_entry_from_result_counts_body_and_removed_blocks() -> None:
    text = "Home\n\nVillage Bridge Closed After Storm\n\nShare\n\n" + ARTICLE
    result = strip(text)
    entry = IndexEntry.from_result("x.html", "x", result)
    assert entry.kept == sum(1 for b in result.blocks if b.category == categories.BODY) == 3
    assert entry.removed == sum(1 for b in result.blocks if b.category not in (categories.BODY, categories.TITLE))
    assert entry.title == result.title and entry.error is None


def test_doctests() -> None:
    failures, tried = doctest.testmod(boilerstrip.report)
    assert tried > 0 and failures == 0


def test_a_block_kept_by_a_switch_shows_as_kept():
    from boilerstrip import Options

    text = "\n".join(
        [
            "Harbour Wall Repaired Before Winter",
            "The harbour wall that cracked in the spring storms has been repaired before the winter tides arrive.",
            "Photo: Jane Doe/Reuters",
            "Engineers replaced two sections of the wall and raised the walkway by half a metre, the council said.",
        ]
    )
    plain = strip(text)
    kept = strip(text, options=Options(keep=frozenset({"caption"})))
    credit = [b for b in kept.blocks if b.category == "caption"]
    assert credit and all(b.kept for b in credit)  # precondition: the switch kept the credit
    assert [b for b in plain.blocks if b.category == "caption"]  # and it is a caption without it
    page = render_report(text, kept)
    start = text.index("Photo:")
    assert f'class="blk cat-caption kept" data-start="{start}"' in page
    assert "cat-caption removed" in render_report(text, plain)
