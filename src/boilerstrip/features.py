"""One frozen record of measurements per block, computed in a single pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SCAN_LIMIT, normalise

# A word: a run of letters, digits or underscore (Unicode aware).
_WORD = re.compile(r"\w+")
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
    uppers: int
    digits: int
    capitalised: int  # words starting with an upper-case letter
    terminal: bool  # ends like a sentence
    terminal_char: str  # the sentence-ending character, or ""
    colon: bool  # ends with a colon: introduces what follows
    sentences: int  # sentence breaks inside the block, plus one
    norm: str  # normalised text (see lexicon.normalise); head and tail only for huge blocks

    @property
    def stop_ratio(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def upper_ratio(self) -> float:
        return self.uppers / self.letters if self.letters else 0.0

    @property
    def capitalised_ratio(self) -> float:
        return self.capitalised / self.words if self.words else 0.0


def measure(text: str, stopwords: frozenset[str]) -> Features:
    """Measure one block's *text* against the page language's *stopwords*."""
    tokens = _WORD.findall(text.casefold())
    words = len(tokens)
    stop = sum(1 for t in tokens if t in stopwords) if stopwords else 0
    letters = sum(1 for c in text if c.isalpha())
    uppers = sum(1 for c in text if c.isupper())
    digits = sum(1 for c in text if c.isdigit())
    capitalised = _count_capitalised(text)
    stripped = text.rstrip(_CLOSERS)
    terminal_char = stripped[-1] if stripped and stripped[-1] in _TERMINALS else ""
    terminal = bool(terminal_char)
    colon = bool(stripped) and stripped[-1] in ":："
    sentences = 1 + len(_SENTENCE_BREAK.findall(text))
    if len(text) <= 2 * SCAN_LIMIT:
        norm = normalise(text)
    else:
        norm = normalise(text[:SCAN_LIMIT]) + " " + normalise(text[-SCAN_LIMIT:])
    return Features(len(text), words, stop, letters, uppers, digits, capitalised, terminal, terminal_char, colon, sentences, norm)


_WORD_START = re.compile(r"(?<!\w)\w")


def _count_capitalised(text: str) -> int:
    return sum(1 for m in _WORD_START.finditer(text) if m.group().isupper())
