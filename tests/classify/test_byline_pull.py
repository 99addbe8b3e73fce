"""The byline pull (classify/byline_pull.py): the paragraph under the byline weighs more."""

from __future__ import annotations

from boilerstrip import strip
from boilerstrip.classify import byline_pull


_SHORT_STORY = [
    "A man was arrested on Tuesday night after a fire broke out in the old mill on the river.",
    "Firefighters from three towns fought the blaze until the early morning, the police said.",
]
_SITE_NOTICE = (
    "Questions about your subscription, a missing delivery or the digital edition of the Harbour "
    "Gazette go to our reader desk, which answers the telephone on weekdays from eight in the "
    "morning until six in the evening and reads every email that reaches it, whatever the hour."
)


def _region_text(lines: list[str]) -> list[str]:
    page = "\n".join(lines)
    return [page[b.start : b.end] for b in strip(page).blocks if "region:inside" in b.reasons]


def test_the_paragraphs_under_the_byline_outweigh_a_longer_site_notice():
    assert byline_pull.LIMITS.weight_after_byline > 0
    menu = ["Sport", "Weather", "Business", "Travel"]
    lines = ["Mill fire", "By Jane Doe", "November 20, 2019", *_SHORT_STORY, *menu, _SITE_NOTICE]
    assert _region_text(lines) == _SHORT_STORY
    # Without the byline the longer notice is the densest prose on the page.
    without = [line for line in lines if line not in ("By Jane Doe", "November 20, 2019")]
    assert _region_text(without) == [_SITE_NOTICE]


def test_a_comment_byline_below_the_article_gets_no_pull():
    # Most of the page's prose stands above the commenter's name: that byline is no article start.
    article = [_SITE_NOTICE.replace("reader service team", "new ferry"), *_SHORT_STORY]
    lines = ["Ferry news", *article, "By Sam Jones", "12 March 2024", "I took the ferry last week and it was fine, really."]
    assert strip("\n".join(lines)).text == "\n".join(article)
