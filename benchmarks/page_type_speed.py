"""What page-type detection costs text mode: ``strip()`` with ``Options()`` (the
detector decides) against ``Options(page_type="article")`` (forced: no detection).

    python benchmarks/page_type_speed.py                # 588 pages x 4 rounds, balanced order
    python benchmarks/page_type_speed.py --cpu          # process CPU time instead of wall time
    python benchmarks/page_type_speed.py --order random --rounds 3   # the first measurement's way
    python benchmarks/page_type_speed.py --profile      # cProfile of strip() with detection

Pages: the first 300 WCEB pages (html_text), the 88 AEB pages (html_text) and the
first 200 trafilatura-eval pages (inscriptis): 588 distinct pages of several layouts.
Both settings run in the same process on the same default Stripper, page by page; the
clock counts only the ``strip()`` calls, and the figure is the ratio of the totals.

Order: the second run of a page finds its short blocks in the first-label cache and
costs much less than the first, so which setting goes first matters. ``balanced``
(the default) lets the settings take turns going first, page by page, and swaps the
turns every round, so over an even number of rounds each page goes first equally
often in both settings. ``random`` draws the order per page from a seeded generator;
its imbalance (a few pages more going first in one setting) moves a round's figure
by a percent or two. The cache holds fewer blocks than the 588 pages have, so every
round starts about as cold as the first.
"""

from __future__ import annotations

import argparse
import cProfile
import pathlib
import pstats
import random
import sys
import time
from typing import Callable

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


def time_both(
    texts: list[str],
    rounds: int,
    order: str = "balanced",
    seed: int = 0,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float, list[float]]:
    """Seconds in ``strip()`` with detection and without, and the overhead per round."""
    auto, forced = Options(), Options(page_type="article")
    for t in texts[:WARM_UP]:
        boilerstrip.strip(t)
    rng = random.Random(seed)
    total_auto = total_forced = 0.0
    per_round = []
    for r in range(rounds):
        ta = tf = 0.0
        for k, t in enumerate(texts):
            auto_first = rng.random() < 0.5 if order == "random" else (k + r) % 2 == 0
            for o in (auto, forced) if auto_first else (forced, auto):
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
    """cProfile of ``strip()`` with detection on the pages' second pass, sorted by own time."""
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
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--order", choices=("balanced", "random"), default="balanced", help="which setting runs a page first")
    ap.add_argument("--profile", action="store_true", help="profile instead of timing")
    ap.add_argument(
        "--cpu", action="store_true",
        help="count the process's CPU time (time.process_time), not wall time: on a shared machine the "
        "time other processes take the CPU then does not count",
    )
    args = ap.parse_args(argv)
    texts = load_texts(args.data or default_data_dir())
    if args.profile:
        profile(texts)
        return 0
    clock = time.process_time if args.cpu else time.perf_counter
    ta, tf, per_round = time_both(texts, args.rounds, args.order, clock=clock)
    rounds = "  ".join(f"{p:+.1f}%" for p in per_round)
    print(
        f"{'CPU' if args.cpu else 'wall'} time, {args.order} order, pages {len(texts)} x {args.rounds}  auto {ta:.2f}s  forced article (no detection) {tf:.2f}s  "
        f"overhead {100 * (ta / tf - 1):+.2f}%  (per round: {rounds})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
