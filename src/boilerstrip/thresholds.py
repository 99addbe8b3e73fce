"""Named thresholds with their source.

Each pass keeps its thresholds in one frozen record (a dataclass whose fields are
declared with :func:`limit`), so that a decision reads ``LIMITS.max_marker_words``
rather than a bare number, and every number states where it comes from:

- :data:`PAPER`: taken from published work (named in the field's note);
- ``measured(...)``: chosen by measuring on the named dev sources (the number was
  compared with its neighbours there);
- :data:`HAND`: chosen by hand from the shape of the text it describes, and left
  where the dev benchmarks gave no reason to move it. Most thresholds are this.

A value used for two purposes is two fields, even when both hold the same number.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator, TypeVar

T = TypeVar("T")

PAPER = "a paper"
HAND = "chosen by hand"
_MEASURED = "measured on "


def measured(*sources: str) -> str:
    """The source of a threshold measured on the named dev *sources*."""
    return _MEASURED + ", ".join(sources)


def limit(value: T, source: str, note: str = "") -> T:
    """A field of a thresholds record: its *value*, its *source* and an optional *note*."""
    if not (source in (PAPER, HAND) or source.startswith(_MEASURED)):
        raise ValueError(f"unknown source {source!r}")
    return dataclasses.field(default=value, metadata={"source": source, "note": note})


def sources(record: Any) -> Iterator[tuple[str, object, str]]:
    """``(name, value, source)`` for every field of a thresholds record."""
    for f in dataclasses.fields(record):
        yield f.name, getattr(record, f.name), f.metadata.get("source", "")
