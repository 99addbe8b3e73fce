"""The Dask engine on a real two-process cluster, checked against the CLI.

Each test sends records through ``boilerstrip.engines.dask`` on a
``distributed.LocalCluster`` of two worker processes (so every function and
option crosses a process boundary as a pickle) and compares the result with
what ``python -m boilerstrip --jsonl`` writes for the same records.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from boilerstrip import Options
from boilerstrip.batch import clean_record
from boilerstrip.engines import MissingDependencyError
from engines_common import (
    ROOT,
    all_records,
    as_row,
    assert_same_records,
    good_records,
    run_cli,
)

ROW_COLUMNS = ["text", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence", "error"]


@pytest.fixture(scope="module")
def client():
    """A client of a local cluster: two worker processes, one thread each."""
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'boilerstrip[dask]')")
    pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed")
    distributed = pytest.importorskip("distributed", reason="distributed is not installed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def bs_dask(client):
    from boilerstrip.engines import dask as bs_dask

    return bs_dask


def bag_of(records, partitions=3):
    import dask.bag as db

    return db.from_sequence(records, npartitions=partitions)


def frame_of(records, partitions=2, chunksize=None):
    import dask.dataframe as dd
    import pandas as pd

    if chunksize:
        return dd.from_pandas(pd.DataFrame(records), chunksize=chunksize, sort=False)
    return dd.from_pandas(pd.DataFrame(records), npartitions=partitions)


def rows(frame):
    """The computed frame as a list of plain dicts, one per row, in order."""
    return frame.compute().to_dict(orient="records")


# --- bags ------------------------------------------------------------------------------


def test_bag_gives_what_the_cli_gives(bs_dask, client, tmp_path):
    records = all_records()
    cleaned = bs_dask.clean_bag(bag_of(records)).compute()
    assert_same_records(cleaned, run_cli(records, tmp_path))


def test_bag_carries_options_to_the_workers(bs_dask, client, tmp_path):
    records = good_records()
    cleaned = bs_dask.clean_bag(bag_of(records), Options(language="en")).compute()
    cli = run_cli(records, tmp_path, "--language", "en")
    assert_same_records(cleaned, cli)
    # The forced language changes some record, so a lost option would show.
    assert cli != run_cli(records, tmp_path)


def test_bag_reads_another_text_field(bs_dask, client):
    records = good_records(text_field="content") + [{"id": "old-name", "text": "A page."}]
    cleaned = bs_dask.clean_bag(bag_of(records), text_field="content").compute()
    assert cleaned == [clean_record(r, text_field="content") for r in records]
    assert cleaned[-1] == {"error": 'no "content" string field', "id": "old-name"}
    assert all("content" in r and "text" not in r for r in cleaned[:-1])


# --- dataframes ------------------------------------------------------------------------


def test_dataframe_gives_what_the_cli_gives(bs_dask, client, tmp_path):
    records = good_records()
    records.insert(3, {"id": "null-text", "text": None, "url": "https://example.org/null"})
    cleaned = rows(bs_dask.clean_dataframe(frame_of(records)))
    cli = run_cli(records, tmp_path)
    assert len(cleaned) == len(cli)
    for number, (row, record, cli_record) in enumerate(zip(cleaned, records, cli), 1):
        assert {k: row[k] for k in ROW_COLUMNS} == as_row(cli_record), f"row {number}"
        assert (row["id"], row["url"]) == (record["id"], record["url"]), f"row {number}"
    assert cleaned[3]["error"] == 'no "text" string field'


def test_dataframe_meta_is_what_comes_out(bs_dask, client):
    cleaned = bs_dask.clean_dataframe(frame_of(good_records()))
    computed = cleaned.compute()
    assert list(cleaned.columns) == [
        "id", "text", "url", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence", "error",
    ]
    assert list(computed.columns) == list(cleaned.columns)
    assert dict(computed.dtypes) == dict(cleaned.dtypes)


def test_dataframe_writes_parquet_with_its_schema(bs_dask, client, tmp_path):
    import pandas as pd

    records = [{"id": "empty", "text": ""}, {"id": "null-text", "text": None}] + good_records()
    cleaned = bs_dask.clean_dataframe(frame_of(records, chunksize=2))  # partition 1: no title, no spans
    assert cleaned.npartitions > 2
    cleaned.to_parquet(tmp_path / "out", schema=bs_dask.parquet_schema(cleaned), write_index=False)
    back = pd.read_parquet(tmp_path / "out").to_dict(orient="records")
    want = rows(cleaned)
    assert [r["id"] for r in back] == [r["id"] for r in want]
    for got, row in zip(back, want):
        assert _plain(got) == _plain(row), row["id"]


def _plain(row):
    """A row with Arrow's arrays and missing values as lists and None, for comparing."""
    import pandas as pd

    def plain(value):
        if hasattr(value, "tolist"):
            value = value.tolist()
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value

    return {k: plain(v) for k, v in row.items()}


def test_dataframe_reads_another_text_field_with_options(bs_dask, client):
    records = good_records(text_field="content")
    options = Options(language="en", separator="\n\n")
    cleaned = rows(bs_dask.clean_dataframe(frame_of(records), options, text_field="content"))
    for row, record in zip(cleaned, records):
        want = clean_record(record, options, text_field="content")
        assert row["content"] == want["content"]
        assert (row["title"], row["spans"], row["error"]) == (want["title"], want["spans"], None)
    assert any("\n\n" in row["content"] for row in cleaned)


# --- without Dask ------------------------------------------------------------------------


def test_missing_dask_names_the_extra(monkeypatch):
    from boilerstrip.engines import dask as bs_dask

    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes ``import dask.bag`` fail
    with pytest.raises(ImportError, match=r"pip install 'boilerstrip\[dask\]'") as caught:
        bs_dask.clean_bag(object())
    assert isinstance(caught.value, MissingDependencyError)


def test_importing_boilerstrip_imports_no_engine_framework():
    code = (
        "import sys, boilerstrip, boilerstrip.batch, boilerstrip.engines, boilerstrip.engines.dask, "
        "boilerstrip.engines.spark, boilerstrip.engines.hf_datasets\n"
        "frameworks = {'dask', 'distributed', 'pandas', 'pyspark', 'datasets', 'pyarrow'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in frameworks))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=False)
    assert (done.returncode, done.stderr, done.stdout) == (0, b"", b"[]\n")
