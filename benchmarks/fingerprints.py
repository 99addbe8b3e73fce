"""Fingerprint every output of boilerstrip on the dev data, to prove a change preserves behaviour.

For each dev page (every source and rendering under the benchmark directory, the HTML files
with ``--html``, and the labelled pages in ``samples/``) the full result, ``to_dict()`` with
every block, its category and reasons, is hashed. Write the fingerprints before a change and
compare after it::

    python benchmarks/fingerprints.py -o /tmp/before.json [--html]
    ... change ...
    python benchmarks/fingerprints.py --compare /tmp/before.json [--html]

``--compare`` lists every page whose output changed and exits 1 when any did.

The page type (``page_type``, ``page_type_evidence``) is left out of the hash: it is
a report about the page, not a decision about its blocks, and fingerprints written
before it existed stay comparable. ``--page-types FILE`` writes each page's type.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import sys
from typing import Any, Iterator

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _common import ROOT, default_data_dir, read_jsonl  # noqa: E402

import boilerstrip  # noqa: E402


def _digest(obj: Any) -> str:
    data = json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:20]


def _text_inputs(data_dir: pathlib.Path) -> Iterator[tuple[str, str]]:
    for path in sorted(data_dir.glob("*/*.jsonl.gz")):
        if path.name.endswith(".html.jsonl.gz"):
            continue
        for rec in read_jsonl(path):
            yield f"{path.name}:{rec['id']}", rec["raw_text"]
    for path in sorted((ROOT / "samples").glob("*.txt")):
        yield f"samples:{path.name}", path.read_text(encoding="utf-8")


def _html_inputs(data_dir: pathlib.Path) -> Iterator[tuple[str, str]]:
    for path in sorted(data_dir.glob("*/*.html.jsonl.gz")):
        for rec in read_jsonl(path):
            yield f"{path.name}:{rec['id']}", rec["html"]


#: Keys of ``to_dict()`` that report on the page rather than decide its blocks.
REPORT_KEYS = ("page_type", "page_type_evidence")


def _decisions(result: Any) -> dict[str, Any]:
    d = result.to_dict()
    for key in REPORT_KEYS:
        d.pop(key, None)
    return d


def fingerprints(data_dir: pathlib.Path, html: bool, types: dict[str, str] | None = None) -> dict[str, str]:
    """Page key -> hash of the whole result (the page type left out); *types*, when
    given, gets each page's type."""
    out: dict[str, str] = {}
    for key, text in _text_inputs(data_dir):
        r = boilerstrip.strip(text)
        out[key] = _digest(_decisions(r))
        if types is not None:
            types[key] = r.page_type or ""
    if html:
        from boilerstrip.html import strip_html

        for key, page in _html_inputs(data_dir):
            r = strip_html(page)
            out[key] = _digest(_decisions(r))
            if types is not None:
                types[key] = r.result.page_type or ""
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory")
    ap.add_argument("--html", action="store_true", help="also the HTML front end on the .html files")
    ap.add_argument("-o", "--output", type=pathlib.Path, help="write the fingerprints here")
    ap.add_argument("--compare", type=pathlib.Path, help="compare with fingerprints written before")
    ap.add_argument("--page-types", type=pathlib.Path, help="also write each page's detected type here (JSON)")
    args = ap.parse_args(argv)
    data_dir = args.data or default_data_dir()
    types: dict[str, str] | None = {} if args.page_types else None
    now = fingerprints(data_dir, args.html, types)
    if args.page_types:
        args.page_types.write_text(json.dumps(types, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    if args.output:
        args.output.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        shared = sorted(set(before) & set(now))
        changed = [k for k in shared if before[k] != now[k]]
        for k in changed:
            print(f"changed: {k}")
        missing = sorted(set(before) ^ set(now))
        for k in missing:
            print(f"only in one run: {k}")
        print(f"{len(shared)} pages compared, {len(changed)} changed, {len(missing)} in one run only")
        return 1 if changed or missing else 0
    print(f"{len(now)} fingerprints")
    return 0


if __name__ == "__main__":
    sys.exit(main())
