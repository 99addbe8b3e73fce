"""Find the headline once and mark every other copy of it.

Observations this rests on:

1. The headline stands just above the article, after the menus.
2. Pages print it more than once: the ``<title>`` line ("Headline - Site"),
   the ``<h1>``, social cards, sticky headers, and sometimes again mid-article.
3. A headline is short and does not end in a full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Set as AbstractSet
from typing import Optional, Sequence

from .features import Features
from .lexicon import normalise
from .thresholds import HAND, limit, measured

@dataclass(frozen=True)
class TitleLimits:
    """The thresholds and score weights of the headline search (all chosen by hand
    but one: the weights order the evidence, they were not fitted)."""

    min_title_words: int = limit(2, HAND, "one word is a label or a menu item")
    max_title_words: int = limit(30, HAND, "headlines stay well below this")
    title_window: int = limit(6, HAND, "kept-looking blocks above the article that are considered")
    min_title_score: float = limit(
        -1.0, HAND, "below this no block is the title: a two-word label (-2.5) is not, a three-word one (-0.5) may be"
    )
    distance_penalty: float = limit(0.5, HAND, "score lost per block of distance from the article")
    marked_title_bonus: float = limit(
        20.0, HAND, "a block the page's metadata names as the headline: more than text evidence and distance make up"
    )
    max_site_words: int = limit(8, HAND, "words a <title> line may add to the headline (the site name)")
    page_title_max_distance: int = limit(
        6, measured("aeb-dev", "trafilatura-eval-dev"),
        "the <title> headline loses no more to distance than at this many blocks; 3 and no cap measured worse",
    )
    min_fallback_words: int = limit(3, HAND, "a headline taken from the <title> line alone has this many words")
    score_page_title: float = limit(4.0, HAND, "evidence, strongest first: the headline part of the <title> line")
    score_level_one: float = limit(3.0, HAND, "a Markdown level-1 heading")
    score_repeated: float = limit(2.0, HAND, "printed more than once")
    score_headline_length: float = limit(1.0, HAND, "a headline's length (see min/max_headline_length)")
    score_label: float = limit(-2.0, HAND, "one or two words: a label or a menu item")
    min_headline_length: int = limit(4, HAND)
    max_headline_length: int = limit(20, HAND)
    max_label_words: int = limit(2, HAND)
    min_named_share: float = limit(0.5, HAND, "a block naming the page is more than this share of the <title> line")


LIMITS = TitleLimits()

# An ordered list's item number at the start of a line: "3. ", "12. " (see _numbered_item).
_ITEM_NUMBER = re.compile(r"\d{1,3}\. ")

# A markdown link alone on its line, maybe as a heading: "# [Site](https://...)".
_LINK_ONLY = re.compile(r"\A[#*\s]*\[[^\]]*\]\([^)\s]*\)\s*\Z")
# Separators between headline and site name in a page title.
# Only the separator characters are matched (with white space on both sides checked
# by lookarounds), so a long run of spaces costs linear time.
_TITLE_SEPARATORS = re.compile(r"(?<=\s)[-|–—·•:»]+(?=\s)")


@dataclass(frozen=True)
class TitleChoice:
    index: int  # block holding the title
    start: int  # offsets of the title inside that block
    end: int
    duplicates: tuple[int, ...]  # every other block that repeats the headline


def headline_like(text: str, f: Features) -> bool:
    """Short, one sentence, does not end in a full stop, and is not a bare link."""
    return (
        LIMITS.min_title_words <= f.words <= LIMITS.max_title_words
        and f.has_letters
        and f.sentences == 1
        and not _ends_with_period(f)
        and not _LINK_ONLY.match(text)
    )


def _numbered_item(text: str) -> bool:
    """The line opens with an item number ("20. 7.3 Tips"), as renderers print the
    items of an ordered list: a table of contents or a ranking, not the headline.
    Such a line is neither a candidate nor counted in the distance to the article."""
    return _ITEM_NUMBER.match(text) is not None


def _ends_with_period(f: Features) -> bool:
    return f.terminal and f.terminal_char not in "?!"


def find_title(
    texts: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    removable: Sequence[bool],
    article_start: int,
    marked: AbstractSet[int] = frozenset(),
) -> Optional[TitleChoice]:
    """Choose the headline among the blocks before *article_start*.

    *removable* marks blocks a rule already labelled as clutter; they are
    skipped as candidates. *marked* are blocks the page's metadata names as
    its headline (HTML front end: the JSON-LD ``headline`` or ``og:title``);
    they win over the text evidence wherever they stand above the article.
    Returns None when no block looks like a headline.
    """
    if article_start <= 0:
        return None
    norms = [f.norm for f in feats]
    counts: dict[str, int] = {}
    for n in norms:
        counts[n] = counts.get(n, 0) + 1
    page_title = _page_title_parts(texts, feats)
    title_line = norms[0] if page_title else ""
    # Score the candidates near the article; page-title matches may stand anywhere above it.
    best_score = float("-inf")
    chosen: Optional[int] = None
    distance = 0
    for i in range(article_start - 1, -1, -1):
        if removable[i] or _numbered_item(texts[i]):
            continue
        distance += 1
        in_page_title = i != 0 and (norms[i] == page_title or _names_page(norms[i], title_line))
        if distance > LIMITS.title_window and not in_page_title and i not in marked:
            continue
        if not headline_like(texts[i], feats[i]):
            continue
        penalty = LIMITS.distance_penalty * (min(distance, LIMITS.page_title_max_distance) if in_page_title else distance)
        score = _title_score(texts[i], feats[i], counts[norms[i]] > 1, in_page_title) - penalty
        if i in marked:
            score += LIMITS.marked_title_bonus
        if score > best_score and score >= LIMITS.min_title_score:
            best_score, chosen = score, i
    if chosen is None and _page_title_fallback(texts, feats, removable, article_start):
        chosen = 0  # only the <title> line has the headline: take its headline part
    if chosen is None:
        return None
    title_norm = norms[chosen]
    duplicates = tuple(
        i
        for i, n in enumerate(norms)
        # (a substring test first: most blocks hold no copy of the headline at all)
        if i != chosen and (n == title_norm or (title_norm in n and _is_page_title_of(n, title_norm)))
    )
    start, end = spans[chosen]
    piece = _headline_piece(texts[0]) if chosen == 0 else None
    if piece is not None:  # without the site name
        start, end = start + piece[0], start + piece[1]
    else:  # without Markdown marks around it
        a, b = _inside_markup(texts[chosen])
        start, end = start + a, start + b
    return TitleChoice(chosen, start, end, duplicates)


# Markdown around a headline: heading marks, bold, and a link whose text it is.
_HEADING_MARKS = re.compile(r"#{1,6}[ \t]+")
_LINK_TEXT = re.compile(r"\[([^\[\]]+)\]\([^()\s]*(?:[ \t]+\"[^\"]*\")?\)\Z")


def _inside_markup(text: str) -> tuple[int, int]:
    """Offsets of the headline inside "## [**Headline**](url)"; the whole *text* without any."""
    a, b = 0, len(text)
    m = _HEADING_MARKS.match(text)
    if m:
        a = m.end()
    m = _LINK_TEXT.match(text, a)
    if m:
        a, b = m.span(1)
    for mark in ("**", "__"):
        if b - a > 2 * len(mark) and text.startswith(mark, a) and text.endswith(mark, a, b):
            a, b = a + len(mark), b - len(mark)
    return a, b


def _page_title_fallback(
    texts: Sequence[str], feats: Sequence[Features], removable: Sequence[bool], article_start: int
) -> bool:
    """The first block reads "Headline - Site" with a headline of 3+ words."""
    if article_start == 0 or removable[0] or feats[0].words > LIMITS.max_title_words + LIMITS.max_site_words:
        return False
    piece = _headline_piece(texts[0])
    return piece is not None and len(texts[0][piece[0] : piece[1]].split()) >= LIMITS.min_fallback_words


def _title_score(text: str, f: Features, repeated: bool, in_page_title: bool) -> float:
    """How much a headline-like block looks like the headline.

    Evidence, strongest first: it is the headline part of the ``<title>`` line
    (``score_page_title``); it is a markdown level-1 heading (``score_level_one``);
    the page prints it more than once (``score_repeated``); it has a headline's
    length (``score_headline_length``), while one or two words are a label or a
    menu item (``score_label``).
    """
    score = 0.0
    if in_page_title:
        score += LIMITS.score_page_title
    if text.startswith("# "):
        score += LIMITS.score_level_one
    if repeated:
        score += LIMITS.score_repeated
    if LIMITS.min_headline_length <= f.words <= LIMITS.max_headline_length:
        score += LIMITS.score_headline_length
    elif f.words <= LIMITS.max_label_words:
        score += LIMITS.score_label
    return score


def _parts(text: str) -> list[tuple[int, int]]:
    """Spans of the pieces of a page-title line between separators, trimmed."""
    pieces = []
    pos = 0
    for m in _TITLE_SEPARATORS.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    trimmed = []
    for a, b in pieces:
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            trimmed.append((a, a + len(stripped)))
    return trimmed


def _headline_piece(text: str) -> Optional[tuple[int, int]]:
    """Offsets of the headline (the longest piece) in a "Headline - Site" line;
    None when the line has no separator."""
    pieces = _parts(text)
    if len(pieces) < 2:
        return None
    return max(pieces, key=lambda p: p[1] - p[0])


def headline_part(text: str) -> str:
    """The headline of a "Headline - Site" title (its longest piece), else the whole text."""
    piece = _headline_piece(text)
    return text[piece[0] : piece[1]] if piece else text


def _page_title_parts(texts: Sequence[str], feats: Sequence[Features]) -> str:
    """The normalised headline part of the first block when it reads like a
    page title ("Headline - Site"); "" otherwise."""
    if not texts or feats[0].words > LIMITS.max_title_words + LIMITS.max_site_words:
        return ""
    piece = _headline_piece(texts[0])
    a, b = piece if piece else (0, len(texts[0]))
    return normalise(texts[0][a:b])


def _names_page(norm: str, title_line: str) -> bool:
    """The block is the normalised page-title line *title_line* without a site name
    at one end, the site name being the smaller part: "Headline - Part two | Site"
    names the block "Headline - Part two", although the line's longest piece is only
    one part of it."""
    return (
        bool(title_line)
        and _is_page_title_of(title_line, norm)
        and len(norm.split()) > LIMITS.min_named_share * len(title_line.split())
    )


def _is_page_title_of(norm: str, title_norm: str) -> bool:
    """True for "headline site name" and "site name headline" forms of the headline."""
    if len(norm) <= len(title_norm) or not title_norm:
        return False
    if norm.startswith(title_norm + " "):
        extra = norm[len(title_norm) + 1 :]
    elif norm.endswith(" " + title_norm):
        extra = norm[: -len(title_norm) - 1]
    else:
        return False
    return len(extra.split()) <= LIMITS.max_site_words
