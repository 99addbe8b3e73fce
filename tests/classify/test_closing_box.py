"""The closing box (classify/closing_box.py): a sign-up or footer label, then thin text."""

from __future__ import annotations

import math

import pytest

from boilerstrip import strip
from boilerstrip import categories as C
from boilerstrip.classify import closing_box, label as L
from blocks import PARA, measure, content, block
from pages import page_of


_BOX_PAGE = [
    "Bridge to close",
    *PARA,
    "Newsletter",
    "The week's news from the valley, every Friday morning, written by our editors.",
    "Sign Me Up",
    "You can unsubscribe at any time using the link at the bottom of each message we send you.",
    "Privacy Policy",
]


def test_the_text_of_a_sign_up_box_after_the_article_is_removed():
    result = strip("\n".join(_BOX_PAGE))
    assert result.text == "\n".join(PARA)
    blurb = result.blocks[len(PARA) + 2]
    assert blurb.category == C.NEWSLETTER
    assert blurb.reasons[-1] == "context:closing-box"


def test_the_article_goes_on_after_a_pitch_sentence_inside_it():
    pitch = "Enjoying this story? Sign up for our newsletter and get the valley news in your inbox."
    result = strip("\n".join(["Bridge to close", *PARA[:2], pitch, *PARA[2:], "Privacy Policy"]))
    assert result.text == "\n".join(PARA)


def _box_drafts(tail_words: int, closer: str = "Newsletter", label: str = C.NEWSLETTER, reason: str = "lexicon:newsletter"):
    """Drafts of a kept article (three 100-word paragraphs), a closer and one kept tail
    paragraph of *tail_words* words: (drafts, features, index of the tail paragraph)."""
    texts = [block(100, 40) for _ in range(3)] + [closer, block(tail_words, tail_words // 2)]
    feats = [measure(t) for t in texts]
    drafts = [L.Label(L.PROSE, "text:prose") for _ in range(3)]
    drafts += [L.Label(label, reason), L.Label(L.PROSE, "text:prose")]
    for i in (0, 1, 2, 4):
        drafts[i].decide(C.BODY, "region:inside")
    drafts[3].decide(label)
    return drafts, feats, 4


#: The longest tail after three 100-word paragraphs that is still thin: the largest
#: t with t < MAX_CLOSING_BOX_SHARE * (300 + t).
_THIN_TAIL = math.ceil(closing_box.LIMITS.max_closing_box_share * 300 / (1 - closing_box.LIMITS.max_closing_box_share)) - 1


@pytest.mark.parametrize(("tail_words", "removed"), [(_THIN_TAIL, True), (_THIN_TAIL + 1, False)])
def test_a_closing_box_is_thin(tail_words, removed):
    drafts, feats, tail = _box_drafts(tail_words)
    closing_box.apply(page_of(drafts, feats))
    assert (drafts[tail].category == C.NEWSLETTER) is removed
    assert (drafts[tail].decided_by[-1] == "context:closing-box") is removed


def test_the_last_paragraph_of_a_short_story_after_an_app_promo_is_kept():
    promo = ["DOWNLOAD THE APP", "Get it on Google Play"]
    result = strip("\n".join(["Bridge to close", *PARA[:3], *promo, PARA[3]]))
    assert result.text == "\n".join(PARA)


@pytest.mark.parametrize(
    ("closer", "removed"),
    [
        (" ".join(content(closing_box.LIMITS.max_closer_words, capitalise=True)), True),
        (" ".join(content(closing_box.LIMITS.max_closer_words + 1, capitalise=True)), False),
        ("Get our weekly newsletter.", False),  # a pitch sentence, not a box's label
    ],
)
def test_a_closing_box_opens_with_a_short_label(closer, removed):
    drafts, feats, tail = _box_drafts(20, closer=closer)
    closing_box.apply(page_of(drafts, feats))
    assert (drafts[tail].category == C.NEWSLETTER) is removed


@pytest.mark.parametrize(
    ("label", "reason", "removed"),
    [
        (C.FOOTER, "lexicon:footer", True),  # "Impressum", "Privacy Policy"
        (C.APP_PROMO, "lexicon:app_promo", False),  # app banners stand between paragraphs
        (C.FOOTER, "shape:copyright", False),  # "© Agency": also a photo credit
        (C.SHARE, "lexicon:share", False),  # share rows stand inside articles
    ],
)
def test_a_closing_box_opens_with_a_sign_up_or_footer_label(label, reason, removed):
    drafts, feats, tail = _box_drafts(20, closer="Impressum", label=label, reason=reason)
    closing_box.apply(page_of(drafts, feats))
    assert (drafts[tail].category == label) is removed
