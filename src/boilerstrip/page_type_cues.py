"""The cues of a page that the page-type detector counts: cue words
(:func:`cue_words`), and prices, clock times, key-value lines, numbered steps, first-
and second-person words (:func:`scan`).

Speed: the detector must cost text mode little, and most blocks of a page are new
to it (nothing is cached per block), so a page is gone through in list comprehensions
and C-speed calls (``itertools.compress``, ``str.join``, ``Counter``, ``str.count``),
with no Python function called per block, and each cue is tested only where it can
be: the words of the short lines are counted once and only the cue words among them
kept; the signs a price or a key-value line needs are looked for in the joined short
lines before any line is; the step pattern runs on the blocks that start with a
digit, found in the string of the blocks' first characters; the person words
are counted in the openings of the first prose blocks. No regex runs over a
paragraph, except the step pattern anchored at its start.

The cue words are English: on pages in other languages they are absent, which
leaves the shapes (short lines, prose, prices, dates, steps) to decide.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress
from operator import itemgetter
from typing import Sequence

from .features import Features, norm_words_of

# A price: a currency sign next to a digit. Linear: single characters, no nested quantifier.
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?[€£¥₹]")
#: What a price holds: a currency sign (a price given by its code alone, "USD 20",
#: is not looked for: searching the page for each code cost more than it told).
_CURRENCY_SIGNS = ("$", "€", "£", "¥", "₹")
# A clock time ("10:45", "9:05 pm").
_TIME = re.compile(r"\b\d{1,2}:\d\d\b")
# A numbered step or list entry at the start of a block: "1. ", "12) ". ("Step 3" is
# left out: 5 % of such lines in WCEB, and every block that starts with an "S" would
# have been matched for it.)
_STEP = re.compile(r"\d{1,2}[.)]\s")
#: The first characters a step can have (searched in the string of the blocks' first characters).
_STEP_HEADS = tuple("0123456789")

#: Words of a short line that point at a kind of page (English): each occurrence in a
#: line of at most :data:`CUE_MAX_WORDS` words counts for its kind ("quote" is a
#: forum's; a service's quote is the phrase "get a quote").
CUE_WORDS = {
    "forum_cues": (
        "reply replies quote quoted posted joined posts member members moderator registered thread threads "
        "wrote said upvote upvotes votes vote answered asked permalink reputation solved op "
        "likes liked report topic topics"
    ).split(),
    "product_cues": (
        "sku qty quantity wishlist cart basket checkout shipping delivery returns specifications specs "
        "warranty dimensions weight stock instock reviews rating ratings sizes size colour color"
    ).split(),
    "service_cues": (
        "pricing demo trial consultation solutions services integrations testimonials customers clients "
        "plans enterprise onboarding platform partners careers features benefits"
    ).split(),
    "documentation_cues": (
        "parameters parameter returns return arguments argument syntax example examples installation install "
        "usage api reference documentation docs deprecated default type note warning tip version prerequisites "
        "contents overview"
    ).split(),
    "listing_cues": (
        "results showing sort filter filters older newer archive archives categories category tags "
        "view all items listings browse"
    ).split(),
    "article_cues": "by min read published updated advertisement author editor reporter columnist".split(),
}
#: Short lines that point at a kind of page as a whole ("Add to cart"), counted
#: besides their words.
CUE_PHRASES = {
    "forum_cues": ("last post", "joined on", "original poster", "best answer", "accepted answer", "posted by"),
    "product_cues": (
        "add to cart", "add to bag", "add to basket", "in stock", "out of stock", "buy now", "free shipping",
        "add to wishlist", "size guide", "write a review",
    ),
    "service_cues": (
        "get started", "free trial", "book a demo", "request a demo", "contact sales", "talk to sales",
        "learn more", "sign up", "get a quote", "trusted by", "contact us",
    ),
    "documentation_cues": (
        "edit this page", "on this page", "table of contents", "see also", "was this page helpful", "next steps",
    ),
    "listing_cues": (
        "read more", "continue reading", "load more", "see all", "sort by", "next page",
        "previous page", "older posts", "newer posts",
    ),
    "article_cues": ("min read", "written by", "posted on", "published on", "share this", "related articles"),
}


def _kinds_of_words() -> dict[str, tuple[str, ...]]:
    """Each cue word's kinds ("returns" is a product's and a documentation's)."""
    kinds: dict[str, tuple[str, ...]] = {}
    for kind, words in CUE_WORDS.items():
        for word in words:
            kinds[word] = (*kinds.get(word, ()), kind)
    return kinds


_WORD_KINDS = _kinds_of_words()
_PHRASE_KIND = {phrase: kind for kind, phrases in CUE_PHRASES.items() for phrase in phrases}
_CUE_WORD_SET = frozenset(_WORD_KINDS)
_CUE_PHRASE_SET = frozenset(_PHRASE_KIND)
_FIRST_PERSON = tuple(f" {w} " for w in "i my me we our".split())
_SECOND_PERSON = tuple(f" {w} " for w in "you your yours".split())

