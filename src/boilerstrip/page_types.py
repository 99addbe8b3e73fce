"""What kind of page it is: article, forum, listing, product, documentation, service or
collection, and the features that decided it.

The detector is a multinomial logistic regression over the page features of
:mod:`boilerstrip.page_type_features`. Its weights are data, ``data/page_types.json``,
written by ``benchmarks/fit_page_types.py`` (a reproducible fit; see that script for
how to refit) and read here with pure Python: standardise, one dot product per type,
softmax, argmax. A page is called something other than an article only when the
winning type's probability reaches the file's ``min_probability``; below it the page
stays an article, which is what every page was before the detector existed.

Speed: a second model in the file, the screen, weighs the features that cost little
(the shapes of the first labels and the cue words); a page it finds plainly an
article is one without the scan of its texts for the other features
(:func:`detect`). The fit chose the screen's threshold so that it costs little
accuracy (see the fit script).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from operator import mul, sub, truediv
from typing import Any, Iterable, NamedTuple, Optional, Sequence

from .classify.label import Label
from .features import Features
from .package_data import read_text
from .page_type_features import FEATURE_NAMES, SCREEN_NAMES, scan_vector, screen_features

ARTICLE = "article"
#: The page types, the default first (the benchmark's names: see docs/page-types.md).
PAGE_TYPES = (ARTICLE, "forum", "listing", "product", "documentation", "service", "collection")
#: ``Options.page_type`` value that lets the detector decide (the default).
AUTO = "auto"
#: The evidence of a type the caller forced (``Options(page_type=...)``).
FORCED = "forced"
#: The evidence of a page with fewer than :data:`MIN_WORDS` words: too little to weigh,
#: so an article.
TOO_SHORT = "too-short"
#: Pages with fewer words are articles without asking the model. Chosen by hand: the
#: shortest typed pages of the fitting data are mostly threads whose posts the
#: renderer lost, so the model would learn "tiny page, so a forum"; a page of a few
#: lines gives the shares it weighs too little to go on.
MIN_WORDS = 100
#: The first evidence item when the detector's best guess fell short of its threshold:
#: ``unsure:<type>``; the page is then an article.
UNSURE_PREFIX = "unsure:"
#: Features named in the evidence of a decision.
EVIDENCE_FEATURES = 3

_DATA = "page_types.json"


class Model(NamedTuple):
    """A multinomial logistic regression: per type, weights on the standardised
    features (``(x - mean) / scale``) and an intercept."""

    types: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    #: A page is called something other than an article only at this probability; for
    #: a screen, the article probability at which a page is an article unscanned.
    min_probability: float
    #: The features the weights are for, in order.
    names: tuple[str, ...] = FEATURE_NAMES
    #: The screen: a model over the screen features alone (the shapes and the cue
    #: words). A page it finds an article with at least its ``min_probability`` is one
    #: without the scan (speed; see :func:`detect`). None: every page is scanned.
    screen: Optional[Model] = None


class Detection(NamedTuple):
    """A page's type and the evidence that decided it (feature names, strongest first)."""

    page_type: str
    evidence: tuple[str, ...]


def _linear(data: Any, names: tuple[str, ...], types: tuple[str, ...]) -> Model:
    if list(data["features"]) != list(names):
        raise ValueError("page_types.json was fitted on other features: run benchmarks/fit_page_types.py")
    if set(data["types"]) != set(types):
        raise ValueError(f"page_types.json names the types {tuple(data['types'])}, not {types}")
    n = len(names)
    coef = tuple(tuple(float(x) for x in row) for row in data["coef"])
    if len(coef) != len(types) or any(len(row) != n for row in coef) or len(data["intercept"]) != len(types):
        raise ValueError("page_types.json: coef must be one row of one weight per feature for each type")
    return Model(
        tuple(data["types"]),
        tuple(float(x) for x in data["mean"]),
        tuple(float(x) or 1.0 for x in data["scale"]),
        coef,
        tuple(float(x) for x in data["intercept"]),
        float(data["min_probability"]),
        names,
    )


