"""Start-up cost: ``import boilerstrip`` and the CLI on one small page.

    python benchmarks/startup.py            # best of 15 runs each
    python benchmarks/startup.py --runs 30

Each command runs as a fresh process (what a shell user or a worker pays), runs
alternate between commands, and the best run counts, because this machine is
noisy. ``python -c pass`` is measured in the same run as the baseline; the
budget the project holds itself to is 150 ms for the import and for the CLI.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

PAGE = b"Home\nNews\n\nA short page: one sentence long enough to be the article, as it goes on.\n"

COMMANDS = {
    "python -c pass (baseline)": [sys.executable, "-c", "pass"],
    "import boilerstrip": [sys.executable, "-c", "import boilerstrip"],
    "boilerstrip --version": [sys.executable, "-m", "boilerstrip", "--version"],
    "boilerstrip < small page": [sys.executable, "-m", "boilerstrip"],
}


def once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, input=PAGE, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=15)
    args = p.parse_args(argv)
    best = dict.fromkeys(COMMANDS, float("inf"))
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            best[name] = min(best[name], once(command))
    print(f"best of {args.runs} runs, milliseconds")
    print("| command | ms | over bare python |")
    print("|---|---:|---:|")
    base = best["python -c pass (baseline)"]
    for name, seconds in best.items():
        print(f"| {name} | {seconds * 1000:.0f} | {(seconds - base) * 1000:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
