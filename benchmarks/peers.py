"""Quality and speed of boilerstrip next to other extractors, in one run on one core.

    python benchmarks/peers.py                       # every method, every dataset found
    python benchmarks/peers.py --limit 20            # first 20 pages per dataset (a quick look)
    python benchmarks/peers.py --methods boilerstrip,justext --datasets aeb-dev
    python benchmarks/peers.py --repeat 3 --json benchmarks/out/peers.json
    python benchmarks/plots.py benchmarks/out/peers.json   # charts and report.html from that JSON

Datasets come from ``--data DIR``, else ``$BOILERSTRIP_BENCHMARKS``, else
``../shared/benchmarks`` next to the repository (as in evaluate.py). Peers are
the ``bench`` extra: ``pip install '.[bench]'``; a method whose package is
missing is skipped with a one-line note.

Methods (``--methods``):

* ``boilerstrip`` -- ``boilerstrip.strip(raw_text).text``.
* ``justext`` -- jusText on the same text: every non-blank line becomes one
  ``<p>`` (HTML-escaped), the stoplist is that of the language
  ``boilerstrip.language.detect`` finds in the lines (English when none); the
  output is the non-boilerplate paragraphs joined by ``"\\n"``.
* ``trafilatura-text`` -- ``trafilatura.extract`` on the text wrapped the same way,
  ``<html><body><p>line</p>...</body></html>``, with ``include_comments=False``.
* ``trafilatura-html`` -- ``trafilatura.extract(html, include_comments=False)`` on the
  page HTML (``*.html.jsonl.gz``, joined on ``id``). Comments off in both: trafilatura's
  default keeps comment threads, which no benchmark's gold counts as content, and the
  issues compare with this setting (as ``html_eval.py`` does).
* ``readability-html`` -- readability-lxml ``Document(html).summary()``, turned
  into text by lxml: whitespace inside each text node is collapsed, every
  block element (p, div, h1-h6, li, tr, ...) and ``<br>`` starts a new line,
  then ``text_content()``; blank lines are dropped.

boilerstrip is always run, whatever ``--methods`` says: it is the speed reference.
The text methods run on both renderings (``html_text``, ``inscriptis``); the
HTML methods once per dataset. Every output is scored by the benchmark's
``score.py`` run as a subprocess, exactly as evaluate.py does; per-page F1 comes
from the same ``score.py`` loaded as a module (AEB: its per-page F1;
with/without: its own aggregate applied to that one page's counts).

Speed: each method's function (including its small adapters: wrapping lines as
``<p>``, language detection, HTML-to-text) is timed with ``time.perf_counter``
around the extraction calls of one pass over the pages, never around loading
or scoring, after one warm-up page. With ``--repeat K`` the passes of all
methods on the same pages are interleaved and the fastest pass counts. The
process is pinned to one CPU where the OS allows it. Because the machine is
noisy, speed is also given as a ratio to boilerstrip timed in the same passes
on the same pages (for the HTML methods: boilerstrip on the ``html_text``
rendering of those pages; rendering the HTML to text is not counted). MB/s
is input megabytes (10^6 bytes of UTF-8) per second.
"""

from __future__ import annotations

import argparse
import html
import importlib.metadata
import logging
import math
import os
import pathlib
import platform
import re
import sys
import time
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Optional, Sequence

from _common import ROOT, default_data_dir, load_scorer, read_jsonl, run_scorer

sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402
from boilerstrip.language import detect  # noqa: E402
from boilerstrip import pipeline as boilerstrip_cache  # noqa: E402

Extractor = Callable[[str], Optional[str]]

#: Dataset name -> its folder under the data directory.
DATASETS = {
    "aeb-dev": "aeb",
    "trafilatura-eval-dev": "trafilatura-eval",
    "wceb-dev": "wceb",
    "dragnet-train": "dragnet",
    "readability-dev": "readability",
}
#: Text renderings of every page, each a separate input for the text methods.
RENDERERS = ("html_text", "inscriptis")
#: The rendering boilerstrip reads when it is the speed reference for an HTML method.
REFERENCE_RENDERER = "html_text"
#: Input name used for the page HTML.
HTML = "html"
#: Label of boilerstrip in the speed ratios.
REFERENCE = "boilerstrip"

