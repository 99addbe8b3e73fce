"""The verb: :func:`strip` text down to its article."""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from . import categories as C
from .classify import (
    ABOVE_CREDIT,
    TEXT_CLASSES,
    Draft,
    apply_keep,
    apply_precision,
    apply_recall,
    drop_closing_box,
    extend_over_inline_clutter,
    favour_prose_after_byline,
    final_labels,
    first_label,
    first_weight,
    is_cut_heading,
    main_region,
    mark_author_bio,
    mark_author_box,
    mark_captions,
    mark_gallery_captions,
    mark_date_lists,
    mark_sections,
    sectioned_article,
    text_class,
)
from .features import Features, measure
from .language import SAMPLE_CHARS, detect_sample, sample_tokens
from .lexicon import PhraseMatcher, about_phrases, bio_phrases, cut_matcher, matcher, months, stopwords, word_set
from .options import NO_LANGUAGE, Options
from .result import Result, new_block
from .segment import join_split_text_nodes, join_wrapped_lines, segment
from .title import find_title

_DEFAULT_OPTIONS = Options()

# --- The block cache ----------------------------------------------------------------
# A block's features and first label depend only on its text and the page language,
# and page chrome repeats: "Share", "Advertisement", a site's menu and footer recur on
# every page of a crawl. The context-free pass is cached per process, keyed by
# (language, text); everything that looks at neighbours runs on every call.
# Two generations bound it: when the young table is full it becomes the old one (the
# previous old one is dropped) and a hit in the old table moves back to the young one,
# so the chrome of the sites being crawled stays while one-off lines age out.
#: Longer blocks are not cached: prose rarely repeats, and would hold memory.
CACHE_MAX_CHARS = 200
#: Entries per generation (two generations: about 20 MB at most).
CACHE_MAX_ENTRIES = 10_000

# (features, first label, its reason, whether the block is a section-cut heading,
# the region weight of a block with that label)
_FirstPass = Tuple[Features, str, str, bool, float]
_Key = Tuple[Optional[str], str]
_cache: dict[_Key, _FirstPass] = {}
_old_cache: dict[_Key, _FirstPass] = {}
# The phrase matchers the cached entries were computed with (tests swap them).
_cache_matchers: list[PhraseMatcher] = []


def clear_cache() -> None:
    """Forget every cached block (for cold-start benchmarks; results never depend on it)."""
    _cache.clear()
    _old_cache.clear()
    _cache_matchers.clear()


def _remember(key: _Key, entry: _FirstPass) -> None:
    global _cache, _old_cache
    if len(_cache) >= CACHE_MAX_ENTRIES:
        _old_cache, _cache = _cache, {}
    _cache[key] = entry


def _use_matchers(rules: PhraseMatcher, cut: PhraseMatcher) -> None:
    """Empty the cache when the phrase matchers are not the ones it was filled with."""
    if _cache_matchers != [rules, cut]:
        clear_cache()
        _cache_matchers.extend((rules, cut))


def _first_pass(
    text: str,
    language: Optional[str],
    stop: frozenset[str],
    rules: PhraseMatcher,
    cut: PhraseMatcher,
    tokens: Optional[list[str]] = None,
) -> _FirstPass:
    """Everything about one block that needs no neighbours, from the cache when seen before.

    *tokens*: the block's casefolded word tokens if the language detector has them.
    """
    key = (language, text)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    hit = _old_cache.get(key)
    if hit is not None:
        _remember(key, hit)
        return hit
    f = measure(text, stop, tokens)
    label, reason = first_label(text, f, rules, months(), language is not None)
    entry = (f, label, reason, is_cut_heading(f, cut), first_weight(label, f))
    if len(text) <= CACHE_MAX_CHARS:
        _remember(key, entry)
    return entry



# --- Structural hints (the HTML front end) -------------------------------------------
#: A front end's evidence for one block: ``(category, reason)``. A removal category
#: relabels a block the text rules left unlabelled; ``categories.BODY`` marks a block
#: the page itself says is article text and adds this much to its region weight
#: (a 10-word prose block weighs 2; measured on the dev sets, see docs/html.md).
Hint = Tuple[str, str]
BODY_HINT_WEIGHT = 2.0


