"""One record in, one record out: the function every batch engine shares.

The CLI's ``--jsonl`` mode, its ``--jobs`` workers, Dask, Spark and
HuggingFace ``datasets`` all call :func:`clean_record` (or :func:`clean_line`,
which parses a JSONL line first and then calls it), so a record gives the same
output on every engine. Both are pure and picklable; neither raises on bad data:
a record that cannot be cleaned becomes an *error record* ``{"error": ...}``
carrying the record's ``id`` when it has one, and the batch goes on.

Output record: the input record's fields in their order, with the text field
replaced by the body, then ``title``, ``title_span``, ``spans``, ``removed``,
``page_type`` and ``page_type_evidence``
(the same keys as ``boilerstrip --json``). Fields are never overwritten: a record
that already has one of the added fields becomes an error record naming it,
unless a *prefix* is given, which every added field's name then starts with
(``prefix="bs_"``: ``bs_title``, ``bs_spans``, ...). Lines read by
:func:`parse_line` keep the text of their numbers (see :mod:`boilerstrip.rawjson`).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Mapping, Optional, Sequence, TypeVar

from .decoding import unmarked_wide_encoding
from .errors import BoilerstripError
from .options import Options
from .pipeline import strip
from .rawjson import RawNumber, dumps, loads_record
from .result import Result

__all__ = [
    "ADDED_KEYS",
    "DEFAULT_TEXT_FIELD",
    "RawNumber",
    "clean_field",
    "clean_line",
    "clean_record",
    "clean_record_with_result",
    "clean_records",
    "dumps",
    "is_error",
    "locate",
    "parse_line",
]

#: Field read when no other is named.
DEFAULT_TEXT_FIELD = "text"
#: Keys added to every cleaned record, after the record's own fields.
ADDED_KEYS = ("title", "title_span", "spans", "removed", "page_type", "page_type_evidence")


def clean_record(
    record: Mapping[str, Any],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
    prefix: str = "",
) -> dict[str, Any]:
    """Clean ``record[text_field]``; returns the output record or an error record.

    >>> out = clean_record({"id": 7, "text": "Home\\n\\nA sentence long enough to be the story, plainly, as it goes."})
    >>> out["id"], out["text"]
    (7, 'A sentence long enough to be the story, plainly, as it goes.')
    >>> clean_record({"id": 8})
    {'error': 'no "text" string field', 'id': 8}
    >>> clean_record({"id": 9, "title": "Mine", "text": "Story."})["error"]
    'the record has a "title" field already, which boilerstrip adds (name the added fields apart with a prefix, e.g. --prefix bs_)'
    >>> list(clean_record({"id": 9, "title": "Mine", "text": "Story."}, prefix="bs_"))
    ['id', 'title', 'text', 'bs_title', 'bs_title_span', 'bs_spans', 'bs_removed', 'bs_page_type', 'bs_page_type_evidence']
    """
    return clean_record_with_result(record, options, text_field=text_field, prefix=prefix)[0]


def clean_record_with_result(
    record: Mapping[str, Any],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
    prefix: str = "",
) -> tuple[dict[str, Any], Optional[Result]]:
    """:func:`clean_record`, also returning the full :class:`Result` (None for an error record)."""

    def clean(text: str) -> tuple[Result, dict[str, Any]]:
        result = strip(text, options=options)
        return result, result.summary_dict()

    return clean_field(record, text_field, clean, ADDED_KEYS, replace_field=True, prefix=prefix)


R = TypeVar("R")


def clean_field(
    record: Mapping[str, Any],
    field: str,
    clean: Callable[[str], tuple[R, dict[str, Any]]],
    added_keys: Sequence[str],
    *,
    replace_field: bool,
    prefix: str = "",
) -> tuple[dict[str, Any], Optional[R]]:
    """Run *clean* on ``record[field]`` and build the output record, or an error record.

    *clean* returns its full result and the summary the added keys come from. The
    record's fields keep their order; *field* holds the body (``replace_field``) or is
    dropped (the HTML front end: the page itself is not worth writing back). Each
    added key is written as ``prefix + key``; a record that has such a field already
    becomes an error record naming it (a crawl's own ``title`` or ``text`` is never
    overwritten without a word).
    A :class:`~boilerstrip.BoilerstripError` (a missing extra) stops the batch; any other
    exception becomes the record's error, so one bad record never stops a run.
    """
    if not isinstance(record, Mapping):
        return {"error": "record is not a JSON object"}, None
    value = record.get(field)
    if not isinstance(value, str):
        what = f'no "{field}" string field' if value is None else f'"{field}" is not a string'
        return _error(what, record), None
    dropped = None if replace_field else field  # not written back, so never overwritten
    for key in added_keys:
        if prefix + key in record and prefix + key != dropped:
            return _error(_collision(prefix + key, prefix), record), None
    try:
        result, summary = clean(value)
    except BoilerstripError:
        raise
    except Exception as e:
        return _error(f"internal error: {type(e).__name__}: {e}", record), None
    if replace_field:
        out = {key: (summary["text"] if key == field else item) for key, item in record.items()}
    else:
        out = {key: item for key, item in record.items() if key != field}
    for key in added_keys:
        out[prefix + key] = summary[key]
    return out, result


def _collision(name: str, prefix: str) -> str:
    advice = "choose another prefix" if prefix else "name the added fields apart with a prefix, e.g. --prefix bs_"
    return f'the record has a "{name}" field already, which boilerstrip adds ({advice})'


def clean_line(
    raw: bytes,
    number: int,
    options: Optional[Options] = None,
    *,
    errors: str = "strict",
    text_field: str = DEFAULT_TEXT_FIELD,
    prefix: str = "",
) -> dict[str, Any]:
    """Parse one JSONL line (bytes, no newline needed) and clean it.

    Error records from this function also carry ``"line": number``.
    """
    record, error = parse_line(raw, number, errors)
    if record is None:
        return error
    out = clean_record(record, options, text_field=text_field, prefix=prefix)
    return locate(out, number) if is_error(out) else out


def parse_line(raw: bytes, number: int, errors: str = "strict") -> tuple[Optional[dict[str, Any]], dict[str, Any]]:
    """``(record, {})`` for a line holding a JSON object, else ``(None, error record)``.

    Numbers whose text Python would write back differently are kept as
    :class:`~boilerstrip.rawjson.RawNumber`; ``NaN`` and ``Infinity`` (not JSON)
    make the line an error record.
    """
    try:
        record = loads_record(raw.decode("utf-8", errors))
    except UnicodeDecodeError as e:
        return None, {"error": f"line is not valid UTF-8 (byte offset {e.start}){_wide_hint(raw)}", "line": number}
    except RecursionError:
        return None, {"error": "invalid JSON: nested too deeply", "line": number}
    except ValueError as e:
        return None, {"error": f"invalid JSON: {e}{_wide_hint(raw)}", "line": number}
    if not isinstance(record, dict):
        return None, {"error": "line is not a JSON object", "line": number}
    return record, {}


def locate(error: Mapping[str, Any], number: int) -> dict[str, Any]:
    """An error record with the input line number after the message."""
    located = {"error": error["error"], "line": number}
    located.update(error)
    return located


def _wide_hint(raw: bytes) -> str:
    """A hint for a line of unmarked UTF-16/32 input (see :mod:`boilerstrip.decoding`)."""
    wide = unmarked_wide_encoding(raw.lstrip(b"\x00"))  # the NUL after the last line's newline
    return f" (the input looks like {wide}: re-encode it as UTF-8)" if wide else ""


#: The keys an error record can have.
_ERROR_KEYS = frozenset({"error", "id", "line"})


def is_error(output: Mapping[str, Any]) -> bool:
    """True for an error record from :func:`clean_record`: ``error`` and at most ``id``
    and ``line`` (a cleaned record has its text field and the added fields, whatever
    the prefix, so it is never that small)."""
    return "error" in output and len(output) <= len(_ERROR_KEYS) and _ERROR_KEYS.issuperset(output)


def clean_records(
    records: Iterable[Mapping[str, Any]],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
    prefix: str = "",
) -> Iterator[dict[str, Any]]:
    """:func:`clean_record` over an iterable, lazily: the shape ``mapPartitions`` wants."""
    for record in records:
        yield clean_record(record, options, text_field=text_field, prefix=prefix)


def _error(message: str, record: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"error": message}
    if "id" in record:
        out["id"] = record["id"]
    return out
