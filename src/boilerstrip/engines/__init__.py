"""Run boilerstrip on many machines: Dask, Spark and HuggingFace ``datasets``.

Every engine calls :func:`boilerstrip.batch.clean_record` on each record, so a
record comes out the same from the CLI's ``--jsonl`` mode and from any engine.
Each engine lives in its own module and imports its framework only when one of
its functions is called, so ``import boilerstrip`` never loads Dask or Spark:

- :mod:`boilerstrip.engines.dask`: bags of dict records and dataframes.
- :mod:`boilerstrip.engines.spark`: ``rdd.mapPartitions`` and a pandas UDF.
- :mod:`boilerstrip.engines.hf_datasets`: ``Dataset.map(..., batched=True)``.
- :mod:`boilerstrip.engines.frames`: the pandas layer the dataframe engines share.

Records stay records on the record-shaped engines (bags, RDDs). Column-shaped
engines (dataframes, ``datasets``) get the same output as columns: the text
column holds the body, and ``title``, ``title_span``, ``spans``, ``removed``,
``page_type``, ``page_type_evidence`` and
``error`` are added. A row whose record could not be cleaned has ``error`` set
and None in the other columns; a cleaned row has ``error`` None.

Everything handed to workers is a top-level function, or a
:func:`functools.partial` of one, so it pickles.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, Iterable, Optional

from ..batch import ADDED_KEYS, DEFAULT_TEXT_FIELD, clean_record, is_error
from ..errors import BoilerstripError
from ..options import Options

#: Columns a column-shaped engine adds after the text column, in this order.
ADDED_COLUMNS = ADDED_KEYS + ("error",)

__all__ = ["ADDED_COLUMNS", "MissingDependencyError", "clean_column", "require"]


class MissingDependencyError(BoilerstripError, ImportError):
    """An engine's framework is not installed; the message names the extra to install."""


def require(module: str, extra: str) -> ModuleType:
    """Import *module*, or raise :class:`MissingDependencyError` naming ``boilerstrip[extra]``.

    >>> require("json", "dask").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingDependencyError(
            f"this needs {module}, which is not installed ({e}); "
            f"install it with: pip install 'boilerstrip[{extra}]'"
        ) from e


def clean_column(
    values: Iterable[Any],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> dict[str, list[Any]]:
    """Clean a column of page texts; returns the output columns as lists.

    Each value goes through :func:`~boilerstrip.batch.clean_record` as the
    record ``{text_field: value}``; a None value counts as a record without
    the field. The result maps *text_field* (the bodies) and each name in
    :data:`ADDED_COLUMNS` to a list as long as *values*.

    >>> columns = clean_column(["Home\\n\\nA sentence long enough to be the story, plainly, as it goes.", None])
    >>> columns["text"]
    ['A sentence long enough to be the story, plainly, as it goes.', None]
    >>> columns["error"]
    [None, 'no "text" string field']
    """
    names = (text_field,) + ADDED_COLUMNS
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for value in values:
        record = {} if value is None else {text_field: value}
        row = _row(clean_record(record, options, text_field=text_field), text_field)
        for name in names:
            columns[name].append(row[name])
    return columns


def _row(output: dict[str, Any], text_field: str) -> dict[str, Any]:
    """One output record as a row: every column present, None where it has no value."""
    if is_error(output):
        row = dict.fromkeys((text_field,) + ADDED_KEYS)
        row["error"] = output["error"]
        return row
    row = {name: output[name] for name in (text_field,) + ADDED_KEYS}
    row["error"] = None
    return row
