"""Pass 14, final labels: every undecided block gets its category from its label, its
place and its neighbours, by the first row of :data:`PRECEDENCE` that holds."""

from __future__ import annotations

from typing import Callable, Sequence, Tuple, Union

from .. import categories as C
from .. import reasons as R
from ..features import Features
from .label import LIST_ITEM, PROSE, PROSE_OR_SENTENCE, Label
from .page import Page
from .runs import printed_outside, runs_between_prose
from .standfirst import lead_like

_RUNNING_TEXT = (*PROSE_OR_SENTENCE, LIST_ITEM)


class Place:
    """Where the region, the standfirst and what closes the article lie on one page."""

    __slots__ = (
        "first",
        "last",
        "schedule_end",
        "list_end",
        "lead_start",
        "lead_under",
        "between_prose",
        "printed_elsewhere",
        "feats",
    )

    def __init__(self, page: Page, between_prose: set[int], printed_elsewhere: set[int]) -> None:
        self.first, self.last = page.region
        self.schedule_end, self.list_end = page.schedule_end, page.list_end
        self.lead_start, self.lead_under = page.lead_start, page.lead_under
        self.between_prose, self.printed_elsewhere = between_prose, printed_elsewhere
        self.feats: Sequence[Features] = page.feats

    def in_lead(self, i: int) -> bool:
        """Block *i* stands where the standfirst does (:mod:`.standfirst`)."""
        return self.lead_start <= i < self.first or i in self.lead_under


_Test = Callable[[Place, int, Label], bool]
#: A category or reason code, or how to read it off the label.
_Of = Union[str, Callable[[Label], str]]


#: The precedence of the final labels: ``(test, category, reason code)``; the first
#: row whose test holds decides an undecided block ("" adds no code).
PRECEDENCE: Tuple[Tuple[_Test, _Of, _Of], ...] = (
    # Clutter a rule or an earlier pass found keeps its category.
    (lambda p, i, d: not d.text_class, lambda d: d.clutter, ""),
    # Between the headline and the article: a sentence is the standfirst, a headline-like
    # line a subheadline (kept in the body it would read as the body's headline, so
    # stripping the output again would differ).
    (lambda p, i, d: p.in_lead(i) and d.text_class in PROSE_OR_SENTENCE, C.BODY, R.STANDFIRST),
    (lambda p, i, d: p.in_lead(i) and lead_like(d, p.feats[i]), C.SUBTITLE, R.SUBHEADLINE),
    # A section's blocks take its category.
    (lambda p, i, d: bool(d.section), lambda d: d.section, lambda d: d.section_reason),
    # The markup says article body: prose split off the densest run by images, tables
    # or link lists is still the article (HTML front end only).
    (
        lambda p, i, d: d.marked_body and d.text_class == PROSE and not p.first <= i < p.last,
        C.BODY,
        R.MARKED_BODY_PROSE,
    ),
    # Outside the region, apart from what closes the article.
    (lambda p, i, d: i < p.first, lambda d: C.BOILERPLATE if d.text_class == PROSE else C.NAVIGATION, R.BEFORE_ARTICLE),
    (lambda p, i, d: p.last <= i < p.schedule_end, C.BODY, R.SCHEDULE),
    (lambda p, i, d: p.schedule_end <= i < p.list_end, C.BODY, R.LIST_AFTER_COLON),
    (lambda p, i, d: i >= p.last, C.BOILERPLATE, R.AFTER_ARTICLE),
    # Inside the region: running text is the article; lines need prose around them.
    (lambda p, i, d: d.text_class in _RUNNING_TEXT, C.BODY, R.INSIDE),
    (lambda p, i, d: i in p.between_prose, C.BODY, R.BETWEEN_PROSE),
    (lambda p, i, d: i in p.printed_elsewhere, C.BOILERPLATE, R.PRINTED_ELSEWHERE),
    (lambda p, i, d: d.marked_body, C.BODY, R.MARKED_BODY),
    (lambda p, i, d: True, C.BOILERPLATE, R.NO_PROSE_AROUND),
)


def apply(page: Page) -> None:
    """Decide every block no earlier pass decided."""
    labels, feats = page.labels, page.feats
    first, last = page.region
    # After the attribute lists: a line they keep is not printed outside the article.
    between, printed = runs_between_prose(labels, feats, first, last, printed_outside(labels, feats, first, last))
    place = Place(page, between, printed)
    # Blocks decided alike share one reasons tuple (a page can have 100 000s of blocks).
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for i, d in enumerate(labels):
        if d.category is not None:  # already decided (the title, numbered and attribute lists)
            continue
        for test, category, code in PRECEDENCE:
            if test(place, i, d):
                reason = code if isinstance(code, str) else code(d)
                decided = category if isinstance(category, str) else category(d)
                if reason:
                    d.decide(decided, reason)
                else:
                    d.decide(decided)
                d.decided_by = shared.setdefault(d.decided_by, d.decided_by)
                break
