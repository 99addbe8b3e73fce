"""Records and the CLI's answers for them, shared by the engine tests.

Every engine test feeds the same records to an engine and to the real command
line (``python -m boilerstrip --jsonl`` in a subprocess) and compares record by
record. The records are labelled sample pages plus bad records of every kind.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: Samples chosen for variety: German, French and Russian text, CRLF line ends,
#: NBSP bullets, an article on one line, and the longest sample.
SAMPLE_NAMES = (
    "de_news_html_text_kommentare",
    "fr_news_html_text_lire_aussi",
    "ru_html_text_chitaite_takzhe",
    "en_recipe_html_text_crlf",
    "en_inscriptis_nbsp_bullets",
    "en_inscriptis_single_line_article",
    "seed_000_8d46e3e64f3e5656",
)

#: Records no engine can clean: no text field, a null text, a text that is not a
#: string, and two records that are not objects.
BAD_RECORDS: list[Any] = [
    {"id": "no-text", "url": "https://example.org/no-text"},
    {"id": "null-text", "text": None},
    {"id": "number-text", "text": 42},
    ["not", "an", "object"],
    "a bare string",
]

#: The one place the CLI words an error differently from ``clean_record``: it
#: checks that a JSON line is an object before ``clean_record`` would.
CLI_MESSAGES = {"line is not a JSON object": "record is not a JSON object"}


def sample_text(name: str) -> str:
    """A sample page exactly as stored (bytes decoded, CRLF kept)."""
    return (ROOT / "samples" / f"{name}.txt").read_bytes().decode("utf-8")


def good_records(text_field: str = "text") -> list[dict[str, Any]]:
    """One record per sample: an id, the page text, and a field after the text."""
    return [
        {"id": name, text_field: sample_text(name), "url": f"https://example.org/{name}"}
        for name in SAMPLE_NAMES
    ]


def all_records() -> list[Any]:
    """Good records with the bad ones mixed in among them."""
    good = good_records()
    return good[:2] + BAD_RECORDS[:3] + good[2:5] + BAD_RECORDS[3:] + good[5:]


def run_cli(records: list[Any], tmp_path: pathlib.Path, *args: str) -> list[dict[str, Any]]:
    """Run ``python -m boilerstrip --jsonl`` on *records*; its output records, in order."""
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "--jsonl", *args, str(path)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(records)
    return [json.loads(line) for line in lines]


def as_engine_record(cli_record: dict[str, Any]) -> dict[str, Any]:
    """The CLI's record as an engine gives it: an error record has no ``"line"``."""
    if "title" in cli_record:
        return cli_record
    out = {k: v for k, v in cli_record.items() if k != "line"}
    out["error"] = CLI_MESSAGES.get(out["error"], out["error"])
    return out


def assert_same_records(engine: list[Any], cli: list[dict[str, Any]]) -> None:
    """Record by record: equal as Python objects, with the keys in the same order."""
    assert len(engine) == len(cli)
    for number, (got, cli_record) in enumerate(zip(engine, cli), 1):
        want = as_engine_record(cli_record)
        assert got == want, f"record {number} differs from the CLI's"
        assert list(got) == list(want), f"record {number} has its keys in another order"


def as_row(cli_record: dict[str, Any], text_field: str = "text") -> dict[str, Any]:
    """The CLI's record as the output columns of a column-shaped engine."""
    record = as_engine_record(cli_record)
    names = (text_field, "title", "title_span", "spans", "removed", "page_type", "page_type_evidence")
    if "error" in record:
        row = dict.fromkeys(names)
        row["error"] = record["error"]
        return row
    row = {name: record[name] for name in names}
    row["error"] = None
    return row
