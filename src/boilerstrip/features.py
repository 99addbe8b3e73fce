"""One frozen record of measurements per block, computed in a single pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .lexicon import SCAN_LIMIT, normalise

# A word: a run of letters, digits or underscore (Unicode aware).
WORD = re.compile(r"\w+")
# Sentence-ending characters, Latin and CJK.
_TERMINALS = frozenset(".!?…。！？")
# Characters that may follow the sentence end: closing quotes and brackets.
_CLOSERS = "\"'”’»)]›」』*_ "
# A sentence boundary inside a block: end mark, optional closer, space, capital or quote.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]?\s+[\"'“‘«(]?[A-ZÀ-ÖØ-ÞА-ЯЁ]")


@dataclass(frozen=True)
class Features:
    """Measurements of one block; all counts are of the block text only."""

    chars: int
    words: int
    stopwords: int
    letters: int
    digits: int
    terminal: bool  # ends like a sentence
    terminal_char: str  # the sentence-ending character, or ""
    colon: bool  # ends with a colon: introduces what follows
    sentences: int  # sentence breaks inside the block, plus one
    norm: str  # normalised text (see lexicon.normalise); head and tail only for huge blocks

    @cached_property
    def norm_words(self) -> tuple[str, ...]:
        """The words of ``norm``, split once for all the rules that look at them."""
        return tuple(self.norm.split())

    @property
    def stop_ratio(self) -> float:
        return self.stopwords / self.words if self.words else 0.0


# Everything that is not a letter (for counting letters in one C-level pass).
_NON_LETTER = re.compile(r"[\W\d_]+")
# Everything that is not a decimal digit.
_NON_DIGIT = re.compile(r"\D+")


def measure(text: str, stopwords: frozenset[str]) -> Features:
    """Measure one block's *text* against the page language's *stopwords*."""
    if len(text) <= 2 * SCAN_LIMIT:
        norm = normalise(text)
    else:
        norm = normalise(text[:SCAN_LIMIT]) + " " + normalise(text[-SCAN_LIMIT:])
    tokens = WORD.findall(text.casefold())
    stop = sum(1 for t in tokens if t in stopwords) if stopwords else 0
    letters = len(_NON_LETTER.sub("", text))
    digits = len(_NON_DIGIT.sub("", text))
    stripped = text.rstrip(_CLOSERS)
    last = stripped[-1] if stripped else ""
    terminal_char = last if last in _TERMINALS else ""
    sentences = 1 + len(_SENTENCE_BREAK.findall(text))
    return Features(
        chars=len(text),
        words=len(tokens),
        stopwords=stop,
        letters=letters,
        digits=digits,
        terminal=bool(terminal_char),
        terminal_char=terminal_char,
        colon=last in ":：",
        sentences=sentences,
        norm=norm,
    )
