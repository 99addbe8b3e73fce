"""One record in, one record out: the function every batch engine shares.

The CLI's ``--jsonl`` mode, its ``--jobs`` workers, Dask, Spark and
HuggingFace ``datasets`` all call :func:`clean_record` (or :func:`clean_line`,
which parses a JSONL line first and then calls it), so a record gives the same
output on every engine. Both are pure and picklable; neither raises on bad data:
a record that cannot be cleaned becomes an *error record* ``{"error": ...}``
carrying the record's ``id`` when it has one, and the batch goes on.

Output record: the input record's fields in their order, with the text field
replaced by the body, then ``title``, ``title_span``, ``spans`` and ``removed``
(the same keys as ``boilerstrip --json``).
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Mapping, Optional

from .options import Options
from .pipeline import strip

#: Field read when no other is named.
DEFAULT_TEXT_FIELD = "text"
#: Keys added to every cleaned record, after the record's own fields.
ADDED_KEYS = ("title", "title_span", "spans", "removed")


def clean_record(
    record: Mapping[str, Any],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> dict[str, Any]:
    """Clean ``record[text_field]``; returns the output record or an error record.

    >>> out = clean_record({"id": 7, "text": "Home\\n\\nA sentence long enough to be the story, plainly, as it goes."})
    >>> out["id"], out["text"]
    (7, 'A sentence long enough to be the story, plainly, as it goes.')
    >>> clean_record({"id": 8})
    {'error': 'no "text" string field', 'id': 8}
    """
    if not isinstance(record, Mapping):
        return {"error": "record is not a JSON object"}
    text = record.get(text_field)
    if not isinstance(text, str):
        problem = "string field" if text is None else "is not a string"
        what = f'no "{text_field}" {problem}' if text is None else f'"{text_field}" {problem}'
        return _error(what, record)
    try:
        summary = strip(text, options=options).summary_dict()
    except Exception as e:  # a bug must not stop the batch; report it on the record
        return _error(f"internal error: {type(e).__name__}: {e}", record)
    out = {key: (summary["text"] if key == text_field else value) for key, value in record.items()}
    for key in ADDED_KEYS:
        out[key] = summary[key]
    return out


def clean_line(
    raw: bytes,
    number: int,
    options: Optional[Options] = None,
    *,
    errors: str = "strict",
    text_field: str = DEFAULT_TEXT_FIELD,
) -> dict[str, Any]:
    """Parse one JSONL line (bytes, no newline needed) and clean it.

    Error records from this function also carry ``"line": number``.
    """
    try:
        record = json.loads(raw.decode("utf-8", errors))
    except UnicodeDecodeError as e:
        return {"error": f"line is not valid UTF-8 (byte offset {e.start})", "line": number}
    except RecursionError:
        return {"error": "invalid JSON: nested too deeply", "line": number}
    except ValueError as e:
        return {"error": f"invalid JSON: {e}", "line": number}
    if not isinstance(record, dict):
        return {"error": "line is not a JSON object", "line": number}
    out = clean_record(record, options, text_field=text_field)
    if is_error(out):
        located = {"error": out["error"], "line": number}
        located.update(out)
        return located
    return out


def is_error(output: Mapping[str, Any]) -> bool:
    """True for an error record (a cleaned record always has a ``title`` key)."""
    return "title" not in output


def clean_records(
    records: Iterable[Mapping[str, Any]],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> Iterator[dict[str, Any]]:
    """:func:`clean_record` over an iterable, lazily: the shape ``mapPartitions`` wants."""
    for record in records:
        yield clean_record(record, options, text_field=text_field)


def _error(message: str, record: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"error": message}
    if "id" in record:
        out["id"] = record["id"]
    return out
