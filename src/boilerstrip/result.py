"""The result of :func:`boilerstrip.strip`: blocks with labels, title, body."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Tuple

from . import categories as C
from .result_format import check_body_length, read_block, read_result

#: Version of the dictionary layout written by :meth:`Result.to_dict`.
FORMAT_VERSION = 1

#: The reason a block gets when an ``Options.keep`` switch keeps it: ``keep:<category>``.
KEEP_REASON_PREFIX = "keep:"


@dataclass(frozen=True)
class Block:
    """One block of the input and what was decided about it.

    ``start`` and ``end`` are half-open code-point offsets into the input string:
    ``source[start:end]`` is exactly the block's text.
    """

    start: int
    end: int
    category: str
    reasons: Tuple[str, ...] = ()
    #: The context-free label before neighbours were considered (for explanations).
    first_label: str = ""

    @property
    def kept(self) -> bool:
        """True for article body blocks, and for blocks an ``Options.keep`` switch kept
        (their last reason is ``keep:<category>``). The title is kept in its own field."""
        return self.category == C.BODY or (
            bool(self.reasons) and self.reasons[-1] == KEEP_REASON_PREFIX + self.category
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "reasons": list(self.reasons),
            "first_label": self.first_label,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Block":
        """Rebuild a block written by :meth:`to_dict`; raises
        :class:`~boilerstrip.errors.ResultFormatError` naming a missing or malformed field."""
        return cls(*read_block(d))


_new_object = object.__new__


def new_block(start: int, end: int, category: str, reasons: Tuple[str, ...], first_label: str) -> Block:
    """``Block(start, end, category, reasons, first_label)``, built in one step.

    Speed: the ``__init__`` of a frozen dataclass sets each field through
    ``object.__setattr__`` (five calls), and the pipeline makes a block for every
    line of every page; this fills the new instance's ``__dict__`` at once. The
    object is the same: equal, same hash and repr (tests/test_speedups.py).
    """
    block = _new_object(Block)
    block.__dict__.update(start=start, end=end, category=category, reasons=reasons, first_label=first_label)
    return block


@dataclass(frozen=True)
class Result:
    """Everything :func:`~boilerstrip.strip` decided about one input.

    Attributes:
        title: the headline once, or None.
        title_span: ``(start, end)`` of the headline in the input, or None.
        text: the body: the kept blocks' text joined by ``separator``.
        blocks: every block of the input, kept or removed, in input order.
        language: the language used for stop words, or None (neutral).
        separator: the string between kept blocks in ``text``.
    """

    title: Optional[str]
    title_span: Optional[Tuple[int, int]]
    text: str
    blocks: Tuple[Block, ...] = field(default_factory=tuple)
    language: Optional[str] = None
    separator: str = "\n"

    @property
    def spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every kept body block."""
        return [(b.start, b.end) for b in self.blocks if b.kept]

    @property
    def removed(self) -> list[Block]:
        """Every block that is neither kept (body, or kept by a switch) nor the title."""
        return [b for b in self.blocks if b.category in C.REMOVED and not b.kept]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary holding the whole result."""
        return {
            "version": FORMAT_VERSION,
            "title": self.title,
            "title_span": list(self.title_span) if self.title_span else None,
            "text": self.text,
            "language": self.language,
            "separator": self.separator,
            "blocks": [b.to_dict() for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Result":
        """Rebuild a result written by :meth:`to_dict`.

        Raises :class:`~boilerstrip.errors.ResultFormatError` (a ``ValueError``)
        naming the field when *d* is not such a result: an unknown format version,
        a missing key, a value of the wrong type, or offsets that cannot be right
        (see :mod:`boilerstrip.result_format`).
        """
        fields = read_result(d)
        blocks = tuple([new_block(*b) for b in fields.pop("blocks")])
        check_body_length(fields["text"], fields["separator"], [b.end - b.start for b in blocks if b.kept])
        return cls(blocks=blocks, **fields)

    def summary_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` object: title, title_span, text, spans, removed."""
        return {
            "title": self.title,
            "title_span": list(self.title_span) if self.title_span else None,
            "text": self.text,
            "spans": [[s, e] for s, e in self.spans],
            "removed": [
                {"start": b.start, "end": b.end, "category": b.category, "reason": ",".join(b.reasons)}
                for b in self.removed
            ],
        }
