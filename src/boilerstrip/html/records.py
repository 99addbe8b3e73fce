"""HTML records for the CLI: ``--html`` on one page and ``--jsonl --html`` on records."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from ..batch import clean_field
from ..options import Options
from .page import HtmlResult, strip_html

#: The record field ``--jsonl --html`` reads by default.
DEFAULT_HTML_FIELD = "html"
#: Keys added to every cleaned record, after the record's own fields (as in text mode,
#: plus ``sources``: the HTML provenance of the kept blocks).
ADDED_KEYS = ("text", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence", "sources")


def strip_html_bytes(data: bytes, options: Optional[Options] = None) -> HtmlResult:
    """:func:`strip_html` on a page read as bytes (a UTF-8 BOM is handled by decoding)."""
    return strip_html(data, options=options)


def clean_html_record(
    record: Mapping[str, Any], options: Optional[Options] = None, *, field: str = DEFAULT_HTML_FIELD, prefix: str = ""
) -> dict[str, Any]:
    """Strip ``record[field]`` (HTML); the output record keeps the record's fields
    (the HTML field removed) and adds the text-mode keys plus ``sources``, each
    named ``prefix + key`` (a record that has one already is an error record)."""
    return clean_html_record_with_result(record, options, field=field, prefix=prefix)[0]


def clean_html_record_with_result(
    record: Mapping[str, Any], options: Optional[Options] = None, *, field: str = DEFAULT_HTML_FIELD, prefix: str = ""
) -> tuple[dict[str, Any], Optional[HtmlResult]]:
    """:func:`clean_html_record`, also returning the :class:`HtmlResult` (None for an error record)."""

    def clean(html: str) -> tuple[HtmlResult, dict[str, Any]]:
        result = strip_html(html, options=options)
        return result, result.summary_dict()

    return clean_field(record, field, clean, ADDED_KEYS, replace_field=False, prefix=prefix)
