"""Guess the page language from its own text by counting stop words.

Fast and model-free: the share of word tokens that are stop words of each
language with a lexicon, over the first :data:`SAMPLE_TOKENS` tokens. Prose in
a language hits its list far more often than any other list.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from .features import WORD
from .lexicon import languages, stopwords

#: Tokens looked at; a few hundred are plenty to tell the nine languages apart.
SAMPLE_TOKENS = 3000
#: Below this share of stop-word tokens the text is not taken to be in any
#: language we know (CJK, Arabic, or word lists); the neutral fallback applies.
MIN_SHARE = 0.08


def detect(blocks: Iterable[str]) -> Optional[str]:
    """The language code whose stop words cover most tokens, or None."""
    tokens: list[str] = []
    for text in blocks:
        tokens.extend(WORD.findall(text[:2000].casefold()))
        if len(tokens) >= SAMPLE_TOKENS:
            break
    if not tokens:
        return None
    counts = Counter(tokens)
    best, best_hits = None, 0
    for lang in languages():
        hits = sum([counts[w] for w in stopwords(lang).intersection(counts)])
        if hits > best_hits:
            best, best_hits = lang, hits
    if best is None or best_hits < MIN_SHARE * len(tokens):
        return None
    return best
