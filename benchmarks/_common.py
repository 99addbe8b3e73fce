"""Helpers shared by the benchmark scripts: where the datasets live, how to read
them, and how to score predictions with the benchmark's own ``score.py``.

Scoring always runs ``score.py`` as a separate process on a predictions file
(``score.py GOLD PRED --json``, the figures are its last output line), so the
numbers are the scorer's own. Per-page figures come from the same file loaded
as a module (:func:`load_scorer`), because the command line prints only the
worst pages and only as text.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from types import ModuleType
from typing import Any, Iterable, Mapping, Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: Environment variable that overrides the default dataset directory.
DATA_ENV = "BOILERSTRIP_BENCHMARKS"


def default_data_dir() -> pathlib.Path:
    """``$BOILERSTRIP_BENCHMARKS``, else ``../shared/benchmarks`` next to the repository."""
    env = os.environ.get(DATA_ENV)
    return pathlib.Path(env) if env else ROOT.parent / "shared" / "benchmarks"


def read_jsonl(path: pathlib.Path) -> list[dict[str, Any]]:
    """The records of a gzip-compressed JSON Lines file.

    Lines are split on ``"\\n"`` only (iterating a text file does that), never
    with ``str.splitlines()``, which would also break on U+2028 inside strings.
    """
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _write_predictions(path: pathlib.Path, preds: Iterable[Mapping[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for p in preds:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")


def _write_gold(path: pathlib.Path, records: Iterable[Mapping[str, Any]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as g:
        for r in records:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_scorer(
    score_py: pathlib.Path,
    gold_path: pathlib.Path,
    preds: Iterable[Mapping[str, Any]],
    gold_subset: Optional[Iterable[Mapping[str, Any]]] = None,
    worst: int = 0,
) -> tuple[dict[str, Any], list[str]]:
    """Score ``preds`` (``{"id", "text"}`` dicts) with ``score.py`` in a subprocess.

    Args:
        score_py: the benchmark's scorer.
        gold_path: the dataset file the predictions answer.
        preds: one prediction per page.
        gold_subset: when only some pages were run, those pages' records; they are
            written to a temporary gold file so the others do not count as misses.
        worst: passed as ``--per-doc N`` when non-zero.

    Returns:
        The scorer's JSON summary (its last line) and the lines printed before it.
    """
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = pathlib.Path(tmp) / "pred.jsonl"
        _write_predictions(pred_path, preds)
        if gold_subset is not None:
            gold_path = pathlib.Path(tmp) / "gold.jsonl.gz"
            _write_gold(gold_path, gold_subset)
        cmd = [sys.executable, str(score_py), str(gold_path), str(pred_path), "--json"]
        if worst:
            cmd += ["--per-doc", str(worst)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    lines = proc.stdout.strip().splitlines()
    return json.loads(lines[-1]), lines[:-1]


def load_scorer(score_py: pathlib.Path) -> ModuleType:
    """``score.py`` imported as a module (it only runs ``main`` as a script)."""
    spec = importlib.util.spec_from_file_location("benchmark_score", score_py)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {score_py}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
