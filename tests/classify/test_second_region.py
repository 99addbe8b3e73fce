"""A second run of prose outside the article (classify/second_region.py)."""

from __future__ import annotations

from boilerstrip import categories as C
from boilerstrip.classify import label as L, second_region
from boilerstrip.lexicon import PhraseMatcher
from blocks import EMPTY, measure, block, blocks_of


# Weights (text_classes.first_weight): a prose block of n words weighs 1 + n/10, a heading-like
# line -0.5, a rule-labelled line -2. ARTICLE weighs 8; twelve two-word headings (-6)
# keep a run lighter than 6 out of the region, so it stands apart as a second run.

ARTICLE = block(70, 28)  # weight 8.0
SPACER = ["Harbour Workers", "Valley Station"] * 6  # weight -6.0, menu-short: never body


def test_second_run_share_both_sides(phrases):
    phrases(EMPTY)
    assert second_region.LIMITS.sure_share == 1 / 2  # the weights below spell out 4.0 of 8.0
    for words, kept in ((30, True), (29, False)):  # weight 4.0 = half of 8.0, and 3.9
        run = block(words, 12)
        got = blocks_of("\n".join([ARTICLE] + SPACER + [run]))
        assert got[0][1:] == (C.BODY, ("text:prose", "region:inside"))
        assert all(g[1] != C.BODY for g in got[1:-1])
        if kept:
            assert got[-1][1:] == (C.BODY, ("text:prose", "region:second")), words
        else:
            assert got[-1][1:] == (C.BOILERPLATE, ("text:prose", "region:after-article")), words


def test_second_run_above_the_article(phrases):
    phrases(EMPTY)
    run = block(30, 12)
    got = blocks_of("\n".join([run] + SPACER + [ARTICLE]))
    assert got[0][1:] == (C.BODY, ("text:prose", "region:second"))
    assert got[-1][1:] == (C.BODY, ("text:prose", "region:inside"))


TEASER = block(30, 12)  # weight 4.0
DATE = "12 November 2024"  # a dateline: rule-labelled (shape:date), weight -2


def test_second_run_of_teaser_cards_is_not_kept(phrases):
    # Headline, summary, timestamp, twice: two prose blocks each followed by a rule
    # line with the same reason. The run (4 - 2 - 0.5 + 4 = 5.5) outweighs half the article.
    phrases(EMPTY)
    cards = ["Bridge Opens", TEASER, DATE, "Museum Closes", TEASER, DATE]
    got = blocks_of("\n".join([ARTICLE] + SPACER + cards))
    assert got[len(SPACER) + 3][2] == ("shape:date",)
    assert [g[1] for g in got if g[1] == C.BODY] == [C.BODY]
    # One summary followed by a timestamp is no card list: the run is kept.
    got = blocks_of("\n".join([ARTICLE] + SPACER + cards[:-1]))
    kept = [(g[0], g[2][-1]) for g in got if g[1] == C.BODY]
    assert kept == [(ARTICLE, "region:inside")] + [(t, "region:second") for t in (TEASER, "Museum Closes", TEASER)]


def test_second_run_below_a_footer_phrase_is_not_kept(phrases):
    phrases(PhraseMatcher([(C.FOOTER, "exact", "privacy policy")]))
    run = block(30, 12)
    got = blocks_of("\n".join([ARTICLE] + SPACER + ["Privacy Policy", run]))
    assert got[-2][1:] == (C.FOOTER, ("lexicon:footer",))
    assert got[-1][1:] == (C.BOILERPLATE, ("text:prose", "region:after-article"))
    # A copyright-shaped line is often a photo credit in the article: it does not end the page.
    got = blocks_of("\n".join([ARTICLE] + SPACER + ["© 2024 Harbour Press", run]))
    assert got[-2][1:] == (C.FOOTER, ("shape:copyright",))
    assert got[-1][1:] == (C.BODY, ("text:prose", "region:second"))


def test_second_run_unmarked_where_the_markup_marks_the_article():
    # HTML mode: when blocks of the article are marked as its body, an unmarked run is not kept.
    f = measure(block(30, 12))
    drafts = [L.Label(L.PROSE, "text:prose", weight=8.0)]
    drafts += [L.Label(L.HEADING, "text:heading-like", weight=-0.5) for _ in range(12)]
    drafts += [L.Label(L.PROSE, "text:prose", weight=4.0)]
    feats = [f] * len(drafts)
    region = (0, 1)
    share = second_region.LIMITS.sure_share
    assert second_region.second_region_blocks(drafts, feats, region, share, sure=True) == [13]
    drafts[0].marked_body = True
    assert second_region.second_region_blocks(drafts, feats, region, share, sure=True) == []
    drafts[13].marked_body = True
    assert second_region.second_region_blocks(drafts, feats, region, share, sure=True) == [13]
