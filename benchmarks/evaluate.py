"""Score boilerstrip on the labelled samples and on the shared benchmark datasets.

    python benchmarks/evaluate.py                  # samples + every dataset found
    python benchmarks/evaluate.py --data DIR       # datasets from DIR (default: ../shared/benchmarks,
                                                   # or $BOILERSTRIP_BENCHMARKS)
    python benchmarks/evaluate.py --worst 5        # also list the worst pages per dataset
    python benchmarks/evaluate.py --json out.json  # write the figures as JSON too
    python benchmarks/evaluate.py --preset recall  # score a preset (default: balanced)

Datasets are scored with the benchmark's own ``score.py`` (AEB shingle metric,
trafilatura's with/without metric). Samples are scored per block against the
hand labels: precision, recall and F1 of the kept body characters.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import sys
import time

from _common import ROOT, default_data_dir, read_jsonl, run_scorer

sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402

DATASETS = (
    "aeb/aeb-dev.html_text",
    "aeb/aeb-dev.inscriptis",
    "trafilatura-eval/trafilatura-eval-dev.html_text",
    "trafilatura-eval/trafilatura-eval-dev.inscriptis",
)


def score_samples(options: boilerstrip.Options | None = None) -> dict:
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
    ids: set | None = None,
    options: boilerstrip.Options | None = None,
) -> dict:
    records = read_jsonl(path)
    if ids is not None:
        records = [r for r in records if r["id"] in ids]
    start = time.perf_counter()
    preds = [{"id": r["id"], "text": boilerstrip.strip(r["raw_text"], options=options).text} for r in records]
    seconds = time.perf_counter() - start
    subset = records if ids is not None else None
    figures, report = run_scorer(score_py, path, preds, gold_subset=subset, worst=worst)
    figures["docs"] = len(records)
    figures["docs_per_s"] = len(records) / seconds if seconds else 0.0
    if worst:
        figures["report"] = "\n".join(report)
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages per dataset")
    ap.add_argument("--only", help="run only datasets whose name contains this")
    ap.add_argument("--half", choices=("a", "b"), help="score only half of each dataset (split by id hash)")
    ap.add_argument("--json", type=pathlib.Path, help="also write the figures to this file")
    ap.add_argument("--preset", choices=boilerstrip.PRESETS, default="balanced", help="the preset to score (default: balanced)")
    args = ap.parse_args(argv)
    options = boilerstrip.Options(preset=args.preset)

    results: dict = {"samples": score_samples(options)}
    s = results["samples"]
    print(f"{'dataset':<42} {'P':>6} {'R':>6} {'F1':>6} {'docs':>5} {'docs/s':>7}")
    print(f"{'samples (block labels, chars)':<42} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['pages']:5d}")
    score_py = args.data / "score.py"
    skipped = []
    for name in DATASETS:
        path = args.data / f"{name}.jsonl.gz"
        if args.only and args.only not in name:
            continue
        if not path.exists() or not score_py.exists():
            skipped.append(name)
            continue
        ids = None
        if args.half:
            import hashlib

            all_ids = [json.loads(line)["id"] for line in gzip.open(path, "rt", encoding="utf-8")]
            want = 0 if args.half == "a" else 1
            ids = {i for i in all_ids if hashlib.sha1(i.encode()).digest()[0] % 2 == want}
        fig = run_dataset(path, score_py, args.worst, ids, options)
        results[name.split("/")[-1]] = {k: v for k, v in fig.items() if k != "report"}
        print(f"{name.split('/')[-1]:<42} {fig['precision']:6.3f} {fig['recall']:6.3f} {fig['f1']:6.3f} {fig['docs']:5d} {fig['docs_per_s']:7.0f}")
        if args.worst:
            print(fig["report"])
    if skipped:
        print(f"skipped (not found under {args.data}): {', '.join(skipped)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
