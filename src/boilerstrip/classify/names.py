"""People's names in author lines: "Jane Doe", "About Jane Doe"."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Sequence

from .. import categories as C
from ..features import Features
from ..thresholds import HAND, limit
from .label import Label


@dataclass(frozen=True)
class NameLimits:
    min_name_words: int = limit(2, HAND, "a person's name: first and last name")
    max_name_words: int = limit(3, HAND, "with a middle name or initial")


LIMITS = NameLimits()


def name_line(text: str, f: Features) -> bool:
    """Two or three capitalised words and nothing else: "Jane Doe", "Markus Reuter"."""
    if not LIMITS.min_name_words <= f.words <= LIMITS.max_name_words or f.terminal or f.colon:
        return False
    words = text.split()
    return len(words) == f.words and capitalised(words)


def opens_with_name(text: str, name: str) -> bool:
    """"Jane Doe is ...", "Jane Doe, reporter, ...": the name, then a space or a comma."""
    return text.startswith(name) and text[len(name) : len(name) + 1] in (" ", ",")


def about_person(text: str, f: Features, about: AbstractSet[tuple[str, ...]]) -> bool:
    """"About Jane Doe": an opener, then two or three capitalised words (a company
    such as "About Nordex SE" or a topic such as "About Python" does not pass)."""
    words = f.norm_words
    for k in range(1, len(words) - LIMITS.min_name_words + 1):
        if words[:k] in about:
            name = text.split()[k:]
            return (
                LIMITS.min_name_words <= len(name) <= LIMITS.max_name_words
                and len(name) == len(words) - k
                and capitalised(name)
            )
    return False


def capitalised(words: Sequence[str]) -> bool:
    """Every word a capital and then lower case ("Jane", "Doe", "J"): a person's name."""
    return all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) for w in words)


def to_byline(labels: Sequence[Label], indices: Sequence[int], code: str) -> None:
    """Make the kept blocks among *indices* bylines, with *code* as the second reason."""
    for j in indices:
        d = labels[j]
        if d.category == C.BODY:
            d.decide(C.BYLINE, code)
