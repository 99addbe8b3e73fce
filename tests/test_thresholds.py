"""Every threshold lives in a frozen record with its source (boilerstrip.thresholds)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest

import boilerstrip.classify
from boilerstrip import rule_limits, thresholds, title
from boilerstrip.thresholds import HAND, PAPER, limit


def _records() -> list[object]:
    modules = [rule_limits, title]
    for info in pkgutil.iter_modules(boilerstrip.classify.__path__):
        modules.append(importlib.import_module(f"boilerstrip.classify.{info.name}"))
    return [m.LIMITS for m in modules if hasattr(m, "LIMITS")] + [boilerstrip.classify.text_classes.WEIGHTS]


def test_every_pass_with_thresholds_has_a_record() -> None:
    records = _records()
    assert len(records) >= 15
    assert all(dataclasses.is_dataclass(r) for r in records)


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_every_threshold_has_a_source_and_a_number(record: object) -> None:
    fields = list(thresholds.sources(record))
    assert fields
    for name, value, source in fields:
        assert source in (PAPER, HAND) or source.startswith("measured on "), name
        assert isinstance(value, (int, float)) and not isinstance(value, bool), name


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_records_are_frozen(record: object) -> None:
    name = dataclasses.fields(record)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, name, 0)


def test_a_source_must_be_one_of_the_three() -> None:
    with pytest.raises(ValueError):
        limit(3, "a hunch")
    assert thresholds.measured("aeb-dev", "trafilatura-eval-dev") == "measured on aeb-dev, trafilatura-eval-dev"
