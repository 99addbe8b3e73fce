"""The page-level measurements the page-type detector weighs (:mod:`boilerstrip.page_types`).

Every feature is a share, a log count or a ratio over the blocks of one page, made in
one pass over the blocks from what the first labels already measured (each block's
:class:`~boilerstrip.features.Features` and first label): no block is tokenised again.
The cue words are English: on pages in other languages they are absent, which leaves
the shape features (short lines, prose, prices, dates, code, card runs) to decide, and
the detector then falls back to "article" unless the shapes are clear.
"""

from __future__ import annotations

import math
import re
from typing import Sequence

from .classify.label import HEADING, LIST_ITEM, PROSE, SENTENCE, Label
from .features import Features

#: The names of the features, in the order of :func:`page_features`' vector; the
#: fitted weights in ``data/page_types.json`` are stored in this order.
FEATURE_NAMES = (
    "log_blocks",
    "log_words",
    "short_lines",
    "prose_blocks",
    "prose_words",
    "longest_prose_run",
    "headings",
    "prices",
    "dates",
    "times",
    "forum_cues",
    "product_cues",
    "service_cues",
    "documentation_cues",
    "listing_cues",
    "article_cues",
    "code_lines",
    "card_runs",
    "questions",
    "numbered_steps",
    "key_value_lines",
    "digit_lines",
    "first_person",
    "second_person",
    "navigation_labels",
    "comments_labels",
    "related_labels",
    "share_labels",
    "byline_labels",
    "list_items",
    "log_prose_blocks",
    "log_longest_prose_run",
    "log_prices",
    "heading_teasers",
    "ratings",
)

#: Features that are counts (log1p of the count); the others are shares of the page,
#: given as their square root, which spreads the small shares most pages have.
_LOG_COUNTS = frozenset({"log_blocks", "log_words", "log_prose_blocks", "log_longest_prose_run", "log_prices"})

