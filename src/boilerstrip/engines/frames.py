"""The pandas layer shared by the Dask dataframe and Spark pandas-UDF engines.

Both work on pandas objects one partition (or Arrow batch) at a time; these
functions turn such a piece into the output columns of
:func:`boilerstrip.engines.clean_column`. Every output column has ``object``
dtype and holds exactly the Python values :func:`~boilerstrip.batch.clean_record`
produced (``str``, ``list``, ``dict`` or None), so nothing is converted on the way.

This module imports pandas; the engine modules import it only when one of
their functions is called, after checking that pandas is there.
"""

from __future__ import annotations

from typing import Any, Optional

import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

from ..batch import DEFAULT_TEXT_FIELD
from ..options import Options
from . import ADDED_COLUMNS, clean_column

__all__ = ["SeriesCleaner", "clean_frame", "clean_texts", "frame_meta"]


def clean_texts(
    texts: pd.Series,
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> pd.DataFrame:
    """Clean a Series of page texts into a DataFrame with the same index.

    Columns: *text_field* (the body), then ``title``, ``title_span``, ``spans``,
    ``removed``, ``page_type``, ``page_type_evidence`` and ``error``. Missing values (None, NaN, ``pd.NA``) count as a
    record without the text field; *text_field* only names the field in error
    messages and the body column.
    """
    columns = clean_column(_values(texts), options, text_field=text_field)
    return pd.DataFrame({name: pd.Series(values, index=texts.index, dtype=object) for name, values in columns.items()})


def clean_frame(
    frame: pd.DataFrame,
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> pd.DataFrame:
    """Clean a DataFrame whose *text_field* column holds page texts.

    Returns a new DataFrame with the other columns as they were, the
    *text_field* column replaced by the body, and ``title``, ``title_span``,
    ``spans``, ``removed``, ``page_type``, ``page_type_evidence`` and ``error`` set (added at the end, or overwritten
    in place when the frame already had such a column), like the fields of a
    ``boilerstrip --jsonl`` record. A frame without a *text_field* column gives
    an error on every row.
    """
    if text_field in frame.columns:
        texts = frame[text_field]
    else:
        texts = pd.Series(None, index=frame.index, dtype=object)
    cleaned = clean_texts(texts, options, text_field=text_field)
    out = frame.copy()
    for name in cleaned.columns:
        out[name] = cleaned[name]
    return out


def frame_meta(meta: pd.DataFrame, text_field: str = DEFAULT_TEXT_FIELD) -> pd.DataFrame:
    """The empty frame :func:`clean_frame` returns for an input shaped like *meta*.

    This is what Dask needs as ``meta`` to know the output columns and dtypes
    without calling the function on made-up rows.
    """
    out = meta.iloc[:0].copy()
    for name in (text_field,) + ADDED_COLUMNS:
        out[name] = pd.Series(dtype=object, index=out.index)
    return out


class SeriesCleaner:
    """Options held for a pandas UDF; :meth:`clean` is the UDF's body.

    A bound method of a top-level class pickles by reference and carries real
    type hints, which is how Spark's ``pandas_udf`` tells a Series-to-DataFrame
    UDF (a :func:`functools.partial` has no type hints Spark can read).
    """

    def __init__(self, options: Optional[Options], text_field: str = DEFAULT_TEXT_FIELD) -> None:
        self.options = options
        self.text_field = text_field

    def clean(self, texts: pd.Series) -> pd.DataFrame:
        """One batch: texts in, a frame with a ``text`` (body) column and the added ones out."""
        frame = clean_texts(texts, self.options, text_field=self.text_field)
        return frame.rename(columns={self.text_field: "text"})


def _values(texts: pd.Series) -> list[Any]:
    """The Series' values as Python objects, with every missing value as None."""
    return [None if missing else value for value, missing in zip(texts.tolist(), texts.isna().tolist())]
