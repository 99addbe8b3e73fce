"""The options object of :func:`boilerstrip.strip`."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Optional

from . import categories as C
from .errors import OptionsError
from .lexicon import languages
from .page_types import AUTO, PAGE_TYPES

#: The presets, from the default trade-off to the two leaning ones (see docs/algorithm.md).
PRESETS = ("balanced", "precision", "recall")

#: ``Options.language`` value for no stop-word language at all: the text classes are
#: judged by length and punctuation alone, as for a page in a language without a lexicon.
NO_LANGUAGE = "none"

#: Categories ``Options.keep`` accepts: every category a block can be removed with.
#: The body is always kept, and the title has its own field (``Result.title``).
KEEPABLE = tuple(category for category in C.ALL if category in C.REMOVED)


@dataclass(frozen=True)
class Options:
    """How :func:`~boilerstrip.strip` works; every field has a safe default.

    Attributes:
        language: stop-word language code ("en", "de", ...), or None (the default)
            to detect it from the text. Forcing it helps on very short inputs,
            where detection has little to go on. ``"none"`` (:data:`NO_LANGUAGE`)
            uses no stop words at all, as for a language without a lexicon.
        separator: the string placed between kept blocks in ``Result.text``
            (default ``"\\n"``: one paragraph a line, as in the usual scraper output).
        preset: how borderline blocks are decided. ``"balanced"`` (the default) is the
            best trade-off measured on the benchmarks; ``"precision"`` removes body
            blocks at the article's loose ends (less clutter, some article lost, and
            a body without prose that ends like a sentence comes out empty);
            ``"recall"`` also keeps a second run of prose and the borderline text
            around the article (more article, more clutter). ``"precision"`` keeps a
            subset of the balanced body blocks, ``"recall"`` a superset.
        keep: categories to keep in the body instead of removing them, e.g.
            ``{"caption", "comments"}`` (default: none). Such a block keeps its
            category and gets the reason ``keep:<category>``; it counts as kept
            (``Block.kept``, ``Result.text``, ``Result.spans``) and not as removed.
            Any iterable of names is accepted; see :data:`KEEPABLE`.
        page_type: ``"auto"`` (the default) lets the detector say what kind of page
            it is (:mod:`boilerstrip.page_types`); one of :data:`PAGE_TYPES`
            (``"article"``, ``"forum"``, ``"listing"``, ``"product"``,
            ``"documentation"``, ``"service"``, ``"collection"``) forces it. The type
            is reported in ``Result.page_type``.
    """

    language: Optional[str] = None
    separator: str = "\n"
    preset: str = "balanced"
    keep: AbstractSet[str] = field(default_factory=frozenset)
    page_type: str = AUTO

    def __post_init__(self) -> None:
        if self.language is not None and self.language != NO_LANGUAGE and self.language not in languages():
            raise OptionsError(f"unknown language {self.language!r}; known: {', '.join(languages())}, or {NO_LANGUAGE}")
        if not isinstance(self.separator, str):
            raise OptionsError("separator must be a str")
        if self.preset not in PRESETS:
            raise OptionsError(f"unknown preset {self.preset!r}; known: {', '.join(PRESETS)}")
        object.__setattr__(self, "keep", _keep_set(self.keep))
        if self.page_type != AUTO and self.page_type not in PAGE_TYPES:
            raise OptionsError(f"unknown page type {self.page_type!r}; known: {', '.join(PAGE_TYPES)}, or {AUTO}")


def _keep_set(keep: object) -> frozenset[str]:
    """*keep* as a frozenset of known category names, or OptionsError saying what is wrong."""
    if isinstance(keep, (str, bytes)):
        raise OptionsError(f"keep takes a set of category names, not the string {keep!r}")
    if not isinstance(keep, Iterable):
        raise OptionsError(f"keep takes a set of category names, not {type(keep).__name__}")
    try:
        names = set(keep)
    except TypeError:  # an unhashable item
        raise OptionsError("keep takes a set of category names (strings)") from None
    unknown = sorted(str(name) for name in names if name not in KEEPABLE)
    if unknown:
        note = " (the body is always kept; the title has its own field)" if set(unknown) & {C.BODY, C.TITLE} else ""
        raise OptionsError(f"cannot keep {', '.join(unknown)}{note}; keep takes: {', '.join(KEEPABLE)}")
    return frozenset(category for category in KEEPABLE if category in names)
