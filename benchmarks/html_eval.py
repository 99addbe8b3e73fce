"""Score the HTML front end on the dev sets' HTML, timed next to trafilatura and readability.

    python benchmarks/html_eval.py                   # all five sources, with both peers
    python benchmarks/html_eval.py --no-peer         # boilerstrip only (quick)
    python benchmarks/html_eval.py --peers trafilatura   # one peer only
    python benchmarks/html_eval.py --only aeb --worst 5
    python benchmarks/html_eval.py --json out.json

Each dataset's HTML (``*.html.jsonl.gz``) is run through
:func:`boilerstrip.html.strip_html`, through
``trafilatura.extract(html, include_comments=False)`` (the setting the issues compare
with: an article's comment thread is not its main content) and through readability-lxml
(``Document(html).summary()`` as text, the way ``peers.py`` turns it into text), page by page in turn, so all see the same machine
state; the process is pinned to one CPU and the clock covers the call only (the HTML
is already a str). Boilerstrip's block cache is emptied before the run. Predictions
are scored by the benchmark's own ``score.py`` against the matching
``*.html_text.jsonl.gz`` gold (``gold_body`` where there is one, else
``with``/``without``), joined on ``id``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import sys
import time
from typing import Any, Callable, Optional

from _common import ROOT, default_data_dir, read_jsonl, run_scorer
from peers import pin_to_one_cpu

sys.path.insert(0, str(ROOT / "src"))

import boilerstrip.pipeline  # noqa: E402
from boilerstrip.html import strip_html  # noqa: E402

DATASETS = (
    "aeb/aeb-dev",
    "trafilatura-eval/trafilatura-eval-dev",
    "wceb/wceb-dev",
    "dragnet/dragnet-train",
    "readability/readability-dev",
)
#: The peers, by name, and how to build each one's extractor.
PEERS = ("trafilatura", "readability")


def _boilerstrip(html: str) -> Optional[str]:
    return strip_html(html).text


def _trafilatura() -> Callable[[str], Optional[str]]:
    import trafilatura

    def extract(html: str) -> Optional[str]:
        result: Optional[str] = trafilatura.extract(html, include_comments=False)
        return result

    return extract


def _readability() -> Callable[[str], Optional[str]]:
    import logging

    from peers import PEER_LOGGERS, build_readability_html

    for name in PEER_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    extract: Callable[[str], Optional[str]] = build_readability_html()
    return extract


def _timed(fn: Callable[[str], Optional[str]], html: str) -> tuple[Optional[str], float]:
    start = time.perf_counter()
    try:
        text = fn(html)
    except Exception as e:  # a crash scores as an empty extraction
        print(f"  error: {type(e).__name__}: {e}", file=sys.stderr)
        text = None
    return text, time.perf_counter() - start


def in_half(page_id: str, half: Optional[str]) -> bool:
    """The split of ``evaluate.py --half``: by the first byte of the id's SHA-1."""
    if half is None:
        return True
    return hashlib.sha1(page_id.encode()).digest()[0] % 2 == (0 if half == "a" else 1)


def run_dataset(
    data: pathlib.Path, name: str, peers: tuple[str, ...], worst: int, half: Optional[str] = None
) -> dict[str, Any]:
    pages = read_jsonl(data / f"{name}.html.jsonl.gz")
    gold_path = data / f"{name}.html_text.jsonl.gz"
    gold = [r for r in read_jsonl(gold_path) if in_half(r["id"], half)]
    gold_ids = {r["id"] for r in gold}
    pages = [p for p in pages if p["id"] in gold_ids]
    engines: dict[str, Callable[[str], Optional[str]]] = {"boilerstrip": _boilerstrip}
    builders = {"trafilatura": _trafilatura, "readability": _readability}
    for peer in peers:
        engines[peer] = builders[peer]()
    preds: dict[str, list[dict[str, Any]]] = {k: [] for k in engines}
    seconds = dict.fromkeys(engines, 0.0)
    boilerstrip.pipeline.clear_cache()
    for page in pages:  # interleaved: each page through every engine in turn
        for engine, fn in engines.items():
            text, took = _timed(fn, page["html"])
            seconds[engine] += took
            preds[engine].append({"id": page["id"], "text": text})
    figures: dict[str, Any] = {}
    for engine in engines:
        fig, report = run_scorer(
            data / "score.py",
            gold_path,
            preds[engine],
            gold_subset=gold if half else None,
            worst=worst if engine == "boilerstrip" else 0,
        )
        fig["docs"] = len(pages)
        fig["docs_per_s"] = len(pages) / seconds[engine] if seconds[engine] else 0.0
        if report and engine == "boilerstrip":
            fig["report"] = "\n".join(report)
        figures[engine] = fig
    return figures


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    ap.add_argument("--only", help="run only datasets whose name contains this")
    ap.add_argument("--no-peer", action="store_true", help="skip the peers (quality only, faster)")
    ap.add_argument("--peers", default=",".join(PEERS), help=f"comma-separated peers to run (default {','.join(PEERS)})")
    ap.add_argument("--worst", type=int, default=0, help="list boilerstrip's N worst pages per dataset")
    ap.add_argument("--json", type=pathlib.Path, help="also write the figures to this file")
    ap.add_argument("--half", choices=("a", "b"), help="score only half of each dataset (split by id hash)")
    args = ap.parse_args(argv)
    results: dict[str, Any] = {}
    peers = () if args.no_peer else tuple(p for p in args.peers.split(",") if p)
    unknown = set(peers) - set(PEERS)
    if unknown:
        ap.error(f"unknown peer(s): {', '.join(sorted(unknown))}")
    cpu = pin_to_one_cpu()
    if cpu is not None:
        print(f"(pinned to CPU {cpu})")
    print(f"{'dataset':<30} {'engine':<12} {'P':>6} {'R':>6} {'F1':>6} {'docs':>5} {'docs/s':>8}")
    for name in DATASETS:
        if args.only and args.only not in name:
            continue
        figures = run_dataset(args.data, name, peers, args.worst, args.half)
        short = name.split("/")[-1]
        for engine, fig in figures.items():
            print(f"{short:<30} {engine:<12} {fig['precision']:6.3f} {fig['recall']:6.3f} {fig['f1']:6.3f} {fig['docs']:5d} {fig['docs_per_s']:8.1f}")
        for peer in peers:
            if figures[peer]["docs_per_s"]:
                ratio = figures["boilerstrip"]["docs_per_s"] / figures[peer]["docs_per_s"]
                print(f"{short:<30} {'speed ratio':<12} boilerstrip / {peer} = {ratio:.2f}x")
                figures["speed_ratio" if peer == "trafilatura" else f"speed_ratio_{peer}"] = ratio
        if args.worst and "report" in figures["boilerstrip"]:
            print(figures["boilerstrip"]["report"])
        results[short] = {k: ({kk: vv for kk, vv in v.items() if kk != "report"} if isinstance(v, dict) else v) for k, v in figures.items()}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
