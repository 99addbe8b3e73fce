"""The HTML front end on pages nested deeper than libxml2 parses (issue 16, item 5).

libxml2 stops at 2048 open elements and drops the rest of the page; the front end
parses such a page again with the excess depth flattened (html/nesting.py).
"""

from __future__ import annotations

import random
from typing import Any

import pytest

etree = pytest.importorskip("lxml.etree")
pytest.importorskip("bs4")

from boilerstrip.html import strip_html  # noqa: E402
from boilerstrip.html.nesting import NESTING_CAP, flatten  # noqa: E402
from boilerstrip.html.page import line_of, parse  # noqa: E402
from boilerstrip.html.render import render  # noqa: E402

PROSE = [
    "The harbour board agreed on Monday to rebuild the old stone pier before the autumn storms arrive.",
    "Work starts in May, and the ferry will use the north quay while the divers repair the foundations.",
    "Fishing boats keep their moorings, the board said, because the new pier follows the line of the old one.",
]


def lines(html: str) -> list[str]:
    r = render(parse(html))
    return [r.text[line.start : line.end] for line in r.lines]


def test_a_paragraph_inside_4000_divs_is_kept() -> None:
    html = "<html><body>" + "<div>" * 4000 + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>" * 4000 + "</body></html>"
    r = strip_html(html)
    assert r.rendered == "\n".join(PROSE)
    assert r.text == "\n".join(PROSE)


def test_text_after_a_too_deep_part_is_kept() -> None:
    html = "<body>" + "<div>" * 2100 + "<p>deep</p>" + "</div>" * 2100 + f"<p>{PROSE[0]}</p></body>"
    assert lines(html) == ["deep", PROSE[0]]


def test_3000_nested_inline_elements_keep_all_their_paragraphs() -> None:
    # <p> does not close a <span>: every paragraph opens two more levels.
    html = "<body>" + "".join(f"<span><p>Paragraph number {i} of the list.</p>" for i in range(3000)) + "</body>"
    assert lines(html) == [f"Paragraph number {i} of the list." for i in range(3000)]


@pytest.mark.parametrize("depth", [3, 3000])
def test_deep_content_is_laid_out_as_shallow_content(depth: int) -> None:
    # Lines break where they would without the limit; inline markup joins as before.
    content = (
        "<section><h2>Repairs</h2><p>The <b>old</b> pier<br>closes</p>"
        "<div>one<div>two</div>three</div><ul><li>first<li>second</ul>tail"
        "<table><tr><td>a</td><td>b</td></tr></table></section>"
    )
    html = "<body>" + "<div>" * depth + content + "</div>" * depth + "<p>after</p></body>"
    assert lines(html) == ["Repairs", "The old pier", "closes", "one", "two", "three", "first", "second", "tail", "a b", "after"]


@pytest.mark.parametrize(
    "hidden",
    ['<div hidden>SECRET<p>SECRET</p></div>', "<svg><text>SECRET</text><g><text>SECRET</text></g></svg>", '<span style="display:none"><b>SECRET</b> SECRET</span>'],
)
def test_hidden_content_beyond_the_cap_stays_hidden(hidden: str) -> None:
    html = "<body>" + "<div>" * 3000 + "<p>before</p>" + hidden + "<p>after</p>" + "</div>" * 3000 + "</body>"
    assert lines(html) == ["before", "after"]


def test_markup_inside_a_deep_script_is_not_counted_as_elements() -> None:
    script = "<script>var s = '" + "<div>" * 3000 + "';</script>"
    html = "<body>" + "<div>" * 3000 + script + "<p>kept</p>" + "</div>" * 3000 + "</body>"
    assert lines(html) == ["kept"]


@pytest.mark.parametrize(
    "shape",
    [
        "<div>" * 100_000 + "<p>{}</p>" + "</div>" * 100_000,
        "<span>" * 100_000 + "{}",
        "<span><div>" * 20_000 + "{}",
        "<table><tr><td>" * 20_000 + "{}",
        "<div>" * 20_000 + "{}" + "</span>" * 20_000 + "</div>" * 20_000,
    ],
    ids=["divs", "open-spans", "span-div", "tables", "stray-end-tags"],
)
def test_100_000_levels_keep_the_text(shape: str) -> None:
    # Must finish (linear time: the flattening is one pass) and keep the text. (The
    # other shapes at 20 000 levels, ten times libxml2's limit, to spare the test time.)
    r = strip_html("<body>" + shape.format(PROSE[0]) + f"<p>{PROSE[1]}</p></body>")
    assert PROSE[0] in r.rendered.split("\n")
    assert r.rendered.split("\n")[-1] == PROSE[1]


def test_sources_of_deep_lines_refer_to_the_page_as_written() -> None:
    # Dropped tags are replaced by their line breaks: source lines and offsets stay right.
    deep = '<div\nclass="level">' * 2500
    html = "<body>\n" + deep + "\n<p>" + PROSE[0] + "</p>\n" + "</div\n>" * 2500 + "<p>" + PROSE[1] + "</p></body>"
    r = strip_html(html)
    assert r.rendered.split("\n") == PROSE[:2]
    first = html.index(PROSE[0])
    source = r.source(0)
    assert source.start == first
    assert source.line == line_of(html, first - len("<p>"))
    second = r.source(1)
    assert second.start == html.index(PROSE[1])
    assert second.line == html.count("\n") + 1


