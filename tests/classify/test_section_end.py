"""Where a "Related" section above the article ends: at a standfirst with the
byline and date between it and the article's first paragraph.

Hand-written pages; each test fails when the rule it names is taken out.
"""

from __future__ import annotations

from boilerstrip import categories as C
from boilerstrip.classify import sections
from boilerstrip import strip
from strategies import PLAIN_PARAGRAPHS

PARA = PLAIN_PARAGRAPHS
HEAD = "Related Articles"
TEASERS = ["Harbour Wall Repaired Before Spring Tides", "School Buses Return To The Valley Road"]
# A standfirst of fewer than MIN_OPENING_PROSE_WORDS words: alone it does not end the section.
STANDFIRST = "The council says the old bridge over the river will stay shut for the rest of the winter."
BYLINE = "By Jane Doe"
RUBRIC = "Valley News"
FOOTER = "\u00a9 2024 Example Media"
DATE = "March 3, 2024"
# Teaser summaries: a paragraph each, then a date and the next teaser's headline.
SUMMARIES = [
    "The wall that the storms of the autumn broke open was closed again by the men of the harbour.",
    "The buses that had to stop at the edge of the town go back to their old route on Monday.",
]


def _blocks(source: str):
    result = strip(source)
    return result, {source[b.start : b.end]: b for b in result.blocks}


def test_standfirst_words_below_opening_threshold():
    # The page below relies on the byline, not on the opening-paragraph length.
    assert len(STANDFIRST.split()) < sections.LIMITS.min_opening_prose_words


def test_byline_between_standfirst_and_first_paragraph_ends_the_section():
    source = "\n".join(["Home", HEAD] + TEASERS + [STANDFIRST, BYLINE] + PARA)
    result, blocks = _blocks(source)
    assert blocks[BYLINE].category == C.BYLINE
    assert blocks[STANDFIRST].category == C.BODY
    assert not any(r.startswith("section:") for r in blocks[STANDFIRST].reasons)
    assert result.text == "\n".join([STANDFIRST] + PARA)
    for t in TEASERS:
        assert not blocks[t].kept


def test_dateline_between_standfirst_and_first_paragraph_ends_the_section():
    source = "\n".join(["Home", HEAD] + TEASERS + [STANDFIRST, DATE] + PARA)
    result, blocks = _blocks(source)
    assert blocks[DATE].category == C.BYLINE
    assert blocks[STANDFIRST].category == C.BODY
    assert result.text == "\n".join([STANDFIRST] + PARA)


def test_teaser_dates_followed_by_headlines_do_not_end_the_section():
    # Teaser cards under the article: headline, summary, date, next headline. (A
    # rubric line first: one headline and a paragraph under the heading would be
    # an in-article promo box instead.)
    cards = []
    for head, summary in zip(TEASERS, SUMMARIES):
        cards += [head, summary, DATE]
    source = "\n".join(PARA + [HEAD, RUBRIC] + cards)
    result, blocks = _blocks(source)
    assert result.text == "\n".join(PARA)
    for s in SUMMARIES:
        assert blocks[s].category == C.RELATED


def test_byline_followed_by_a_headline_does_not_end_the_section():
    source = "\n".join(PARA + [HEAD, RUBRIC, TEASERS[0], SUMMARIES[0], BYLINE, TEASERS[1], SUMMARIES[1], BYLINE])
    result, blocks = _blocks(source)
    assert blocks[SUMMARIES[0]].category == C.RELATED
    assert result.text == "\n".join(PARA)


def test_comments_under_bylines_do_not_end_the_section():
    # A comment thread the section ran into: a byline above every comment.
    source = "\n".join(PARA + [HEAD, RUBRIC, TEASERS[0], DATE, SUMMARIES[0], DATE, SUMMARIES[1], FOOTER])
    result, blocks = _blocks(source)
    assert blocks[SUMMARIES[0]].category == C.RELATED
    assert result.text == "\n".join(PARA)


def test_paragraph_with_a_byline_below_it_is_a_comment():
    # Comments with the byline under each: the paragraph after the first byline
    # has the next byline below it.
    source = "\n".join(PARA + [HEAD, RUBRIC, TEASERS[0], SUMMARIES[0], BYLINE, SUMMARIES[1], BYLINE])
    result, blocks = _blocks(source)
    assert blocks[SUMMARIES[0]].category == C.RELATED
    assert result.text == "\n".join(PARA)
