"""What page-type detection costs text mode: ``strip()`` with ``Options()`` (the
detector decides) against ``Options(page_type="article")`` (forced: no detection).

    python benchmarks/page_type_speed.py              # 588 pages x 3 rounds
    python benchmarks/page_type_speed.py --rounds 5
    python benchmarks/page_type_speed.py --profile    # cProfile of the detector's pass

Pages: the first 300 WCEB pages (html_text), the 88 AEB pages (html_text) and the
first 200 trafilatura-eval pages (inscriptis): 588 distinct pages of several layouts.
Both settings run in the same process on the same default Stripper, page by page,
in a seeded random order per page (the second run of a page finds its short blocks
in the first-label cache, so neither setting always goes second); the clock counts
only the ``strip()`` calls. Three rounds: after the first, the cache holds the short
blocks, as in a crawl where chrome repeats. The figure is the ratio of the totals.
"""

from __future__ import annotations

import argparse
import cProfile
import pathlib
import pstats
import random
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _common import ROOT, default_data_dir, read_jsonl  # noqa: E402

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402
from boilerstrip import Options  # noqa: E402

#: (dataset file stem, renderer, how many of its pages), in this order.
PAGES = (
    ("wceb/wceb-dev", "html_text", 300),
    ("aeb/aeb-dev", "html_text", 88),
    ("trafilatura-eval/trafilatura-eval-dev", "inscriptis", 200),
)
WARM_UP = 50


def load_texts(data: pathlib.Path) -> list[str]:
    texts: list[str] = []
    for stem, renderer, count in PAGES:
        records = read_jsonl(data / f"{stem}.{renderer}.jsonl.gz")
        texts += [r["raw_text"] for r in records[:count]]
    return texts


def time_both(texts: list[str], rounds: int, seed: int = 0) -> tuple[float, float, list[float]]:
    """Seconds in ``strip()`` with detection and without, and the overhead per round."""
    auto, forced = Options(), Options(page_type="article")
    for t in texts[:WARM_UP]:
        boilerstrip.strip(t)
    rng = random.Random(seed)
    clock = time.perf_counter
    total_auto = total_forced = 0.0
    per_round = []
    for _ in range(rounds):
        ta = tf = 0.0
        for t in texts:
            order = (auto, forced) if rng.random() < 0.5 else (forced, auto)
            for o in order:
                start = clock()
                boilerstrip.strip(t, options=o)
                spent = clock() - start
                if o is auto:
                    ta += spent
                else:
                    tf += spent
        per_round.append(100 * (ta / tf - 1))
        total_auto += ta
        total_forced += tf
    return total_auto, total_forced, per_round


def profile(texts: list[str]) -> None:
    """cProfile of ``strip()`` with detection, warm cache, sorted by own time."""
    for t in texts:
        boilerstrip.strip(t)
    profiler = cProfile.Profile()
    profiler.enable()
    for t in texts:
        boilerstrip.strip(t)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="profile instead of timing")
    args = ap.parse_args(argv)
    texts = load_texts(args.data or default_data_dir())
    if args.profile:
        profile(texts)
        return 0
    ta, tf, per_round = time_both(texts, args.rounds)
    rounds = "  ".join(f"{p:+.1f}%" for p in per_round)
    print(
        f"pages {len(texts)} x {args.rounds}  auto {ta:.2f}s  forced article (no detection) {tf:.2f}s  "
        f"overhead {100 * (ta / tf - 1):+.2f}%  (per round: {rounds})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
