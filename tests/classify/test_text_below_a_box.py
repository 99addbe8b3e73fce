"""A second run of prose below a box of text lines inside the article (a product
box, an ingredient list) is more of the article at a lower share
(second_region.LIMITS.box_share).

Hand-written pages; each test fails when the rule it names is taken out.
"""

from __future__ import annotations

from boilerstrip import categories as C
from boilerstrip.classify import label as L, runs, second_region, text_classes
from boilerstrip import strip
from strategies import PLAIN_PARAGRAPHS

PARA = PLAIN_PARAGRAPHS
# A long box of product lines (heavier than the paragraph below it, so the region
# does not span it): headings, short lines without a sentence end, prices.
BOX = [
    line
    for name, price in (("Trail Poles", "24,99 \u20ac"), ("Summit Harness", "89,00 \u20ac"), ("Ridge Pack", "119,00 \u20ac"))
    for line in (name, "Light aluminium frame", "Foam grip for steep climbs", "Adjustable straps and loops", price)
]
# One paragraph after the box: between a quarter and half the article's weight.
AFTER = (
    "When the snow on the upper slopes is deep and soft, the longer baskets that come with "
    "the poles keep them from sinking too far, and the walkers who tried them on the ridge "
    "said that they were glad of the extra support on the way down to the village."
)
# A short paragraph after the box: below a quarter of the article's weight.
SHORT_AFTER = "The poles were tested on the ridge above the village in the winter."
FOOTER = "Privacy Policy"
SIGN_UP = "Sign up for our newsletter"


def _weight(text: str) -> float:
    return text_classes.first_weight(L.PROSE, _features(text))


def _features(text: str):
    from boilerstrip.features import measure
    from boilerstrip.lexicon import stopwords

    return measure(text, stopwords("en"))


def _blocks(source: str):
    result = strip(source)
    return result, {source[b.start : b.end]: b for b in result.blocks}


def test_paragraph_weights_sit_around_the_box_share():
    article = sum(_weight(p) for p in PARA)
    box = sum(text_classes.first_weight(text_classes.text_class(_features(t), True)[0], _features(t)) for t in BOX[:4])
    assert 3 * box + 3 * text_classes.WEIGHTS.rule + _weight(AFTER) < 0  # the region stops at the box
    assert second_region.LIMITS.box_share * article <= _weight(AFTER) < second_region.LIMITS.sure_share * article
    assert _weight(SHORT_AFTER) < second_region.LIMITS.box_share * article


def test_prose_below_a_box_of_text_lines_is_kept():
    source = "\n".join(PARA + BOX + [AFTER, FOOTER])
    result, blocks = _blocks(source)
    assert blocks[AFTER].category == C.BODY
    assert blocks[AFTER].reasons[-1] == "region:second"
    assert result.text == "\n".join(PARA + [AFTER])


def test_light_prose_below_the_box_is_not_kept():
    source = "\n".join(PARA + BOX + [SHORT_AFTER, FOOTER])
    result, blocks = _blocks(source)
    assert not blocks[SHORT_AFTER].kept
    assert result.text == "\n".join(PARA)


def test_page_chrome_between_keeps_the_half_share():
    # A sign-up line between the article and the run: page chrome, not a box inside
    # the article.
    source = "\n".join(PARA + [SIGN_UP] + BOX + [AFTER, FOOTER])
    result, blocks = _blocks(source)
    assert blocks[SIGN_UP].category == C.NEWSLETTER
    assert not blocks[AFTER].kept
    assert result.text == "\n".join(PARA)


def test_menu_between_keeps_the_half_share():
    # Two-word lines are a menu (below MIN_LIST_ITEM_WORDS on average), not a box.
    menu = ["Harbour Workers", "Valley Station", "Summit Guides", "River Ferries"] * 4
    assert sum(len(t.split()) for t in menu) < runs.LIMITS.min_list_item_words * len(menu)
    source = "\n".join(PARA + menu + [AFTER, FOOTER])
    result, blocks = _blocks(source)
    assert not blocks[AFTER].kept
    assert result.text == "\n".join(PARA)
