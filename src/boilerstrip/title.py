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
from typing import Optional, Sequence

from .features import Features

#: Longest headline, in words. Headlines in the dev benchmarks stay well below.
MAX_TITLE_WORDS = 30
#: How many blocks above the article a lone headline may stand (skipping
#: bylines, share rows and other removed blocks, which are not counted).
MAX_TITLE_DISTANCE = 3
#: A ``<title>`` line may add at most this many words (the site name) to the headline.
MAX_SITE_WORDS = 8

# Separators between headline and site name in a page title.
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—·•:»]+\s+|\s*::\s*")


@dataclass(frozen=True)
class TitleChoice:
    index: int  # block holding the title
    start: int  # offsets of the title inside that block
    end: int
    duplicates: tuple[int, ...]  # every other block that repeats the headline


def headline_like(f: Features) -> bool:
    """Short, has letters, and does not end in a full stop."""
    return 2 <= f.words <= MAX_TITLE_WORDS and f.letters > 0 and not _ends_with_period(f)


def _ends_with_period(f: Features) -> bool:
    return f.terminal and f.terminal_char not in "?!"


def find_title(
    texts: Sequence[str],
    spans: Sequence[tuple[int, int]],
    feats: Sequence[Features],
    removable: Sequence[bool],
    article_start: int,
) -> Optional[TitleChoice]:
    """Choose the headline among the blocks before *article_start*.

    *removable* marks blocks a rule already labelled as clutter; they are
    skipped as candidates. Returns None when no block looks like a headline.
    """
    if article_start <= 0:
        return None
    norms = [f.norm for f in feats]
    counts: dict[str, int] = {}
    for n in norms:
        counts[n] = counts.get(n, 0) + 1
    candidates = [
        i for i in range(article_start) if not removable[i] and headline_like(feats[i])
    ]
    if not candidates:
        return None
    candidate_set = set(candidates)
    # 1. A block that is the headline part of the page-title line ("Headline - Site").
    page_title = _page_title_parts(texts, feats)
    from_page_title = [i for i in candidates if norms[i] in page_title and i != page_title[norms[i]]]
    chosen: Optional[int] = None
    if from_page_title:
        # The longest matching part is the headline; a short one is the site name.
        chosen = max(reversed(from_page_title), key=lambda i: len(norms[i]))
    else:
        # Walk up from the article: the nearest repeated headline-like block wins,
        # else the nearest headline-like block, both within MAX_TITLE_DISTANCE.
        nearest = None
        distance = 0
        for i in range(article_start - 1, -1, -1):
            if removable[i]:
                continue
            distance += 1
            if distance > MAX_TITLE_DISTANCE:
                break
            if i in candidate_set:
                if counts[norms[i]] > 1:
                    chosen = i
                    break
                if nearest is None:
                    nearest = i
        if chosen is None:
            chosen = nearest
    if chosen is None:
        return None
    title_norm = norms[chosen]
    duplicates = tuple(
        i for i, n in enumerate(norms) if i != chosen and (n == title_norm or _is_page_title_of(n, title_norm))
    )
    start, end = spans[chosen]
    return TitleChoice(chosen, start, end, duplicates)


def _page_title_parts(texts: Sequence[str], feats: Sequence[Features]) -> dict[str, int]:
    """Normalised parts of the first block when it reads like a page title."""
    if not texts or feats[0].words > MAX_TITLE_WORDS + MAX_SITE_WORDS:
        return {}
    from .lexicon import normalise

    parts = {normalise(p): 0 for p in _TITLE_SEPARATORS.split(texts[0]) if p.strip()}
    parts.pop("", None)
    return parts


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
