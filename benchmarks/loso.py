"""Leave-one-source-out (LOSO) evaluation: fit on four sources, score the fifth.

    python benchmarks/loso.py                              # the reference fit (fits nothing)
    python benchmarks/loso.py --fit mymod:fit --predict mymod:predict
    python benchmarks/loso.py --sources aeb,wceb,dragnet --renderers html_text
    python benchmarks/loso.py --no-dev                     # LOSO columns only (one pass, faster)
    python benchmarks/loso.py --json loso.json

Figures measured on the pages a method was tuned on say little about unseen pages. This
harness makes the held-out figure the one reported: for each source S, the *fit* step gets
the training records of every other selected source (all selected renderers; each record
carries ``source`` and ``renderer`` besides the dataset fields ``id``, ``raw_text`` and the
gold), returns a parameters object (or a file name, anything the predict step understands),
and the *predict* step turns ``(parameters, raw_text)`` into body text for each page of S in
each renderer. Those predictions are scored by the benchmark's ``score.py`` per page
(:mod:`scoring`), with bootstrap sigma over the held-out pages.

The ``dev`` columns fit once on all selected sources and score each one: the figure a
method shows on data it has seen. ``gap`` = dev - LOSO with the sigma of a paired
bootstrap (same pages drawn for both); a gap many sigmas wide is over-fitting.

``--fit`` / ``--predict`` name ``module:function`` (importable from ``benchmarks/`` or
``PYTHONPATH``). The reference pair, :func:`fit_nothing` and :func:`predict_current`, is
boilerstrip as it is: it fits nothing, so LOSO equals dev and the gap is 0. ``gate.py``
checks the ``loso`` floors with :data:`GATE_FIT` / :data:`GATE_PREDICT`.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import pathlib
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Optional

import scoring
import sources
from _common import ROOT, default_data_dir, read_jsonl
from floors import Figures, Measured

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402

#: Training records (every field of the dataset record, plus ``source`` and ``renderer``) -> parameters.
Fit = Callable[[Sequence[Mapping[str, Any]]], Any]
#: (parameters, raw_text) -> body text, or None for no extraction.
Predict = Callable[[Any, str], Optional[str]]
#: source name -> renderer -> that dataset's records.
Records = Mapping[str, Mapping[str, Sequence[Mapping[str, Any]]]]


def fit_nothing(records: Sequence[Mapping[str, Any]]) -> None:
    """The reference fit: learns nothing (boilerstrip's rules are fixed)."""
    return


def predict_current(params: Any, raw_text: str) -> str | None:
    """The reference predict step: boilerstrip as it is, parameters ignored."""
    return boilerstrip.strip(raw_text).text


#: The fit and predict steps whose LOSO figures ``gate.py`` checks against the ``loso`` floors.
GATE_FIT = "loso:fit_nothing"
GATE_PREDICT = "loso:predict_current"


def resolve(spec: str) -> Callable[..., Any]:
    """The function named by ``module:function``."""
    module, sep, name = spec.partition(":")
    if not sep or not module or not name:
        raise ValueError(f"expected module:function, not {spec!r}")
    fn = getattr(importlib.import_module(module), name, None)
    if not callable(fn):
        raise ValueError(f"{spec!r} is not a function")
    return fn  # type: ignore[no-any-return]


def load_records(
    data_dir: pathlib.Path, source_names: Sequence[str] | None, renderers: Sequence[str]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Every record of the selected sources and renderers, tagged with ``source`` and ``renderer``."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for d in sources.datasets(data_dir, source_names, renderers):
        recs = read_jsonl(d.path)
        for r in recs:
            r["source"], r["renderer"] = d.source.name, d.mode
        out.setdefault(d.source.name, {})[d.mode] = recs
    return out


def training_records(records: Records, held_out: str | None) -> list[Mapping[str, Any]]:
    """The records of every source except ``held_out`` (all of them when None), in source order."""
    return [r for name, by_renderer in records.items() if name != held_out for recs in by_renderer.values() for r in recs]


@dataclasses.dataclass(frozen=True)
class Outcome:
    """The per-page scores of one source in one renderer: held out (``loso``) and seen (``dev``)."""

    loso: scoring.PageScores
    dev: scoring.PageScores | None


def _predict(params: Any, predict: Predict, recs: Sequence[Mapping[str, Any]]) -> dict[str, str | None]:
    return {r["id"]: predict(params, r["raw_text"]) for r in recs}


Predictions = dict[str, Optional[str]]


def predictions(
    records: Records, fit: Fit, predict: Predict, dev: bool = True
) -> dict[str, tuple[Predictions, Predictions | None]]:
    """For each ``<source>.<renderer>``: the predictions fitted without that source, and (with
    ``dev``) those fitted on every source. Needs at least two sources."""
    if len(records) < 2:
        raise ValueError("leave-one-source-out needs at least two sources")
    held: dict[str, Predictions] = {}
    for name, by_renderer in records.items():
        params = fit(training_records(records, name))
        for renderer, recs in by_renderer.items():
            held[f"{name}.{renderer}"] = _predict(params, predict, recs)
    seen: dict[str, Predictions] = {}
    if dev:
        params = fit(training_records(records, None))
        for name, by_renderer in records.items():
            for renderer, recs in by_renderer.items():
                seen[f"{name}.{renderer}"] = _predict(params, predict, recs)
    return {k: (v, seen.get(k)) for k, v in held.items()}


def run(records: Records, fit: Fit, predict: Predict, scorer: Any, dev: bool = True) -> dict[str, Outcome]:
    """:func:`predictions` scored page by page: ``<source>.<renderer>`` -> :class:`Outcome`."""
    out = {}
    for key, (held, seen) in predictions(records, fit, predict, dev).items():
        name, renderer = key.split(".", 1)
        recs = records[name][renderer]
        out[key] = Outcome(
            scoring.score_pages(scorer, recs, held), None if seen is None else scoring.score_pages(scorer, recs, seen)
        )
    return out


def _figs(scores: scoring.PageScores, resamples: int, seed: int) -> dict[str, Any]:
    out: dict[str, Any] = {m: scores.figures()[m] for m in scoring.METRICS}
    if resamples:
        out["sigma"] = scoring.bootstrap_sigma(scores, resamples, seed)
    return out


def summarise(outcomes: Mapping[str, Outcome], resamples: int, seed: int = scoring.SEED) -> dict[str, Any]:
    """JSON-ready figures: per key ``pages``, ``loso`` and ``dev`` P/R/F1 (+ ``sigma``), ``gap`` (dev - LOSO)."""
    out: dict[str, Any] = {}
    for key, o in outcomes.items():
        entry: dict[str, Any] = {"pages": len(o.loso), "loso": _figs(o.loso, resamples, seed)}
        if o.dev is not None:
            entry["dev"] = _figs(o.dev, resamples, seed)
            diff = scoring.paired_bootstrap(o.loso, o.dev, resamples, seed)
            entry["gap"] = {m: {"diff": d.diff, "sigma": d.sigma} for m, d in diff.items()}
        out[key] = entry
    return out


def measure_reference(
    data_dir: pathlib.Path, source_names: Sequence[str] | None, resamples: int
) -> dict[str, Measured]:
    """The LOSO figures of :data:`GATE_FIT` / :data:`GATE_PREDICT` on both renderers (for ``gate.py``)."""
    records = load_records(data_dir, source_names, sources.RENDERERS)
    outcomes = run(records, resolve(GATE_FIT), resolve(GATE_PREDICT), scoring.load(data_dir / "score.py"), dev=False)
    measured = {}
    for key, o in outcomes.items():
        fig = o.loso.figures()
        sigma = scoring.bootstrap_sigma(o.loso, resamples) if resamples else {}
        measured[key] = Measured(Figures(len(o.loso), *(fig[m] for m in scoring.METRICS)), sigma)
    return measured


# --- command line ---------------------------------------------------------------------------


def _cell(fig: Mapping[str, Any], metric: str) -> str:
    sigma = fig.get("sigma", {}).get(metric)
    return f"{fig[metric]:.4f}" + ("" if sigma is None else f" ±{sigma:.4f}")


def format_table(summary: Mapping[str, Any]) -> str:
    """LOSO P/R/F1 with sigma, and dev F1 and the paired gap when measured."""
    lines = [
        f"{'held-out source.renderer':<30} {'pages':>5} {'LOSO P':>15} {'LOSO R':>15} {'LOSO F1':>15}"
        f" {'dev F1':>15} {'gap F1 (dev-LOSO)':>19}"
    ]
    for key, e in summary.items():
        row = f"{key:<30} {e['pages']:>5} " + " ".join(f"{_cell(e['loso'], m):>15}" for m in scoring.METRICS)
        if "dev" in e:
            gap = e["gap"]["f1"]
            row += f" {_cell(e['dev'], 'f1'):>15} {gap['diff']:+.4f} ±{gap['sigma']:.4f}"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    ap.add_argument("--fit", default="loso:fit_nothing", help="module:function of the fit step")
    ap.add_argument("--predict", default="loso:predict_current", help="module:function of the predict step")
    ap.add_argument("--sources", help="comma-separated sources (default: all five)")
    ap.add_argument("--renderers", help="comma-separated renderers (default: html_text,inscriptis)")
    ap.add_argument("--no-dev", action="store_true", help="skip the dev columns (fit on all, score each)")
    ap.add_argument("--resamples", type=int, default=scoring.RESAMPLES, help="bootstrap resamples (0: no sigma)")
    ap.add_argument("--seed", type=int, default=scoring.SEED)
    ap.add_argument("--json", type=pathlib.Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    try:
        fit, predict = resolve(args.fit), resolve(args.predict)
        names = None if args.sources is None else [s for s in args.sources.split(",") if s]
        renderers = sources.RENDERERS if args.renderers is None else tuple(args.renderers.split(","))
        selected = sources.datasets(args.data, names, renderers)
    except (ValueError, ImportError) as e:
        ap.error(str(e))
    missing = sources.missing_files(selected) + ([] if (args.data / "score.py").exists() else [args.data / "score.py"])
    if missing:
        print(f"loso: not found: {', '.join(str(p) for p in missing)}", file=sys.stderr)
        return 2
    records = load_records(args.data, names, renderers)
    outcomes = run(records, fit, predict, scoring.load(args.data / "score.py"), dev=not args.no_dev)
    summary = summarise(outcomes, args.resamples, args.seed)
    print(format_table(summary))
    if args.json:
        meta = {"fit": args.fit, "predict": args.predict, "resamples": args.resamples, "seed": args.seed}
        args.json.write_text(json.dumps({"_meta": meta, **summary}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
