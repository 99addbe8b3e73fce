"""boilerstrip on HuggingFace ``datasets``: a batched ``Dataset.map`` function.

>>> from boilerstrip.engines.hf_datasets import clean_batch, features  # doctest: +SKIP
>>> cleaned = ds.map(clean_batch, batched=True, features=features(ds.features))  # doctest: +SKIP

:func:`clean_batch` needs nothing from ``datasets`` itself; :func:`features`
imports it (``pip install 'boilerstrip[datasets]'``). Passing ``features`` to
``map`` fixes the output column types up front, so a first batch in which, say,
no page has a title does not make Arrow guess a type the next batch breaks.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence

from ..batch import DEFAULT_TEXT_FIELD
from ..options import Options
from . import clean_column, require

__all__ = ["clean_batch", "features"]

_EXTRA = "datasets"


def clean_batch(
    batch: Mapping[str, Sequence[Any]],
    options: Optional[Options] = None,
    *,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> dict[str, list[Any]]:
    """Clean one batch of a batched ``Dataset.map``; returns the columns to set.

    The *text_field* column is replaced by the body and ``title``,
    ``title_span``, ``spans``, ``removed`` and ``error`` are set, with the
    values of a ``boilerstrip --jsonl`` record; other columns are left as they
    are. A row whose text is missing (None) or not a string gets ``error`` set
    and None in the other output columns. Pass *options* and *text_field*
    through ``fn_kwargs``.

    >>> clean_batch({"id": [1], "text": [None]})["error"]
    ['no "text" string field']
    """
    values = batch.get(text_field)
    if values is None:  # no such column: every row lacks the field
        values = [None] * _rows(batch)
    return clean_column(values, options, text_field=text_field)


def features(input_features: Any, text_field: str = DEFAULT_TEXT_FIELD) -> Any:
    """The ``datasets.Features`` of :func:`clean_batch`'s output for *input_features*.

    Other columns keep their types; the output columns get fixed types
    (offsets are ``int64`` code-point indices).
    """
    datasets = require("datasets", _EXTRA)
    string, offset = datasets.Value("string"), datasets.Value("int64")
    out = datasets.Features(dict(input_features))
    out[text_field] = string
    out["title"] = string
    out["title_span"] = _list_of(datasets, offset)
    out["spans"] = _list_of(datasets, _list_of(datasets, offset))
    out["removed"] = _list_of(datasets, {"start": offset, "end": offset, "category": string, "reason": string})
    out["page_type"] = string
    out["page_type_evidence"] = _list_of(datasets, string)
    out["error"] = string
    return out


def _list_of(datasets: Any, feature: Any) -> Any:
    """A list feature: ``datasets.List`` (datasets 4 and later), else the ``[feature]`` form."""
    list_type = getattr(datasets, "List", None)
    return [feature] if list_type is None else list_type(feature)


def _rows(batch: Mapping[str, Sequence[Any]]) -> int:
    """The number of rows in a batch (0 for a batch without columns)."""
    return max((len(column) for column in batch.values()), default=0)
