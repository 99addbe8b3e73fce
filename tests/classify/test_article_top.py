"""The top of the article: which line is the headline, and the standfirst below it.

Hand-written pages; each test fails when the rule it names is taken out.
"""

from __future__ import annotations

from boilerstrip import categories as C
from boilerstrip.classify import standfirst
from boilerstrip import strip, title
from boilerstrip.lexicon import normalise
from strategies import PLAIN_PARAGRAPHS

PARA = PLAIN_PARAGRAPHS
HEAD = "Village Bridge Closed After Storm"
# A standfirst: one sentence of prose, written for these tests.
STANDFIRST = "The council says the old bridge over the river will stay shut for the rest of the winter."
# A line no rule labels and without any headline evidence, four words long.
TEASER = "Where Walkers Cross Meanwhile"
# Single words no lexicon knows: text, not headline-like, not lead-like.
FILLER = ["Kellsmouth", "Aldbury", "Penrose", "Tallisford", "Wenlock", "Ambridge", "Borchester", "Felpersham"]


def _labels(source: str):
    result = strip(source)
    return result, {source[b.start : b.end]: b for b in result.blocks}


# --- lead_under_headline ---------------------------------------------------------------


def _far_standfirst_page(offset: int, head_first: bool = False) -> str:
    # The headline, *offset* share lines, the standfirst, then more share lines than
    # the standfirst walk passes (MAX_STANDFIRST_GAP), then the article.
    shares = ["Share"] * (standfirst.LIMITS.max_standfirst_gap + 1)
    top = [] if head_first else ["Home"]
    return "\n".join(top + [HEAD] + ["Share"] * offset + [STANDFIRST] + shares + PARA)


def test_standfirst_right_below_a_far_headline_is_kept():
    source = _far_standfirst_page(0)
    result, blocks = _labels(source)
    assert result.title == HEAD
    assert blocks[STANDFIRST].category == C.BODY
    assert blocks[STANDFIRST].reasons[-1] == "context:standfirst"
    assert result.text == "\n".join([STANDFIRST] + PARA)


def test_standfirst_offset_limit():
    n = standfirst.LIMITS.max_lead_offset
    at, _ = _labels(_far_standfirst_page(n))
    assert at.title == HEAD and at.text.startswith(STANDFIRST)
    beyond, blocks = _labels(_far_standfirst_page(n + 1))
    assert beyond.title == HEAD
    assert blocks[STANDFIRST].category != C.BODY
    assert beyond.text == "\n".join(PARA)


def test_no_standfirst_below_the_first_block():
    # The first block is where the <title> line stands; the page's chrome follows it.
    result, blocks = _labels(_far_standfirst_page(0, head_first=True))
    assert result.title == HEAD
    assert blocks[STANDFIRST].category != C.BODY


# --- the page-title line as headline evidence --------------------------------------------


def test_block_that_is_the_title_line_without_its_site_name():
    # The headline itself holds a separator, so the <title> line's longest piece is
    # only part of it; the block is the whole line less the site name.
    head = "Bridge Closed - Village Mourns"
    source = "\n".join([head + " | Gazette", "Home", head] + FILLER[:3] + [TEASER] + PARA)
    assert normalise(title.headline_part(head + " | Gazette")) != normalise(head)  # precondition
    result, _ = _labels(source)
    assert result.title == head


def test_site_name_block_is_not_the_title_line_less_a_site_name():
    line = normalise("Storm Closes The Village Bridge | Kellsmouth Gazette")
    assert title._names_page(normalise("Storm Closes The Village Bridge"), line)
    assert not title._names_page(normalise("Kellsmouth Gazette"), line)
    assert not title._names_page(normalise("Storm Closes The Village Bridge"), "")


def test_page_title_headline_far_above_beats_a_near_line_without_evidence():
    # The headline loses at most PAGE_TITLE_MAX_DISTANCE blocks' worth of score.
    fillers = FILLER[: title.LIMITS.page_title_max_distance + 2]
    distance = len(fillers) + 2
    assert 4 + 1 - title.LIMITS.distance_penalty * distance < 1 - title.LIMITS.distance_penalty  # uncapped, TEASER would win
    source = "\n".join([HEAD + " | Gazette", "Home", HEAD] + fillers + [TEASER] + PARA)
    result, _ = _labels(source)
    assert result.title == HEAD


# --- numbered items are not headlines ---------------------------------------------------


def test_numbered_items_are_not_headlines_nor_distance():
    # A table of contents as inscriptis prints an ordered list; its last item (with a
    # section number after the item number) reads as one headline-like sentence.
    toc = ["1. Closing The Old Road", "2. Bridge Repairs Begin Soon", "3. Detours", "4. 4.1 Where Walkers Cross Meanwhile"]
    result, blocks = _labels("\n".join(["Home", HEAD] + toc + PARA))
    assert result.title == HEAD
    assert all(blocks[t].category != C.TITLE for t in toc)
    assert title._numbered_item("12. Where Walkers Cross")
    assert not title._numbered_item("2022 Was A Good Year")
    assert not title._numbered_item("1.5 Million Visitors Came")
