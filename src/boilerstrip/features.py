"""One frozen record of measurements per block, computed in a single pass."""

from __future__ import annotations

import re

from .lexicon import SCAN_LIMIT, normalise_folded

# A word: a run of letters, digits or underscore (Unicode aware).
WORD = re.compile(r"\w+")
# Sentence-ending characters: Latin, CJK (。！？．), Devanagari and Bengali (। ॥), Arabic
# (؟) and Urdu (۔), Armenian (։), Ethiopic (።), Burmese (။).
_TERMINALS = frozenset(".!?…。！？．।॥؟۔։።။")
# Characters that may follow the sentence end: closing quotes and brackets. German
# closes quotations with “ and ‘ („So.“, ‚So.‘) and with « in »So.«, which English
# and French use as opening marks; after a sentence end they can only be closing.
_CLOSERS = "\"'”’»“‘«)]›‹」』*_ "
# A sentence boundary inside a block: end mark, optional closer, space, capital or quote.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»“‘«)]?\s+[\"'“‘«„‚»(]?[A-ZÀ-ÖØ-ÞА-ЯЁ]")


class Features:
    """Measurements of one block; all counts are of the block text only.

    Immutable by convention (instances are shared between calls through the
    block cache of :mod:`boilerstrip.pipeline`); a plain slotted class because
    it is built once per block and a frozen dataclass costs several times more.
    """

    __slots__ = (
        "chars",
        "words",
        "stopwords",
        "letters",
        "digits",
        "terminal",
        "terminal_char",
        "colon",
        "sentences",
        "norm",
        "_norm_words",
    )

    def __init__(
        self,
        chars: int,
        words: int,
        stopwords: int,
        letters: int,
        digits: int,
        terminal: bool,
        terminal_char: str,
        colon: bool,
        sentences: int,
        norm: str,
    ) -> None:
        self.chars = chars
        self.words = words
        self.stopwords = stopwords
        self.letters = letters
        self.digits = digits
        self.terminal = terminal  # ends like a sentence
        self.terminal_char = terminal_char  # the sentence-ending character, or ""
        self.colon = colon  # ends with a colon: introduces what follows
        self.sentences = sentences  # sentence breaks inside the block, plus one
        self.norm = norm  # normalised text (see lexicon.normalise); head and tail only for huge blocks
        self._norm_words: tuple[str, ...] | None = None

    @property
    def norm_words(self) -> tuple[str, ...]:
        """The words of ``norm``, split once for all the rules that look at them."""
        if self._norm_words is None:
            self._norm_words = tuple(self.norm.split())
        return self._norm_words

    @property
    def stop_ratio(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__[:-1])
        return f"Features({fields})"


# Everything that is not a letter (for counting letters in one C-level pass).
_NON_LETTER = re.compile(r"[\W\d_]+")
# Everything that is not a decimal digit.
_NON_DIGIT = re.compile(r"\D+")
_DIGIT = re.compile(r"\d")


def _has_sentence_mark(text: str) -> bool:
    """A cheap test before the sentence-break regex: most short blocks have no mark."""
    return "." in text or "!" in text or "?" in text or "…" in text


def measure(text: str, stopwords: frozenset[str]) -> Features:
    """Measure one block's *text* against the page language's *stopwords*."""
    folded = text.casefold()
    if len(text) <= 2 * SCAN_LIMIT:
        norm = normalise_folded(folded)
    else:
        norm = normalise_folded(folded[:SCAN_LIMIT]) + " " + normalise_folded(folded[-SCAN_LIMIT:])
    tokens = WORD.findall(folded)
    stop = len([t for t in tokens if t in stopwords]) if stopwords else 0
    letters = len(_NON_LETTER.sub("", text))
    digits = len(_NON_DIGIT.sub("", text)) if _DIGIT.search(text) else 0
    stripped = text.rstrip(_CLOSERS)
    last = stripped[-1] if stripped else ""
    terminal_char = last if last in _TERMINALS else ""
    sentences = 1 + len(_SENTENCE_BREAK.findall(text)) if _has_sentence_mark(text) else 1
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
