"""What the passes know about one block: its :class:`Label`, and the text classes."""

from __future__ import annotations

from typing import Optional, Sequence

from .. import categories as C
from ..features import Features

# Text classes of blocks that no rule labelled as clutter.
PROSE = "prose"
SENTENCE = "sentence"
HEADING = "heading"
SHORT = "short"
#: An item of a schedule: one of several consecutive date lines ("June 9 – Tampa, FL").
LIST_ITEM = "list-item"
TEXT_CLASSES = (PROSE, SENTENCE, HEADING, SHORT, LIST_ITEM)
_TEXT_CLASS_SET = frozenset(TEXT_CLASSES)
#: Text classes that read as running text.
PROSE_OR_SENTENCE = (PROSE, SENTENCE)
#: Text classes of lines (no sentence).
LINES = (HEADING, SHORT)


class Label:
    """The working state of one block while the passes run; never shared between calls.

    Exactly one of :attr:`clutter` and :attr:`text_class` is set: a rule or a context
    pass says what clutter the block is, or else the block has a text class.
    :attr:`category` stays None until a pass decides the block, and
    :attr:`decided_by` then holds the reason codes of that decision. A plain slotted
    class: a page can have hundreds of thousands of blocks.
    """

    __slots__ = (
        "clutter",
        "text_class",
        "reason",
        "weight",
        "section",
        "section_reason",
        "category",
        "decided_by",
        "marked_body",
    )

    def __init__(self, first: str, reason: str, weight: float = 0.0) -> None:
        is_text = first in _TEXT_CLASS_SET
        #: The clutter category a rule or context pass gave the block, "" when none did.
        self.clutter = "" if is_text else first
        #: The block's text class when it is not labelled as clutter, else "".
        self.text_class = first if is_text else ""
        #: The reason code of the clutter category or text class.
        self.reason = reason
        #: The block's weight in the search for the article's region.
        self.weight = weight
        #: The related or comments section the block stands in, if any ("" for none).
        #: Kept apart from the label so that the title and standfirst can still be found there.
        self.section = ""
        #: The reason code of that section (``section:<category>:<heading>``).
        self.section_reason = ""
        #: The decided category, None while undecided.
        self.category: Optional[str] = None
        #: The reason codes of the decision, the label's first.
        self.decided_by: tuple[str, ...] = ()
        #: The page's markup puts the block in the article body (HTML front end only).
        self.marked_body = False

    @property
    def first(self) -> str:
        """The block's label before the final decision: its clutter category or text class."""
        return self.clutter or self.text_class

    def relabel(self, first: str, reason: str, weight: float) -> None:
        """Give the block a new clutter category or text class *first*."""
        is_text = first in _TEXT_CLASS_SET
        self.clutter = "" if is_text else first
        self.text_class = first if is_text else ""
        self.reason, self.weight = reason, weight

    def decide(self, category: str, *codes: str) -> None:
        """Decide the block: *category*, for its label's reason and the contextual *codes*."""
        self.category, self.decided_by = category, (self.reason, *codes)

    def add_reason(self, code: str) -> None:
        """Add *code* to the reasons of a decided block."""
        self.decided_by = self.decided_by + (code,)

    def copy(self) -> Label:
        """An independent copy of this working state (for a second run of the passes)."""
        twin = Label.__new__(Label)
        for name in Label.__slots__:
            setattr(twin, name, getattr(self, name))
        return twin

    def __repr__(self) -> str:
        return f"Label({self.first!r}, {self.reason!r}, weight={self.weight}, category={self.category!r})"


def prose_words(labels: Sequence[Label], feats: Sequence[Features], indices: Sequence[int]) -> int:
    """Words of the prose and sentence blocks among *indices*."""
    return sum(feats[i].words for i in indices if labels[i].text_class in PROSE_OR_SENTENCE)


def body_indices(labels: Sequence[Label]) -> list[int]:
    """The blocks decided as body, in page order."""
    return [i for i, d in enumerate(labels) if d.category == C.BODY]
