"""The result of :func:`boilerstrip.strip`: blocks with labels, title, body."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any, Mapping, Optional, Tuple

from . import categories as C
from .result_format import check_body_length, read_block, read_result

#: Version of the dictionary layout written by :meth:`Result.to_dict`.
FORMAT_VERSION = 1

#: The reason a block gets when an ``Options.keep`` switch keeps it: ``keep:<category>``.
KEEP_REASON_PREFIX = "keep:"


class Block:
    """One block of the input and what was decided about it.

    ``start`` and ``end`` are half-open code-point offsets into the input string:
    ``source[start:end]`` is exactly the block's text. ``reasons`` are the reason
    codes that decided it; ``first_label`` is the context-free label before
    neighbours were considered (for explanations).

    Immutable, compared and hashed by its fields, like a frozen dataclass (setting
    a field raises :class:`dataclasses.FrozenInstanceError`). Memory: a page can
    have hundreds of thousands of blocks, so a block has slots and no ``__dict__``
    (72 bytes instead of about 240).
    """

    __slots__ = ("start", "end", "category", "reasons", "first_label")

    start: int
    end: int
    category: str
    reasons: Tuple[str, ...]
    first_label: str

    def __init__(
        self, start: int, end: int, category: str, reasons: Tuple[str, ...] = (), first_label: str = ""
    ) -> None:
        _fill(self, start, end, category, reasons, first_label)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _fields(self) -> tuple[int, int, str, Tuple[str, ...], str]:
        return (self.start, self.end, self.category, self.reasons, self.first_label)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Block)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Block(start={self.start!r}, end={self.end!r}, category={self.category!r}, "
            f"reasons={self.reasons!r}, first_label={self.first_label!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (Block, self._fields())  # pickle and copy through the constructor

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
# The slots' own setters: they pass by the __setattr__ that keeps blocks immutable.
_slots: Mapping[str, Any] = Block.__dict__
_set_start = _slots["start"].__set__
_set_end = _slots["end"].__set__
_set_category = _slots["category"].__set__
_set_reasons = _slots["reasons"].__set__
_set_first_label = _slots["first_label"].__set__


def _fill(block: Block, start: int, end: int, category: str, reasons: Tuple[str, ...], first_label: str) -> None:
    _set_start(block, start)
    _set_end(block, end)
    _set_category(block, category)
    _set_reasons(block, reasons)
    _set_first_label(block, first_label)


def new_block(start: int, end: int, category: str, reasons: Tuple[str, ...], first_label: str) -> Block:
    """``Block(start, end, category, reasons, first_label)``, built in one step.

    Speed: the pipeline makes a block for every line of every page; this skips the
    call of ``__init__``. The object is the same: equal, same hash and repr
    (tests/test_speedups.py).
    """
    block = _new_object(Block)
    _fill(block, start, end, category, reasons, first_label)
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
        page_type: the kind of page (``"article"``, ``"forum"``, ``"listing"``,
            ``"product"``, ``"documentation"``, ``"service"``, ``"collection"``;
            see :mod:`boilerstrip.page_types`), or None for a result that does
            not say (one read from an older dictionary).
        page_type_evidence: what decided the type: the names of the features that
            weighed most, ``"forced"`` when ``Options(page_type=...)`` set it,
            ``"unsure:<type>"`` first when the detector's best guess fell short of
            its threshold and the page stayed an article (the features named then
            are those that pushed towards the guess), ``"too-short"`` for a
            page with too few words to tell (an article).
    """

    title: Optional[str]
    title_span: Optional[Tuple[int, int]]
    text: str
    blocks: Tuple[Block, ...] = field(default_factory=tuple)
    language: Optional[str] = None
    separator: str = "\n"
    page_type: Optional[str] = None
    page_type_evidence: Tuple[str, ...] = ()

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
            "page_type": self.page_type,
            "page_type_evidence": list(self.page_type_evidence),
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
        """The CLI's ``--json`` object: title, title_span, text, spans, removed,
        page_type, page_type_evidence.

        Memory: blocks with the same reasons share one joined ``reason`` string (a
        page has a few dozen different reason lists, and may have 100 000s of blocks).
        """
        joined: dict[Tuple[str, ...], str] = {}
        removed = []
        for b in self.removed:
            reason = joined.get(b.reasons)
            if reason is None:
                reason = joined[b.reasons] = ",".join(b.reasons)
            removed.append({"start": b.start, "end": b.end, "category": b.category, "reason": reason})
        return {
            "title": self.title,
            "title_span": list(self.title_span) if self.title_span else None,
            "text": self.text,
            "spans": [[s, e] for s, e in self.spans],
            "removed": removed,
            "page_type": self.page_type,
            "page_type_evidence": list(self.page_type_evidence),
        }
