"""Pass 11, numbered lists: the rest of a "1) ... 2) ... 3) ..." list that the
region's end breaks off is the article's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .. import categories as C
from .. import reasons as R
from ..thresholds import HAND, limit
from .label import Label
from .page import Page


@dataclass(frozen=True)
class NumberedListLimits:
    max_numbered_gap: int = limit(3, HAND, "most blocks between two items (a link or an image line under each)")


LIMITS = NumberedListLimits()
#: An item of a numbered list: "3) ...", "12. ..." at the start of a block.
_NUMBERED_ITEM = re.compile(r"(\d{1,3})[.)]\s")


def apply(page: Page) -> None:
    """Keep the items that go on counting after the region (and after the lines a
    colon or a schedule took in after it)."""
    for i in numbered_list_after(page.texts, page.labels, (page.region[0], page.list_end)):
        page.labels[i].decide(C.BODY, R.NUMBERED_LIST)


def numbered_list_after(texts: Sequence[str], labels: Sequence[Label], region: tuple[int, int]) -> list[int]:
    """The rest of a numbered list that the region's end breaks off.

    A list of "1) ... 2) ... 3) ..." items with a shop link or an image under each
    weighs little, and its links weigh against it, so the region stops at its first
    item. Items that go on counting from an item at the region's end, each at most
    ``max_numbered_gap`` blocks after the one before, are the article's list: the
    unlabelled blocks up to the last of them are returned.
    """
    first, last = region
    gap = LIMITS.max_numbered_gap
    number, prev = 0, -1
    for j in range(last - 1, max(first, last - 1 - gap) - 1, -1):
        m = _NUMBERED_ITEM.match(texts[j])
        if m:
            number, prev = int(m.group(1)), j
            break
    if prev < 0:
        return []
    end = prev
    j = last
    while j < len(labels) and j - end <= gap + 1 and not labels[j].section:
        m = _NUMBERED_ITEM.match(texts[j])
        if m and int(m.group(1)) == number + 1 and labels[j].text_class:
            number, end = number + 1, j
        j += 1
    return [i for i in range(last, end + 1) if labels[i].text_class and labels[i].category is None]
