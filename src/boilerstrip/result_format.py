"""Reading the dictionary layout of :meth:`Result.to_dict` back, checked.

A result read back from a file or a queue may come from another version, another
program or a hand edit. Every field is checked before anything is built, and a
problem raises :class:`~boilerstrip.errors.ResultFormatError` naming the field
(``blocks[3].end``), never a bare ``KeyError`` or ``TypeError``.

What is checked: the format version is one this version reads; every key of the
layout is present with its type (offsets are integers, not booleans or floats);
offsets are not negative and a block does not end before it starts; blocks are in
input order and do not overlap; the title's span is as long as the title; and the
body is exactly as long as the kept blocks joined by the separator (the input text
is not part of the layout, so offsets cannot be checked against it). Category names
are not checked against this version's list: a newer version may add categories.
``page_type`` and ``page_type_evidence`` were added to format version 1 later: a
dictionary without them reads as a result with no page type (None and no evidence);
when present they are checked (a string or null; a list of strings). Type names are
not checked either, for the same reason as categories.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence, Tuple

from .errors import ResultFormatError

#: Versions of the layout :func:`read_result` understands.
KNOWN_VERSIONS = (1,)

#: The fields of one block: start, end, category, reasons, first label.
BlockFields = Tuple[int, int, str, Tuple[str, ...], str]


def _fail(field: str, problem: str) -> ResultFormatError:
    return ResultFormatError(f"not a boilerstrip result: {field} {problem}")


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _get(d: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in d:
        raise _fail(where + key, "is missing")
    return d[key]


def _integer(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(field, f"must be an integer, not {_type_name(value)}")
    if value < 0:
        raise _fail(field, f"must not be negative ({value})")
    return int(value)


def _string(value: Any, field: str, optional: bool = False) -> Optional[str]:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        wanted = "a string or null" if optional else "a string"
        raise _fail(field, f"must be {wanted}, not {_type_name(value)}")
    return str(value)


def _span(value: Any, field: str) -> tuple[int, int]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise _fail(field, "must be a [start, end] pair")
    start, end = _integer(value[0], f"{field}[0]"), _integer(value[1], f"{field}[1]")
    if end < start:
        raise _fail(field, f"ends before it starts ({start}, {end})")
    return start, end


def _mapping(value: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(field, f"must be an object, not {_type_name(value)}")
    return value


def read_block(d: Any, field: str = "block") -> BlockFields:
    """The fields of one block dictionary (:meth:`Block.to_dict`), checked."""
    d = _mapping(d, field)
    where = field + "."
    start = _integer(_get(d, "start", where), where + "start")
    end = _integer(_get(d, "end", where), where + "end")
    if end < start:
        raise _fail(field, f"ends before it starts ({start}, {end})")
    category = _string(_get(d, "category", where), where + "category")
    reasons = _get(d, "reasons", where)
    if not isinstance(reasons, (list, tuple)):
        raise _fail(where + "reasons", f"must be a list of strings, not {_type_name(reasons)}")
    checked = tuple(_string(r, f"{where}reasons[{i}]") or "" for i, r in enumerate(reasons))
    first_label = _string(_get(d, "first_label", where), where + "first_label")
    assert category is not None and first_label is not None
    return start, end, category, checked, first_label


def read_result(d: Any) -> dict[str, Any]:
    """The fields of a result dictionary (:meth:`Result.to_dict`), checked; blocks as
    :data:`BlockFields` tuples."""
    d = _mapping(d, "the result")
    version = _get(d, "version", "")
    if isinstance(version, bool) or version not in KNOWN_VERSIONS:
        known = ", ".join(map(str, KNOWN_VERSIONS))
        raise _fail("version", f"is {version!r}; this version of boilerstrip reads format version {known}")
    title = _string(_get(d, "title", ""), "title", optional=True)
    raw_span = _get(d, "title_span", "")
    title_span = None if raw_span is None else _span(raw_span, "title_span")
    if (title is None) != (title_span is None):
        raise _fail("title_span", "must be null exactly when the title is null")
    if title is not None and title_span is not None and title_span[1] - title_span[0] != len(title):
        raise _fail("title_span", f"covers {title_span[1] - title_span[0]} characters, the title has {len(title)}")
    text = _string(_get(d, "text", ""), "text")
    language = _string(_get(d, "language", ""), "language", optional=True)
    separator = _string(_get(d, "separator", ""), "separator")
    raw_blocks = _get(d, "blocks", "")
    if not isinstance(raw_blocks, (list, tuple)):
        raise _fail("blocks", f"must be a list, not {_type_name(raw_blocks)}")
    blocks = [read_block(b, f"blocks[{i}]") for i, b in enumerate(raw_blocks)]
    _check_order(blocks)
    page_type = _string(d.get("page_type"), "page_type", optional=True)
    raw_evidence = d.get("page_type_evidence", [])
    if not isinstance(raw_evidence, (list, tuple)):
        raise _fail("page_type_evidence", f"must be a list of strings, not {_type_name(raw_evidence)}")
    evidence = tuple(_string(e, f"page_type_evidence[{i}]") or "" for i, e in enumerate(raw_evidence))
    return {
        "title": title,
        "title_span": title_span,
        "text": text,
        "language": language,
        "separator": separator,
        "page_type": page_type,
        "page_type_evidence": evidence,
        "blocks": blocks,
    }


def _check_order(blocks: Sequence[BlockFields]) -> None:
    previous_end = 0
    for i, (start, end, *_) in enumerate(blocks):
        if start < previous_end:
            raise _fail(f"blocks[{i}]", f"starts at {start}, inside or before the block before it (which ends at {previous_end})")
        previous_end = end


def check_body_length(text: str, separator: str, kept_lengths: Sequence[int]) -> None:
    """The body is the kept blocks joined by the separator, so its length is known."""
    expected = sum(kept_lengths) + len(separator) * max(len(kept_lengths) - 1, 0)
    if len(text) != expected:
        raise _fail(
            "text",
            f"has {len(text)} characters, but its {len(kept_lengths)} kept blocks joined by the separator make {expected}",
        )
