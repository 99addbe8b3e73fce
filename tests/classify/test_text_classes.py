"""Text classes (classify/text_classes.py): prose, sentences, headings, short lines."""

from __future__ import annotations

import pytest

from boilerstrip.classify import label as L, text_classes
from blocks import measure, block, min_stop, classify_text


def test_prose_min_words():
    n = text_classes.LIMITS.prose_min_words
    ratio = text_classes.LIMITS.prose_min_stop_ratio
    assert n - 1 >= text_classes.LIMITS.sentence_min_words
    at = block(n, min_stop(n, ratio))
    below = block(n - 1, min_stop(n - 1, ratio))
    assert classify_text(at) == (L.PROSE, "text:prose")
    assert classify_text(below) == (L.SENTENCE, "text:sentence")


def test_prose_min_stop_ratio():
    n = text_classes.LIMITS.prose_min_words
    assert n < text_classes.LIMITS.long_prose_words  # else the long-prose rule would apply
    k = min_stop(n, text_classes.LIMITS.prose_min_stop_ratio)
    assert k >= 1
    assert classify_text(block(n, k)) == (L.PROSE, "text:prose")
    assert classify_text(block(n, k - 1)) == (L.SENTENCE, "text:sentence")


def test_unterminated_prose_words():
    n = text_classes.LIMITS.unterminated_prose_words
    assert n < text_classes.LIMITS.long_prose_words
    k = min_stop(n, text_classes.LIMITS.prose_min_stop_ratio)
    assert classify_text(block(n, k, end="")) == (L.PROSE, "text:prose")
    shorter = block(n - 1, min_stop(n - 1, text_classes.LIMITS.prose_min_stop_ratio), end="")
    assert classify_text(shorter)[0] != L.PROSE
    # With a full stop the shorter block is prose.
    assert classify_text(shorter + ".") == (L.PROSE, "text:prose")


def test_long_prose_words_and_ratio():
    n = text_classes.LIMITS.long_prose_words
    low = min_stop(n, text_classes.LIMITS.long_prose_min_stop_ratio)
    assert low / n < text_classes.LIMITS.prose_min_stop_ratio  # really in the band only long prose accepts
    assert classify_text(block(n, low)) == (L.PROSE, "text:long")
    assert classify_text(block(n, low - 1)) == (L.SENTENCE, "text:sentence")
    # One word fewer at the same (low) ratio: not prose.
    m = n - 1
    k = min_stop(m, text_classes.LIMITS.long_prose_min_stop_ratio)
    assert k / m < text_classes.LIMITS.prose_min_stop_ratio
    assert classify_text(block(m, k)) == (L.SENTENCE, "text:sentence")


@pytest.mark.parametrize(
    "text, terminal, sentences",
    [
        ("Er sagte: „Das ist gut.“", True, 1),  # German: „ opens, “ closes
        ("Er sagte: „Ist das gut?“", True, 1),
        ("Sie sagte: ‚Gut.‘", True, 1),
        ("Er sagte: »Das ist gut.«", True, 1),  # German guillemets point inwards
        ("He said: “That is good.”", True, 1),
        ("Il a dit : « C'est bien. »", True, 1),
        ("Er sagte: „Das ist gut“", False, 1),  # no sentence end inside the quote
        ("Das Buch „Der Fluss“", False, 1),
        ("„Das ist gut.“ Dann ging er.", True, 2),  # a break after a German closing quote
        ("Er kam. „Das ist gut“, sagte er.", True, 2),  # a break before a German opening quote
        ("Er kam. »Gut«, sagte er.", True, 2),
    ],
)
def test_sentence_end_before_closing_quotes(text, terminal, sentences):
    f = measure(text)
    assert f.terminal is terminal
    assert f.sentences == sentences


def test_german_paragraph_ending_in_a_quotation_is_prose():
    # Without a sentence end a block needs UNTERMINATED_PROSE_WORDS words to be prose;
    # a shorter paragraph that ends with a full stop inside a German quotation has one.
    n = text_classes.LIMITS.unterminated_prose_words - 1
    quoted = block(n, min_stop(n, text_classes.LIMITS.prose_min_stop_ratio), end="")
    quoted = quoted.split(" ", 3)
    quoted = " ".join(quoted[:3]) + " „" + quoted[3] + ".“"
    assert measure(quoted).words == n
    assert classify_text(quoted) == (L.PROSE, "text:prose")
    assert classify_text(quoted[:-2] + "“")[0] != L.PROSE


def exact_chars(n: int, end: str = ".") -> str:
    """Several words, exactly *n* characters including *end*."""
    body = ("river bridge harbour " * (n // 10 + 2))[: n - len(end)]
    if body.endswith(" "):
        body = body[:-1] + "s"
    text = body + end
    assert len(text) == n
    return text


def test_neutral_prose_min_chars():
    n = text_classes.LIMITS.neutral_prose_min_chars
    assert classify_text(exact_chars(n), language_known=False) == (L.PROSE, "text:prose-neutral")
    assert classify_text(exact_chars(n - 1), language_known=False) == (L.SENTENCE, "text:sentence")
    # Without a sentence end, length alone is not enough.
    assert classify_text(exact_chars(n + 20, end="s"), language_known=False)[0] != L.PROSE


def test_sentence_min_words():
    n = text_classes.LIMITS.sentence_min_words
    assert classify_text(block(n, 0)) == (L.SENTENCE, "text:sentence")
    assert classify_text(block(n - 1, 0)) == (L.SHORT, "text:short")
    # A line that introduces what follows.
    assert classify_text(block(n, 0, end=":")) == (L.SENTENCE, "text:intro-colon")
    assert classify_text(block(n - 1, 0, end=":")) == (L.HEADING, "text:heading-like")


def test_heading_max_words():
    n = text_classes.LIMITS.heading_max_words
    assert classify_text(block(n, 0, end="")) == (L.HEADING, "text:heading-like")
    assert classify_text(block(n + 1, 0, end="")) == (L.SHORT, "text:short")


@pytest.mark.parametrize(
    "text",
    [
        "আজ সকালে গ্রামে এ ঘটনা ঘটে।",  # Bengali danda
        "यह एक वाक्य है।",  # Hindi danda
        "هل هذا صحيح؟",  # Arabic question mark
        "یہ ایک جملہ ہے۔",  # Urdu full stop
        "这是一个句子．",  # fullwidth full stop
    ],
)
def test_sentence_ends_of_other_scripts(text):
    f = measure(text)
    assert f.terminal is True
    assert f.terminal_char == text[-1]
    assert measure(text[:-1]).terminal is False