def parse_model(data: Any) -> Model:
    """A :class:`Model` from the JSON object of ``data/page_types.json``, checked; its
    ``"screen"`` object, if any, becomes the model's screen."""
    screen = _linear(data["screen"], SCREEN_NAMES, PAGE_TYPES) if data.get("screen") else None
    if screen is not None and not 0.0 < screen.min_probability < 1.0:
        raise ValueError("page_types.json: the screen's min_probability must lie between 0 and 1")
    return _linear(data, FEATURE_NAMES, PAGE_TYPES)._replace(screen=screen)


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, read on first use."""
    return parse_model(json.loads(read_text(_DATA)))


def _standardised(vector: Sequence[float], m: Model) -> list[float]:
    return list(map(truediv, map(sub, vector, m.mean), m.scale))


def _softmax(z: Sequence[float], m: Model) -> list[float]:
    scores = [b + sum(map(mul, row, z)) for row, b in zip(m.coef, m.intercept)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def decide(vector: Sequence[float], m: Optional[Model] = None) -> Detection:
    """The type of a page from its feature vector, with the features that weighed most."""
    m = m or model()
    z = _standardised(vector, m)
    probs = _softmax(z, m)
    order = sorted(range(len(probs)), key=lambda k: -probs[k])
    best, runner_up = order[0], order[1]
    article = m.types.index(ARTICLE)
    if m.types[best] != ARTICLE and probs[best] < m.min_probability:
        unsure = UNSURE_PREFIX + m.types[best]
        # The evidence says what made the guess: the features that pushed it above article.
        return Detection(ARTICLE, (unsure,) + _strongest(_pushes(z, m, best, article), m.names))
    return Detection(m.types[best], _strongest(_pushes(z, m, best, runner_up), m.names))


def _strongest(pushes: Iterable[float], names: Sequence[str]) -> tuple[str, ...]:
    """The names of the largest positive *pushes* (strongest first)."""
    ranked = sorted([(-push, name) for push, name in zip(pushes, names) if push > 0])
    return tuple(name for _, name in ranked[:EVIDENCE_FEATURES])


def _pushes(z: Sequence[float], m: Model, winner: int, other: int) -> Iterable[float]:
    """What each standardised feature in *z* adds to *winner*'s score over *other*'s."""
    return map(mul, map(sub, m.coef[winner], m.coef[other]), z)


def screen(vector: Sequence[float], m: Model) -> Optional[Detection]:
    """An article, if the screen *m* finds the shape features *vector* make one plainly
    (its article probability reaches ``m.min_probability``), with the features that
    pushed it most above the runner-up; else None."""
    z = _standardised(vector, m)
    probs = _softmax(z, m)
    article = m.types.index(ARTICLE)
    if probs[article] < m.min_probability:
        return None
    runner_up = max((k for k in range(len(probs)) if k != article), key=probs.__getitem__)
    return Detection(ARTICLE, _strongest(_pushes(z, m, article, runner_up), m.names))


def detect(texts: Sequence[str], feats: Sequence[Features], labels: Sequence[Label]) -> Detection:
    """The type of a page from its blocks' texts, features and first labels.

    Speed: the screen features come first (the shapes of the first labels and the cue
    words of the short lines); when the model's screen finds them plainly an
    article's, the page is one without the scan of its texts (about half the pages of
    a crawl for articles are). Otherwise the full model decides on every feature.
    """
    words = [f.words for f in feats]
    if sum(words) < MIN_WORDS:
        return Detection(ARTICLE, (TOO_SHORT,))
    m = model()
    first = screen_features(feats, labels, words)
    if m.screen is not None:
        plain = screen(first.vector, m.screen)
        if plain is not None:
            return plain
    return decide(first.vector + scan_vector(texts, feats, first), m)