#: boilerstrip language code -> jusText stoplist name.
JUSTEXT_STOPLISTS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian",
}
JUSTEXT_FALLBACK = "English"

#: Elements after which (and before which) readability's summary breaks the line.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "tbody td tfoot th thead tr ul".split()
)

WHITESPACE = re.compile(r"\s+")

#: Loggers of the peers, quietened so their warnings do not mix with the table.
PEER_LOGGERS = ("trafilatura", "readability", "readability.readability", "htmldate", "courlan")


# --- Methods ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Method:
    """One extractor: its name, what it reads, and how to build its function."""

    name: str
    source: str  # "text" (a rendering's raw_text) or "html" (the page HTML)
    package: str  # what to pip install when it is missing
    build: Callable[[], Extractor]  # imports lazily; raises ImportError when missing


def lines_as_html(text: str) -> str:
    """The text as an HTML page with one ``<p>`` per non-blank line (escaped)."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


def build_boilerstrip() -> Extractor:
    """``boilerstrip.strip`` with default options."""
    return lambda text: boilerstrip.strip(text).text


def build_justext() -> Extractor:
    """jusText on the text wrapped as paragraphs, with the detected language's stoplist."""
    import justext

    stoplists: dict[str, frozenset[str]] = {}

    def stoplist_for(text: str) -> frozenset[str]:
        code = detect(line for line in text.split("\n") if line.strip())
        name = JUSTEXT_STOPLISTS.get(code or "", JUSTEXT_FALLBACK)
        if name not in stoplists:
            stoplists[name] = justext.get_stoplist(name)
        return stoplists[name]

    def extract(text: str) -> str:
        paragraphs = justext.justext(lines_as_html(text), stoplist_for(text))
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def build_trafilatura_text() -> Extractor:
    """trafilatura, comments off, on the text wrapped as paragraphs."""
    import trafilatura

    return lambda text: trafilatura.extract(lines_as_html(text), include_comments=False)


def build_trafilatura_html() -> Extractor:
    """trafilatura, comments off, on the page HTML."""
    import trafilatura

    return lambda page: trafilatura.extract(page, include_comments=False)


def _collapse(text: Optional[str]) -> Optional[str]:
    """Every whitespace run as one space (HTML rendering of source line breaks)."""
    return WHITESPACE.sub(" ", text) if text else text