def test_flatten_keeps_at_most_the_cap_open_and_all_text() -> None:
    html = "<div>" * 50 + "text" + "</div>" * 50
    flat = flatten(html, cap=10)
    assert flat.count("text") == 1
    root = parse(flat)
    deepest = max(sum(1 for _ in el.iterancestors()) for el in root.iter())
    assert deepest <= 10 + 2  # the cap, plus <html> and <body> that libxml2 adds
    assert lines(flat) == ["text"]


def test_flatten_leaves_a_page_within_the_cap_as_it_is() -> None:
    html = '<!DOCTYPE html><html><head><title>T</title></head><body><div class="a">x<p>y</div><!-- c --></body></html>'
    assert flatten(html, cap=NESTING_CAP) == html


def test_unclosed_quote_in_a_deep_tag_does_not_lose_the_text_before_it() -> None:
    html = "<body>" + "<div>" * 3000 + f"<p>{PROSE[0]}</p>" + '<a href="x>never closed'
    assert lines(html) == [PROSE[0]]


def test_cli_prints_the_body_of_a_page_nested_4000_deep(monkeypatch: pytest.MonkeyPatch) -> None:
    from cli_harness import run_bytes

    page = "<html><body>" + "<div>" * 4000 + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>" * 4000 + "</body></html>"
    code, out, err = run_bytes(["--html", "-"], page.encode("utf-8"), monkeypatch)
    assert (code, err) == (0, "")
    assert out.decode("utf-8") == "\n".join(PROSE) + "\n"


def test_a_page_still_too_deep_after_flattening_is_an_error_not_a_loss(monkeypatch: pytest.MonkeyPatch) -> None:
    # Should the flattening ever miss, the page is refused rather than cut short.
    from boilerstrip.errors import InputError
    from boilerstrip.html import page

    monkeypatch.setattr(page, "flatten", lambda html, cap: html)
    with pytest.raises(InputError, match="nested too deeply"):
        parse("<body>" + "<div>" * 3000 + "text")


@pytest.mark.parametrize(
    "html",
    [
        # End tags inside a deep hidden element still close what they close.
        "<body>" + "<section>" * 25 + "<div hidden><table><tr><td>SECRET</td></tr></table>SECRET</div><p>after</p>" + "</section>" * 25,
        # </em> cannot close past the <th> above it; flattening closes that <th> early,
        # so the ignored end tag must not reach the output.
        "<body>" + "<div>" * 17 + "<p><em hidden><th>SECRET<section>SECRET</section></em>SECRET</th></em></p><p>after</p>",
        # With the <b> between them dropped, the deep <li> must not close the hidden <li>.
        "<body>" + "<div>" * 17 + "<ul><li hidden><b><li>SECRET</li></b></li></ul><p>after</p>",
    ],
    ids=["end-tags-in-hidden", "blocked-end-tag", "start-tag-at-the-cap"],
)
def test_flattening_keeps_what_is_hidden_hidden(html: str) -> None:
    # Within libxml2's limit the page parses as it is: flattened at 20 levels it must
    # show the same lines.
    assert lines(html) == ["after"]
    assert lines(flatten(html, cap=20)) == ["after"]


def test_self_closing_tags_open_nothing() -> None:
    # libxml2 reads <p/> as an empty <p> (for any element), so the </p> after the spans
    # closes nothing and they pile up 4 000 deep; counted as open, the <p> would hide that.
    html = "<body>" + ("<p/>" + "<span>" * 20 + "number {} </p>") * 200 + "</body>"
    r = strip_html(html.format(*range(200)))
    assert r.rendered == "\n".join(f"number {i}" for i in range(200))  # an empty <p> still ends a line


_SOUP_TAGS = "div span p b i a li ul ol table tr td th tbody h1 h2 section font em form dl dt dd pre center option select br img svg".split()
_SOUP_EXTRAS = [
    '<div class="a>b">', "<!-- <div><div> -->", "<p title='x>'>", '</div foo="bar>">', "<!DOCTYPE html>",
    "<textarea><div></textarea>", "<style>p>a{}</style>", "<script>var a = '<div>';</script>", "a < b",
    "&lt;div&gt;", "<!-->", "</ x>", "<DIV CLASS=x>", "<br/>", "<p/>", "<div/>", '<span class="x"/>', "<hr>",
    "<p hidden/>", "<div\n>", "<xmp><p></xmp>", "<noscript><p>ns</noscript>", "<table hidden>",
]


def _soup(rng: random.Random) -> str:
    parts = ["<body>"]
    for n in range(rng.randint(50, 400)):
        r, tag = rng.random(), rng.choice(_SOUP_TAGS)
        parts.append(
            f"<{tag}>" if r < 0.5 else f"</{tag}>" if r < 0.75 else f"<{tag} hidden>" if r < 0.8 else f"w{n} " if r < 0.92 else rng.choice(_SOUP_EXTRAS)
        )
    return "".join(parts)


def _depth(root: Any) -> int:
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def test_flattened_tag_soup_shows_the_same_words_as_the_page() -> None:
    # Random soups within libxml2's limit, flattened at 20 levels: libxml2 then has at
    # most 20 elements open plus <html>, a deep block element, a leaf inside it and an
    # empty element, and the page shows the same words as when parsed as it is.
    rng = random.Random(16)
    for _ in range(150):
        html = _soup(rng)
        flat = flatten(html, cap=20)
        assert _depth(parse(flat)) <= 24, html
        assert sorted(render(parse(flat)).text.split()) == sorted(render(parse(html)).text.split()), html
