"""Sections (classify/sections.py): a "Related" or "Comments" heading opens a section
that runs until article prose resumes."""

from __future__ import annotations

import pytest

from boilerstrip import features, lexicon, strip
from boilerstrip import categories as C
from boilerstrip.classify import label as L, sections, text_classes
from blocks import EMPTY, PARA, measure, block, min_stop, blocks_of, SECTION_MATCHER, CUT, with_phrase
from pages import new_label


def test_min_words_before_comments(phrases):
    phrases(SECTION_MATCHER, CUT)
    n = sections.LIMITS.min_words_before_comments
    for words, expected in ((n, C.COMMENTS), (n - 1, C.RELATED)):
        prose = block(words, min_stop(words, 0.4))
        got = blocks_of("\n".join([prose, "Leave a Reply", "Jane Doe"]))
        assert got[0][1] == C.BODY
        assert got[1][1:] == (expected, (f"section-start:{expected}",)), words
        assert got[2][1] == expected
        assert got[2][2][-1] == f"section:{expected}:leave a reply"


def test_section_marker_heading_max_words(phrases):
    phrases(EMPTY, CUT)
    n = text_classes.LIMITS.heading_max_words
    teasers = ["Harbour Workers Repair Northern Road", "School Opens Early After Storm"]
    at = with_phrase("prefix", "more from", n)
    got = blocks_of("\n".join(PARA + [at] + teasers))
    assert got[len(PARA)][1:] == (C.RELATED, ("section-start:related",))
    assert [g[1] for g in got[len(PARA) + 1 :]] == [C.RELATED, C.RELATED]
    over = with_phrase("prefix", "more from", n + 1)
    got = blocks_of("\n".join(PARA + [over] + teasers))
    assert [g[1] for g in got[: len(PARA)]] == [C.BODY] * len(PARA)
    assert all(g[1] != C.RELATED for g in got)


def test_weak_comments_marker_max_marker_words(phrases):
    # A comments phrase that is not a section_cut heading opens a section only
    # on a short heading with no prose right after it.
    phrases(SECTION_MATCHER, EMPTY)
    n = sections.LIMITS.max_marker_words
    at = with_phrase("prefix", "comments", n)
    got = blocks_of("\n".join(PARA + [at, "Jane Doe"]))
    assert got[len(PARA)][1:] == (C.COMMENTS, ("section-start:comments",))
    assert got[-1][1] == C.COMMENTS
    over = with_phrase("prefix", "comments", n + 1)
    got = blocks_of("\n".join(PARA + [over, "Jane Doe"]))
    assert got[len(PARA)][1:] == (C.COMMENTS, ("lexicon:comments:prefix",))
    assert got[-1][1] != C.COMMENTS


def test_comments_heading_after_the_article_ends_it():
    source = "\n\n".join(["Village Bridge Closed After Storm"] + PARA + ["Leave a Reply", "Great piece, thank you for writing it."])
    assert sum(len(p.split()) for p in PARA) >= sections.LIMITS.min_words_before_comments
    result = strip(source)
    assert result.text == "\n".join(PARA)
    last_two = [b.category for b in result.blocks[-2:]]
    assert last_two == [C.COMMENTS, C.COMMENTS]


_OPENING = (
    "In the latest test the club compared eighteen child seats for safety, handling and ergonomics, and "
    "it also checked every cover for harmful substances in its own laboratory this autumn."
)


def test_a_related_link_above_the_article_does_not_swallow_its_first_paragraph():
    # "Latest news" is a link in the page header; the article's first paragraph is
    # followed by a table, so prose does not "resume" as a related section expects.
    assert len(_OPENING.split()) >= sections.LIMITS.min_opening_prose_words
    rows = ["Seat A 210 euros good", "Seat B 370 euros poor", "Seat C 450 euros good"]
    more = "The seats that failed contained flame retardants in their covers, the club said on Tuesday."
    result = strip("\n".join(["Home", "Latest news", "Child seats tested", _OPENING, *rows, more, more + " Again."]))
    assert _OPENING in result.text
    block = [b for b in result.blocks if b.kept][0]
    assert block.category == C.BODY and not any(r.startswith("section:") for r in block.reasons)


