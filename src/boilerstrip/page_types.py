"""What kind of page it is: article, forum, listing, product, documentation, service or
collection, and the features that decided it.

The detector is a multinomial logistic regression over the page features of
:mod:`boilerstrip.page_type_features`. Its weights are data, ``data/page_types.json``,
written by ``benchmarks/fit_page_types.py`` (a reproducible fit; see that script for
how to refit) and read here with pure Python: standardise, one dot product per type,
softmax, argmax. A page is called something other than an article only when the
winning type's probability reaches the file's ``min_probability``; below it the page
stays an article, which is what every page was before the detector existed.
"""

from __future__ import annotations

import json
import math
import os
import sys
from functools import lru_cache
from typing import Any, NamedTuple, Optional, Sequence

from .classify.label import Label
from .features import Features
from .page_type_features import FEATURE_NAMES, page_features

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
    types: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    min_probability: float


class Detection(NamedTuple):
    """A page's type and the evidence that decided it (feature names, strongest first)."""

    page_type: str
    evidence: tuple[str, ...]


def _read_data() -> str:
    """The model file's text, from the package folder (or through importlib.resources)."""
    spec = sys.modules[__package__].__spec__
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(location, "data", _DATA)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    from importlib.resources import files

    return (files(__package__) / "data" / _DATA).read_text(encoding="utf-8")


def parse_model(data: Any) -> Model:
    """A :class:`Model` from the JSON object of ``data/page_types.json``, checked."""
    if list(data["features"]) != list(FEATURE_NAMES):
        raise ValueError("page_types.json was fitted on other features: run benchmarks/fit_page_types.py")
    types = tuple(data["types"])
    if set(types) != set(PAGE_TYPES):
        raise ValueError(f"page_types.json names the types {types}, not {PAGE_TYPES}")
    n = len(FEATURE_NAMES)
    coef = tuple(tuple(float(x) for x in row) for row in data["coef"])
    if len(coef) != len(types) or any(len(row) != n for row in coef) or len(data["intercept"]) != len(types):
        raise ValueError("page_types.json: coef must be one row of one weight per feature for each type")
    return Model(
        types,
        tuple(float(x) for x in data["mean"]),
        tuple(float(x) or 1.0 for x in data["scale"]),
        coef,
        tuple(float(x) for x in data["intercept"]),
        float(data["min_probability"]),
    )


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, read on first use."""
    return parse_model(json.loads(_read_data()))


def probabilities(vector: Sequence[float], m: Model) -> list[float]:
    """The softmax probability of each of ``m.types`` for one feature vector."""
    z = [(x - mu) / s for x, mu, s in zip(vector, m.mean, m.scale)]
    scores = [b + sum(w * v for w, v in zip(row, z)) for row, b in zip(m.coef, m.intercept)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def decide(vector: Sequence[float], m: Optional[Model] = None) -> Detection:
    """The type of a page from its feature vector, with the features that weighed most."""
    m = m or model()
    probs = probabilities(vector, m)
    order = sorted(range(len(probs)), key=lambda k: -probs[k])
    best, runner_up = order[0], order[1]
    article = m.types.index(ARTICLE)
    if m.types[best] != ARTICLE and probs[best] < m.min_probability:
        unsure = UNSURE_PREFIX + m.types[best]
        # The evidence says what made the guess: the features that pushed it above article.
        return Detection(ARTICLE, (unsure,) + _strongest(vector, m, best, article))
    return Detection(m.types[best], _strongest(vector, m, best, runner_up))


def _strongest(vector: Sequence[float], m: Model, winner: int, other: int) -> tuple[str, ...]:
    """The features that pushed *winner* furthest above *other* (their score difference)."""
    pushes = []
    for i, (x, mu, s) in enumerate(zip(vector, m.mean, m.scale)):
        push = (m.coef[winner][i] - m.coef[other][i]) * (x - mu) / s
        if push > 0:
            pushes.append((-push, FEATURE_NAMES[i]))
    pushes.sort()
    return tuple(name for _, name in pushes[:EVIDENCE_FEATURES])


def detect(
    texts: Sequence[str], feats: Sequence[Features], labels: Sequence[Label], months: frozenset[str]
) -> Detection:
    """The type of a page from its blocks' texts, features and first labels."""
    if sum(f.words for f in feats) < MIN_WORDS:
        return Detection(ARTICLE, (TOO_SHORT,))
    return decide(page_features(texts, feats, labels, months))
