"""Pass 9, the headline: chosen once above the article, every other copy marked
(the scoring is :func:`boilerstrip.title.find_title`)."""

from __future__ import annotations

from .. import categories as C
from .. import reasons as R
from ..title import find_title
from .page import Page


def apply(page: Page) -> None:
    """Decide the headline block as ``title`` and its copies as ``title_duplicate``."""
    removable = [bool(d.clutter) for d in page.labels]
    title = find_title(page.texts, page.spans, page.feats, removable, page.region[0], page.evidence.headlines)
    page.title = title
    if title is None:
        return
    page.labels[title.index].decide(C.TITLE, R.TITLE_CHOSEN)
    for i in title.duplicates:
        page.labels[i].decide(C.TITLE_DUPLICATE, R.TITLE_COPY)
