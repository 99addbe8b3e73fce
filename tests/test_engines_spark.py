"""The Spark engine on a local SparkSession (``local[2]``), checked against the CLI.

Skipped unless pyspark is installed (``pip install 'boilerstrip[spark]'``) and a
``java`` is on the PATH; CI does not install pyspark. The Python workers run
this interpreter, so they import the same boilerstrip.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from functools import partial

import pytest

from boilerstrip import Options
from boilerstrip.engines import MissingDependencyError
from engines_common import all_records, as_row, assert_same_records, good_records, run_cli

# pyspark warns that it does not fully support pandas 3 yet; the UDF here works with it.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

ROW_COLUMNS = ["text", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence", "error"]


@pytest.fixture(scope="module")
def spark():
    """A local SparkSession with two cores; stopped after the module."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'boilerstrip[spark]')")
    pytest.importorskip("pandas", reason="pandas is not installed (pip install 'boilerstrip[spark]')")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'boilerstrip[spark]')")
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("pyspark needs Java (17 or newer), and none was found")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers must import this boilerstrip
    session = (
        SparkSession.builder.master("local[2]")
        .appName("boilerstrip-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture
def bs_spark(spark):
    from boilerstrip.engines import spark as bs_spark

    return bs_spark


def test_rdd_map_partitions_gives_what_the_cli_gives(spark, bs_spark, tmp_path):
    records = all_records()
    options = Options(language="en")
    rdd = spark.sparkContext.parallelize(records, 2)
    cleaned = rdd.mapPartitions(partial(bs_spark.clean_partition, options=options)).collect()
    assert_same_records(cleaned, run_cli(records, tmp_path, "--language", "en"))


def test_rdd_of_rows_gives_what_the_cli_gives(spark, bs_spark, tmp_path):
    records = good_records() + [{"id": "null-text", "text": None, "url": "https://example.org/null"}]
    frame = spark.createDataFrame(records, "id string, text string, url string")
    cleaned = frame.rdd.mapPartitions(bs_spark.clean_partition).collect()
    assert_same_records(cleaned, run_cli(records, tmp_path))
    assert cleaned[-1] == {"error": 'no "text" string field', "id": "null-text"}


def test_pandas_udf_gives_what_the_cli_gives(spark, bs_spark, tmp_path):
    records = good_records()
    records.insert(2, {"id": "null-text", "text": None, "url": "https://example.org/null"})
    frame = spark.createDataFrame(records, "id string, text string, url string").repartition(2)
    cleaned = frame.withColumn("clean", bs_spark.clean_udf()("text")).select("id", "clean.*").collect()
    by_id = {row["id"]: row.asDict(recursive=True) for row in cleaned}
    cli = run_cli(records, tmp_path)
    assert sorted(by_id) == sorted(r["id"] for r in records)
    for record, cli_record in zip(records, cli):
        row = by_id[record["id"]]
        assert {k: row[k] for k in ROW_COLUMNS} == as_row(cli_record), record["id"]
    assert by_id["null-text"]["error"] == 'no "text" string field'


def test_udf_schema_is_what_comes_out(spark, bs_spark):
    frame = spark.createDataFrame([("a", "Home\n\nA sentence long enough to be the story, as it goes.")], "id string, text string")
    cleaned = frame.select(bs_spark.clean_udf(Options(separator="\n\n"))("text").alias("clean"))
    fields = cleaned.schema["clean"].dataType.fieldNames()
    assert fields == ["text", "title", "title_span", "spans", "removed", "error"]
    assert cleaned.collect()[0]["clean"]["error"] is None


def test_udf_body_pickles():
    pytest.importorskip("pandas", reason="pandas is not installed")
    from boilerstrip.engines.frames import SeriesCleaner

    body = pickle.loads(pickle.dumps(SeriesCleaner(Options(language="de"), "content").clean))
    assert (body.__self__.options, body.__self__.text_field) == (Options(language="de"), "content")


def test_missing_pyspark_names_the_extra(monkeypatch):
    from boilerstrip.engines import spark as bs_spark

    for name in ("pandas", "pyarrow", "pyspark.sql.functions"):
        monkeypatch.setitem(sys.modules, name, None)  # makes ``import name`` fail
    with pytest.raises(MissingDependencyError, match=r"pip install 'boilerstrip\[spark\]'"):
        bs_spark.clean_udf()
