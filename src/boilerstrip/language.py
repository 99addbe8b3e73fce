"""Guess the page language from its own text by counting stop words.

Fast and model-free: the share of word tokens that are stop words of each
language with a lexicon, over the first :data:`SAMPLE_TOKENS` tokens. Prose in
a language hits its list far more often than any other list.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import Iterable, Optional

from .features import visible_text, word_tokens
from .lexicon import Lexicon, default_lexicon

#: Tokens looked at; a few hundred are plenty to tell the nine languages apart.
SAMPLE_TOKENS = 3000
#: Characters of each block that are tokenised.
SAMPLE_CHARS = 2000
#: Below this share of stop-word tokens the text is not taken to be in any
#: language we know (CJK, Arabic, or word lists); the neutral fallback applies.
MIN_SHARE = 0.08


def detect(blocks: Iterable[str]) -> Optional[str]:
    """The language code whose stop words cover most tokens, or None."""
    return detect_sample(sample_tokens(blocks))


def sample_tokens(blocks: Iterable[str]) -> list[list[str]]:
    """The casefolded word tokens of the first blocks, block by block.

    Blocks are taken in order until :data:`SAMPLE_TOKENS` tokens are reached;
    only the first :data:`SAMPLE_CHARS` characters of a block are read, so the
    tokens of a shorter block are those that :func:`features.measure` finds
    (the pipeline hands them on rather than tokenising the block twice).
    """
    sample: list[list[str]] = []
    n = 0
    for text in blocks:
        tokens = word_tokens(visible_text(text[:SAMPLE_CHARS]).casefold())
        sample.append(tokens)
        n += len(tokens)
        if n >= SAMPLE_TOKENS:
            break
    return sample


def detect_sample(sample: list[list[str]], lexicon: Optional[Lexicon] = None) -> Optional[str]:
    """:func:`detect` on the tokens of :func:`sample_tokens`, with the stop words of
    *lexicon* (default: the package's lexicon)."""
    total = sum(map(len, sample))
    if not total:
        return None
    # Speed: only tokens that are a stop word of some language are counted (one
    # C-level lookup per token), so each language's list meets only those.
    if lexicon is None:
        lexicon = default_lexicon()
    counts = Counter(filter(lexicon.all_stopwords.__contains__, chain.from_iterable(sample)))
    best, best_hits = None, 0
    for lang in lexicon.languages:
        hits = sum([counts[w] for w in lexicon.stopwords(lang).intersection(counts)])
        if hits > best_hits:
            best, best_hits = lang, hits
    if best is None or best_hits < MIN_SHARE * total:
        return None
    return best

