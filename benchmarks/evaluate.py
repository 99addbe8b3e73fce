"""Score boilerstrip on the labelled samples and on the five shared benchmark sources.

    python benchmarks/evaluate.py                       # samples + every source x renderer found
    python benchmarks/evaluate.py --sources aeb,wceb    # only these sources
    python benchmarks/evaluate.py --renderers inscriptis
    python benchmarks/evaluate.py --html                # also the HTML front end on each source's HTML
    python benchmarks/evaluate.py --jobs 2              # datasets in 2 worker processes
    python benchmarks/evaluate.py --resamples 0         # no bootstrap sigma (faster)
    python benchmarks/evaluate.py --verify              # also prove the figures equal score.py's command line
    python benchmarks/evaluate.py --worst 5             # also list the worst pages per dataset
    python benchmarks/evaluate.py --json out.json       # write every figure as JSON too
    python benchmarks/evaluate.py --preset recall       # score a preset (default: balanced)
    python benchmarks/evaluate.py --half a              # one half of each dataset (split by id hash)

Datasets come from ``--data`` (default: ``$BOILERSTRIP_BENCHMARKS``, else ``../shared/benchmarks``);
:mod:`sources` names them. Every page is scored in-process with the benchmark's own
``score.py`` loaded as a module (AEB shingle metric where the gold is a text, trafilatura's
with/without metric where it is segments), so the figures are the scorer's to the last digit
(``--verify`` runs the command line on the same predictions and compares). Each figure has
a bootstrap sigma over pages (``--resamples`` draws, seeded, as ``score.py --bootstrap``
draws them); WCEB figures are also given per page type. Samples are scored per block
against the hand labels: precision, recall and F1 of the kept body characters.

``docs/s`` is the wall-clock speed of the extraction calls alone; ``cpu s`` the CPU time
of the whole dataset job (reading, extraction, scoring, bootstrap), which stays
comparable when other processes share the machine.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any

import measure
import scoring
import sources
from _common import ROOT, default_data_dir, read_jsonl, run_scorer

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402

#: The two sources the rules were built on, as ``<folder>/<stem>.<renderer>`` (kept for
#: scripts that import it; new code uses :func:`sources.datasets`).
DATASETS = (
    "aeb/aeb-dev.html_text",
    "aeb/aeb-dev.inscriptis",
    "trafilatura-eval/trafilatura-eval-dev.html_text",
    "trafilatura-eval/trafilatura-eval-dev.inscriptis",
)


def score_samples(options: boilerstrip.Options | None = None) -> dict[str, Any]:
    """Character-level P/R/F1 of kept body text against the sample labels."""
    tp = fp = fn = 0
    pages = 0
    for path in sorted((ROOT / "samples").glob("*.labels.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(labels["sample"] + ".txt").read_bytes().decode("utf-8")
        gold = set()
        for b in labels["blocks"]:
            if b["category"] == "body":
                gold.update(range(b["start"], b["end"]))
        pred = set()
        for s, e in boilerstrip.strip(text, options=options).spans:
            pred.update(range(s, e))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        pages += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pages": pages, "precision": p, "recall": r, "f1": f}


def run_dataset(
    path: pathlib.Path,
    score_py: pathlib.Path,
    worst: int,
    ids: set[str] | None = None,
    options: boilerstrip.Options | None = None,
) -> dict[str, Any]:
    """One text dataset scored by the ``score.py`` command line (kept for scripts that import it)."""
    records = read_jsonl(path)
    if ids is not None:
        records = [r for r in records if r["id"] in ids]
    preds, seconds = measure.predict_text(records, options)
    subset = records if ids is not None else None
    figures, report = run_scorer(
        score_py, path, [{"id": k, "text": v} for k, v in preds.items()], gold_subset=subset, worst=worst
    )
    figures["docs"] = len(records)
    figures["docs_per_s"] = len(records) / seconds if seconds else 0.0
    if worst:
        figures["report"] = "\n".join(report)
    return figures


# --- output ---------------------------------------------------------------------------------


def _cell(fig: dict[str, Any], metric: str) -> str:
    sigma = fig.get("sigma", {}).get(metric)
    return f"{fig[metric]:.4f}" + ("" if sigma is None else f" ±{sigma:.4f}")


def format_row(label: str, fig: dict[str, Any]) -> str:
    """One table row: label, pages, P/R/F1 each with its sigma, docs/s and CPU seconds when timed."""
    speed = f"{fig['docs_per_s']:7.0f}" if fig.get("docs_per_s") else ""
    cpu = f"{fig['cpu_seconds']:6.1f}" if "cpu_seconds" in fig else ""
    cells = " ".join(f"{_cell(fig, m):>15}" for m in scoring.METRICS)
    return f"{label:<34} {fig['pages']:>5} {cells} {speed:>7} {cpu:>6}".rstrip()


HEADER = (
    f"{'dataset':<34} {'pages':>5} {'P ±sigma':>15} {'R ±sigma':>15} {'F1 ±sigma':>15} {'docs/s':>7} {'cpu s':>6}"
)


def worst_pages(scores: scoring.PageScores, n: int) -> list[str]:
    """The n worst pages as lines: AEB by page F1 (lowest first), with/without by errors (most first)."""
    rows = []
    for page_id, c in zip(scores.ids, scores.counts):
        if scores.metric == scoring.AEB:
            tp, fp, fn = c
            f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 1.0
            rows.append(((f1, page_id), f"    page F1 {f1:.3f}  {page_id}"))
        else:
            rows.append(((-(c[1] + c[2]), page_id), f"    FN {c[2]:.0f} FP {c[1]:.0f}  {page_id}"))
    return [line for _, line in sorted(rows)[:n]]


# --- command line ---------------------------------------------------------------------------


def _names(value: str | None) -> list[str] | None:
    return None if value is None else [v.strip() for v in value.split(",") if v.strip()]


def build_jobs(args: argparse.Namespace, options: boilerstrip.Options) -> tuple[list[measure.Job], list[str]]:
    """The dataset jobs the options select, and one line per selected dataset whose files are missing."""
    modes = list(_names(args.renderers) or sources.RENDERERS)
    if args.html:
        modes.append(sources.HTML)
    selected = sources.datasets(args.data, _names(args.sources), modes)
    if args.only:
        selected = [d for d in selected if args.only in d.key]
    score_py = args.data / "score.py"
    keep = measure.Half(args.half) if args.half else None
    jobs, skipped = [], []
    for d in selected:
        absent = sources.missing_files([d]) + ([] if score_py.exists() else [score_py])
        if absent:
            skipped.append(f"skipped: {d.key} ({', '.join(str(p) for p in absent)} not found)")
        else:
            jobs.append(measure.Job(d, score_py, options, keep, args.resamples, args.seed, args.verify))
    return jobs, skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    ap.add_argument("--sources", help=f"comma-separated sources (default: all of {', '.join(sources.SOURCE_NAMES)})")
    ap.add_argument("--renderers", help="comma-separated renderers (default: html_text,inscriptis)")
    ap.add_argument("--html", action="store_true", help="also run the HTML front end (needs the html extra)")
    ap.add_argument("--only", help="run only datasets whose key contains this")
    ap.add_argument("--half", choices=("a", "b"), help="score only half of each dataset (split by id hash)")
    ap.add_argument("--resamples", type=int, default=scoring.RESAMPLES, help="bootstrap resamples (0: no sigma)")
    ap.add_argument("--seed", type=int, default=scoring.SEED, help="bootstrap seed")
    ap.add_argument("--jobs", type=int, default=1, help="datasets run in this many processes")
    ap.add_argument("--verify", action="store_true", help="check each figure against the score.py command line")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages per dataset")
    ap.add_argument("--json", type=pathlib.Path, help="also write the figures to this file")
    ap.add_argument("--preset", choices=boilerstrip.PRESETS, default="balanced", help="the preset to score")
    args = ap.parse_args(argv)
    options = boilerstrip.Options(preset=args.preset)
    try:
        jobs, skipped = build_jobs(args, options)
    except ValueError as e:
        ap.error(str(e))

    results: dict[str, Any] = {"samples": score_samples(options)}
    print(HEADER)
    print(format_row("samples (block labels, chars)", results["samples"]))
    done = measure.run_all(jobs, args.jobs)
    mismatches = 0
    for key, (summary, run) in done.items():
        results[key] = summary
        print(format_row(key, summary))
        for page_type, fig in summary.get("by_page_type", {}).items():
            print(format_row(f"  {page_type}", fig))
        for problem in summary.get("verify", []):
            print(f"  VERIFY MISMATCH {problem}")
            mismatches += 1
        if args.worst:
            print("\n".join(worst_pages(run.scores, args.worst)))
    for line in skipped:
        print(line)
    if args.verify:
        print(f"verify: {len(done)} dataset(s), {mismatches} figure(s) differ from the score.py command line")
    files = {d.key: d.files for d in (j.dataset for j in jobs)}
    results["_meta"] = {
        "preset": args.preset,
        "half": args.half,
        "resamples": args.resamples,
        "seed": args.seed,
        "sha256": {
            sources.relative_name(args.data, f): sources.sha256_file(f)
            for fs in files.values()
            for f in fs
        },
    }
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
