"""``--output-field NAME``: where a batch record's body goes.

By default the body replaces the page text in its own field (``--jsonl``) or
goes to ``text`` (``--jsonl --html``, ``--warc``). With an output field the
body goes to that field instead, so the raw text can stay in the record.
"""

from __future__ import annotations

from typing import Any, Mapping


def move_body(output: dict[str, Any], record: Mapping[str, Any], body_key: str, output_field: str, raw_key: str) -> dict[str, Any]:
    """*output* with the body (now under *body_key*) moved to *output_field*, and the
    record's raw text put back under *raw_key* when the output had replaced it.

    The output field takes the body's place in the key order; a field of that name
    that was in the record is overwritten.

    >>> move_body({"id": 1, "text": "body", "title": None}, {"id": 1, "text": "raw"}, "text", "clean", "text")
    {'id': 1, 'text': 'raw', 'clean': 'body', 'title': None}
    """
    if output_field == body_key:
        return output
    moved: dict[str, Any] = {}
    for key, value in output.items():
        if key == body_key:
            if key == raw_key and raw_key in record:
                moved[key] = record[raw_key]
            moved[output_field] = value
        elif key != output_field:
            moved[key] = value
    return moved
