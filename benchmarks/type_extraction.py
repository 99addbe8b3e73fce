"""Per-type extraction on WCEB: F1 per gold page type, with and without the type profiles.

    PYTHONPATH=src python benchmarks/type_extraction.py [--renderer html_text] [--resamples 1000]

Three runs over the WCEB dev pages, scored with the benchmark's metric per GOLD type:

* ``default``: no profiles and no per-type passes (:data:`TYPE_PASSES`): every page
  stripped as an article, as before per-type extraction;
* ``detected``: the shipped profiles, each page under the type the detector gives it
  (the honest figure);
* ``gold``: the shipped profiles with the gold type forced (the upper bound of the
  profiles with a perfect detector).

Each cell is F1 ± its bootstrap sigma; the detected and gold columns also give ΔF1
against default ± the sigma of a paired bootstrap (same pages drawn for both).
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections import defaultdict
from typing import Any, Optional

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import scoring  # noqa: E402
from _common import default_data_dir, read_jsonl  # noqa: E402

import boilerstrip  # noqa: E402

#: The passes that act on one page type only (off in the default run).
TYPE_PASSES = frozenset({"forum-posts", "listing-entries"})


def predictions(records: list[dict[str, Any]], run: str) -> dict[str, str]:
    """The body text of every page in one of the three runs."""
    if run == "default":  # the pipeline before per-type extraction: no profiles, no per-type passes
        stripper = boilerstrip.Stripper(disable=TYPE_PASSES, profiles={})
    else:
        stripper = boilerstrip.Stripper()
    out = {}
    for r in records:
        options = boilerstrip.Options(page_type=r["page_type"]) if run == "gold" else boilerstrip.Options()
        out[r["id"]] = stripper.strip(r["raw_text"], options).text
    return out


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory (default: ../shared/benchmarks)")
    ap.add_argument("--renderer", default="html_text", help="WCEB rendering (default html_text)")
    ap.add_argument("--resamples", type=int, default=scoring.RESAMPLES, help="bootstrap resamples")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    records = read_jsonl(data / "wceb" / f"wceb-dev.{args.renderer}.jsonl.gz")
    scorer = scoring.load(data / "score.py")
    runs = ("default", "detected", "gold")
    scored = {run: scoring.score_pages(scorer, records, predictions(records, run)) for run in runs}
    ids_of: dict[str, set[str]] = defaultdict(set)
    for r in records:
        ids_of[r["page_type"]].add(r["id"])
        ids_of["all"].add(r["id"])
    print(f"WCEB dev, {args.renderer}: F1 ± bootstrap sigma; Δ against default ± paired sigma")
    print(f"{'gold type':<14} {'pages':>5} {'default':>15} {'detected':>15} {'Δ detected':>16} {'gold forced':>15} {'Δ gold':>16}")
    for page_type in sorted(ids_of, key=lambda t: (t == "all", -len(ids_of[t]))):
        ids = ids_of[page_type]
        sub = {run: s.subset(ids.__contains__) for run, s in scored.items()}
        cells = []
        for run in runs:
            sigma = scoring.bootstrap_sigma(sub[run], args.resamples, metrics=("f1",))["f1"]
            cells.append(f"{sub[run].figures()['f1']:>8.4f}±{sigma:.4f}")
            if run != "default":
                d = scoring.paired_bootstrap(sub["default"], sub[run], args.resamples, metrics=("f1",))["f1"]
                cells.append(f"{d.diff:>+9.4f}±{d.sigma:.4f}")
        print(f"{page_type:<14} {len(ids):>5} " + " ".join(f"{c:>15}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
