"""Block offsets stored compactly: :class:`Spans`, what :func:`.segment.segment` returns."""

from __future__ import annotations

from array import array
from typing import Iterable, Iterator, Sequence, Tuple, Union, overload


class Spans(Sequence[Tuple[int, int]]):
    """``(start, end)`` pairs, stored flat in one array of 64-bit integers.

    Memory: a page can have hundreds of thousands of blocks, and a list of tuples
    costs about 130 bytes a block (the list's pointer, the tuple, two int objects);
    here a block costs 16 bytes. Reading gives ordinary tuples, built on access.
    Equal to any sequence of the same pairs (a list of tuples, too).
    """

    __slots__ = ("_flat",)

    def __init__(self, pairs: Iterable[Tuple[int, int]] = ()) -> None:
        flat = array("q")
        for start, end in pairs:
            flat.append(start)
            flat.append(end)
        self._flat = flat

    @classmethod
    def from_flat(cls, flat: "array[int]") -> "Spans":
        """The spans of *flat*: start, end, start, end, ... (taken over, not copied)."""
        spans = cls.__new__(cls)
        spans._flat = flat
        return spans

    def __len__(self) -> int:
        return len(self._flat) // 2

    def __iter__(self) -> Iterator[Tuple[int, int]]:
        ints = iter(self._flat)
        return zip(ints, ints)  # consecutive pairs, made by zip in C

    @overload
    def __getitem__(self, index: int) -> Tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> "Spans": ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Tuple[int, int], "Spans"]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1:
                return Spans.from_flat(self._flat[2 * start : 2 * max(start, stop)])
            return Spans([self[i] for i in range(start, stop, step)])
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("span index out of range")
        return self._flat[2 * index], self._flat[2 * index + 1]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return self._flat == other._flat
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable storage, like a list

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"
