"""Blocks built to measure for the rule and pass tests: exact word counts, stop-word
shares and phrase matchers of our own, so that inputs follow the named thresholds and do
not depend on what the lexicon files hold (the real lexicon is used only for a few
obvious phrases and the end-to-end cases)."""

from __future__ import annotations

import math


from boilerstrip import Options, features, lexicon, rules, strip, title
from boilerstrip.classify import text_classes
from boilerstrip.lexicon import PhraseMatcher
from strategies import PLAIN_PARAGRAPHS

#: A stop-word set of our own, so ratios are exact and independent of the lexicon.
STOP = frozenset({"the", "of", "and", "to", "in", "a", "was", "that", "it", "on"})
#: Content words, none of them in STOP, none a clutter phrase.
CONTENT = ("river", "bridge", "harbour", "council", "valley", "engineers", "winter", "garden",
           "museum", "village", "workers", "storm", "station", "forest", "doctors", "library")

EMPTY = PhraseMatcher([])  # no phrases at all: only the shape rules can fire
MONTHS = lexicon.months()


#: Article paragraphs for end-to-end cases (plain English, 30-40 words each).
PARA = PLAIN_PARAGRAPHS


def measure(text: str, stop: frozenset[str] = STOP) -> features.Features:
    return features.measure(text, stop)


def content(n: int, capitalise: bool = False) -> list[str]:
    """*n* content words (no stop words)."""
    words = [CONTENT[i % len(CONTENT)] for i in range(n)]
    return [w.capitalize() for w in words] if capitalise else words


def block(words: int, stop: int, end: str = ".") -> str:
    """A block of exactly *words* words, *stop* of them from STOP, ending with *end*."""
    assert 0 <= stop <= words
    stops = ["the", "of", "and", "to", "in"]
    seq = []
    c = content(words - stop)
    for i in range(words):  # spread the stop words through the block
        if stop and (i * stop) // words != ((i + 1) * stop) // words:
            seq.append(stops[len(seq) % len(stops)])
        else:
            seq.append(c.pop())
    text = " ".join(seq)
    text = text[0].upper() + text[1:] + end
    f = measure(text)
    assert (f.words, f.stopwords) == (words, stop), (text, f)
    return text


def min_stop(words: int, ratio: float) -> int:
    """The fewest stop words that give *words* words a stop ratio of at least *ratio*."""
    k = math.floor(ratio * words)
    while k / words < ratio:
        k += 1
    while k > 0 and (k - 1) / words >= ratio:
        k -= 1
    return k


def lex(text: str, matcher: PhraseMatcher) -> rules.Label:
    """The lexicon rule alone on *text*."""
    return rules.lexicon_rule(text, measure(text), matcher, MONTHS)


def headline_like(text: str) -> bool:
    return title.headline_like(text, measure(text))


def classify_text(text: str, language_known: bool = True) -> tuple[str, str]:
    return text_classes.text_class(measure(text), language_known)


def first_rule(text: str, matcher: PhraseMatcher = EMPTY) -> rules.Label:
    return rules.first_rule(text, measure(text), matcher, MONTHS)


# --- Sections, captions, lists (through strip, with phrase lists of our own) ------------------

def blocks_of(source: str):
    """``[(text, category, reasons)]`` of strip(source) in English."""
    result = strip(source, options=Options(language="en"))
    return [(source[b.start : b.end], b.category, b.reasons) for b in result.blocks]


SECTION_MATCHER = PhraseMatcher([("comments", "exact", "leave a reply"), ("comments", "prefix", "comments")])
CUT = PhraseMatcher([("section_cut", "exact", "leave a reply"), ("section_cut", "prefix", "more from")])


def with_phrase(kind: str, phrase: str, words: int, end: str = "") -> str:
    """A block of exactly *words* words holding *phrase* as a prefix, suffix or inside."""
    p = phrase.split()
    filler = content(words - len(p), capitalise=True)
    if kind == "prefix":
        seq = p + filler
    elif kind == "suffix":
        seq = filler + p
    else:
        half = len(filler) // 2
        seq = filler[:half] + p + filler[half:]
    text = " ".join(seq) + end
    assert measure(text).words == words
    return text


def min_share(words: int, share: float) -> int:
    """The fewest date tokens that make *share* of *words* words."""
    return next(k for k in range(words + 1) if k >= share * words)


#: Article paragraphs about cycle lanes (plain English, about 20 words each).
CYCLE = [
    "The council approved the new cycle lanes on Tuesday after a long debate about parking in the old town.",
    "Residents had asked for safer routes to the two schools on the hill for more than five years now.",
    "Work on the first lane starts in March and the council expects the whole network to be finished by autumn.",
]
