"""Pass 5, galleries: the slides of a photo gallery, told by their counters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..thresholds import HAND, limit
from .page import Page
from .text_classes import WEIGHTS


@dataclass(frozen=True)
class GalleryLimits:
    min_slides: int = limit(2, HAND, "one counter alone ('1 of 4 Americans ...') is a sentence")


LIMITS = GalleryLimits()

# A gallery's counter at the start of a block: "1 of 4 ...", "Bild 2 von 10", "3/12 ...".
_GALLERY_COUNTER = re.compile(
    r"(?:[^\W\d_]{1,12} )?(\d{1,3}) ?(?:of|von|sur|de|di|van|z|из|/) ?(\d{1,3})(?!\d)(?![.,:]\d)", re.IGNORECASE
)
# Speed: a counter is a number, a word or "/", and a number: pages without one anywhere
# (nearly all) skip the per-block pass.
_ANY_COUNTER = re.compile(r"\d ?(?:of|von|sur|de|di|van|z|из|/) ?\d", re.IGNORECASE)


def apply(page: Page) -> None:
    """Label the captions of a photo gallery, told by their counters.

    "1 of 4 ...", "2 of 4 ...": two or more blocks that open with a counter of the
    same total and different numbers are a gallery's slides.
    """
    if _ANY_COUNTER.search(page.text) is None:
        return
    counters: dict[str, set[str]] = {}
    found: list[tuple[int, str]] = []
    for i, t in enumerate(page.texts):
        if t[:1].isdigit() or t[:1].isalpha():
            m = _GALLERY_COUNTER.match(t)
            if m and 0 < int(m.group(1)) <= int(m.group(2)):
                counters.setdefault(m.group(2), set()).add(m.group(1))
                found.append((i, m.group(2)))
    for i, total in found:
        d = page.labels[i]
        if len(counters[total]) >= LIMITS.min_slides and d.text_class:
            d.relabel(C.CAPTION, R.GALLERY_COUNTER, WEIGHTS.inline_clutter)
