"""Before and after: each source's F1 ± σ for two versions of the code, and their paired difference.

    PYTHONPATH=/path/to/old/src python benchmarks/paired.py --predict before.json
    PYTHONPATH=src python benchmarks/paired.py --predict after.json
    python benchmarks/paired.py --compare before.json after.json    # html_text (default)
    python benchmarks/paired.py --renderer inscriptis --predict ...

``--predict`` strips every page of every source (text mode, default options) with the
boilerstrip that ``PYTHONPATH`` finds and writes the body texts; ``--compare`` scores two
such files with each dataset's own metric and prints, per source, F1 ± its bootstrap σ for
each, and ΔF1 (after - before) ± the σ of a paired bootstrap that draws the same pages
for both (``scoring.paired_bootstrap``).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Optional

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import scoring  # noqa: E402
from _common import default_data_dir  # noqa: E402


def _datasets(data: pathlib.Path, renderer: str) -> list[pathlib.Path]:
    return sorted(data.glob(f"*/*.{renderer}.jsonl.gz"))


def predict(data: pathlib.Path, renderer: str, out: pathlib.Path) -> None:
    import boilerstrip

    scorer = scoring.load(data / "score.py")
    preds = {}
    for path in _datasets(data, renderer):
        preds[path.parent.name] = {r["id"]: boilerstrip.strip(r["raw_text"]).text for r in scorer.load_dataset(str(path))}
    out.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")


def compare(data: pathlib.Path, renderer: str, before: pathlib.Path, after: pathlib.Path) -> None:
    scorer = scoring.load(data / "score.py")
    a_all, b_all = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    print(f"{'source':<18} {'pages':>5} {'changed':>7} {'F1 before':>16} {'F1 after':>16} {'ΔF1 (paired σ)':>20}")
    for path in _datasets(data, renderer):
        source = path.parent.name
        records = scorer.load_dataset(str(path))
        a = scoring.score_pages(scorer, records, a_all[source])
        b = scoring.score_pages(scorer, records, b_all[source])
        sa, sb = scoring.bootstrap_sigma(a, metrics=("f1",)), scoring.bootstrap_sigma(b, metrics=("f1",))
        d = scoring.paired_bootstrap(a, b, metrics=("f1",))["f1"]
        changed = sum(1 for r in records if a_all[source][r["id"]] != b_all[source][r["id"]])
        print(
            f"{source:<18} {len(records):>5} {changed:>7} {a.figures()['f1']:>9.4f}±{sa['f1']:.4f}"
            f" {b.figures()['f1']:>9.4f}±{sb['f1']:.4f} {d.diff:>+11.4f}±{d.sigma:.4f}"
        )


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory (default: ../shared/benchmarks)")
    ap.add_argument("--renderer", default="html_text", help="rendering of the pages (default html_text)")
    ap.add_argument("--predict", type=pathlib.Path, help="strip every page and write the body texts here")
    ap.add_argument("--compare", type=pathlib.Path, nargs=2, metavar=("BEFORE", "AFTER"), help="two --predict files")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    if args.predict:
        predict(data, args.renderer, args.predict)
    if args.compare:
        compare(data, args.renderer, *args.compare)
    if not args.predict and not args.compare:
        ap.error("give --predict or --compare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
