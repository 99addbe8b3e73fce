"""Short lines between two paragraphs of the article (classify.runs.runs_between_prose): a
section heading is kept; a single line the page prints again outside the article (a
teaser headline also listed below the article, a box label, an author's name) is not.
Pages written by hand."""

from __future__ import annotations

from boilerstrip import Options, strip
from boilerstrip import categories as C
from boilerstrip.reasons import PRINTED_ELSEWHERE
from strategies import PLAIN_PARAGRAPHS as PARA

_MENU = ["Village News", "Home", "Politics", "Weather"]
_HEADLINE = "Council Closes The Old Bridge Over The River"
_TEASER = "Harbour Workers Repair Northern Road After Storm"
_HEADING = "A ferry for the school children"
_FOOTER = ["More stories", "© 2024 Village News"]


def _index_labels(lines: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    text = "\n".join(lines)
    result = strip(text, options=Options(language="en"))
    return [(b.category, b.reasons) for b in result.blocks]


def test_section_heading_between_prose_is_kept():
    page = _MENU + PARA[:2] + [_HEADING] + PARA[2:] + _FOOTER
    got = _index_labels(page)
    assert got[len(_MENU) + 2] == (C.BODY, ("text:heading-like", "context:between-prose"))


def test_teaser_printed_again_below_the_article_is_removed():
    page = _MENU + PARA[:2] + [_TEASER] + PARA[2:] + _FOOTER + [_TEASER]
    got = _index_labels(page)
    at = len(_MENU) + 2
    assert got[at] == (C.BOILERPLATE, ("text:heading-like", PRINTED_ELSEWHERE))
    assert [g[0] for g in got[len(_MENU) : at]] == [C.BODY, C.BODY]
    # Printed only once, the same line is the article's (a section heading).
    got = _index_labels(page[:-1])
    assert got[at] == (C.BODY, ("text:heading-like", "context:between-prose"))


def test_label_printed_again_above_the_article_is_removed():
    label = "Further reading"
    page = _MENU + [label, _HEADLINE] + PARA[:2] + [label] + PARA[2:] + _FOOTER
    got = _index_labels(page)
    assert got[len(_MENU) + 1][0] == C.TITLE
    assert got[len(_MENU) + 4] == (C.BOILERPLATE, ("text:heading-like", PRINTED_ELSEWHERE))


def test_list_printed_twice_keeps_its_lines():
    # A list of two or more lines is not a single heading: printed again (a table of
    # contents, ingredients for a print view), its lines stay in the article.
    items = ["The old wooden bridge over the river", "The ferry to the village school"]
    page = _MENU + [_HEADLINE] + PARA[:2] + items + PARA[2:] + _FOOTER + items
    got = _index_labels(page)
    at = len(_MENU) + 3
    assert [g[0] for g in got[at : at + 2]] == [C.BODY, C.BODY]


def test_recall_keeps_a_line_printed_elsewhere():
    page = _MENU + PARA[:2] + [_TEASER] + PARA[2:] + _FOOTER + [_TEASER]
    text = "\n".join(page)
    result = strip(text, options=Options(language="en", preset="recall"))
    block = result.blocks[len(_MENU) + 2]
    assert text[block.start : block.end] == _TEASER
    assert block.kept and block.reasons[-1] == "recall:inside-article"
