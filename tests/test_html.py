"""The HTML front end: rendering rules, DOM evidence, provenance, decoding, CLI, golden pages."""

from __future__ import annotations

import codecs
import json
import pathlib
import re
import sys

import pytest

pytest.importorskip("lxml")
pytest.importorskip("bs4")

from boilerstrip import categories as C  # noqa: E402
from boilerstrip import PageEvidence, strip  # noqa: E402
from cli_harness import run_bytes  # noqa: E402
from boilerstrip.html import MissingExtraError, strip_html  # noqa: E402
from boilerstrip.html.decode import decode_html  # noqa: E402
from boilerstrip.html.page import parse  # noqa: E402
from boilerstrip.html.render import render  # noqa: E402
from boilerstrip.segment import segment  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "html").glob("*.html"))

PROSE = [
    "Residents voted on Tuesday to bring back the ferry line that linked the town with the islands for decades.",
    "The plan passed with a clear majority, and two electric boats will cross the sound eight times every day.",
    "The regional government has agreed to pay half of the costs for the new pier, provided the service runs all year.",
]


def lines(html: str) -> list[str]:
    r = render(parse(html))
    return [r.text[line.start : line.end] for line in r.lines]


# --- Rendering rules ---------------------------------------------------------------


def test_block_elements_break_lines_and_inline_elements_join() -> None:
    assert lines("<div>one<p>two <b>bold</b><i>it</i></p>three</div><span>four</span>") == ["one", "two boldit", "three", "four"]


def test_a_table_row_is_one_line_with_its_cells_a_space_apart() -> None:
    table = "<table><tr><th>Model</th><th>Grade</th></tr><tr><td>Alpha <b>2</b></td><td>good</td><td></td></tr></table>"
    assert lines(table + "<p>after</p>") == ["Model Grade", "Alpha 2 good", "after"]


def test_block_elements_in_a_cell_still_break_lines() -> None:
    assert lines("<table><tr><td>a<p>b</p>c</td><td>d</td></tr></table>") == ["a", "b", "c d"]


def test_br_breaks_a_line() -> None:
    assert lines("<p>first<br>second<br/><br>third</p>") == ["first", "second", "third"]


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var a = 'SECRET';</script>",
        "<style>p { color: red } /* SECRET */</style>",
        "<template><p>SECRET</p></template>",
        "<p hidden>SECRET</p>",
        '<p style="display: none">SECRET</p>',
        '<p style="color:red;VISIBILITY:hidden">SECRET</p>',
        '<span aria-hidden="true">SECRET</span>',
    ],
)
def test_invisible_content_is_dropped(hidden: str) -> None:
    rendered = render(parse(f"<body><p>before</p>{hidden}<p>after</p></body>")).text
    assert "SECRET" not in rendered
    assert rendered == "before\nafter"


def test_noscript_text_is_rendered_as_boilerplate() -> None:
    r = strip_html(f"<body><article><p>{PROSE[0]}</p><noscript><p>Please enable JavaScript.</p></noscript><p>{PROSE[1]}</p></article></body>")
    assert r.rendered.split("\n")[1] == "Please enable JavaScript."
    assert r.hints[1] == (C.BOILERPLATE, "dom:noscript")
    assert r.text == f"{PROSE[0]}\n{PROSE[1]}"


def test_noscript_holding_the_article_is_not_boilerplate() -> None:
    # A no-JavaScript fallback copy of the whole page: the wrapper rule drops its hint.
    paras = "".join(f"<p>{p} {p}</p>" for p in PROSE)
    r = strip_html(f"<body><div id='app'></div><noscript><h1>Ferry line returns</h1>{paras}</noscript></body>")
    assert set(r.hints) == {None}
    assert r.text.count("Residents voted") == 2


def test_alt_text_is_not_body_text() -> None:
    assert lines('<p>A photo <img src="x.jpg" alt="ALT TEXT"> here</p>') == ["A photo here"]


