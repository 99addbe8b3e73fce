"""Captions (classify/captions.py): the text right above a photo credit."""

from __future__ import annotations

from boilerstrip import rules
from boilerstrip import categories as C
from boilerstrip.classify import captions, text_classes
from blocks import EMPTY, PARA, measure, content, block, min_stop, blocks_of


def test_caption_above_credit_max_words(phrases):
    # The image's alt text, its caption, its credit (prose right after prose is
    # the article's next paragraph: see test_prose_after_prose_above_credit).
    phrases(EMPTY)
    n = captions.LIMITS.max_caption_words
    alt = "Harbour Bridge At Dawn"
    for words, taken in ((n, True), (n + 1, False)):
        caption = block(words, min_stop(words, 0.3))
        got = blocks_of("\n".join(PARA[:2] + [alt, caption, "Jane Doe/Reuters"] + PARA[2:]))
        assert got[4][1:] == (C.CAPTION, ("shape:credit-slash",))
        if taken:
            assert [g[1:] for g in got[2:4]] == [(C.CAPTION, ("context:above-credit",))] * 2
        else:
            assert [g[1] for g in got[2:4]] == [C.BODY, C.BODY]


def test_prose_after_prose_above_credit(phrases):
    # A paragraph right after another, then an image without a caption and its
    # credit: the paragraph is the article's, not the caption. A sentence too short
    # for prose (below PROSE_MIN_WORDS) there is still the caption.
    phrases(EMPTY)
    n = text_classes.LIMITS.prose_min_words
    for words, label in ((n, C.BODY), (n - 1, C.CAPTION)):
        text = block(words, min_stop(words, 0.4))
        got = blocks_of("\n".join(PARA[:2] + [text, "Jane Doe/Reuters"] + PARA[2:]))
        assert got[3][1:] == (C.CAPTION, ("shape:credit-slash",))
        assert got[2][1] == label, words
        if label == C.BODY:
            assert got[2][2] == ("text:prose", "region:inside")


def test_caption_printed_twice_above_credit(phrases):
    # Alt text and caption with the same words, then the credit: the copy right
    # above the credit is the caption although prose stands above it.
    phrases(EMPTY)
    caption = block(20, 8)
    got = blocks_of("\n".join(PARA[:2] + [caption, caption, "Jane Doe/Reuters"] + PARA[2:]))
    assert got[3][1:] == (C.CAPTION, ("context:above-credit",))
    # A different paragraph above it instead: the article goes on.
    got = blocks_of("\n".join(PARA[:2] + [block(20, 9), caption, "Jane Doe/Reuters"] + PARA[2:]))
    assert got[3][1] == C.BODY


def test_no_caption_above_a_credit_that_has_its_caption_below():
    # Credit first, then the caption ("Image copyright ...", "Image caption ..."): the
    # sentence above the credit is the article's.
    sentence = "The council said the work would start in spring."
    caption = "Image caption Cyclists on the harbour road, where the first lane will run"
    assert measure(caption).words > rules.LIMITS.max_credit_words
    page = PARA[:2] + [sentence, "Photo: Jane Doe/Reuters", caption] + PARA[2:]
    got = blocks_of("\n".join(page))
    assert [g[1] for g in got[2:5]] == [C.BODY, C.CAPTION, C.CAPTION]
    # Without the caption below, the same sentence is taken as the caption.
    got = blocks_of("\n".join(page[:4] + page[5:]))
    assert got[2][1:] == (C.CAPTION, ("context:above-credit",))


def test_caption_above_credit_max_blocks(phrases):
    # The sentence right above the credit, and one alt-text line above that:
    # MAX_CAPTION_BLOCKS blocks at most.
    phrases(EMPTY)
    assert captions.LIMITS.max_caption_blocks == 2  # the layout below spells out two blocks
    far, alt, near = block(8, 2), "Harbour Bridge At Dawn", block(8, 2)
    got = blocks_of("\n".join(PARA[:2] + [far, alt, near, "Jane Doe/Reuters"] + PARA[2:]))
    assert [g[1:] for g in got[3:5]] == [(C.CAPTION, ("context:above-credit",))] * 2
    assert got[2][1] == C.BODY  # a third block above the credit is article text
    # Two sentences above a credit: only the nearer is the caption.
    got = blocks_of("\n".join(PARA[:2] + [far, near, "Jane Doe/Reuters"] + PARA[2:]))
    assert [g[1] for g in got[2:4]] == [C.BODY, C.CAPTION]


def test_caption_above_credit_max_credit_words(phrases):
    # Only a short credit line pulls the block above it into the caption.
    phrases(EMPTY)
    n = rules.LIMITS.max_credit_words
    near = block(8, 2)
    def credit(words: int) -> str:
        text = "Jane Doe/" + " ".join(content(words - 2, capitalise=True))
        assert measure(text).words == words
        return text
    short, long = credit(n), credit(n + 1)
    got = blocks_of("\n".join(PARA[:2] + [near, short] + PARA[2:]))
    assert got[3][1] == C.CAPTION and got[2][1:] == (C.CAPTION, ("context:above-credit",))
    got = blocks_of("\n".join(PARA[:2] + [near, long] + PARA[2:]))
    assert got[2][1] == C.BODY
