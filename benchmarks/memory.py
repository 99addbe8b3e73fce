"""Peak memory of ``python -m boilerstrip --jsonl`` on a huge record and on many small ones.

    python benchmarks/memory.py                 # both cases, full size
    python benchmarks/memory.py --scale 0.1     # inputs a tenth of the size (a quick look)
    python benchmarks/memory.py --json out.json # the figures as JSON too

Each case writes a temporary JSONL file, runs ``sys.executable -m boilerstrip
--jsonl FILE`` from this checkout (``PYTHONPATH`` = the repository's ``src``)
with its output going to /dev/null, and reads the child's peak resident set
size (``ru_maxrss`` of ``resource.getrusage(RUSAGE_CHILDREN)``).

``RUSAGE_CHILDREN`` keeps the *largest* peak of every child waited for so far,
so each measurement runs in a fresh helper process (this script with
``--measure``) that starts exactly one child: the figures do not leak into each
other. For comparison the script also measures the baseline of
``python -m boilerstrip --version`` (interpreter plus the package imported) and
of ``--jsonl`` on one tiny record (lexicons loaded too).

Cases:

- ``one_50mb_record``: one JSON line whose "text" is 50 million characters of
  realistic page text (the texts of samples/*.txt, repeated).
- ``100k_small_records``: 100 000 lines of about 1 KB of page text each, with an
  "id" and a "url" (consecutive pieces of the same texts, cut at line ends).

Only Linux and macOS have ``resource``; ru_maxrss is in KiB on Linux and in
bytes on macOS.
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

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
MB = 1024 * 1024


def _env() -> dict[str, str]:
    extra = os.environ.get("PYTHONPATH")
    return dict(os.environ, PYTHONPATH=str(SRC) + (os.pathsep + extra if extra else ""))


def _maxrss_bytes(value: int) -> int:
    return value if sys.platform == "darwin" else value * 1024


def measure_child(args: list[str]) -> dict:
    """Run ``python -m boilerstrip ARGS`` here, wait, and report its peak RSS.

    Called in a fresh helper process, so RUSAGE_CHILDREN holds this one child.
    """
    import resource

    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
        check=False,
    )
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "returncode": done.returncode,
        "stderr": done.stderr.decode("utf-8", "replace")[-2000:],
        "seconds": seconds,
        "peak_rss_bytes": _maxrss_bytes(usage.ru_maxrss),
    }


def measure(args: list[str]) -> dict:
    """Peak RSS of ``python -m boilerstrip ARGS``, measured in a fresh helper process."""
    helper = subprocess.run(
        [sys.executable, str(pathlib.Path(__file__).resolve()), "--measure", json.dumps(args)],
        capture_output=True,
        env=_env(),
        check=True,
    )
    return json.loads(helper.stdout)


# --- Inputs --------------------------------------------------------------------------------


def page_text() -> str:
    """The texts of samples/*.txt, one after another (about 140 000 characters)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    return "\n\n".join(t.strip("\n") for t in texts) + "\n"


def big_record(chars: int) -> str:
    """One JSON line: {"id", "url", "text"} with *chars* characters of page text."""
    pages = page_text()
    text = (pages * (chars // len(pages) + 1))[:chars]
    return json.dumps({"id": "big", "url": "https://example.org/big", "text": text}, ensure_ascii=False) + "\n"


def small_records(count: int, size: int = 1000):
    """*count* JSON lines of about *size* characters of page text each."""
    pages = page_text()
    pos = 0
    for i in range(count):
        if pos + size >= len(pages):
            pos = 0
        end = pages.find("\n", pos + size)
        end = len(pages) if end < 0 else end + 1
        text = pages[pos:end]
        pos = end
        yield json.dumps({"id": i, "url": f"https://example.org/page/{i}", "text": text}, ensure_ascii=False) + "\n"


def write_case(path: pathlib.Path, name: str, scale: float) -> dict:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        if name == "one_50mb_record":
            chars = int(50_000_000 * scale)
            f.write(big_record(chars))
            records, text_chars = 1, chars
        else:
            records = int(100_000 * scale)
            text_chars = 0
            for line in small_records(records):
                text_chars += len(json.loads(line)["text"])
                f.write(line)
    return {"records": records, "text_chars": text_chars, "input_bytes": path.stat().st_size}


# --- Report --------------------------------------------------------------------------------


def _mb(n: float) -> str:
    return f"{n / MB:8.1f} MB"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=float, default=1.0, help="input size factor (default 1: 50 MB and 100 000 records)")
    p.add_argument("--case", action="append", choices=["one_50mb_record", "100k_small_records"], help="only this case")
    p.add_argument("--json", metavar="FILE", help="write the figures as JSON to FILE")
    p.add_argument("--measure", help=argparse.SUPPRESS)  # internal: the helper process
    args = p.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure_child(json.loads(args.measure))))
        return 0

    rows = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="boilerstrip-memory-") as tmp:
        tiny = pathlib.Path(tmp) / "tiny.jsonl"
        tiny.write_text(json.dumps({"text": "Home\nA short sentence that is the whole story, as it goes on.\n"}) + "\n")
        baselines = {
            "version": measure(["--version"]),
            "tiny_jsonl": measure(["--jsonl", str(tiny)]),
        }
        print(f"boilerstrip memory, Python {sys.version.split()[0]} on {sys.platform}; peak RSS of the child process")
        print(f"{'baseline --version':<32} peak RSS {_mb(baselines['version']['peak_rss_bytes'])}")
        print(f"{'baseline --jsonl, 1 tiny record':<32} peak RSS {_mb(baselines['tiny_jsonl']['peak_rss_bytes'])}")
        for name in args.case or ["one_50mb_record", "100k_small_records"]:
            path = pathlib.Path(tmp) / f"{name}.jsonl"
            info = write_case(path, name, args.scale)
            m = measure(["--jsonl", str(path)])
            path.unlink()
            peak = m["peak_rss_bytes"]
            row = {"case": name, **info, **m,
                   "over_baseline_bytes": peak - baselines["version"]["peak_rss_bytes"],
                   "peak_per_input_byte": peak / info["input_bytes"]}
            rows.append(row)
            print(f"{name:<32} input {_mb(info['input_bytes'])} ({info['records']:,} records, "
                  f"{info['text_chars']:,} text chars)  peak RSS {_mb(peak)}  "
                  f"= {row['peak_per_input_byte']:.1f} x input, {_mb(row['over_baseline_bytes']).strip()} over baseline; "
                  f"{m['seconds']:.1f} s, exit {m['returncode']}")
            if m["returncode"] != 0 or m["stderr"]:
                failed = True
                print(f"    stderr: {m['stderr'].strip()}", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"python": sys.version.split()[0], "platform": sys.platform, "scale": args.scale,
                       "baselines": baselines, "cases": rows}, f, indent=2)
            f.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
