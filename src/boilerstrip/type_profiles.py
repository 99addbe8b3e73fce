"""What the pipeline does differently per page type: the type profiles.

A profile is a set of switches (the names :meth:`boilerstrip.Stripper.switches` takes)
that the pages of one type run without: rule families of the first labels and passes
after the page-type pass. The profiles are data, ``data/type_profiles.json``, chosen
by ``benchmarks/fit_type_profiles.py`` (a greedy selection on the benchmark pages of
each type, validated on held-out sites; see that script), and read here with pure
Python. The article profile is empty: an article page is stripped as it always was.

A profile may also have a gate (:data:`GATES`): a condition the page, run as an
article, must meet for the profile to apply. The forum profile's gate is a thread: the
forum-posts pass must have found post headers and posts in the page. The detector
reads many blog posts with long comment threads as forums, and on those pages the
comments are not content; a thread's own structure is the stronger evidence.

A block whose category a profile changed carries the reason ``type:<page type>``
(:mod:`boilerstrip.classify.profiled`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from .package_data import read_text
from .page_types import ARTICLE, PAGE_TYPES
from .rules import rule_switches

_DATA = "type_profiles.json"

#: Passes a profile may switch off: the switchable passes after "page-type" (the pass
#: list imports this module's users, so the names are listed here and checked
#: against it by tests/test_type_profiles.py).
PROFILE_PASSES = (
    "date-lists",
    "sections",
    "captions",
    "galleries",
    "markup",
    "byline-pull",
    "headline",
    "article-end",
    "numbered-lists",
    "standfirst",
    "attribute-lists",
    "forum-posts",
    "second-region",
    "fallback",
    "listing-entries",
    "author-bio",
    "author-box",
    "closing-box",
    "markup-reasons",
    "precision",
    "recall",
    "keep",
)

#: The gate "thread": the forum-posts pass kept the posts of a thread.
THREAD = "thread"

#: Per page type, the gate its profile must pass (:mod:`boilerstrip.classify.profiled`
#: evaluates it); a type not named here has none. A design choice, measured by
#: ``benchmarks/fit_type_profiles.py``, which fits the profiles under these gates.
GATES: Mapping[str, str] = {"forum": THREAD}

#: Every name a profile may hold: the rule families, then the passes.
PROFILE_SWITCHES = rule_switches() + PROFILE_PASSES

Profiles = Mapping[str, AbstractSet[str]]


def check(profiles: Profiles) -> dict[str, frozenset[str]]:
    """*profiles* as frozensets, checked: known page types, known switches, an empty
    article profile. ValueError otherwise."""
    out: dict[str, frozenset[str]] = {}
    for page_type, off in profiles.items():
        if page_type not in PAGE_TYPES:
            raise ValueError(f"type profile for unknown page type {page_type!r}; known: {', '.join(PAGE_TYPES)}")
        if isinstance(off, str):
            raise ValueError(f"the {page_type} profile must be a set of switch names, not a string")
        unknown = sorted(set(off) - set(PROFILE_SWITCHES))
        if unknown:
            raise ValueError(f"the {page_type} profile names unknown switches: {', '.join(unknown)}")
        out[page_type] = frozenset(off)
    if out.get(ARTICLE):
        raise ValueError("the article profile must be empty: article pages run the whole pipeline")
    return out


def parse(data: Any) -> dict[str, frozenset[str]]:
    """The profiles of the JSON object of ``data/type_profiles.json``, checked (a
    profile fitted under a gate must name the gate the runtime applies)."""
    for t, p in data["profiles"].items():
        if p.get("gate", GATES.get(t)) != GATES.get(t):
            raise ValueError(f"the {t} profile was fitted under gate {p.get('gate')!r}, the runtime applies {GATES.get(t)!r}")
    return check({t: p["off"] for t, p in data["profiles"].items()})


@lru_cache(maxsize=1)
def shipped() -> dict[str, frozenset[str]]:
    """The package's profiles, read on first use."""
    return parse(json.loads(read_text(_DATA)))
