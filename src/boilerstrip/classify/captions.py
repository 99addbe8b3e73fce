"""Pass 4, captions: the caption text that stands right above a photo credit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..rule_limits import LIMITS as RULE_LIMITS
from ..thresholds import HAND, limit
from .label import LINES, PROSE, PROSE_OR_SENTENCE, Label
from .page import Page
from .text_classes import WEIGHTS


@dataclass(frozen=True)
class CaptionLimits:
    max_caption_blocks: int = limit(2, HAND, "captions are one or two sentences, alt text one line")
    max_caption_words: int = limit(30, HAND, "words of a caption sentence above a credit")
    max_caption_sentences: int = limit(2, HAND)
    max_credit_words: int = limit(RULE_LIMITS.max_credit_words, HAND, "a caption block this short is a credit line (rules)")


LIMITS = CaptionLimits()
#: Captions that are no photo credit: one found by this pass, and a Markdown image
#: line (the image itself, which stands above its caption, not below it).
_NOT_CREDITS = frozenset({R.ABOVE_CREDIT, R.MARKDOWN_IMAGE})


def apply(page: Page) -> None:
    """Label the caption text that stands right above a photo credit.

    Pages print an image's alt text and caption, then its credit ("Jane Doe/Reuters",
    "Foto: Florian Stadler"). The credit has a shape; the caption above it is an
    ordinary sentence, recognisable only by this neighbour. The block right above a
    credit is taken when it is one short sentence or a heading-like line (alt text);
    one more heading-like line above a taken sentence is taken too. A figure whose
    caption follows its credit ("Image copyright ...", "Image caption ...") gives no
    sentence above it to the caption, and neither does a figure without a caption
    below a paragraph: prose right after other prose is the text's next paragraph.
    """
    labels, feats = page.labels, page.feats
    for i, d in enumerate(labels):
        if d.clutter != C.CAPTION or feats[i].words > LIMITS.max_credit_words or d.reason in _NOT_CREDITS:
            continue
        # A caption of its own right below the credit ("Image copyright X", then
        # "Image caption ..."): the figure is credit-first, the text above is not its caption.
        captioned_below = (
            i + 1 < len(labels) and labels[i + 1].clutter == C.CAPTION and feats[i + 1].words > LIMITS.max_credit_words
        )
        j = i - 1
        while j >= 0 and i - j <= LIMITS.max_caption_blocks:
            dj, fj = labels[j], feats[j]
            alt_text = dj.text_class in LINES
            one_sentence = (
                dj.text_class in PROSE_OR_SENTENCE
                and fj.sentences <= LIMITS.max_caption_sentences
                and fj.words <= LIMITS.max_caption_words
            )
            if dj.section or not (alt_text or (one_sentence and j == i - 1 and not captioned_below)):
                break
            if dj.text_class == PROSE and _continues_prose(labels, feats, j):
                break
            dj.relabel(C.CAPTION, R.ABOVE_CREDIT, WEIGHTS.inline_clutter)
            if alt_text:
                break
            j -= 1


def _continues_prose(labels: Sequence[Label], feats: Sequence[Features], j: int) -> bool:
    """Prose block *j* follows other prose: it is the next paragraph of a text, and an
    image without a caption stands below it. A caption printed twice (alt text, then
    the caption) has its own copy above it instead."""
    return j > 0 and labels[j - 1].text_class == PROSE and feats[j - 1].norm != feats[j].norm
