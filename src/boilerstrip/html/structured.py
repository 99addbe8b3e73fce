"""Structured data a page carries about its article: JSON-LD and ``<meta>`` tags."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

#: JSON-LD nests: ``@graph`` lists, ``mainEntity``; the walk stops this deep.
MAX_DEPTH = 8
_WHITE = re.compile(r"\s+")
# A tag written into the JSON-LD text (some sites put the article's HTML there):
# "<", a letter, "/" or "!", then up to 1000 characters that are not angle brackets.
# Bounded and without nested quantifiers: linear.
_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,1000}>")
# Typographic quotes and apostrophes, folded to ASCII for matching.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})


@dataclass(frozen=True)
class Structured:
    """What JSON-LD and meta tags say: the headline, og:title and the article body."""

    headline: Optional[str] = None
    og_title: Optional[str] = None
    article_body: Optional[str] = None
    #: ``article_body`` as :func:`match_key` writes it (None without one).
    article_body_key: Optional[str] = field(default=None, repr=False, compare=False)

    def in_article_body(self, text: str) -> bool:
        """Whether *text* (a rendered line) is part of the JSON-LD ``articleBody``,
        compared by :func:`match_key`."""
        return self.article_body_key is not None and match_key(text) in self.article_body_key


def normalise(text: str) -> str:
    """Every run of white space as one space, trimmed (for containment tests)."""
    return _WHITE.sub(" ", text).strip()


def match_key(text: str) -> str:
    """*text* for containment tests between the rendered page and the JSON-LD
    ``articleBody``: character references decoded (``&nbsp;``, ``&apos;``), tags
    removed, typographic quotes folded, and no white space at all (tags and inline
    elements put spaces where the other side has none: "cosmology ." / "cosmology.").

    >>> match_key("US&nbsp;trade <b>talks</b> “stall” .")
    'UStradetalks"stall".'
    """
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    return "".join(text.translate(_QUOTES).split())


def _objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        yield value
        for v in value.values():
            if isinstance(v, (dict, list)):
                yield from _objects(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            yield from _objects(v, depth + 1)


def read_structured(scripts: list[str], meta: dict[str, str]) -> Structured:
    """The first ``headline`` and the longest ``articleBody`` of the JSON-LD scripts,
    and ``og:title`` (or ``twitter:title``) from the meta tags. Broken JSON is skipped."""
    headline: Optional[str] = None
    body: Optional[str] = None
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            h = obj.get("headline")
            if headline is None and isinstance(h, str) and h.strip():
                # JSON-LD strings are JSON, not HTML, but plugins write "&#8216;" into them.
                headline = normalise(html.unescape(h) if "&" in h else h)
            b = obj.get("articleBody")
            if isinstance(b, str) and len(b) > len(body or ""):
                body = b
    og = meta.get("og:title") or meta.get("twitter:title")
    return Structured(
        headline, normalise(og) if og else None, normalise(body) if body else None, match_key(body) if body else None
    )
