"""The fallback (classify/fallback.py): a page whose prose a section took."""

from __future__ import annotations

from boilerstrip import strip
from boilerstrip.classify import sections


def test_an_article_under_a_section_heading_is_kept_when_nothing_else_is():
    # "Comments (3)" is a link in the page header, above the one-paragraph article:
    # the section never ends, but a page without any kept prose is rarely right.
    article = "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town."
    assert len(article.split()) < sections.LIMITS.min_opening_prose_words  # too short to end the section itself
    lines = ["Town Gazette", "Home", "Related articles", "Cycle lanes approved", article, "Share", "Privacy policy"]
    result = strip("\n".join(lines))
    assert result.text == article
    block = [b for b in result.blocks if b.kept][0]
    assert block.reasons[-1] == "fallback:sectioned-article"


def test_the_fallback_leaves_a_page_with_kept_prose_alone():
    article = [
        "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
        "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    ]
    teaser = "Shop owners in the old town say the loss of parking will cost them customers, and they want a"
    page = ["Cycle lanes approved", *article, "Related articles", "Parking rules", teaser, "Bus fares", teaser + " bus"]
    result = strip("\n".join(page))
    assert result.text == "\n".join(article)
    assert not any("fallback:sectioned-article" in b.reasons for b in result.blocks)
