"""Pass 13, attribute lists: ingredients, nutrition facts or specifications right
above or below the article are part of it.

A recipe prints its ingredients above the method ("350 g Zucker") and its nutrition
facts below it ("390 kcal"); a product page or a photo page prints a list of
specifications next to its text ("Herkunftsland: Italien"). The lines are short and
carry no prose, so the region stops before them; but they are not a menu: each states
one quantity or one labelled value of the article's subject.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Optional, Sequence

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..thresholds import HAND, limit, measured
from .label import LINES, PROSE, SENTENCE, Label
from .page import Page


@dataclass(frozen=True)
class AttributeListLimits:
    min_attribute_lines: int = limit(3, HAND, "attribute lines a list needs")
    min_attribute_share: float = limit(
        2 / 3, HAND, "share of the list's blocks that are attribute lines (teaser lists alternate rubrics and dates)"
    )
    max_attribute_gap: int = limit(
        8, measured("aeb-dev", "trafilatura-eval-dev"),
        "blocks between the region and the list's first line (a recipe's heading, step number and time); 6 misses recipes",
    )
    max_attribute_misses: int = limit(2, HAND, "other lines in a row a list may hold (an ingredient without a quantity)")
    max_attribute_words: int = limit(12, HAND, "words of an attribute line")
    max_label_words: int = limit(4, HAND, "a labelled value's label; a headline with a rubric runs longer")
    max_value_words: int = limit(5, HAND, "a labelled value's value")
    min_phone_digits: int = limit(6, HAND, "a value of this many digits and no letters is a phone number (footer)")
    max_number_tokens: int = limit(3, HAND, "tokens of a quantity's number ('2 1/2 cups', '1,5 kg')")


LIMITS = AttributeListLimits()
#: The vulgar fractions of a quantity ("1¼", "½").
_FRACTIONS = frozenset("½⅓⅔¼¾⅕⅛")
#: A list may pass the headline (or a copy): the headline picker takes a line of
#: ingredients for it now and then; the headline keeps its label.
_TITLES = frozenset({C.TITLE, C.TITLE_DUPLICATE})
_ATTRIBUTE_CLASSES = (*LINES, SENTENCE)
_LINK_STARTS = ("http", "www.")


def apply(page: Page) -> None:
    """Keep the attribute lists right above the region and after what closes it."""
    first, last = page.region
    if first >= last:
        return
    units = page.lexicons.units()
    found = attribute_list(page.labels, page.feats, page.texts, first - 1, -1, units)
    found += attribute_list(page.labels, page.feats, page.texts, page.list_end, +1, units)
    for i in found:
        page.labels[i].decide(C.BODY, R.ATTRIBUTE_LIST)


def _quantity_led(f: Features, units: AbstractSet[str]) -> bool:
    """A line that opens with a number and a unit (``_common/units.txt``): "350 g Zucker",
    "2 1/2 cups flour", "390 kcal". A count of things ("12 Citations") has no unit."""
    words = f.norm_words
    k = 0
    while k < len(words) and k < LIMITS.max_number_tokens and all(c.isdecimal() or c in _FRACTIONS for c in words[k]):
        k += 1
    return 0 < k < len(words) and words[k] in units


def _value_label(text: str) -> str:
    """The label of a labelled value, by its first word ("Art der Aufnahme: Digitalfoto"
    -> "art"), or "" when *text* is not one (a link, an e-mail address or a phone
    number is not a value either)."""
    colon = text.find(":")
    if colon <= 0 or colon >= len(text) - 1 or not text[colon + 1].isspace():
        return ""
    value = text[colon + 1 :]
    label, value_words = text[:colon].split(), value.split()
    if not 0 < len(label) <= LIMITS.max_label_words or not 0 < len(value_words) <= LIMITS.max_value_words:
        return ""
    if "@" in value or any(w.startswith(_LINK_STARTS) for w in value_words):
        return ""
    if sum(c.isdigit() for c in value) >= LIMITS.min_phone_digits and not any(c.isalpha() for c in value):
        return ""
    words = [w for w in label if any(c.isalnum() for c in w)]  # past a bullet ("*", "-")
    return words[0].casefold() if words else ""


def attribute_key(text: str, f: Features, units: AbstractSet[str]) -> Optional[str]:
    """For an attribute line, "" (a quantity) or its label (a labelled value); else None."""
    if not 0 < f.words <= LIMITS.max_attribute_words:
        return None
    if _quantity_led(f, units):
        return ""
    return _value_label(text) or None


def attribute_list(
    labels: Sequence[Label], feats: Sequence[Features], texts: Sequence[str], j: int, step: int, units: AbstractSet[str]
) -> list[int]:
    """The text blocks of an attribute list next to the region, walking from block *j*
    away from it (*step* -1 above the region, +1 below it); empty when there is none.

    The list's first attribute line stands within ``max_attribute_gap`` blocks of *j*,
    with no prose, section or footer line before it. The list runs on while at most
    ``max_attribute_misses`` other blocks come in a row, and ends at its last attribute
    line; it counts when it has ``min_attribute_lines`` attribute lines making
    ``min_attribute_share`` of its blocks. A label printed again does not count:
    specifications name different things, a teaser list repeats its rubric. Its
    headings, short lines and sentences are returned (rule-labelled blocks inside it
    keep their labels).
    """
    n = len(labels)
    k = j
    while True:
        if not (0 <= k < n and abs(k - j) < LIMITS.max_attribute_gap):
            return []
        d = labels[k]
        if d.section or d.text_class == PROSE or d.clutter == C.FOOTER:  # prose is not a list; a footer ends the page
            return []
        if d.text_class in _ATTRIBUTE_CLASSES and d.category is None and attribute_key(texts[k], feats[k], units) is not None:
            break
        k += step
    run: list[int] = []
    hits: list[int] = []
    keys: set[str] = set()
    misses = 0
    while 0 <= k < n:
        d = labels[k]
        if d.section or d.text_class == PROSE or d.clutter == C.FOOTER or (d.category is not None and d.category not in _TITLES):
            break
        if d.category is not None:  # the headline or a copy: passed over, neither in the list nor a gap
            k += step
            continue
        key = attribute_key(texts[k], feats[k], units) if d.text_class in _ATTRIBUTE_CLASSES else None
        if key is not None and key not in keys:
            if key:
                keys.add(key)
            hits.append(k)
            misses = 0
        else:
            misses += 1
            if misses > LIMITS.max_attribute_misses:
                break
        if d.text_class:
            run.append(k)
        k += step
    if len(hits) < LIMITS.min_attribute_lines or len(hits) < LIMITS.min_attribute_share * (abs(hits[-1] - hits[0]) + 1):
        return []
    return run[: run.index(hits[-1]) + 1]