def test_white_space_collapses_but_nbsp_stays() -> None:
    assert lines("<p>  a \t\n  b\r\n c\u00a0\u00a0d  </p>") == ["a b c\u00a0\u00a0d"]


def test_pre_keeps_its_lines() -> None:
    assert lines("<pre>line  one\n\n  line two\n</pre>") == ["line  one", "line two"]


def test_title_is_the_first_line() -> None:
    assert lines("<html><head><title> Page  title </title></head><body><p>text</p></body></html>") == ["Page title", "text"]


def test_lines_are_exactly_the_blocks() -> None:
    html = "<div> a <p>b\u2028c</p>\u00a0<br>\u00a0 d\ufeff </div><pre>\r\n x \r y</pre>"
    r = render(parse(html))
    assert segment(r.text) == [(line.start, line.end) for line in r.lines]


def test_deep_nesting_renders_without_error() -> None:
    depth = 100_000
    html = "<p>before</p>" + "<div>" * depth + "deep text" + "</div>" * depth
    # libxml2 stops parsing past 2048 levels (docs/html.md, limits): no error, the text before stays.
    assert strip_html(html).rendered.startswith("before")


def test_nesting_within_the_parser_limit_renders() -> None:
    depth = 2_000
    html = "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p>"
    assert strip_html(html).rendered == "deep text\nafter"


def test_big_page_renders() -> None:
    para = "<div class='c'><p>" + PROSE[0] + " <a href='/x'>link</a></p></div>\n"
    html = "<html><body>" + para * 20_000 + "</body></html>"  # about 3 MB
    r = strip_html(html)
    assert len(r.result.blocks) == 20_000


def test_empty_and_blank_input() -> None:
    for html in ("", "   ", "<html></html>", b""):
        r = strip_html(html)
        assert r.text == "" and r.result.blocks == ()


def test_not_html_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        strip_html(42)  # type: ignore[arg-type]


# --- Evidence -------------------------------------------------------------------------

PAGE = (
    "<html><body>"
    "<nav><ul><li><a href='/'>Start</a></li><li><a href='/w'>World affairs</a></li><li><a href='/e'>Economy</a></li></ul></nav>"
    "<article><h1>Harbour town votes to restore its old ferry line</h1>"
    f"<p>{PROSE[0]}</p><div class='share-buttons'><a href='#'>Post it</a> <a href='#'>Mail it</a></div>"
    f"<p>{PROSE[1]}</p><p>{PROSE[2]}</p>"
    "<figure><img src='a.jpg' alt='x'><figcaption>The pier at dawn</figcaption></figure>"
    "</article><aside><p>Island school reopens after storm repairs in spring</p></aside>"
    "<div id='comments'><p>Great article, thanks for writing it up so well.</p></div>"
    "</body></html>"
)


def _category(result, text: str) -> str:
    for b in result.result.blocks:
        if result.rendered[b.start : b.end] == text:
            return b.category
    raise AssertionError(f"no block {text!r}")


@pytest.mark.parametrize(
    "text, category, reason",
    [
        ("World affairs", C.NAVIGATION, "dom:nav"),
        ("Post it Mail it", C.SHARE, "dom:class:share"),
        ("The pier at dawn", C.CAPTION, "dom:figcaption"),
        ("Island school reopens after storm repairs in spring", C.RELATED, "dom:aside"),
        ("Great article, thanks for writing it up so well.", C.COMMENTS, "dom:class:comments"),
    ],
)
def test_dom_evidence_labels_blocks(text: str, category: str, reason: str) -> None:
    r = strip_html(PAGE)
    assert _category(r, text) == category
    i = [r.rendered[b.start : b.end] for b in r.result.blocks].index(text)
    assert r.hints[i] == (category, reason)
    assert r.text == "\n".join(PROSE)
    assert r.title == "Harbour town votes to restore its old ferry line"


def test_structured_title_is_the_fallback() -> None:
    html = (
        '<html><head><meta property="og:title" content="From og"></head><body>'
        f"<p>{PROSE[0]}</p></body></html>"
    )
    r = strip_html(html)
    assert r.result.title is None and r.title == "From og"


