"""HTML records for the CLI: ``--html`` on one page and ``--jsonl --html`` on records."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from ..options import Options
from .deps import MissingExtraError
from .page import HtmlResult, strip_html

#: The record field ``--jsonl --html`` reads by default.
DEFAULT_HTML_FIELD = "html"
#: Keys added to every cleaned record, after the record's own fields (as in text mode,
#: plus ``sources``: the HTML provenance of the kept blocks).
ADDED_KEYS = ("text", "title", "title_span", "spans", "removed", "sources")


def strip_html_bytes(data: bytes, options: Optional[Options] = None) -> HtmlResult:
    """:func:`strip_html` on a page read as bytes (a UTF-8 BOM is handled by decoding)."""
    return strip_html(data, options=options)


def clean_html_record(
    record: Mapping[str, Any], options: Optional[Options] = None, *, field: str = DEFAULT_HTML_FIELD
) -> dict[str, Any]:
    """Strip ``record[field]`` (HTML); the output record keeps the record's fields
    (the HTML field removed) and adds the text-mode keys plus ``sources``."""
    return clean_html_record_with_result(record, options, field=field)[0]


def clean_html_record_with_result(
    record: Mapping[str, Any], options: Optional[Options] = None, *, field: str = DEFAULT_HTML_FIELD
) -> tuple[dict[str, Any], Optional[HtmlResult]]:
    """:func:`clean_html_record`, also returning the :class:`HtmlResult` (None for an error record)."""
    html = record.get(field)
    if not isinstance(html, str):
        what = f'no "{field}" string field' if html is None else f'"{field}" is not a string'
        return _error(what, record), None
    try:
        result = strip_html(html, options=options)
        summary = result.summary_dict()
    except MissingExtraError:
        raise
    except Exception as e:  # one bad record must not stop the batch
        return _error(f"internal error: {type(e).__name__}: {e}", record), None
    out = {key: value for key, value in record.items() if key != field and key not in ADDED_KEYS}
    for key in ADDED_KEYS:
        out[key] = summary[key]
    return out, result


def _error(message: str, record: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"error": message}
    if "id" in record:
        out["id"] = record["id"]
    return out
