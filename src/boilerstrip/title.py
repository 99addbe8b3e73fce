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

#: Longest headline, in words. Headlines in the dev benchmarks stay well below.
MAX_TITLE_WORDS = 30
#: How many kept-looking blocks above the article are considered.
TITLE_WINDOW = 6
#: Below this score no block is taken for the title: a two-word label next to
#: the article (-2.5) is not a headline, a three-word one (-0.5) may be.
MIN_TITLE_SCORE = -1.0
#: Score lost per block of distance from the article (see _title_score).
DISTANCE_PENALTY = 0.5
#: Score added to a block the page's metadata names as the headline: more than any
#: text evidence and distance can make up (see _title_score).
MARKED_TITLE_BONUS = 20.0
#: A ``<title>`` line may add at most this many words (the site name) to the headline.
MAX_SITE_WORDS = 8

#: A block that is the page's ``<title>`` headline loses no more score to distance
#: than at this many blocks: wherever it stands above the article it is better
#: evidence than a nearer line without any (a table of contents, a teaser, a label).
#: Measured: trafilatura-eval-dev html_text F1 +0.0007 / +0.0015 (halves a / b),
#: nothing else changes; 3 gains 0.0007 more on half b but costs AEB html_text 0.0001,
#: 10 is the same as 6, no cap at all loses 0.0011.
PAGE_TITLE_MAX_DISTANCE = 6

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
        2 <= f.words <= MAX_TITLE_WORDS
        and f.has_letters
        and f.sentences == 1
        and not _ends_with_period(f)
        and not _LINK_ONLY.match(text)
    )


def _numbered_item(text: str) -> bool:
    """The line opens with an item number ("20. 7.3 Tips"), as renderers print the
    items of an ordered list: a table of contents or a ranking, not the headline.
    Such a line is neither a candidate nor counted in the distance to the article
    (trafilatura-eval-dev inscriptis F1 +0.0007 on half b, nothing else changes)."""
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
        if distance > TITLE_WINDOW and not in_page_title and i not in marked:
            continue
        if not headline_like(texts[i], feats[i]):
            continue
        penalty = DISTANCE_PENALTY * (min(distance, PAGE_TITLE_MAX_DISTANCE) if in_page_title else distance)
        score = _title_score(texts[i], feats[i], counts[norms[i]] > 1, in_page_title) - penalty
        if i in marked:
            score += MARKED_TITLE_BONUS
        if score > best_score and score >= MIN_TITLE_SCORE:
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
    if article_start == 0 or removable[0] or feats[0].words > MAX_TITLE_WORDS + MAX_SITE_WORDS:
        return False
    piece = _headline_piece(texts[0])
    return piece is not None and len(texts[0][piece[0] : piece[1]].split()) >= 3


def _title_score(text: str, f: Features, repeated: bool, in_page_title: bool) -> float:
    """How much a headline-like block looks like the headline.

    Evidence, strongest first: it is the headline part of the ``<title>`` line
    (+4); it is a markdown level-1 heading (+3); the page prints it more than
    once (+2); it has a headline's length, 4 to 20 words (+1), while one or two
    words are a label or a menu item (-2).
    """
    score = 0.0
    if in_page_title:
        score += 4
    if text.startswith("# "):
        score += 3
    if repeated:
        score += 2
    if 4 <= f.words <= 20:
        score += 1
    elif f.words <= 2:
        score -= 2
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
    if not texts or feats[0].words > MAX_TITLE_WORDS + MAX_SITE_WORDS:
        return ""
    piece = _headline_piece(texts[0])
    a, b = piece if piece else (0, len(texts[0]))
    return normalise(texts[0][a:b])


def _names_page(norm: str, title_line: str) -> bool:
    """The block is the normalised page-title line *title_line* without a site name
    at one end, the site name being the smaller part: "Headline - Part two | Site"
    names the block "Headline - Part two", although the line's longest piece is only
    one part of it (trafilatura-eval-dev html_text F1 +0.0007 on half a, nothing
    else changes)."""
    return bool(title_line) and _is_page_title_of(title_line, norm) and 2 * len(norm.split()) > len(title_line.split())


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
    return len(extra.split()) <= MAX_SITE_WORDS