def test_ld_headline_character_references_are_decoded() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "&#8216;Wild Rose&#8217; &amp; more"})
    html = f'<html><head><script type="application/ld+json">{ld}</script></head><body><p>{PROSE[0]}</p></body></html>'
    r = strip_html(html)
    assert r.result.title is None and r.title == "\u2018Wild Rose\u2019 & more"


def test_ld_article_body_marks_blocks() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "H", "articleBody": " ".join(PROSE)})
    html = f'<html><head><script type="application/ld+json">{ld}</script></head><body><p>{PROSE[0]}</p></body></html>'
    r = strip_html(html)
    assert r.hints[0] == (C.BODY, "dom:ld-articlebody")
    assert "dom:ld-articlebody" in r.result.blocks[0].reasons


@pytest.mark.parametrize(
    "written",
    [
        "Residents voted on Tuesday&nbsp;to bring back the ferry line that linked the town with the islands for decades.",
        "Residents voted on <a href='/t'>Tuesday</a> to bring back the ferry line that linked the town with the islands for decades .",
        "Residents voted on Tuesday to bring back the ferry line that linked the town with the islands for decades.",
    ],
    ids=["character-reference", "tags-and-space-before-stop", "plain"],
)
def test_ld_article_body_matches_through_references_tags_and_spaces(written: str) -> None:
    ld = json.dumps({"@type": "NewsArticle", "articleBody": written + " More text follows."})
    page = f'<html><head><script type="application/ld+json">{ld}</script></head><body><p>{PROSE[0]}</p></body></html>'
    assert strip_html(page).hints[0] == (C.BODY, "dom:ld-articlebody")


def test_ld_article_body_match_folds_quotes_only() -> None:
    from boilerstrip.html.structured import Structured, match_key

    body = "He said \u201cthe pier opens in May\u201d and the ferry runs all year from the old harbour."
    ld = Structured(article_body=body, article_body_key=match_key(body))
    assert ld.in_article_body('He said "the pier opens in May" and the ferry runs')
    assert not ld.in_article_body("He said the pier opens in June and the ferry runs")
    assert not Structured().in_article_body("anything at all")


def test_wrapper_with_clutter_class_does_not_remove_the_article() -> None:
    paragraphs = [f"{p} {p}" for p in PROSE]  # article-length paragraphs (page.LONG_LINE_CHARS)
    html = "<body><div class='ads-wrapper'>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></body>"
    assert strip_html(html).text == "\n".join(paragraphs)


def test_hints_none_changes_nothing() -> None:
    text = "Home\n\n" + "\n".join(PROSE) + "\nShare"
    assert strip(text, evidence=PageEvidence(hints=None)) == strip(text)


def test_hints_must_match_blocks() -> None:
    with pytest.raises(ValueError):
        strip("one\ntwo", evidence=PageEvidence(hints=[None]))


# --- Provenance -----------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_provenance_both_ways(path: pathlib.Path) -> None:
    r = strip_html(path.read_bytes())
    tree = parse(r.html).getroottree()
    assert len(r.sources) == len(r.result.blocks) > 0
    for block, source in zip(r.result.blocks, r.sources):
        text = r.rendered[block.start : block.end]
        assert text and text == text.strip() and "\n" not in text
        first_word = text.split()[0].strip(".,:;!?\"'()«»“”")
        found = tree.xpath(source.xpath)
        assert len(found) == 1
        assert first_word in " ".join("".join(found[0].itertext()).split()) or found[0].tag == "html"
        assert source.line is None or source.line >= 1
        word = re.search(r"\w+", text)
        if source.start is not None and word is not None:
            assert r.html[source.start : source.start + len(word.group())] == word.group()
    assert sum(s.start is not None for s in r.sources) >= 0.9 * len(r.sources)


