"""What one switch costs in time: strip every page with it on and off, interleaved.

    python benchmarks/switch_speed.py --switch sections
    python benchmarks/switch_speed.py --switch sections --sources aeb,dragnet --rounds 3

Two :class:`boilerstrip.Stripper` instances, one with the switch off, strip the same
pages in the same process, alternating page by page (which one goes first alternates
too), so that load on the machine hits both alike. Each instance strips each page once
a round and its block cache is cleared before every page, so no cache serves a page
it has seen. Prints total CPU seconds of each and their ratio, per round and overall.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import sources  # noqa: E402
from _common import default_data_dir, read_jsonl  # noqa: E402

from boilerstrip import Stripper  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    ap.add_argument("--switch", required=True, help="a name of Stripper.switches()")
    ap.add_argument("--sources", help="comma-separated sources (default: all five)")
    ap.add_argument("--renderer", default="html_text")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    names = None if args.sources is None else args.sources.split(",")
    texts = [r["raw_text"] for d in sources.datasets(args.data, names, (args.renderer,)) for r in read_jsonl(d.path)]
    on, off = Stripper(), Stripper(disable={args.switch})
    totals = [0.0, 0.0]
    clock = time.process_time
    for round_ in range(args.rounds):
        spent = [0.0, 0.0]
        for k, text in enumerate(texts):
            order = (0, 1) if (k + round_) % 2 == 0 else (1, 0)
            for which in order:
                stripper = (on, off)[which]
                stripper.clear_cache()
                t = clock()
                stripper.strip(text)
                spent[which] += clock() - t
        totals = [a + b for a, b in zip(totals, spent)]
        print(f"round {round_ + 1}: on {spent[0]:.2f} s, off {spent[1]:.2f} s, on/off {spent[0] / spent[1]:.3f}")
    print(f"{len(texts)} pages x {args.rounds}: on {totals[0]:.2f} s, off {totals[1]:.2f} s, on/off {totals[0] / totals[1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
