"""WET streaming against ``--jsonl`` on the same texts, and FastWARC against warcio.

    python benchmarks/crawl.py --size-mb 1024            # build a ~1 GB WET, measure, delete it
    python benchmarks/crawl.py --size-mb 100 --readers   # also time the two WARC libraries

The input is every dev text of ``../shared/benchmarks`` (the html_text and
inscriptis renderings of every source), repeated until the WET file reaches the
size asked for. The same texts, in the same order, are written as a JSONL file
with a "text" field, so both runs clean the same records. Each run is
``python -m boilerstrip`` from this checkout with its output going to a file
in the temporary directory; the script reports wall time, records/s, and the
child's peak RSS (``ru_maxrss``; each run in a fresh helper process, as
benchmarks/memory.py does), and checks that the two runs' bodies are equal.
Everything is written under a temporary directory (``--tmp``, default /tmp) and
deleted at the end.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from typing import Any, Iterator

from _common import ROOT, default_data_dir

RENDERINGS = ("html_text", "inscriptis")


def texts(data: pathlib.Path) -> Iterator[tuple[str, str]]:
    """(url, raw text) of every dev rendering, in a fixed order."""
    for path in sorted(data.glob("*/*.jsonl.gz")):
        if not any(path.name.endswith(f".{r}.jsonl.gz") for r in RENDERINGS):
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                yield str(record.get("url") or record["id"]), record["raw_text"]


def wet_record(url: str, text: str, number: int) -> bytes:
    body = text.encode("utf-8")
    head = (
        "WARC/1.0\r\nWARC-Type: conversion\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=number)}>\r\n"
        f"Content-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode("utf-8")  # WARC 1.1 allows UTF-8 in header values
    return head + body + b"\r\n\r\n"


def build(data: pathlib.Path, size: int, wet: pathlib.Path, jsonl: pathlib.Path, gz: pathlib.Path | None = None) -> int:
    """Write the WET file and the JSONL file of the same texts (and, given *gz*, the WET
    file gzip-compressed record by record, as Common Crawl ships it); returns the record count."""
    pages = list(texts(data))
    written = n = 0
    with open(wet, "wb") as w, open(jsonl, "wb") as j, open(gz or os.devnull, "wb") as z:
        while written < size:
            for url, text in pages:
                n += 1
                record = wet_record(url, text, n)
                w.write(record)
                if gz is not None:
                    z.write(gzip.compress(record, compresslevel=6))
                j.write((json.dumps({"id": n, "url": url, "text": text}, ensure_ascii=False) + "\n").encode("utf-8"))
                written += len(record)
                if written >= size:
                    break
    return n


def measure(args: list[str], out: pathlib.Path) -> dict[str, Any]:
    """Run boilerstrip once in a fresh helper (for an unshared ru_maxrss)."""
    return finish(start(args, out))


def start(args: list[str], out: pathlib.Path) -> subprocess.Popen[str]:
    helper = [sys.executable, __file__, "--measure", str(out), "--", *args]
    return subprocess.Popen(helper, stdout=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> dict[str, Any]:
    stdout, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"a measured run failed with exit code {process.returncode}")
    return json.loads(stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _child(out: str, args: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    start = time.perf_counter()
    with open(out, "wb") as f:
        subprocess.run([sys.executable, "-m", "boilerstrip", *args], check=True, stdout=f, env=env)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime  # less sensitive than wall time to other load on the machine
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": usage.ru_maxrss / 1024}))


def time_readers(path: pathlib.Path) -> dict[str, float]:
    """Seconds each library takes to read every record's payload of *path*."""
    from fastwarc.warc import ArchiveIterator as FastIterator
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    times = {}
    start = time.perf_counter()
    with open(path, "rb") as f:
        n_fast = sum(len(r.reader.read()) for r in FastIterator(f))
    times["fastwarc"] = time.perf_counter() - start
    start = time.perf_counter()
    with open(path, "rb") as f:
        n_warcio = sum(len(r.content_stream().read()) for r in WarcioIterator(f))
    times["warcio"] = time.perf_counter() - start
    assert n_fast == n_warcio, (n_fast, n_warcio)
    return times


def bodies(path: pathlib.Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size-mb", type=float, default=1024.0)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--together", action="store_true", help="run the two measured runs at the same time (on a busy machine; compare CPU seconds)")
    p.add_argument("--readers", action="store_true", help="also time FastWARC and warcio on the file (plain and gzip)")
    p.add_argument("--tmp", default=tempfile.gettempdir())
    p.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    p.add_argument("--measure", help=argparse.SUPPRESS)
    p.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.measure:
        _child(a.measure, a.rest)
        return 0
    work = pathlib.Path(tempfile.mkdtemp(prefix="boilerstrip-crawl-", dir=a.tmp))
    try:
        wet, jsonl = work / "dev.wet", work / "dev.jsonl"
        gz = work / "dev.wet.gz" if a.readers else None
        records = build(a.data, int(a.size_mb * (1 << 20)), wet, jsonl, gz)
        report: dict[str, Any] = {"records": records, "wet_mb": wet.stat().st_size / (1 << 20)}
        jobs = ["--jobs", str(a.jobs)]
        runs = {"jsonl": ["--jsonl", *jobs, str(jsonl)], "wet": ["--warc", *jobs, str(wet)]}
        if a.together:
            started = {key: start(args, work / f"out-{key}.jsonl") for key, args in runs.items()}
            report.update({key: finish(process) for key, process in started.items()})
        else:
            report.update({key: measure(args, work / f"out-{key}.jsonl") for key, args in runs.items()})
        for key in runs:
            report[key]["records_per_s"] = records / report[key]["seconds"]
            report[key]["records_per_cpu_s"] = records / report[key]["cpu_seconds"]
        report["wet_vs_jsonl_cpu"] = report["jsonl"]["cpu_seconds"] / report["wet"]["cpu_seconds"]
        same = all(x == y for x, y in zip(bodies(work / "out-jsonl.jsonl"), bodies(work / "out-wet.jsonl")))
        report["same_bodies"] = same
        if a.readers:
            report["readers_plain"] = time_readers(wet)
            assert gz is not None
            report["readers_gzip_per_record"] = time_readers(gz)
            report["wet_gz"] = measure(["--warc", *jobs, str(gz)], work / "out-wet-gz.jsonl")
        print(json.dumps(report, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
