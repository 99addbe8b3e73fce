"""boilerstrip on Spark: ``rdd.mapPartitions`` over records, or a pandas UDF on a column.

Two ways, one per Spark API:

- :func:`clean_partition` for RDDs of dicts or ``Row`` objects:
  ``rdd.mapPartitions(partial(clean_partition, options=opts))`` gives the
  records ``boilerstrip --jsonl`` writes (as dicts).
- :func:`clean_udf` for DataFrames: a pandas UDF from the text column to a
  struct with the fields of :data:`RESULT_SCHEMA`; the row's other columns stay
  where they are, so select what you need from the struct.

The UDF returns a struct, not a JSON string: Spark then knows the types (arrays
of offsets, an array of removed-block structs) and can filter on ``error`` or
write Parquet without parsing. pyspark, pandas and pyarrow are imported when
:func:`clean_udf` is called (``pip install 'boilerstrip[spark]'``);
:func:`clean_partition` needs none of them.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from ..batch import DEFAULT_TEXT_FIELD, clean_records
from ..options import Options
from . import require

__all__ = ["RESULT_SCHEMA", "clean_partition", "clean_udf"]

_EXTRA = "spark"

#: The struct :func:`clean_udf` returns, as a Spark DDL string. Offsets are
#: ``bigint`` code-point indices into the input text.
RESULT_SCHEMA = (
    "text string, title string, title_span array<bigint>, spans array<array<bigint>>, "
    "removed array<struct<start: bigint, end: bigint, category: string, reason: string>>, "
    "page_type string, page_type_evidence array<string>, error string"
)


def clean_partition(
    records: Iterable[Any],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> Iterator[dict[str, Any]]:
    """Clean one partition of records, lazily; for ``rdd.mapPartitions``.

    A ``pyspark.sql.Row`` (anything with ``asDict``) is read as its dict, so
    ``df.rdd.mapPartitions(clean_partition)`` works too. Every record comes out
    as :func:`~boilerstrip.batch.clean_record` makes it: the cleaned record or
    an error record.
    """
    return clean_records((_as_record(r) for r in records), options, text_field=text_field)


def clean_udf(options: Optional[Options] = None, *, text_field: str = DEFAULT_TEXT_FIELD) -> Any:
    """A pandas UDF cleaning a column of page texts into a :data:`RESULT_SCHEMA` struct.

    ``df.withColumn("clean", clean_udf()("text"))`` adds a struct column; its
    ``text`` field is the body, ``title``, ``title_span``, ``spans`` and
    ``removed`` are as in a ``--jsonl`` record, and ``error`` is null unless the
    text was null (then only ``error`` is set).

    Args:
        options: :class:`~boilerstrip.Options`; the defaults when None.
        text_field: the column's name as error messages should give it.
    """
    require("pandas", _EXTRA)
    require("pyarrow", _EXTRA)
    functions = require("pyspark.sql.functions", _EXTRA)
    from .frames import SeriesCleaner

    return functions.pandas_udf(SeriesCleaner(options, text_field).clean, RESULT_SCHEMA)


def _as_record(record: Any) -> Any:
    """A ``Row`` as a dict (nested rows too); anything else as it is."""
    as_dict = getattr(record, "asDict", None)
    return as_dict(recursive=True) if callable(as_dict) else record