def _apply_hints(
    drafts: list[Draft], feats: Sequence[Features], hints: Sequence[Optional[Hint]], language_known: bool
) -> list[str]:
    """Fold per-block hints into the drafts after the (cached) first pass.

    Returns the reason to add to each block's final reasons ("" for none).
    """
    if len(hints) != len(drafts):
        raise ValueError(f"{len(hints)} hints for {len(drafts)} blocks")
    extra = [""] * len(drafts)
    for i, (d, hint) in enumerate(zip(drafts, hints)):
        if hint is not None and hint[0] == C.BODY and d.reason == ABOVE_CREDIT:
            # The caption guess came from a neighbour only; the markup, which knows
            # figures and captions, puts the block in the article body's text.
            d.label, d.reason = text_class(feats[i], language_known)
            d.weight = first_weight(d.label, feats[i])
        if hint is None or d.label not in TEXT_CLASSES:
            continue  # a text rule is more specific than the markup around it
        category, reason = hint
        if category == C.BODY:
            d.weight += BODY_HINT_WEIGHT
            d.marked_body = True
            d.section = d.section_reason = ""  # markup says article, not a teaser section
            extra[i] = reason
        else:
            d.label, d.reason, d.weight = category, reason, first_weight(category, feats[i])
    return extra


def strip(
    text: str,
    /,
    *,
    options: Optional[Options] = None,
    _hints: Optional[Sequence[Optional[Hint]]] = None,
    _headlines: Optional[Sequence[int]] = None,
) -> Result:
    """Split *text* into blocks, label each, and return the article with provenance.

    Args:
        text: the raw text of a scraped page, exactly as given.
        options: how to work; ``Options()`` when omitted. ``preset`` and ``keep``
            change decisions only after the balanced labels are made.

        _hints: private hook of the HTML front end: one ``(category, reason)``
            or None per block, from the page's markup. None (the default) changes nothing.
        _headlines: private hook of the HTML front end: the blocks the page's
            metadata names as its headline (see :func:`.title.find_title`).

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
    if _hints is None:  # the HTML front end's lines are its blocks, and it never wraps
        spans = join_split_text_nodes(text, join_wrapped_lines(text, spans))
    texts = [text[s:e] for s, e in spans]
    if opts.language:
        language: Optional[str] = None if opts.language == NO_LANGUAGE else opts.language
        known_tokens: list[Optional[list[str]]] = [None] * len(texts)
    else:
        sample = sample_tokens(texts)
        language = detect_sample(sample)
        # The sample's tokens of a block are measure()'s tokens unless the block was cut short.
        known_tokens = [tokens if len(t) <= SAMPLE_CHARS else None for t, tokens in zip(texts, sample)]
        known_tokens += [None] * (len(texts) - len(sample))
    stop = stopwords(language) if language else frozenset()
    rules, cut = matcher(), cut_matcher()
    _use_matchers(rules, cut)
    feats: list[Features] = []
    drafts: list[Draft] = []
    cut_headings: list[bool] = []
    for t, tokens in zip(texts, known_tokens):
        f, label, reason, is_cut, weight = _first_pass(t, language, stop, rules, cut, tokens)
        feats.append(f)
        drafts.append(Draft(label, reason, weight))  # what new_draft() makes, its weight cached
        cut_headings.append(is_cut)

    mark_date_lists(drafts, feats)
    mark_sections(drafts, feats, cut_headings)
    mark_captions(drafts, feats)
    mark_gallery_captions(texts, drafts, text)
    # After the text passes (a DOM caption must not read as a photo credit), before the region.
    extra = _apply_hints(drafts, feats, _hints, language is not None) if _hints is not None else None
    favour_prose_after_byline(drafts)
    region = extend_over_inline_clutter(drafts, main_region(drafts))

    removable = [d.label not in TEXT_CLASSES for d in drafts]
    title = find_title(texts, spans, feats, removable, region[0], frozenset(_headlines or ()))
    if title is not None:
        drafts[title.index].category = C.TITLE
        drafts[title.index].reasons = (drafts[title.index].reason, "title:chosen")
        for i in title.duplicates:
            drafts[i].category = C.TITLE_DUPLICATE
            drafts[i].reasons = (drafts[i].reason, "title:copy")
    final_labels(drafts, feats, region, texts)
    sectioned_article(drafts, feats)
    mark_author_bio(drafts, feats, bio_phrases(), texts, about_phrases())
    mark_author_box(drafts, feats, texts, word_set("author_job"))
    drop_closing_box(drafts, feats)
    if extra is not None:
        for d, reason in zip(drafts, extra):
            if reason:
                d.reasons = d.reasons + (reason,)
    if opts.preset == "precision":
        apply_precision(drafts, feats)
    elif opts.preset == "recall":
        apply_recall(drafts, feats, region)
    if opts.keep:
        apply_keep(drafts, opts.keep)

    blocks = tuple([new_block(s, e, d.category, d.reasons, d.label) for (s, e), d in zip(spans, drafts)])
    body = opts.separator.join([t for t, b in zip(texts, blocks) if b.kept])
    return Result(
        title=text[title.start : title.end] if title else None,
        title_span=(title.start, title.end) if title else None,
        text=body,
        blocks=blocks,
        language=language,
        separator=opts.separator,
    )
