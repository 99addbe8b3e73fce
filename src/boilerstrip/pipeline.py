"""The verb: :func:`strip` text down to its article."""

from __future__ import annotations

from typing import Optional

from . import categories as C
from .classify import (
    TEXT_CLASSES,
    extend_over_inline_clutter,
    final_labels,
    first_labels,
    main_region,
    mark_captions,
    mark_date_lists,
    mark_sections,
)
from .features import measure
from .language import detect
from .lexicon import cut_matcher, matcher, months, stopwords
from .options import Options
from .result import Block, Result
from .segment import segment
from .title import find_title

_DEFAULT_OPTIONS = Options()


def strip(text: str, /, *, options: Optional[Options] = None) -> Result:
    """Split *text* into blocks, label each, and return the article with provenance.

    Args:
        text: the raw text of a scraped page, exactly as given.
        options: how to work; ``Options()`` when omitted.

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
    feats = [measure(t, stop) for t in texts]

    drafts = first_labels(texts, feats, matcher(), months(), language is not None)
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
