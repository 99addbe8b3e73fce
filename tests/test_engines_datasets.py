"""The HuggingFace ``datasets`` engine, checked against the CLI.

Skipped unless ``datasets`` is installed (``pip install 'boilerstrip[datasets]'``).
Datasets are built from Python lists and the library is kept offline, so no
test touches the network. :func:`clean_batch` itself needs no ``datasets`` and
is also tested without it.
"""

from __future__ import annotations

import os
import sys

import pytest

from boilerstrip import Options
from boilerstrip.engines import MissingDependencyError
from boilerstrip.engines.hf_datasets import clean_batch, features
from engines_common import as_row, good_records, run_cli

ROW_COLUMNS = ["text", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence", "error"]


@pytest.fixture(scope="module")
def datasets():
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return pytest.importorskip("datasets", reason="datasets is not installed (pip install 'boilerstrip[datasets]')")


def records_with_gaps():
    """Good records with a null text first, so the first batch has no title at all."""
    records = good_records()
    records.insert(0, {"id": "null-text", "text": None, "url": "https://example.org/null"})
    records.insert(4, {"id": "empty-text", "text": "", "url": "https://example.org/empty"})
    return records


def check_rows(cleaned, records, cli):
    assert len(cleaned) == len(records) == len(cli)
    for number, (row, record, cli_record) in enumerate(zip(cleaned, records, cli), 1):
        assert {k: row[k] for k in ROW_COLUMNS} == as_row(cli_record), f"row {number}"
        assert (row["id"], row["url"]) == (record["id"], record["url"]), f"row {number}"


def test_map_gives_what_the_cli_gives(datasets, tmp_path):
    records = records_with_gaps()
    ds = datasets.Dataset.from_list(records)
    cleaned = ds.map(clean_batch, batched=True, batch_size=2, features=features(ds.features))
    check_rows(list(cleaned), records, run_cli(records, tmp_path))
    assert cleaned[0]["error"] == 'no "text" string field'


def test_map_with_options_in_two_processes(datasets, tmp_path):
    records = records_with_gaps()
    ds = datasets.Dataset.from_list(records)
    cleaned = ds.map(
        clean_batch,
        batched=True,
        batch_size=3,
        num_proc=2,
        features=features(ds.features),
        fn_kwargs={"options": Options(language="en")},
    )
    cli = run_cli(records, tmp_path, "--language", "en")
    check_rows(list(cleaned), records, cli)
    assert cli != run_cli(records, tmp_path)  # the option matters for these records


def test_features_fix_the_output_types(datasets):
    ds = datasets.Dataset.from_list([{"id": 1, "content": "Home"}])
    out = features(ds.features, text_field="content")
    assert list(out) == ["id", "content", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence", "error"]
    assert out["id"] == ds.features["id"]
    cleaned = ds.map(clean_batch, batched=True, features=out, fn_kwargs={"text_field": "content"})
    assert cleaned.features == out


# --- without datasets -------------------------------------------------------------------


def test_clean_batch_sets_every_output_column():
    batch = {"id": [1, 2, 3], "text": ["Home\n\nA sentence long enough to be the story, as it goes.", None, 7]}
    out = clean_batch(batch)
    assert list(out) == ROW_COLUMNS
    assert all(len(column) == 3 for column in out.values())
    assert out["error"] == [None, 'no "text" string field', '"text" is not a string']
    assert out["text"][1:] == [None, None]


def test_clean_batch_without_the_text_column():
    out = clean_batch({"id": [1, 2]}, text_field="content")
    assert out["error"] == ['no "content" string field'] * 2
    assert out["content"] == [None, None]


def test_missing_datasets_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "datasets", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'boilerstrip\[datasets\]'"):
        features({})
