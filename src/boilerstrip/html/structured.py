"""Structured data a page carries about its article: JSON-LD and ``<meta>`` tags."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterator, Optional

#: JSON-LD nests: ``@graph`` lists, ``mainEntity``; the walk stops this deep.
MAX_DEPTH = 8
_WHITE = re.compile(r"\s+")


@dataclass(frozen=True)
class Structured:
    """What JSON-LD and meta tags say: the headline, og:title and the article body."""

    headline: Optional[str] = None
    og_title: Optional[str] = None
    article_body: Optional[str] = None


def normalise(text: str) -> str:
    """Every run of white space as one space, trimmed (for containment tests)."""
    return _WHITE.sub(" ", text).strip()


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
                headline = normalise(h)
            b = obj.get("articleBody")
            if isinstance(b, str) and len(b) > len(body or ""):
                body = b
    og = meta.get("og:title") or meta.get("twitter:title")
    return Structured(headline, normalise(og) if og else None, normalise(body) if body else None)
