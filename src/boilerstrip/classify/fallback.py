"""Pass 16, the fallback: a page whose prose a section heading above it took keeps
its heaviest run of prose as the article."""

from __future__ import annotations

from .. import categories as C
from .. import reasons as R
from .label import LIST_ITEM, PROSE, PROSE_OR_SENTENCE
from .page import Page
from .region import heaviest_run
from .text_classes import first_weight

_RUNNING_TEXT = (*PROSE_OR_SENTENCE, LIST_ITEM)


def apply(page: Page) -> None:
    """Keep the article when a section heading above it took all of the page's prose.

    A heading that opens a related or comments section sometimes stands above the
    article, as a link in the page header; when the article's prose then never resumes
    as the section rule expects, nothing is kept. A page without a single kept prose
    block is rarely right: the heaviest run of prose with the section labels set aside
    is taken as the article.
    """
    labels = page.labels
    if any(d.category == C.BODY and d.text_class == PROSE for d in labels):
        return
    if not any(d.section and d.text_class == PROSE for d in labels):
        return
    weights = [first_weight(d.first, f) if d.section else d.weight for d, f in zip(labels, page.feats)]
    first, last = heaviest_run(weights)
    for i in range(first, last):
        d = labels[i]
        if d.section and d.text_class in _RUNNING_TEXT:
            d.decide(C.BODY, R.SECTIONED_ARTICLE)