# A price: a currency sign next to a digit, or a currency code before a number.
# Linear: single characters and fixed words, no nested quantifier.
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?[€£₹]|\b(?:USD|EUR|GBP|CAD|AUD)\s?\d")
# A clock time ("10:45", "9:05 pm") or a numeric date ("12/03/2024", "2024-03-12").
_TIME = re.compile(r"\b\d{1,2}:\d\d\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
# A numbered step or list entry at the start of a block: "1.", "2)", "Step 3".
_STEP = re.compile(r"(?:\d{1,2}[.)]\s|step\s\d)", re.IGNORECASE)

#: Words of a short block that point at a kind of page (English). A block counts for a
#: kind when one of its words, or its first two or three words, is in that kind's set.
_CUES = {
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
        "plans enterprise onboarding platform partners careers features benefits quote"
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
_PHRASE_CUES = {
    "forum_cues": ("last post", "joined on", "original poster", "best answer", "accepted answer", "posted by"),
    "product_cues": ("add to cart", "add to bag", "add to basket", "in stock", "out of stock", "buy now", "free shipping", "add to wishlist", "size guide", "write a review"),
    "service_cues": ("get started", "free trial", "book a demo", "request a demo", "contact sales", "talk to sales", "learn more", "sign up", "get a quote", "trusted by", "contact us"),
    "documentation_cues": ("edit this page", "on this page", "table of contents", "see also", "was this page helpful", "next steps"),
    "listing_cues": ("read more", "continue reading", "load more", "view all", "see all", "sort by", "next page", "previous page", "older posts", "newer posts"),
    "article_cues": ("min read", "written by", "posted on", "published on", "share this", "related articles"),
}
_CUE_KINDS = tuple(_CUES)
_WORD_KIND = {word: kind for kind in _CUE_KINDS for word in _CUES[kind]}
_PHRASE_KIND = {phrase: kind for kind in _CUE_KINDS for phrase in _PHRASE_CUES[kind]}
_FIRST_PERSON = frozenset("i my me we our".split())
_SECOND_PERSON = frozenset("you your yours".split())
_TIME_WORDS = frozenset("ago yesterday today".split())
# A rating: stars, or "4.5 out of 5" (linear: fixed words around single digits).
_RATING = re.compile(r"[★☆]|\d(?:\.\d)?\s?(?:out of|/)\s?5\b|\bstars?\b", re.IGNORECASE)

#: Blocks of at most this many words are looked at for cue words, dates and prices.
_CUE_MAX_WORDS = 6
_DATE_MAX_WORDS = 10
_PRICE_MAX_WORDS = 30
_SHORT_WORDS = 4
_CODE_ENDS = ("{", "}", ";", "};", ");")
_CODE_STARTS = ("$ ", "# ", ">>> ", "import ", "from ", "def ", "const ", "let ", "var ", "<", "npm ", "pip ", "git ")

_TEXT = frozenset({PROSE, SENTENCE})


def _code_like(text: str, f: Features) -> bool:
    """A line that reads as source code or a shell command, not as prose."""
    if f.terminal and f.stop_ratio > 0.2:  # a sentence, not code
        return False
    stripped = text.strip()
    return (
        stripped.endswith(_CODE_ENDS)
        or stripped.startswith(_CODE_STARTS)
        or "()" in stripped
        or "=>" in stripped
        or "==" in stripped
        or ("_" in stripped and " " not in stripped and len(stripped) > 3)
    )


_CURRENCY = ("$", "€", "£", "¥", "₹", "USD", "EUR", "GBP", "CAD", "AUD")


def _has_currency(text: str) -> bool:
    return any(c in text for c in _CURRENCY)


def _may_rate(text: str) -> bool:
    if "★" in text or "☆" in text or "/" in text:
        return True
    folded = text.lower()
    return "star" in folded or "out of" in folded


def _shape(label: Label, f: Features) -> tuple[str, int, bool]:
    """What a card of a listing repeats: the kind of block, its length in steps of
    five words, and whether it ends like a sentence."""
    return (label.first, min(f.words // 5, 6), f.terminal)


def page_features(
    texts: Sequence[str], feats: Sequence[Features], labels: Sequence[Label], months: frozenset[str]
) -> list[float]:
    """The feature vector of one page (:data:`FEATURE_NAMES` order), in one pass."""
    n = len(texts)
    counts = dict.fromkeys(FEATURE_NAMES, 0.0)
    total_words = 0
    prose_words = run = longest_run = 0
    shapes: list[tuple[str, int, bool]] = []
    previous_heading = False
    word_kind, phrase_kind = _WORD_KIND, _PHRASE_KIND
    for text, f, label in zip(texts, feats, labels):
        w = f.words
        total_words += w
        cls = label.text_class
        first = label.first
        if cls in _TEXT and previous_heading:
            counts["heading_teasers"] += 1
        previous_heading = cls == HEADING
        if cls in _TEXT:
            prose_words += w
            counts["prose_blocks"] += 1
            run += w
            longest_run = max(longest_run, run)
        elif cls != HEADING and w > _SHORT_WORDS:
            run = 0
        if cls == HEADING:
            counts["headings"] += 1
        elif cls == LIST_ITEM:
            counts["list_items"] += 1
        if w <= _SHORT_WORDS:
            counts["short_lines"] += 1
        shape = _shape(label, f)
        if len(shapes) >= 3 and shape != shapes[-1] and (shape == shapes[-2] or shape == shapes[-3]):
            counts["card_runs"] += 1
        shapes.append(shape)
        if first in _FIRST_LABEL_FEATURES:
            counts[_FIRST_LABEL_FEATURES[first]] += 1
        if w <= _PRICE_MAX_WORDS:
            # Speed: the regexes run only on blocks that have what each needs (same counts).
            if _has_currency(text) and _PRICE.search(text):
                counts["prices"] += 1
            if _may_rate(text) and _RATING.search(text):
                counts["ratings"] += 1
        if w <= _DATE_MAX_WORDS and f.has_digits:
            counts["digit_lines"] += 1
            words = f.norm_words
            if _TIME.search(text):
                counts["times"] += 1
            if _NUMERIC_DATE.search(text) or not months.isdisjoint(words) or not _TIME_WORDS.isdisjoint(words):
                counts["dates"] += 1
        if w <= _CUE_MAX_WORDS and w:
            words = f.norm_words
            kinds = {word_kind[x] for x in words if x in word_kind}
            for k in (2, 3):
                kind = phrase_kind.get(" ".join(words[:k]))
                if kind:
                    kinds.add(kind)
            for kind in kinds:
                counts[kind] += 1
            if ":" in text and not f.colon:
                counts["key_value_lines"] += 1
        elif ":" in text[:40] and w <= _DATE_MAX_WORDS:
            counts["key_value_lines"] += 1
        if f.terminal_char == "?" and w >= 3:
            counts["questions"] += 1
        head = text.lstrip()[:1]
        if (head.isdigit() or head in "sS") and _STEP.match(text.lstrip()):
            counts["numbered_steps"] += 1
        if w and _code_like(text, f):
            counts["code_lines"] += 1
        if cls in _TEXT:
            words = f.norm_words if w <= 20 else tuple(f.norm.split())
            if not _FIRST_PERSON.isdisjoint(words):
                counts["first_person"] += 1
            if not _SECOND_PERSON.isdisjoint(words):
                counts["second_person"] += 1
    blocks = max(n, 1)
    vector = []
    for name in FEATURE_NAMES:
        if name == "log_blocks":
            value = float(n)
        elif name == "log_words":
            value = float(total_words)
        elif name == "log_prose_blocks":
            value = counts["prose_blocks"]
        elif name == "log_longest_prose_run":
            value = float(longest_run)
        elif name == "log_prices":
            value = counts["prices"]
        elif name == "prose_words":
            value = prose_words / total_words if total_words else 0.0
        elif name == "longest_prose_run":
            value = longest_run / total_words if total_words else 0.0
        elif name in ("first_person", "second_person"):
            value = counts[name] / max(counts["prose_blocks"], 1.0)
        else:
            value = counts[name] / blocks
        vector.append(math.log1p(value) if name in _LOG_COUNTS else math.sqrt(value))
    return vector


#: First labels whose share of the blocks is a feature of its own.
_FIRST_LABEL_FEATURES = {
    "navigation": "navigation_labels",
    "comments": "comments_labels",
    "related": "related_labels",
    "share": "share_labels",
    "byline": "byline_labels",
}
