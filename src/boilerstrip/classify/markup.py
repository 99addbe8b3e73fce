"""The page's markup (HTML front end only): fold its per-block hints into the labels,
and add its reason to the decided blocks at the end."""

from __future__ import annotations

from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..thresholds import limit, measured
from .page import Page
from .text_classes import first_weight, text_class


@dataclass(frozen=True)
class MarkupLimits:
    body_hint_weight: float = limit(
        2.0, measured("aeb-dev", "trafilatura-eval-dev"),
        "region weight a block the markup marks as article body gains (a 10-word prose block weighs 2; docs/html.md)",
    )


LIMITS = MarkupLimits()


def apply_hints(page: Page) -> None:
    """Fold the hints into the labels, after the text passes (a DOM caption must not
    read as a photo credit) and before the region.

    A removal category relabels a block the text rules left unlabelled (a text rule is
    more specific than the markup around it); ``body`` adds weight to the block and
    takes it out of any teaser section. Fills ``page.markup_reasons``.
    """
    hints = page.evidence.hints
    if hints is None:
        return
    labels, feats = page.labels, page.feats
    if len(hints) != len(labels):
        raise ValueError(f"{len(hints)} hints for {len(labels)} blocks")
    extra = [""] * len(labels)
    for i, (d, hint) in enumerate(zip(labels, hints)):
        if hint is not None and hint[0] == C.BODY and d.reason == R.ABOVE_CREDIT:
            # The caption guess came from a neighbour only; the markup, which knows
            # figures and captions, puts the block in the article body's text.
            first, reason = text_class(feats[i], page.language is not None)
            d.relabel(first, reason, first_weight(first, feats[i]))
        if hint is None or not d.text_class:
            continue
        category, reason = hint
        if category == C.BODY:
            d.weight += LIMITS.body_hint_weight
            d.marked_body = True
            d.section = d.section_reason = ""  # markup says article, not a teaser section
            extra[i] = reason
        else:
            d.relabel(category, reason, first_weight(category, feats[i]))
    page.markup_reasons = extra


def add_reasons(page: Page) -> None:
    """Add the markup's reason to every block it marked as article body."""
    for d, reason in zip(page.labels, page.markup_reasons):
        if reason:
            d.add_reason(reason)
