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
    #: A schema.org ``Recipe``'s ingredients and instruction steps, each as
    #: :func:`match_key` writes it, and all steps joined (for lines holding part of one).
    recipe_keys: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    recipe_steps_key: str = field(default="", repr=False, compare=False)

    def in_recipe(self, text: str, long_line: bool) -> bool:
        """Whether *text* (a rendered line) is an ingredient or instruction of the page's
        JSON-LD recipe; a *long_line* may also be part of an instruction."""
        if not self.recipe_keys:
            return False
        key = match_key(text)
        return key in self.recipe_keys or (long_line and key in self.recipe_steps_key)

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
    ingredients: list[str] = []
    steps: list[str] = []
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
            if "recipeIngredient" in obj or "recipeInstructions" in obj:
                ingredients.extend(_strings(obj.get("recipeIngredient")))
                steps.extend(_strings(obj.get("recipeInstructions")))
    og = meta.get("og:title") or meta.get("twitter:title")
    recipe_keys = frozenset(key for key in map(match_key, ingredients + steps) if key)
    return Structured(
        headline,
        normalise(og) if og else None,
        normalise(body) if body else None,
        match_key(body) if body else None,
        recipe_keys,
        "\n".join(match_key(step) for step in steps),
    )


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    """The texts of a recipe field: a string, a list of them, or ``HowToStep`` /
    ``HowToSection`` objects (their ``text``, their ``itemListElement``)."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, depth + 1)
    elif isinstance(value, dict):
        yield from _strings(value.get("text"), depth + 1)
        yield from _strings(value.get("itemListElement"), depth + 1)