def fragment_to_text(fragment: str, lxml_html: ModuleType) -> str:
    """Text of an HTML fragment with a line break around every block element."""
    root = lxml_html.fromstring(fragment)
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            continue
        el.text, el.tail = _collapse(el.text), _collapse(el.tail)
        if el.tag in BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    lines = (line.strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def build_readability_html() -> Extractor:
    """readability-lxml's summary of the page HTML, as text."""
    import lxml.html
    from readability import Document

    return lambda page: fragment_to_text(Document(page).summary(), lxml.html)


METHODS = (
    Method("boilerstrip", "text", "boilerstrip", build_boilerstrip),
    Method("justext", "text", "justext", build_justext),
    Method("trafilatura-text", "text", "trafilatura", build_trafilatura_text),
    Method("trafilatura-html", HTML, "trafilatura", build_trafilatura_html),
    Method("readability-html", HTML, "readability-lxml lxml_html_clean", build_readability_html),
)
METHOD_NAMES = tuple(m.name for m in METHODS)
#: Distributions whose versions go into the JSON.
VERSIONED = ("boilerstrip", "justext", "trafilatura", "readability-lxml", "lxml", "lxml_html_clean")


def load_methods(names: Sequence[str]) -> tuple[dict[str, Extractor], list[str]]:
    """The extractors that can run, and a note for each one that cannot."""
    extractors: dict[str, Extractor] = {}
    notes: list[str] = []
    for method in METHODS:
        if method.name not in names:
            continue
        try:
            extractors[method.name] = method.build()
        except ImportError as exc:
            notes.append(f"skipped {method.name}: {exc} (pip install {method.package}, or '.[bench]')")
    return extractors, notes


# --- Inputs ----------------------------------------------------------------------------


@dataclass
class Pages:
    """The pages of one dataset in one input form, with the gold they are scored against."""

    dataset: str
    form: str  # a renderer name, or "html"
    gold_path: pathlib.Path  # the dataset file score.py reads
    gold: list[dict[str, Any]]  # the scored pages' records (from a rendering file)
    inputs: list[str]  # what the extractor reads, one per page, in gold order
    subset: bool  # True when ``gold`` is not the whole file

    @property
    def input_bytes(self) -> int:
        return sum(len(s.encode("utf-8")) for s in self.inputs)


def load_dataset(folder: pathlib.Path, name: str, limit: Optional[int]) -> tuple[list[Pages], list[str]]:
    """Every rendering of one dataset, plus its HTML when present, and notes on what is missing."""
    renderings: list[Pages] = []
    notes: list[str] = []
    for renderer in RENDERERS:
        path = folder / f"{name}.{renderer}.jsonl.gz"
        if not path.exists():
            notes.append(f"{name}: no {path.name}, skipped")
            continue
        records = read_jsonl(path)
        chosen = records[:limit] if limit is not None else records
        inputs = [r["raw_text"] for r in chosen]
        renderings.append(Pages(name, renderer, path, chosen, inputs, len(chosen) < len(records)))
    html_pages = _html_pages(folder, name, renderings, notes)
    return renderings + ([html_pages] if html_pages else []), notes


def _html_pages(folder: pathlib.Path, name: str, renderings: list[Pages], notes: list[str]) -> Optional[Pages]:
    """The HTML of the pages of the first rendering, scored against that rendering's gold."""
    path = folder / f"{name}.html.jsonl.gz"
    if not renderings:
        return None
    if not path.exists():
        notes.append(f"{name}: no {path.name}, HTML methods skipped")
        return None
    by_id = {r["id"]: r["html"] for r in read_jsonl(path)}
    base = renderings[0]
    gold = [r for r in base.gold if r["id"] in by_id]
    if len(gold) < len(base.gold):
        notes.append(f"{name}: {len(base.gold) - len(gold)} pages have no HTML and are left out of the HTML methods")
    subset = base.subset or len(gold) < len(base.gold)
    return Pages(name, HTML, base.gold_path, gold, [by_id[r["id"]] for r in gold], subset)


# --- Timing ----------------------------------------------------------------------------


@dataclass
class Timing:
    """One method on one input: its outputs (first pass), the seconds of every pass, failures."""

    outputs: list[str] = field(default_factory=list)
    passes: list[float] = field(default_factory=list)
    failed_ids: list[str] = field(default_factory=list)
    first_error: str = ""

    @property
    def seconds(self) -> float:
        """The fastest pass."""
        return min(self.passes)


def _timed_call(fn: Extractor, page: str) -> tuple[str, float, Optional[BaseException]]:
    """``fn(page)`` (``""`` for None or a failure), the seconds it took, and its exception."""
    start = time.perf_counter()
    try:
        out = fn(page)
        error = None
    except Exception as exc:  # a peer failing on one page must not stop the run
        out, error = None, exc
    return out or "", time.perf_counter() - start, error


def time_jobs(jobs: dict[str, tuple[Extractor, Sequence[str]]], ids: Sequence[str],
              repeat: int) -> dict[str, Timing]:
    """Time every job (an extractor and its inputs, one per page) ``repeat`` times.

    After one warm-up page per job, each pass goes through the pages once and
    runs every job on the page before moving on, so a slow stretch of a busy
    machine falls on all methods alike; only the extraction calls are summed.
    A pass's outputs are kept from the first pass; the fastest pass counts.
    boilerstrip's per-process block cache is emptied before every pass, so a
    pass never profits from lines seen in an earlier pass (only from lines seen
    earlier in the same pass, as in one pass over a crawl).
    """
    timings = {label: Timing() for label in jobs}
    for fn, inputs in jobs.values():
        _timed_call(fn, inputs[0])
    for k in range(repeat):
        boilerstrip_cache.clear_cache()
        elapsed = dict.fromkeys(jobs, 0.0)
        for i, page_id in enumerate(ids):
            for label, (fn, inputs) in jobs.items():
                out, seconds, error = _timed_call(fn, inputs[i])
                elapsed[label] += seconds
                if k == 0:
                    _record(timings[label], page_id, out, error)
        for label, seconds in elapsed.items():
            timings[label].passes.append(seconds)
    return timings


def _record(timing: Timing, page_id: str, out: str, error: Optional[BaseException]) -> None:
    timing.outputs.append(out)
    if error is not None:
        timing.failed_ids.append(page_id)
        timing.first_error = timing.first_error or f"{type(error).__name__}: {error}"[:200]


def pin_to_one_cpu() -> Optional[int]:
    """Restrict this process (and the scorer it starts) to one CPU; its number, or None."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


# --- Scoring ---------------------------------------------------------------------------


def per_page_scores(scorer: ModuleType, gold: list[dict[str, Any]],
                    outputs: list[str]) -> tuple[list[float], list[dict[str, Any]]]:
    """Per-page F1 (and what is behind it) from score.py's own functions.

    Returns the aggregate F1 of each metric score.py found (to check against its
    command line) and one dict per page.
    """
    preds = {r["id"]: out for r, out in zip(gold, outputs)}
    pages: list[dict[str, Any]] = []
    aggregates: list[float] = []
    for metric, (result, per_doc) in scorer.score(gold, preds).items():
        aggregates.append(result["f1"])
        for d in per_doc:
            if metric == "aeb":
                page = {"id": d["id"], "f1": d["f1"], "precision": d["precision"], "recall": d["recall"]}
            else:
                counts = (d["tp"], d["fp"], d["fn"], d["tn"])
                page = {"id": d["id"], "f1": scorer.ww_aggregate([counts])["f1"],
                        "tp": d["tp"], "fp": d["fp"], "fn": d["fn"], "tn": d["tn"],
                        "missed": d["missed"], "leaked": d["leaked"]}
            pages.append(page)
    return aggregates, pages


def compact(page: dict[str, Any]) -> dict[str, Any]:
    """A per-page score for the JSON: F1 and counts, not the segment texts."""
    return {k: round(v, 4) if isinstance(v, float) else v
            for k, v in page.items() if k not in ("missed", "leaked")}


def score_outputs(score_py: pathlib.Path, pages: Pages, outputs: list[str]) -> dict[str, Any]:
    """score.py's summary for these outputs (run as evaluate.py runs it)."""
    preds = [{"id": r["id"], "text": out} for r, out in zip(pages.gold, outputs)]
    figures, _ = run_scorer(score_py, pages.gold_path, preds, gold_subset=pages.gold if pages.subset else None)
    return figures


def worst_pages(pages: Pages, per_page: list[dict[str, Any]], outputs: list[str], n: int) -> list[dict[str, Any]]:
    """The n pages with the lowest F1 (then most segment errors), with output and gold."""
    index = {r["id"]: i for i, r in enumerate(pages.gold)}
    ranked = sorted(per_page, key=lambda p: (p["f1"], -(p.get("fp", 0) + p.get("fn", 0)), p["id"]))
    chosen = []
    for page in ranked[:n]:
        record = pages.gold[index[page["id"]]]
        item = dict(page, url=record.get("url"), output=outputs[index[page["id"]]])
        if "gold_body" in record:
            item["gold"] = record["gold_body"]
        else:
            item["with"], item["without"] = record["with"], record["without"]
        chosen.append(item)
    return chosen


# --- One input form of one dataset -------------------------------------------------------


def timing_jobs(pages: Pages, extractors: dict[str, Extractor],
                reference: Optional[Pages]) -> tuple[list[str], dict[str, tuple[Extractor, Sequence[str]]], str]:
    """The methods that read this input form, the jobs to time, and the speed reference's label.

    On a text rendering boilerstrip is one of the methods and its own reference;
    on the page HTML the reference is boilerstrip on the ``reference`` rendering
    of the same pages, timed alongside but not scored again.
    """
    source = HTML if pages.form == HTML else "text"
    wanted = [m.name for m in METHODS if m.source == source and m.name in extractors]
    jobs: dict[str, tuple[Extractor, Sequence[str]]] = {name: (extractors[name], pages.inputs) for name in wanted}
    ref_label = REFERENCE
    if source == HTML and reference is not None:
        ref_label = f"{REFERENCE} ({reference.form})"
        text_by_id = {r["id"]: text for r, text in zip(reference.gold, reference.inputs)}
        jobs[ref_label] = (build_boilerstrip(), [text_by_id[r["id"]] for r in pages.gold])
    return wanted, jobs, ref_label


def measure(pages: Pages, extractors: dict[str, Extractor], reference: Optional[Pages], score_py: pathlib.Path,
            scorer: ModuleType, repeat: int, worst: int) -> tuple[list[dict[str, Any]], Optional[dict[str, Any]]]:
    """Time and score every method that reads this input form.

    Returns one row per method, and boilerstrip's worst pages (text forms only).
    """
    wanted, jobs, ref_label = timing_jobs(pages, extractors, reference)
    if not wanted or not pages.gold:
        return [], None
    log(f"{pages.dataset} / {pages.form}: {len(pages.gold)} pages, {', '.join(jobs)}, {repeat} pass(es)")
    timings = time_jobs(jobs, [r["id"] for r in pages.gold], repeat)
    ref_rate = len(pages.gold) / timings[ref_label].seconds if ref_label in timings else None
    rows, worst_view = [], None
    for name in wanted:
        timing = timings[name]
        row = _row(pages, name, timing, score_outputs(score_py, pages, timing.outputs), ref_rate, ref_label)
        aggregates, per_page = per_page_scores(scorer, pages.gold, timing.outputs)
        _check_agreement(aggregates, row, pages)
        row["per_page"] = [compact(p) for p in per_page]
        rows.append(row)
        if name == REFERENCE and worst:
            worst_view = {"dataset": pages.dataset, "renderer": pages.form, "metric": row["metric"],
                          "pages": worst_pages(pages, per_page, timing.outputs, worst)}
    return rows, worst_view


def _row(pages: Pages, name: str, timing: Timing, figures: dict[str, Any],
         ref_rate: Optional[float], ref_label: str) -> dict[str, Any]:
    """One method's figures on one input form."""
    docs, seconds, size = len(pages.gold), timing.seconds, pages.input_bytes
    rate = docs / seconds if seconds else math.inf
    return {
        "method": name, "dataset": pages.dataset, "input": pages.form,
        "metric": figures.get("metric"),
        "precision": figures["precision"], "recall": figures["recall"], "f1": figures["f1"],
        "accuracy": figures["accuracy"],
        "docs": docs, "failures": len(timing.failed_ids), "failed_ids": timing.failed_ids,
        "first_error": timing.first_error,
        "input_bytes": size, "seconds": seconds, "pass_seconds": timing.passes,
        "docs_per_s": rate, "mb_per_s": size / 1e6 / seconds if seconds else math.inf,
        "ratio_to_boilerstrip": rate / ref_rate if ref_rate else None,
        "speed_reference": ref_label if ref_rate else None,
        "speed_reference_docs_per_s": ref_rate,
    }


def _failure_note(row: dict[str, Any]) -> str:
    """A note naming the pages a method failed on (scored as empty output)."""
    ids = ", ".join(row["failed_ids"][:5]) + (" ..." if row["failures"] > 5 else "")
    note = (f"{row['method']} failed on {row['failures']} page(s) of {row['dataset']}/{row['input']}, "
            f"scored as empty output: {ids} ({row['first_error']})")
    log(note)
    return note


def _check_agreement(aggregates: list[float], row: dict[str, Any], pages: Pages) -> None:
    """Warn if score.py as a module disagrees with score.py as a process (it should not)."""
    for f1 in aggregates:
        if abs(f1 - row["f1"]) > 1e-9:
            log(f"warning: {row['method']} on {pages.dataset}/{pages.form}: per-page scoring "
                f"gives F1 {f1:.4f}, score.py {row['f1']:.4f}")


# --- Output ----------------------------------------------------------------------------


def log(message: str) -> None:
    """Progress and notes go to stderr; stdout carries only the table."""
    print(message, file=sys.stderr, flush=True)


def _fmt_ratio(ratio: Optional[float]) -> str:
    if ratio is None:
        return "-"
    return f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3f}"


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """The figures as a markdown table."""
    head = ("| method | dataset | input | P | R | F1 | docs | s | docs/s | MB/s | ÷ boilerstrip |\n"
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    lines = [head]
    for r in rows:
        docs = f"{r['docs']}" + (f" ({r['failures']} failed)" if r["failures"] else "")
        lines.append(
            f"| {r['method']} | {r['dataset']} | {r['input']} | {r['precision']:.3f} | {r['recall']:.3f} "
            f"| {r['f1']:.3f} | {docs} | {r['seconds']:.2f} | {r['docs_per_s']:.1f} | {r['mb_per_s']:.2f} "
            f"| {_fmt_ratio(r['ratio_to_boilerstrip'])} |"
        )
    return "\n".join(lines)


def versions() -> dict[str, Optional[str]]:
    """Installed versions of boilerstrip and the peers (None when missing)."""
    found: dict[str, Optional[str]] = {}
    for dist in VERSIONED:
        try:
            found[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[dist] = None
    return found


def _names(value: str, known: Sequence[str], what: str) -> list[str]:
    """A comma-separated list of names, each one of *known*."""
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {what}(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    return names


def _method_list(value: str) -> list[str]:
    return _names(value, METHOD_NAMES, "method")


def _dataset_list(value: str) -> list[str]:
    return _names(value, list(DATASETS), "dataset")


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def parse_args(argv: Optional[list[str]]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir(),
                    help="dataset directory (default: $BOILERSTRIP_BENCHMARKS or ../shared/benchmarks)")
    ap.add_argument("--methods", type=_method_list, default=list(METHOD_NAMES),
                    help=f"comma-separated, from {','.join(METHOD_NAMES)} (default: all)")
    ap.add_argument("--datasets", type=_dataset_list, default=list(DATASETS),
                    help=f"comma-separated, from {','.join(DATASETS)} (default: all)")
    ap.add_argument("--limit", type=_positive, help="only the first N pages of each dataset")
    ap.add_argument("--repeat", type=_positive, default=1, help="timing passes; the fastest counts (default 1)")
    ap.add_argument("--worst", type=int, default=5, help="boilerstrip's N worst pages per input to keep (default 5)")
    ap.add_argument("--json", type=pathlib.Path, help="write every figure, per-page scores and worst pages here")
    return ap.parse_args(argv)


def main(argv: Optional[list[str]] = None) -> int:
    args = parse_args(argv)
    wall_start = time.perf_counter()
    for name in PEER_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    score_py = args.data / "score.py"
    if not score_py.exists():
        log(f"peers: no score.py under {args.data}; nothing to measure (use --data DIR)")
        return 1
    scorer = load_scorer(score_py)
    cpu = pin_to_one_cpu()
    extractors, notes = load_methods(args.methods)
    extractors.setdefault(REFERENCE, build_boilerstrip())  # always timed: the speed reference
    for note in notes:
        log(note)
    rows: list[dict[str, Any]] = []
    worst_views: list[dict[str, Any]] = []
    for name in args.datasets:
        folder = args.data / DATASETS[name]
        if not folder.is_dir():
            notes.append(f"{name}: no directory {folder}, skipped")
            log(notes[-1])
            continue
        forms, more_notes = load_dataset(folder, name, args.limit)
        notes += more_notes
        for note in more_notes:
            log(note)
        reference = next((p for p in forms if p.form == REFERENCE_RENDERER), None)
        for pages in forms:
            new_rows, worst_view = measure(pages, extractors, reference, score_py, scorer, args.repeat, args.worst)
            rows += new_rows
            notes += [_failure_note(r) for r in new_rows if r["failures"]]
            if worst_view:
                worst_views.append(worst_view)
    if not rows:
        log("peers: nothing measured")
        return 1
    wall = time.perf_counter() - wall_start
    print(markdown_table(rows))
    print(f"\nwall time {wall:.0f} s; speed pinned to CPU {cpu}; fastest of {args.repeat} pass(es); "
          f"ratio = docs/s ÷ boilerstrip's in the same passes")
    if args.json:
        _write_json(args, rows, worst_views, notes, cpu, wall)
    return 0


def _write_json(args: argparse.Namespace, rows: list[dict[str, Any]], worst_views: list[dict[str, Any]],
                notes: list[str], cpu: Optional[int], wall: float) -> None:
    import json

    meta = {
        "command": " ".join([pathlib.Path(sys.argv[0]).name] + sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"), "python": platform.python_version(),
        "platform": platform.platform(), "cpu_count": os.cpu_count(), "pinned_cpu": cpu,
        "data": str(args.data), "limit": args.limit, "repeat": args.repeat,
        "wall_seconds": wall, "versions": versions(), "notes": notes,
    }
    doc = {"meta": meta, "results": rows, "worst": worst_views}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {args.json}")


if __name__ == "__main__":
    sys.exit(main())