def test_sources_are_worked_out_only_when_asked_for() -> None:
    r = strip_html(PAGE)
    assert r.text and "sources" not in r.__dict__  # .text alone needs no provenance
    kept = [i for i, b in enumerate(r.result.blocks) if b.kept]
    assert 0 < len(kept) < len(r.result.blocks)
    # --json needs the kept blocks' sources only, and they are those of the full list.
    assert r.summary_dict()["sources"] == [r.sources[i].to_dict() for i in kept]
    assert [r.source(i) for i in range(len(r.result.blocks))] == list(r.sources)


def test_to_dict_is_json_and_documents_offsets() -> None:
    r = strip_html(PAGE)
    d = json.loads(json.dumps(r.to_dict()))
    assert d["html"]["rendered"] == r.rendered
    assert len(d["html"]["sources"]) == len(d["blocks"])
    assert "code points" in d["html"]["offsets"]


# --- Decoding ---------------------------------------------------------------------------


def test_bom_wins() -> None:
    assert decode_html(codecs.BOM_UTF8 + '<meta charset="windows-1252">é'.encode()) == ('<meta charset="windows-1252">é', "utf-8")
    assert decode_html(codecs.BOM_UTF16_LE + "<p>é</p>".encode("utf-16-le"))[0] == "<p>é</p>"


def test_meta_charset_windows_1252() -> None:
    data = '<html><head><meta charset="windows-1252"></head><body><p>Café “quoted”</p></body></html>'.encode("cp1252")
    assert decode_html(data)[1] == "cp1252"
    assert "Café “quoted”" in strip_html(data).rendered


def test_http_equiv_latin1_reads_as_windows_1252() -> None:
    data = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93q\x94 caf\xe9</p>'
    assert decode_html(data)[0].endswith("<p>“q” café</p>")


def test_no_declaration() -> None:
    assert decode_html("<p>Grüße</p>".encode("utf-8")) == ("<p>Grüße</p>", "utf-8")
    text, encoding = decode_html(("<p>" + "Les élèves étaient déjà là, à côté du château. " * 20 + "</p>").encode("cp1252"))
    assert "élèves" in text and encoding != "utf-8"


# --- Missing extra ----------------------------------------------------------------------


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'boilerstrip\[html\]'") as info:
        strip_html("<p>x</p>")
    assert isinstance(info.value, ImportError)


# --- CLI ----------------------------------------------------------------------------------


