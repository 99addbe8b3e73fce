"""Pass: what kind of page it is (:mod:`boilerstrip.page_types`), from the first labels.

``Options(page_type=...)`` forces the type; otherwise the detector decides. The type
is reported in the result; the other passes do not read it yet.
"""

from __future__ import annotations

from ..page_types import AUTO, FORCED, detect
from .page import Page


def apply(page: Page) -> None:
    """Set ``page.page_type`` and ``page.page_type_evidence``."""
    forced = page.options.page_type
    if forced != AUTO:
        page.page_type, page.page_type_evidence = forced, (FORCED,)
        return
    page.page_type, page.page_type_evidence = detect(page.texts, page.feats, page.labels)
