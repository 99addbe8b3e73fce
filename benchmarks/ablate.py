"""Ablation: switch each pass and rule family off in turn and measure what it does.

    python benchmarks/ablate.py                          # every switch, all sources, html_text
    python benchmarks/ablate.py --renderer inscriptis    # another rendering
    python benchmarks/ablate.py --sources aeb,trafilatura-eval --switch sections,captions
    python benchmarks/ablate.py --limit 100 --jobs 2     # the first 100 pages of each source

For every dataset (``<source>/*.<renderer>.jsonl.gz`` under the benchmark directory) and
every switch of :meth:`boilerstrip.Stripper.switches`, each page is stripped with that one
switch off and compared with the full pipeline (a rule family is re-run only on the pages
where it labels some block, and the passes that act only on HTML evidence or non-default
options are not re-run: elsewhere the result is the same by construction): how many pages changed (a different
body text), how many of them scored better (helped: the page scores higher WITHOUT the
switch) or worse (hurt), and the change of the dataset's F1, with the metric of that
dataset's ``score.py``, and its paired-bootstrap standard deviation: pages are resampled
with replacement, both F1s recomputed on the same sample, and the deviation of their
difference taken. A negative ΔF1 means the switch earns its place.
"""

from __future__ import annotations

import argparse
import multiprocessing
import pathlib
import random
import statistics
import sys
from types import ModuleType
from typing import Any, Callable, Optional, Sequence

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _common import default_data_dir, load_scorer  # noqa: E402

import boilerstrip  # noqa: E402
from boilerstrip.classify import first_labels  # noqa: E402
from boilerstrip.pipeline import PageEvidence  # noqa: E402
from boilerstrip.rules import family_of, rule_switches  # noqa: E402

#: Passes that act only on the HTML front end's evidence or on non-default options: on
#: text with the default options they change nothing, and are not run.
_INERT_IN_TEXT_MODE = frozenset({"markup", "markup-reasons", "precision", "recall", "keep"})

Counts = tuple[float, ...]


Aggregate = Callable[[list[Counts]], dict[str, Any]]


def _metric(scorer: ModuleType, record: dict[str, Any]) -> tuple[Callable[[dict[str, Any], str], Counts], Aggregate]:
    """Per-page counts and their aggregate, as the dataset's ``score.py`` computes them."""
    if "gold_body" in record:
        return (lambda rec, pred: scorer.aeb_doc_counts(rec["gold_body"], pred)), scorer.aeb_aggregate
    return scorer.ww_doc_counts, scorer.ww_aggregate


def _page_f1(c: Counts) -> float:
    """One page's F1 from its (tp, fp, fn, ...) counts (1 when there is nothing to find)."""
    tp, fp, fn = c[0], c[1], c[2]
    return 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn > 0 else 1.0


#: The pages being stripped (set before the worker processes fork, so they share it).
_TEXTS: list[str] = []


def _strip_some(job: tuple[frozenset[str], Optional[list[int]]]) -> list[tuple[int, str]]:
    """The body text of the pages *indices* (all when None) with the switches *disable* off."""
    disable, indices = job
    stripper = boilerstrip.Stripper(disable=disable)
    todo = range(len(_TEXTS)) if indices is None else indices
    return [(i, stripper.strip(_TEXTS[i]).text) for i in todo]


def _families_fired(text: str) -> set[str]:
    """The rule families that gave some block of the page its first label. Switching off a
    family that gave none changes nothing on the page (each block's first label stays, and
    everything after the first pass depends only on those), so such pages are not stripped
    again for that switch."""
    stripper = boilerstrip.Stripper()
    page = stripper._page(text, boilerstrip.Options(), PageEvidence())  # the blocks as strip() makes them
    first_labels.apply(page)
    return {f for f in (family_of(d.reason) for d in page.labels) if f is not None}


def _fired(job: tuple[int, int]) -> list[set[str]]:
    lo, hi = job
    return [_families_fired(t) for t in _TEXTS[lo:hi]]


def _bootstrap_sigma(
    aggregate: Callable[[list[Counts]], dict[str, Any]], base: list[Counts], off: list[Counts], resamples: int, seed: int
) -> float:
    rng = random.Random(seed)
    n = len(base)
    diffs = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        diffs.append(aggregate([off[i] for i in idx])["f1"] - aggregate([base[i] for i in idx])["f1"])
    return statistics.stdev(diffs) if len(diffs) > 1 else 0.0