#: A header menu printed on one line, long enough and with enough "and"s to read as prose.
_MENU_LINE = (
    "Home News Sport Weather Travel and Holidays Food and Drink Health and Fitness Money and Jobs "
    "Life and Style Arts and Culture Cars and Bikes Homes and Gardens Books and Films"
)
_SEAT_ROWS = ["Seat A 210 euros good", "Seat B 370 euros poor", "Seat C 450 euros good"]
_SEAT_MORE = "The seats that failed contained flame retardants in their covers, the club said on Tuesday."


@pytest.mark.parametrize(
    "above",
    [
        _MENU_LINE,  # a menu line that reads as prose, without a sentence end
        # a one-sentence notice of the page's chrome
        "Should this address belong to one of our accounts, a message with a link for choosing a new password is on its way.",
    ],
)
def test_prose_that_is_no_paragraph_does_not_start_the_article(above):
    # The article's first paragraph still ends a section opened above it by a header link.
    assert text_classes.text_class(features.measure(above, lexicon.stopwords("en")), True)[0] == L.PROSE
    page = [above, "Home", "Latest news", "Child seats tested", _OPENING, *_SEAT_ROWS, _SEAT_MORE]
    result = strip("\n".join(page))
    assert _OPENING in result.text
    assert not any(r.startswith("section:") for b in result.blocks for r in b.reasons if b.kept)