#: Lines of at most this many words are the short lines: looked at for times, prices
#: and key-value colons.
SHORT_MAX_WORDS = 10
#: A line of at most this many words with a colon inside is a key-value pair.
KEY_VALUE_MAX_WORDS = 6
#: Lines of at most this many words are looked at for cue words: buttons and labels
#: ("Reply", "Add to cart", "12 replies", "Joined: May 2020").
CUE_MAX_WORDS = 4
#: The person words are counted in this many characters at the start of each prose
#: block's normalised text (chosen by hand: about a paragraph's first sentence, where
#: "I" and "you" show who writes to whom; the rest of a long paragraph costs more
#: time than it tells).
PERSON_CHARS = 100
#: ... of this many prose blocks at most (chosen by hand: a page's voice shows in its
#: first paragraphs; a long thread or article would cost time in proportion).
PERSON_BLOCKS = 20
#: A key: value line has its colon this close to the start.
_KEY_CHARS = 40
_FIRST_CHAR = itemgetter(0)


def cue_words(feats: Sequence[Features], words: Sequence[int]) -> dict[str, float]:
    """Per kind of page (the keys of :data:`CUE_WORDS`): the occurrences of its cue words
    in the short lines (of at most :data:`CUE_MAX_WORDS` words), plus the short lines
    that are one of its phrases. *words*: each block's word count."""
    lines = [f for f, w in zip(feats, words) if 0 < w <= CUE_MAX_WORDS]
    out = dict.fromkeys(CUE_WORDS, 0.0)
    # A short line keeps its words on its Features; only the few cue words are counted.
    cue_set = _CUE_WORD_SET
    for word, n in Counter([w for line in norm_words_of(lines) for w in line if w in cue_set]).items():
        for kind in _WORD_KINDS[word]:
            out[kind] += n
    phrase_set = _CUE_PHRASE_SET
    for line, n in Counter([norm for f in lines if (norm := f.norm) in phrase_set]).items():
        out[_PHRASE_KIND[line]] += n
    return out


def _steps(texts: Sequence[str]) -> int:
    """The blocks that start like a numbered step ("1. ", "2) "): found in the string of
    every block's first character, then matched."""
    heads = "".join(map(_FIRST_CHAR, texts)) if all(texts) else "".join([t[:1] or " " for t in texts])
    n = 0
    find = heads.find
    for head in _STEP_HEADS:
        at = find(head)
        while at >= 0:
            n += _STEP.match(texts[at]) is not None
            at = find(head, at + 1)
    return n


def _person(prose_norms: list[str]) -> tuple[float, float]:
    """Occurrences of first- and second-person words in the openings of the first
    :data:`PERSON_BLOCKS` prose blocks."""
    padded = " " + " \n ".join([norm[:PERSON_CHARS] for norm in prose_norms[:PERSON_BLOCKS]]) + " "
    count = padded.count
    return float(sum([count(p) for p in _FIRST_PERSON])), float(sum([count(p) for p in _SECOND_PERSON]))


def _colon_lines(lines: list[tuple[str, Features]]) -> tuple[float, float]:
    """Of the short *lines* with a colon: the key-value pairs ("Posts: 12", "Joined: May
    2020"; a line ending with its colon introduces a list instead) and the clock times."""
    key_value = times = 0
    for text, f in lines:
        if f.words <= KEY_VALUE_MAX_WORDS:
            key_value += not f.colon
        elif ":" in text[:_KEY_CHARS]:
            key_value += 1
        times += _TIME.search(text) is not None
    return float(key_value), float(times)


def scan(
    texts: Sequence[str],
    feats: Sequence[Features],
    words: Sequence[int],
    prose_norms: list[str],
) -> dict[str, float]:
    """The counts of the scan features of one page (names as in
    :data:`boilerstrip.page_type_features.SCAN_NAMES`); *words* are its blocks' word
    counts, *prose_norms* the normalised texts of its prose and sentence blocks."""
    counts: dict[str, float] = {}
    counts["numbered_steps"] = float(_steps(texts))
    counts["first_person"], counts["second_person"] = _person(prose_norms)

    is_short = [0 < w <= SHORT_MAX_WORDS for w in words]
    s_texts, s_feats = list(compress(texts, is_short)), list(compress(feats, is_short))
    joined = "\n".join(s_texts)
    prices: set[int] = set()  # the short lines with a currency sign
    for sign in _CURRENCY_SIGNS:
        if sign in joined:  # most pages show none
            prices.update([k for k, t in enumerate(s_texts) if sign in t])
    counts["prices"] = float(sum([1 for k in prices if _PRICE.search(s_texts[k])]))
    if ":" in joined:
        colon_lines = [(t, f) for t, f in zip(s_texts, s_feats) if ":" in t]
        counts["key_value_lines"], counts["times"] = _colon_lines(colon_lines)
    else:
        counts["key_value_lines"] = counts["times"] = 0.0
    return counts
