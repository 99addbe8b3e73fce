"""boilerstrip on Dask: a bag of dict records, or a dataframe with a text column.

>>> import dask.bag as db                                   # doctest: +SKIP
>>> from boilerstrip.engines import dask as bs_dask         # doctest: +SKIP
>>> records = db.read_text("crawl-*.jsonl").map(json.loads)  # doctest: +SKIP
>>> bs_dask.clean_bag(records).map(json.dumps).to_textfiles("out-*.jsonl")  # doctest: +SKIP

Both functions only add a ``map_partitions`` step to the task graph; nothing
runs until you compute or write the result. Dask is imported when they are
called (``pip install 'boilerstrip[dask]'``), not when this module is.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable, Optional

from ..batch import DEFAULT_TEXT_FIELD, clean_records
from ..options import Options
from . import require

__all__ = ["clean_bag", "clean_dataframe", "parquet_schema"]

_EXTRA = "dask"


def clean_bag(
    bag: Any,
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> Any:
    """Clean every record of a ``dask.bag.Bag``; returns a bag of output records.

    Each element goes through :func:`~boilerstrip.batch.clean_record`, so it
    comes out exactly as ``boilerstrip --jsonl`` writes it, except that an
    error record has no ``"line"`` (a bag element has no line number). A bad
    element (not a dict, no string *text_field*) becomes an error record and
    the others go on.

    Args:
        bag: a bag of dict records, e.g. ``db.read_text(path).map(json.loads)``.
        options: :class:`~boilerstrip.Options`; the defaults when None.
        text_field: the field holding the page text; its value is replaced by the body.
    """
    require("dask.bag", _EXTRA)
    return bag.map_partitions(partial(_clean_partition, options=options, text_field=text_field))


def clean_dataframe(
    df: Any,
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> Any:
    """Clean a ``dask.dataframe.DataFrame`` whose *text_field* column holds page texts.

    Returns a dataframe with the other columns as they were, *text_field*
    holding the body, and ``title``, ``title_span``, ``spans``, ``removed``,
    ``page_type``, ``page_type_evidence`` and ``error`` added (see
    :func:`boilerstrip.engines.frames.clean_frame`). The eight output columns have ``object`` dtype and hold the values of the
    ``--jsonl`` record (lists for spans, dicts in ``removed``); ``error`` is
    None on a cleaned row, and on an error row it holds the message and the
    others are None. The output ``meta`` is given, so Dask never calls the
    function on made-up rows.
    """
    require("dask.dataframe", _EXTRA)
    require("pandas", _EXTRA)
    from .frames import clean_frame, frame_meta

    meta = frame_meta(df._meta, text_field)
    return df.map_partitions(partial(clean_frame, options=options, text_field=text_field), meta=meta)


def parquet_schema(cleaned: Any, text_field: str = DEFAULT_TEXT_FIELD) -> Any:
    """The ``pyarrow.Schema`` to write :func:`clean_dataframe`'s output to Parquet.

    Use it as ``cleaned.to_parquet(path, schema=parquet_schema(cleaned), write_index=False)``.
    Dask cannot infer Parquet types from ``object`` columns (and a partition
    where every title is None would not show them anyway), so the eight output
    columns get fixed types here: strings, and ``int64`` offsets in lists
    (``removed`` is a list of ``start, end, category, reason`` structs). The
    other columns keep the types pyarrow gives their dtypes.
    """
    pa = require("pyarrow", _EXTRA)
    offsets = pa.list_(pa.int64())
    removed = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("category", pa.string()), ("reason", pa.string())])
    fixed = {
        text_field: pa.string(),
        "title": pa.string(),
        "title_span": offsets,
        "spans": pa.list_(offsets),
        "removed": pa.list_(removed),
        "page_type": pa.string(),
        "page_type_evidence": pa.list_(pa.string()),
        "error": pa.string(),
    }
    schema = pa.Schema.from_pandas(cleaned._meta, preserve_index=False)
    for name, kind in fixed.items():
        schema = schema.set(schema.get_field_index(name), pa.field(name, kind))
    return schema.remove_metadata()


def _clean_partition(
    records: Iterable[Any],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> list[dict[str, Any]]:
    """One bag partition: a list, since a generator cannot travel between workers."""
    return list(clean_records(records, options, text_field=text_field))