_TWO_SENTENCES = (
    "The council approved the new cycle lanes on Tuesday after a long debate. "
    "Work on the first lane starts in March."
)
#: min_words_article_started words of prose that end without a full stop.
_LONG_UNENDED = " ".join(
    ["The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town"]
    * (sections.LIMITS.min_words_article_started // 20 + 1)
)


@pytest.mark.parametrize("article", [_TWO_SENTENCES, _LONG_UNENDED])
def test_a_paragraph_above_a_section_starts_the_article(article):
    # A short article above "Related articles" (MIN_PARAGRAPH_SENTENCES sentences, or
    # min_words_article_started words however it ends): the blurb under that heading is
    # a teaser, however long, not the article's first paragraph.
    f = features.measure(article, lexicon.stopwords("en"))
    assert (f.terminal and f.sentences == sections.LIMITS.min_paragraph_sentences) or (
        not f.terminal and sections.LIMITS.min_words_article_started <= f.words < 2 * sections.LIMITS.min_words_article_started
    )
    page = ["Home", "Cycle lanes approved", article, "Related articles", "Child seats tested", _OPENING, "Bus fares rise"]
    result = strip("\n".join(page))
    assert _OPENING not in result.text
    assert result.text == article


def test_a_short_teaser_under_a_header_section_stays_in_the_section():
    teaser = "The club compared eighteen child seats for safety and found four of them poor."
    assert len(teaser.split()) < sections.LIMITS.min_opening_prose_words
    article = [
        "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
        "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    ]
    page = ["Home", "Latest news", "Child seats tested", teaser, "Bus fares rise", "Cycle lanes approved", *article]
    result = strip("\n".join(page))
    assert teaser not in result.text
    assert result.text == "\n".join(article)


_LAST_PARAGRAPH = (
    "The council will vote on the final plan in the spring, and the engineers expect that the new bridge "
    "will be open to traffic before the end of the next winter if the weather allows it."
)
_BOX_HEADLINES = ["Harbour wall repaired after winter storms", "Village library opens a second floor",
                  "Doctors warn about the cold station platforms"]


def test_a_box_of_headline_links_inside_the_article_does_not_end_it():
    assert len(_LAST_PARAGRAPH.split()) >= sections.LIMITS.min_opening_prose_words
    assert len(_BOX_HEADLINES) >= sections.LIMITS.min_box_links
    assert all(len(h.split()) >= sections.LIMITS.min_box_link_words for h in _BOX_HEADLINES)
    page = ["Bridge to close", *PARA[:3], "Related", *_BOX_HEADLINES, _LAST_PARAGRAPH, "Share", "Most read", "Bus fares"]
    result = strip("\n".join(page))
    assert result.text == "\n".join([*PARA[:3], _LAST_PARAGRAPH])
    assert all(h not in result.text for h in _BOX_HEADLINES)


@pytest.mark.parametrize(
    "box",
    [
        _BOX_HEADLINES[:1],  # one headline and its text: a teaser card
        [_BOX_HEADLINES[0], "Town Post", _BOX_HEADLINES[1]],  # a source name between headlines: cards
        [_BOX_HEADLINES[0], _BOX_HEADLINES[1], _BOX_HEADLINES[0]],  # a headline printed twice: cards
    ],
)
def test_teaser_cards_after_the_article_are_not_taken_for_a_link_box(box):
    page = ["Bridge to close", *PARA[:3], "Related", *box, _LAST_PARAGRAPH, "Bus fares rise again", "Share"]
    result = strip("\n".join(page))
    assert _LAST_PARAGRAPH not in result.text
    assert result.text.startswith("\n".join(PARA[:3]))


def test_a_link_box_needs_article_prose_above_it():
    # Above the article, a "Related" list with text under it is part of the header.
    short = PARA[0].split()[: sections.LIMITS.min_words_before_link_box // 2]
    assert len(short) < sections.LIMITS.min_words_before_link_box
    drafts = [new_label(L.PROSE, "text:prose", measure(" ".join(short) + "."))]
    feats = [measure(" ".join(short) + ".")]
    for text, label in (("Related", C.RELATED), *((h, L.HEADING) for h in _BOX_HEADLINES),
                        (_LAST_PARAGRAPH, L.PROSE)):
        feats.append(measure(text))
        drafts.append(new_label(label, "x", feats[-1]))
    last = len(drafts) - 1
    assert not sections._after_link_box(drafts, feats, 1, last, feats[0].words)
    assert sections._after_link_box(drafts, feats, 1, last, sections.LIMITS.min_words_before_link_box)


def test_a_comment_policy_under_its_heading_is_not_more_article():
    policy = [
        "We welcome comments on the stories of the day, and some may be printed in the paper.",
        "Please understand that every comment is read before it is published on the site.",
    ]
    page = ["Bridge to close", *PARA[:3], "House rules", *policy, "Privacy policy"]
    result = strip("\n".join(page))
    assert result.text == "\n".join(PARA[:3])
    text = "\n".join(page)
    policy_blocks = [b for b in result.blocks if text[b.start : b.end] in policy]
    assert len(policy_blocks) == 2 and all(b.category == C.COMMENTS for b in policy_blocks)


def test_a_comment_thread_heading_ends_the_article_even_with_a_long_title():
    heading = "14 thoughts on “Why the council closed the old wooden bridge over the river this spring”"
    assert features.measure(heading, frozenset()).words > sections.LIMITS.max_marker_words
    comment = "Jane says: what a good read, thank you for writing about the bridge and the ferry."
    page = ["Bridge to close", *PARA[:3], heading, comment, PARA[3]]
    result = strip("\n".join(page))
    assert result.text == "\n".join(PARA[:3])


def test_a_link_box_is_short():
    # A "Related" list of more than MAX_BOX_BLOCKS headlines is a teaser section, and
    # the look back for a box stays bounded.
    many = [f"Harbour story number {k} of the winter season" for k in range(sections.LIMITS.max_box_blocks)]
    page = ["Bridge to close", *PARA[:3], "Related", *many, _LAST_PARAGRAPH, "Share", "Most read", "Bus fares"]
    assert _LAST_PARAGRAPH not in strip("\n".join(page)).text
    page = ["Bridge to close", *PARA[:3], "Related", *many[:3], _LAST_PARAGRAPH, "Share", "Most read", "Bus fares"]
    assert _LAST_PARAGRAPH in strip("\n".join(page)).text
