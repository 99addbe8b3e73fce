"""Records per second of ``boilerstrip --jsonl`` with 1, 2, ... worker processes.

    python benchmarks/jobs.py                    # --jobs 1 and 2 on the shared dev texts
    python benchmarks/jobs.py --jobs 1,2,4 --copies 3

The input is every dev record of ``../shared/benchmarks`` (both datasets, html_text
renderer; ``--data DIR`` or $BOILERSTRIP_BENCHMARKS elsewhere), repeated ``--copies``
times, written once to a temporary JSONL file. Each setting runs the real CLI as a
subprocess (start-up and worker start included, as a user sees it); runs alternate
between settings and the best of ``--repeat`` is kept, because this machine is noisy.
Every run's output is checked to be byte-identical to the one-job output.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

from _common import default_data_dir, read_jsonl

FILES = (
    "aeb/aeb-dev.html_text.jsonl.gz",
    "trafilatura-eval/trafilatura-eval-dev.html_text.jsonl.gz",
)


def build_input(data: pathlib.Path, copies: int, path: pathlib.Path) -> tuple[int, int]:
    """Write the records (text in "text") to *path*; returns (records, bytes)."""
    lines = []
    for name in FILES:
        source = data / name
        if source.exists():
            for record in read_jsonl(source):
                lines.append(json.dumps({"id": record["id"], "text": record["raw_text"]}, ensure_ascii=False))
    payload = ("\n".join(lines) + "\n").encode("utf-8") * copies if lines else b""
    path.write_bytes(payload)
    return len(lines) * copies, len(payload)


def run(path: pathlib.Path, jobs: int, out: pathlib.Path) -> float:
    command = [sys.executable, "-m", "boilerstrip", "--jsonl", "--no-progress", "--jobs", str(jobs), str(path), "-o", str(out)]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    p.add_argument("--jobs", default="1,2", help="comma-separated job counts (default 1,2)")
    p.add_argument("--copies", type=int, default=2, help="times the dev records are repeated (default 2)")
    p.add_argument("--repeat", type=int, default=3, help="runs per setting; the best is kept (default 3)")
    args = p.parse_args(argv)
    settings = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        source = pathlib.Path(tmp) / "in.jsonl"
        records, size = build_input(args.data, args.copies, source)
        if not records:
            print(f"no dev texts under {args.data}; nothing to measure")
            return 0
        best = {jobs: float("inf") for jobs in settings}
        reference = None
        for _ in range(args.repeat):
            for jobs in settings:
                out = pathlib.Path(tmp) / f"out{jobs}.jsonl"
                best[jobs] = min(best[jobs], run(source, jobs, out))
                data = out.read_bytes()
                reference = data if reference is None else reference
                if data != reference:
                    print(f"--jobs {jobs} output differs from --jobs {settings[0]}")
                    return 1
    print(f"{records} records, {size / 1e6:.1f} MB, {os.cpu_count()} cores; best of {args.repeat} runs")
    print("| jobs | seconds | records/s | MB/s | speed-up |")
    print("|---:|---:|---:|---:|---:|")
    for jobs in settings:
        seconds = best[jobs]
        print(
            f"| {jobs} | {seconds:.2f} | {records / seconds:.0f} | {size / seconds / 1e6:.2f} "
            f"| {best[settings[0]] / seconds:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
