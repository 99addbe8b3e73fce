"""The publication turning to its reader: support, feedback and disclosure notes.

Hand-written texts; each test fails when the part of the rule it names is taken out.
"""

from __future__ import annotations

import pytest

from boilerstrip import categories as C
from boilerstrip import features, rules, strip
from strategies import PLAIN_PARAGRAPHS

APPEAL = "shape:reader-appeal"
STOP = frozenset({"the", "of", "and", "to", "in", "a", "if", "this"})
FILLER = ("river", "bridge", "harbour", "council", "valley", "engineers", "winter", "garden")


def measure(text: str) -> features.Features:
    return features.measure(text, STOP)


def appeal(words: int, head: str = "if you like our work please support") -> str:
    """*head* padded with filler words to *words* words."""
    n = len(head.split())
    text = " ".join(head.split() + [FILLER[i % len(FILLER)] for i in range(words - n)])
    assert measure(text).words == words
    return text


def test_appeal_needs_we_you_and_an_appeal_word():
    assert rules.reader_appeal(measure(appeal(12)), appeal(12)) == (C.INLINE_PROMO, APPEAL)
    for head in (
        "if you like the work please support",  # no "we"
        "if they like our work please support",  # no "you"
        "if you like our work please come",  # no word of support, feedback or disclosure
    ):
        text = appeal(12, head)
        assert rules.reader_appeal(measure(text), text) is None


def test_appeal_max_words():
    n = rules.LIMITS.max_appeal_words
    at, over = appeal(n), appeal(n + 1)
    assert rules.reader_appeal(measure(at), at) == (C.INLINE_PROMO, APPEAL)
    assert rules.reader_appeal(measure(over), over) is None


@pytest.mark.parametrize("quote", ["\"", "“", "„", "«"])
def test_quoted_appeal_is_the_article_quoting_someone(quote):
    text = quote + appeal(12) + "," + quote + " the mayor said."
    assert rules.reader_appeal(measure(text), text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # German formal address: "Sie" after a lower-case word, "Ihnen".
        ("Wenn Ihnen dieser Text gefallen hat, unterstützen Sie unsere Arbeit mit einer Spende.", True),
        # "sie" (they) is not the reader.
        ("Die Vereine unterstützen uns, weil sie unsere Arbeit für wichtig halten.", False),
        ("Aidez-nous : si vous aimez nos articles, soutenez notre travail.", True),
        ("Si valoras nuestro trabajo, apoya nuestro periodismo con tu donación.", True),
    ],
)
def test_appeal_in_other_languages(text, found):
    assert (rules.reader_appeal(measure(text), text) is not None) is found


PARA = PLAIN_PARAGRAPHS
DISCLOSURE = (
    "We may receive a commission when you buy through the links on our site; "
    "it does not change what we write about."
)
SUPPORT = "If you value these reports, please help us keep our reporters in the valley with a small contribution."
# An article paragraph that says "we" and "you" without asking for anything.
BLOGGER = (
    "When you walk along the river in winter, we think the old harbour is the best place "
    "to stop, and the cafe by the bridge serves a very good soup."
)


def test_closing_appeal_is_removed_from_the_article():
    source = "\n".join(PARA + [BLOGGER, SUPPORT])
    result = strip(source)
    blocks = {source[b.start : b.end]: b for b in result.blocks}
    assert blocks[SUPPORT].category == C.INLINE_PROMO
    assert blocks[SUPPORT].reasons[0] == APPEAL
    assert result.text == "\n".join(PARA + [BLOGGER])


def test_disclosure_above_the_article_is_removed():
    source = "\n".join([DISCLOSURE] + PARA)
    result = strip(source)
    assert result.text == "\n".join(PARA)


@pytest.mark.parametrize(
    ("text", "you"),
    [
        ("Ihre Spende hilft uns, unseren Journalismus frei zugänglich zu halten.", True),
        ("Ihnen gefällt unsere Arbeit? Dann unterstützen Sie uns.", True),
        # An opening "Sie" is as often "she" or "they": not counted.
        ("Sie unterstützen unsere Arbeit seit Jahren mit Spenden.", False),
        # "Ihrem" inside a word is not the pronoun.
        ("Ihremgleichen unterstützt unsere Redaktion.", False),
    ],
)
def test_formal_you_at_the_start_of_a_block(text, you):
    assert (rules.reader_appeal(measure(text), text) is not None) is you
