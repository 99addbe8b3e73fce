"""The verb: :func:`strip` text down to its article."""

from __future__ import annotations

from typing import Optional, Tuple

from . import categories as C
from .classify import (
    TEXT_CLASSES,
    apply_keep,
    apply_precision,
    apply_recall,
    extend_over_inline_clutter,
    final_labels,
    first_label,
    main_region,
    mark_captions,
    mark_date_lists,
    mark_sections,
    new_draft,
)
from .features import Features, measure
from .language import detect
from .lexicon import cut_matcher, matcher, months, stopwords
from .options import Options
from .result import Block, Result
from .segment import segment
from .title import find_title

_DEFAULT_OPTIONS = Options()

# --- The block cache ----------------------------------------------------------------
# A block's features and first label depend only on its text and the page language,
# and page chrome repeats: "Share", "Advertisement", a site's menu and footer recur on
# every page of a crawl. The context-free pass is cached per process, keyed by
# (language, text); everything that looks at neighbours runs on every call.
#: Longer blocks are not cached: prose rarely repeats, and would hold memory.
CACHE_MAX_CHARS = 200
#: The cache is emptied when it reaches this many entries (a few MB at most).
CACHE_MAX_ENTRIES = 50_000

_FirstPass = Tuple[Features, str, str]
_cache: dict[tuple[Optional[str], str], _FirstPass] = {}


def clear_cache() -> None:
    """Forget every cached block (for cold-start benchmarks; results never depend on it)."""
    _cache.clear()


def _first_pass(text: str, language: Optional[str], stop: frozenset[str]) -> _FirstPass:
    """Features and first label of one block, from the cache when seen before."""
    key = (language, text)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    f = measure(text, stop)
    label, reason = first_label(text, f, matcher(), months(), language is not None)
    entry = (f, label, reason)
    if len(text) <= CACHE_MAX_CHARS:
        if len(_cache) >= CACHE_MAX_ENTRIES:
            _cache.clear()
        _cache[key] = entry
    return entry



def strip(text: str, /, *, options: Optional[Options] = None) -> Result:
    """Split *text* into blocks, label each, and return the article with provenance.

    Args:
        text: the raw text of a scraped page, exactly as given.
        options: how to work; ``Options()`` when omitted. ``preset`` and ``keep``
            change decisions only after the balanced labels are made.

    Returns:
        A :class:`Result`: the title once, the body text, and every block with its
        offsets into *text*, its category and the reasons that decided it.

    >>> r = strip("Home\\nNews\\n\\nA long enough sentence that is plainly part of the story, as it goes on.")
    >>> r.text
    'A long enough sentence that is plainly part of the story, as it goes on.'
    """
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray, memoryview)):
            raise TypeError("strip() takes str; decode bytes first, e.g. data.decode('utf-8')")
        raise TypeError(f"strip() takes str, not {type(text).__name__}")
    opts = options or _DEFAULT_OPTIONS
    spans = segment(text)
    texts = [text[s:e] for s, e in spans]
    language = opts.language or detect(texts)
    stop = stopwords(language) if language else frozenset()
    first = [_first_pass(t, language, stop) for t in texts]
    feats = [f for f, _, _ in first]
    drafts = [new_draft(label, reason, f) for f, label, reason in first]

    mark_date_lists(drafts)
    mark_sections(drafts, feats, cut_matcher())
    mark_captions(drafts, feats)
    region = extend_over_inline_clutter(drafts, main_region(drafts))

    title = find_title(texts, spans, feats, [d.label not in TEXT_CLASSES for d in drafts], region[0])
    if title is not None:
        drafts[title.index].category = C.TITLE
        drafts[title.index].reasons = (drafts[title.index].reason, "title:chosen")
        for i in title.duplicates:
            drafts[i].category = C.TITLE_DUPLICATE
            drafts[i].reasons = (drafts[i].reason, "title:copy")
    final_labels(drafts, feats, region)
    if opts.preset == "precision":
        apply_precision(drafts, feats)
    elif opts.preset == "recall":
        apply_recall(drafts, feats, region)
    if opts.keep:
        apply_keep(drafts, opts.keep)

    blocks = tuple(
        Block(s, e, d.category, d.reasons, d.label) for (s, e), d in zip(spans, drafts)
    )
    body = opts.separator.join(t for t, b in zip(texts, blocks) if b.kept)
    return Result(
        title=text[title.start : title.end] if title else None,
        title_span=(title.start, title.end) if title else None,
        text=body,
        blocks=blocks,
        language=language,
        separator=opts.separator,
    )