def ablate_dataset(
    path: pathlib.Path, scorer: ModuleType, switches: Sequence[str], limit: Optional[int], jobs: int, resamples: int
) -> list[dict[str, Any]]:
    records = scorer.load_dataset(str(path))[:limit] if limit else scorer.load_dataset(str(path))
    _TEXTS[:] = [r["raw_text"] for r in records]
    counts_of, aggregate = _metric(scorer, records[0])
    n = len(records)
    families = set(rule_switches())
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        step = max(1, n // (4 * jobs))
        fired = [f for part in pool.map(_fired, [(lo, lo + step) for lo in range(0, n, step)]) for f in part]
        jobs_of = [(frozenset(), None)]
        for s in switches:
            if s in _INERT_IN_TEXT_MODE:
                jobs_of.append((frozenset({s}), []))
            elif s in families:
                jobs_of.append((frozenset({s}), [i for i in range(n) if s in fired[i]]))
            else:
                jobs_of.append((frozenset({s}), None))
        done = pool.map(_strip_some, jobs_of, chunksize=1)
    base_out = [text for _, text in sorted(done[0])]
    outputs = [base_out]
    for part in done[1:]:
        out = list(base_out)
        for i, text in part:
            out[i] = text
        outputs.append(out)
    base = [counts_of(r, p) for r, p in zip(records, base_out)]
    base_f1 = aggregate(base)["f1"]
    rows = [{"dataset": path.name, "switch": "(none)", "pages": len(records), "f1": base_f1}]
    for switch, out in zip(switches, outputs[1:]):
        changed = [i for i, (a, b) in enumerate(zip(base_out, out)) if a != b]
        off = list(base)  # an unchanged page scores as before: only the changed ones are scored again
        for i in changed:
            off[i] = counts_of(records[i], out[i])
        helped = sum(1 for i in changed if _page_f1(off[i]) > _page_f1(base[i]))
        hurt = sum(1 for i in changed if _page_f1(off[i]) < _page_f1(base[i]))
        delta = aggregate(off)["f1"] - base_f1
        sigma = _bootstrap_sigma(aggregate, base, off, resamples, seed=0) if changed else 0.0
        rows.append(
            {"dataset": path.name, "switch": switch, "changed": len(changed), "helped": helped, "hurt": hurt,
             "delta_f1": delta, "sigma": sigma}
        )
    return rows


def _print(rows: list[dict[str, Any]]) -> None:
    print(f"\n{rows[0]['dataset']}: {rows[0]['pages']} pages, F1 {rows[0]['f1']:.4f} with every switch on")
    print(f"{'switched off':<24} {'changed':>7} {'helped':>6} {'hurt':>5} {'ΔF1':>8} {'σ':>7}")
    for r in rows[1:]:
        print(f"{r['switch']:<24} {r['changed']:>7} {r['helped']:>6} {r['hurt']:>5} {r['delta_f1']:>+8.4f} {r['sigma']:>7.4f}")
    sys.stdout.flush()


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory (default: ../shared/benchmarks)")
    ap.add_argument("--renderer", default="html_text", help="rendering of the pages (default html_text)")
    ap.add_argument("--sources", default="", help="comma-separated source directories (default: all)")
    ap.add_argument("--switch", default="", help="comma-separated switches (default: all, see Stripper.switches())")
    ap.add_argument("--limit", type=int, default=None, help="the first N pages of each dataset")
    ap.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    ap.add_argument("--resamples", type=int, default=200, help="bootstrap resamples (default 200)")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    switches = [s for s in args.switch.split(",") if s] or list(boilerstrip.Stripper.switches())
    boilerstrip.Stripper(disable=frozenset(switches))  # an unknown name fails here, before any work
    sources = [s for s in args.sources.split(",") if s]
    paths = sorted(data.glob(f"*/*.{args.renderer}.jsonl.gz"))
    if sources:
        paths = [p for p in paths if p.parent.name in sources]
    if not paths:
        print(f"no *.{args.renderer}.jsonl.gz datasets under {data}", file=sys.stderr)
        return 2
    scorer = load_scorer(data / "score.py")
    for path in paths:
        _print(ablate_dataset(path, scorer, switches, args.limit, args.jobs, args.resamples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