def run(argv: list[str], stdin: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    code, out, err = run_bytes(argv, stdin, monkeypatch)
    return code, out.decode("utf-8"), err


def test_cli_html_file(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "samples" / "html" / "en_news_nav_share_related.html"
    code, out, err = run(["--html", str(path)], b"", monkeypatch)
    assert code == 0 and err == ""
    assert out == path.with_suffix(".body.txt").read_text(encoding="utf-8")


def test_cli_html_stdin_json(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["--html", "--json"], PAGE.encode("utf-8"), monkeypatch)
    d = json.loads(out)
    assert code == 0 and d["text"] == "\n".join(PROSE)
    assert len(d["sources"]) == len(d["spans"]) == 3
    assert d["sources"][0]["xpath"].startswith("/html/body/article/p")


def test_cli_jsonl_html(monkeypatch: pytest.MonkeyPatch) -> None:
    records = [{"id": "a", "html": PAGE}, {"id": "b"}, {"id": "c", "html": "<p>hi</p>"}]
    stdin = ("\n".join(json.dumps(r) for r in records[:2]) + "\n\n" + json.dumps(records[2]) + "\n").encode()
    code, out, _ = run(["--jsonl", "--html"], stdin, monkeypatch)
    rows = out.split("\n")
    assert code == 0
    first = json.loads(rows[0])
    assert first["id"] == "a" and first["text"] == "\n".join(PROSE) and "html" not in first
    assert first["spans"] and first["sources"]
    assert json.loads(rows[1]) == {"error": 'no "html" string field', "line": 2, "id": "b"}
    assert rows[2] == "" and json.loads(rows[3])["id"] == "c"


def test_cli_missing_extra_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    code, out, err = run(["--html"], b"<p>x</p>", monkeypatch)
    assert code == 1 and out == ""
    assert err.startswith("boilerstrip: ") and err.count("\n") == 1 and "boilerstrip[html]" in err


def test_cli_jsonl_html_in_parallel_and_with_reports(monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    records = [{"id": f"p{i}", "html": PAGE} for i in range(3)] + [{"id": "bad", "html": 7}]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code, one, _ = run(["--jsonl", "--html", str(path)], b"", monkeypatch)
    assert code == 0
    code, two, _ = run(["--jsonl", "--html", "--jobs", "2", "--report-dir", str(tmp_path / "rep"), str(path)], b"", monkeypatch)
    assert code == 0 and two == one
    assert json.loads(one.split("\n")[3]) == {"error": '"html" is not a string', "line": 4, "id": "bad"}
    pages = sorted(p.name for p in (tmp_path / "rep").iterdir())
    assert pages == ["00001-p0.html", "00002-p1.html", "00003-p2.html", "index.html"]
    # The report shows the rendered page (what the offsets refer to), escaped.
    report = (tmp_path / "rep" / "00001-p0.html").read_text(encoding="utf-8")
    assert PROSE[0].split()[0] in report and "&lt;nav" not in report  # not the raw HTML, escaped


def test_cli_html_report_and_explain(monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    code, out, _ = run(["--html", "--explain", "--report", str(tmp_path / "r.html")], PAGE.encode(), monkeypatch)
    assert code == 0 and PROSE[0][:30] in out
    assert PROSE[0].split()[0] in (tmp_path / "r.html").read_text(encoding="utf-8")


# --- Golden pages ------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_golden_body(path: pathlib.Path) -> None:
    expected = path.with_suffix(".body.txt").read_text(encoding="utf-8").rstrip("\n")
    assert strip_html(path.read_bytes()).text == expected


def test_text_mode_agrees_on_the_rendered_text() -> None:
    # The blog page needs no DOM evidence: strip() on its rendering finds the same body.
    r = strip_html((ROOT / "samples" / "html" / "de_blog_sidebar_comments.html").read_bytes())
    assert strip(r.rendered).text == r.text


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_xpath_is_lxmls(path: pathlib.Path) -> None:
    r = render(parse(path.read_bytes().decode("utf-8", "replace")))
    for line in r.lines:
        assert line.xpath == line.element.getroottree().getpath(line.element)


# --- Rendering fast paths (each must give what the plain rule gives) -------------------


@pytest.mark.parametrize(
    "value",
    ["share-buttons socialShare", "XMLHttpRequest", "a1B2c", "ABC-def_Ghi", "post-12345", "", "  ", "café-Share", "İd nav", "menu-item_2", "a--b__c", "-x-", "a b", "a\tb-c", "x:y-z", "123-abc", "--"],
)
def test_tokens_fast_path_equals_the_split_rule(value: str) -> None:
    from boilerstrip.html.evidence import _HUMP, _SPLIT, tokens

    assert tokens(value) == [t for t in _SPLIT.split(_HUMP.sub(r"\1 \2", value).lower()) if t]


def test_text_after_a_comment_is_rendered() -> None:
    from lxml import etree

    root = etree.fromstring("<html><body><p>one <!-- note -->two<?pi x?> three</p></body></html>", etree.HTMLParser())
    assert sum(not isinstance(e.tag, str) for e in root.iter()) == 2  # the comment and the PI are in the tree
    r = render(root)
    assert r.text == "one two three"


def test_line_starts_count_newlines_only() -> None:
    from boilerstrip.html.page import line_of

    html = "a\r\nb\u2028c\nd"
    assert [line_of(html, i) for i in range(len(html))] == [1, 1, 1, 2, 2, 2, 2, 3]


def test_xpaths_on_a_wide_page_are_lxmls() -> None:
    html = "<body>" + "<p>x</p><div>y<span>z</span></div>" * 300 + "<p>last</p></body>"
    r = render(parse(html))
    assert len(r.lines) == 601
    for line in r.lines:
        assert line.xpath == line.element.getroottree().getpath(line.element)


def test_plain_inline_elements_keep_the_hint_of_their_block() -> None:
    r = strip_html('<div class="share-box"><p>Share <b>this</b> <i><span>story</span></i></p></div><p>' + PROSE[0] + "</p>")
    assert r.hints[0] == (C.SHARE, "dom:class:share")


def test_other_space_is_what_str_split_splits_at_besides_css_white_space() -> None:
    from boilerstrip.html.render import OTHER_SPACE

    split_at = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}
    assert set(OTHER_SPACE) == split_at - set(" \t\n\r\f")


def test_white_space_but_the_space_is_not_printable() -> None:
    # _collapse takes a printable line without "  " as collapsed already.
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable() and c != " "]


@pytest.mark.parametrize(
    "text", ["", " ", "a  b\n\tc ", "\xa0a \xa0 b\xa0", "x\x0by  z", "\u3000 y", "a\r\n\fb", " plain text ", "caf\xe9  x", "é\x1fz"]
)
def test_collapse_fast_path_equals_the_regex(text: str) -> None:
    from boilerstrip.html.render import _WHITE, _collapse

    assert _collapse(text) == _WHITE.sub(" ", text).strip()


# --- Markup that marks the article body outranks text-only context -----------------------

_PARAS = [
    "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
    "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    "Work on the first lane starts in March and the council expects the whole network to be finished by autumn.",
]


def _article(inner: str) -> str:
    return (
        "<html><head><title>Cycle lanes approved</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div itemprop='articleBody'>{inner}</div>"
        "<footer>Contact us</footer></body></html>"
    )


def _category_of(result, text: str) -> str:
    [block] = [b for b in result.result.blocks if result.rendered[b.start : b.end] == text]
    return block.category


def test_a_marked_body_line_without_prose_around_is_kept() -> None:
    # Text only, a short line between a list and the end has no prose on either side;
    # inside itemprop=articleBody the markup says it is article text.
    inner = f"<p>{_PARAS[0]}</p><p>{_PARAS[1]}</p><p>{_PARAS[2]}</p><ul><li>Phase one</li><li>Phase two</li></ul><p>Timetable</p><p>{_PARAS[0]}</p>"
    result = strip_html(_article(inner))
    assert _category_of(result, "Timetable") == C.BODY
    assert "Timetable" in result.text


def test_a_marked_body_paragraph_is_not_taken_into_a_related_section() -> None:
    teaser = "Shop owners in the old town say the loss of parking will cost them customers and want the council to"
    lines = [_PARAS[0], _PARAS[1], _PARAS[2], "Related articles", "Parking rules under review", teaser]
    # Text only, the heading opens a related section: a teaser headline and a cut-off teaser.
    plain = strip("\n".join(["Cycle lanes approved", *lines]))
    assert [b.category for b in plain.blocks][-1] == C.RELATED
    # Inside itemprop=articleBody the markup outranks the heading: no related section.
    result = strip_html(_article("".join(f"<p>{line}</p>" for line in lines)))
    [block] = [b for b in result.result.blocks if result.rendered[b.start : b.end] == teaser]
    assert block.category != C.RELATED and block.reasons[-1] == "dom:articlebody"


def _main_page(article_paras: list[str], teasers: list[str]) -> str:
    return (
        "<html><body><nav><a href='/'>Home</a></nav><main>"
        + "<article>" + "".join(f"<p>{p}</p>" for p in article_paras) + "</article>"
        + "".join(f"<div class='teaser'><p>{t}</p></div>" for t in teasers)
        + "</main></body></html>"
    )


_TEASER = (
    "A long teaser about another story in the same section of the site, with enough words to be "
    "prose: the harbour festival returns next summer with boats, music and food stalls."
)


#: Paragraphs of 150+ characters (the long lines the share is measured on).
_LONG = [f"{_PARAS[0]} {_PARAS[1]}", f"{_PARAS[1]} {_PARAS[2]}", f"{_PARAS[2]} {_PARAS[0]}"]


def test_main_holding_the_article_marks_only_the_article() -> None:
    # <main> holds the article and a teaser: only the <article> inside it is marked body.
    r = strip_html(_main_page(_LONG, [_TEASER]))
    hints = {r.rendered[b.start : b.end]: h for b, h in zip(r.result.blocks, r.hints)}
    assert hints[_LONG[0]] == (C.BODY, "dom:articlebody")
    assert hints[_TEASER] is None


def test_main_with_a_small_article_card_still_marks_the_rest() -> None:
    # The <article> is a teaser card shorter than the prose beside it: <main> keeps marking.
    r = strip_html(_main_page([_TEASER], _LONG))
    hints = {r.rendered[b.start : b.end]: h for b, h in zip(r.result.blocks, r.hints)}
    assert hints[_LONG[0]] == (C.BODY, "dom:articlebody") == hints[_TEASER]


def test_an_article_body_mark_is_stronger_than_main() -> None:
    from boilerstrip.html.render import render as render_page

    html = f"<main><p>{_TEASER}</p><article><div itemprop='articleBody'><p>{_PARAS[0]}</p></div></article></main>"
    assert [line.in_body for line in render_page(parse(html)).lines] == [1, 3]


def test_a_page_of_comment_posts_keeps_them() -> None:
    # A forum thread: every post sits in its own "comment" element, so no single element
    # wraps the prose, but the comments category holds all of it: the page is the thread.
    posts = "".join(f"<div class='comment'><p>{p} {p}</p></div>" for p in PROSE)
    r = strip_html(f"<body><nav><a href='/'>Forum</a></nav><h1>Ferry line</h1>{posts}</body>")
    assert all(h is None or h[0] != C.COMMENTS for h in r.hints)
    assert PROSE[2] in r.text


def test_comments_below_an_article_stay_comments() -> None:
    # The same posts under an article of about as much prose: the comments are clutter.
    article = "".join(f"<p>{p} {p}</p>" for p in PROSE)
    posts = "".join(f"<div class='comment'><p>{p} {p}</p></div>" for p in PROSE)
    r = strip_html(f"<body><article>{article}</article>{posts}</body>")
    assert r.hints[-1] == (C.COMMENTS, "dom:class:comment")


# --- Link teasers, split article bodies and captions inside the marked body ---------------

_LATE = "The mayor said the council would review the plan after one year and publish the results online."
_ARCHIVE_LINKS = "<ul>" + "".join(f"<li><a href='/s{i}'>Story number {i} from the archive</a></li>" for i in range(1, 13)) + "</ul>"


def test_a_link_teaser_inside_the_marked_body_is_not_article_text() -> None:
    # Pages put "read next" links inside the article body element; a line that is all
    # link text is not marked body, so it is judged as text: a headline after the article.
    teaser = "Why the harbour festival will return next summer with boats, music and food stalls for everyone"
    result = strip_html(_article("".join(f"<p>{p}</p>" for p in _PARAS) + f"<p><a href='/x'>{teaser}</a></p>"))
    hints = {result.rendered[b.start : b.end]: h for b, h in zip(result.result.blocks, result.hints)}
    assert hints[_PARAS[0]] == (C.BODY, "dom:articlebody")
    assert hints[teaser] is None
    assert teaser not in result.text


def test_marked_body_prose_after_a_link_list_is_kept() -> None:
    # A list of links splits the article body; the paragraph after it is outside the
    # densest run of prose, but the markup says it is article text.
    result = strip_html(_article("".join(f"<p>{p}</p>" for p in _PARAS) + _ARCHIVE_LINKS + f"<p>{_LATE}</p>"))
    assert _category_of(result, _LATE) == C.BODY
    assert "Story number 3 from the archive" not in result.text
    assert result.text.endswith(_LATE)


def test_unmarked_prose_after_a_link_list_is_not_kept() -> None:
    # The same paragraph outside the article body element: nothing vouches for it.
    html = _article("".join(f"<p>{p}</p>" for p in _PARAS) + _ARCHIVE_LINKS).replace("<footer>", f"<p>{_LATE}</p><footer>")
    result = strip_html(html)
    assert _category_of(result, _LATE) != C.BODY
    assert _LATE not in result.text


_CAPTION_LIKE = "The new lane on Harbour Street opened on Monday."
_CREDIT = "Photo: Jane Doe/Reuters"


def test_a_sentence_above_a_credit_is_a_caption_in_text_mode() -> None:
    plain = strip("\n".join([_PARAS[0], _CAPTION_LIKE, _CREDIT, _PARAS[1], _PARAS[2]]))
    assert [b.category for b in plain.blocks][1] == C.CAPTION


def test_a_marked_body_paragraph_above_a_credit_stays_article_text() -> None:
    # The caption guess comes only from the credit below; the markup knows captions
    # (figcaption, class="caption") and says this is a paragraph of the article body.
    inner = f"<p>{_PARAS[0]}</p><p>{_CAPTION_LIKE}</p><p>{_CREDIT}</p><p>{_PARAS[1]}</p><p>{_PARAS[2]}</p>"
    result = strip_html(_article(inner))
    assert _category_of(result, _CAPTION_LIKE) == C.BODY
    assert _category_of(result, _CREDIT) == C.CAPTION


def test_a_figcaption_above_a_credit_stays_a_caption() -> None:
    inner = f"<p>{_PARAS[0]}</p><figure><figcaption>{_CAPTION_LIKE}</figcaption></figure><p>{_CREDIT}</p><p>{_PARAS[1]}</p><p>{_PARAS[2]}</p>"
    result = strip_html(_article(inner))
    assert _category_of(result, _CAPTION_LIKE) == C.CAPTION


def test_the_metadata_headline_is_the_title_wherever_it_stands_above_the_article() -> None:
    # Seven ingredient lines stand between the <h1> and the article: too far for the
    # text evidence, which would take the line next to the article. og:title names it.
    ingredients = "".join(f"<li>{n} grams of ingredient number {n}</li>" for n in range(1, 8))
    html = (
        "<html><head><title>Snow White cake recipe | TASTY</title>"
        '<meta property="og:title" content="Snow White cake with marshmallows | TASTY"></head><body>'
        f"<h1>Snow White cake with marshmallows</h1><ul>{ingredients}</ul><h2>Preparation time two hours</h2>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
        + "</body></html>"
    )
    r = strip_html(html)
    assert r.result.title == "Snow White cake with marshmallows"
    # Without the metadata the line next to the article is taken.
    plain = strip_html(html.replace('<meta property="og:title" content="Snow White cake with marshmallows | TASTY">', ""))
    assert plain.result.title == "Preparation time two hours"


def test_recipe_ingredients_and_steps_from_json_ld_mark_blocks() -> None:
    steps = [
        "Mix the flour, the sugar and the butter in a large bowl until the dough is smooth and even.",
        "Bake the cake in the preheated oven for forty minutes, then leave it to cool on a rack.",
    ]
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "Recipe",
            "name": "Plain cake",
            "recipeIngredient": ["250 g flour", "100 g sugar", "1 pinch of salt"],
            "recipeInstructions": [{"@type": "HowToStep", "text": steps[0]}, {"@type": "HowToStep", "text": steps[1]}],
        }
    )
    html = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        "<nav><a href='/'>Recipes</a></nav><h1>Plain cake</h1>"
        "<ul><li>250&nbsp;g flour</li><li>100 g sugar</li><li>1 pinch of salt</li><li>Print this list</li></ul>"
        + "".join(f"<p>{s}</p>" for s in steps)
        + "</body></html>"
    )
    r = strip_html(html)
    hints = {r.rendered[b.start : b.end]: h for b, h in zip(r.result.blocks, r.hints)}
    assert hints["250\u00a0g flour"] == (C.BODY, "dom:ld-recipe")  # compared without white space
    assert hints["1 pinch of salt"] == (C.BODY, "dom:ld-recipe")
    assert hints[steps[1]] == (C.BODY, "dom:ld-recipe")
    assert hints["Print this list"] is None
    assert "100 g sugar" in r.text and steps[0] in r.text
