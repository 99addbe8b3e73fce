"""Run boilerstrip on the shared datasets and score every page in-process.

One *run* is one dataset (a source in one mode, see :mod:`sources`): every page goes
through :func:`boilerstrip.strip` (renderer modes, on ``raw_text``) or
:func:`boilerstrip.html.strip_html` (HTML mode, on ``html``), and the predictions are
scored page by page with the benchmark's ``score.py`` (:mod:`scoring`). A run's summary
holds P/R/F1 and accuracy exactly as ``score.py`` prints them, each with its bootstrap
sigma, the same per WCEB page type, and the throughput.

:func:`run_all` runs several datasets, in worker processes when ``jobs > 1`` (each
dataset is one job; the figures do not depend on the number of jobs).
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import gzip
import hashlib
import json
import multiprocessing
import pathlib
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Callable, Optional

import scoring
from _common import ROOT, read_jsonl
from sources import HTML, Dataset

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402
import boilerstrip.pipeline  # noqa: E402

#: Keeps the records whose id it accepts (e.g. one half of a dataset); None keeps all.
#: Must pickle (a module-level function or a :class:`Half`) when jobs run in workers.
IdFilter = Optional[Callable[[str], bool]]


@dataclasses.dataclass(frozen=True)
class Half:
    """The split of ``--half a|b``: by the first byte of the id's SHA-1 (even: a, odd: b)."""

    half: str

    def __call__(self, page_id: str) -> bool:
        return hashlib.sha1(page_id.encode()).digest()[0] % 2 == (0 if self.half == "a" else 1)


def iter_jsonl(path: pathlib.Path) -> Iterator[dict[str, Any]]:
    """The records of a gzip JSON Lines file one by one (lines split on ``"\\n"`` only)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


@dataclasses.dataclass(frozen=True)
class Run:
    """One dataset run: per-page scores, each page's type (WCEB only), time and failures.

    ``errors`` counts HTML pages on which ``strip_html`` raised (scored as empty, as
    ``html_eval.py`` does); text mode lets an exception propagate.
    """

    key: str
    scores: scoring.PageScores
    page_types: Mapping[str, str]
    seconds: float
    errors: int


def predict_text(
    records: Sequence[Mapping[str, Any]], options: boilerstrip.Options | None = None
) -> tuple[dict[str, str | None], float]:
    """``strip(raw_text).text`` of every record, and the seconds the calls took."""
    preds: dict[str, str | None] = {}
    start = time.perf_counter()
    for r in records:
        preds[r["id"]] = boilerstrip.strip(r["raw_text"], options=options).text
    return preds, time.perf_counter() - start


def predict_html(
    pages: Iterator[Mapping[str, Any]], keep: Callable[[str], bool], options: boilerstrip.Options | None = None
) -> tuple[dict[str, str | None], float, int]:
    """``strip_html(html).text`` of every page ``keep`` accepts; seconds in the calls; pages that raised."""
    from boilerstrip.html import strip_html

    preds: dict[str, str | None] = {}
    seconds = 0.0
    errors = 0
    boilerstrip.pipeline.clear_cache()
    for page in pages:
        if not keep(page["id"]):
            continue
        start = time.perf_counter()
        try:
            preds[page["id"]] = strip_html(page["html"], options=options).text
        except Exception as e:  # a crash scores as an empty extraction
            print(f"  {page['id']}: strip_html raised {type(e).__name__}: {e}", file=sys.stderr)
            preds[page["id"]] = None
            errors += 1
        seconds += time.perf_counter() - start
    return preds, seconds, errors


def run(
    dataset: Dataset,
    scorer: Any,
    options: boilerstrip.Options | None = None,
    keep: IdFilter = None,
    predict: Callable[[str], str | None] | None = None,
) -> tuple[Run, dict[str, str | None]]:
    """Run boilerstrip (or ``predict``, on ``raw_text``) on one dataset and score each page.

    Returns the run and the predictions (id -> text), e.g. for a check against the
    ``score.py`` command line.
    """
    accept: Callable[[str], bool] = keep or (lambda _id: True)
    gold = [r for r in read_jsonl(dataset.gold_path) if accept(r["id"])]
    errors = 0
    if predict is not None:
        if dataset.mode == HTML:
            raise ValueError("a custom predict step takes raw text, not HTML")
        start = time.perf_counter()
        preds = {r["id"]: predict(r["raw_text"]) for r in gold}
        seconds = time.perf_counter() - start
    elif dataset.mode == HTML:
        preds, seconds, errors = predict_html(iter_jsonl(dataset.path), accept, options)
    else:
        preds, seconds = predict_text(gold, options)
    scores = scoring.score_pages(scorer, gold, preds)
    types = {r["id"]: r["page_type"] for r in gold if "page_type" in r}
    return Run(dataset.key, scores, types, seconds, errors), preds


def _figures(scores: scoring.PageScores, resamples: int, seed: int) -> dict[str, Any]:
    fig: dict[str, Any] = {"pages": len(scores)}
    fig.update({k: v for k, v in scores.figures().items() if k in scoring.METRICS + ("accuracy",)})
    if resamples:
        fig["sigma"] = scoring.bootstrap_sigma(scores, resamples, seed)
    return fig


def summarise(result: Run, resamples: int = scoring.RESAMPLES, seed: int = scoring.SEED) -> dict[str, Any]:
    """The JSON summary of a run: pages, P/R/F1/accuracy, ``sigma`` (when resampled), time, page types.

    ``by_page_type`` (only when the pages have a type) holds the same figures for each type's
    pages, types in descending page count.
    """
    out = _figures(result.scores, resamples, seed)
    out["metric"] = result.scores.metric
    out["seconds"] = result.seconds
    out["docs_per_s"] = len(result.scores) / result.seconds if result.seconds else 0.0
    if result.errors:
        out["errors"] = result.errors
    if result.page_types:
        counts: dict[str, int] = {}
        for t in result.page_types.values():
            counts[t] = counts.get(t, 0) + 1
        order = sorted(counts, key=lambda t: (-counts[t], t))
        out["by_page_type"] = {
            t: _figures(result.scores.subset(lambda i, t=t: result.page_types.get(i) == t), resamples, seed)
            for t in order
        }
    return out


# --- several datasets -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Job:
    """One dataset to run and summarise (picklable, for worker processes)."""

    dataset: Dataset
    score_py: pathlib.Path
    options: boilerstrip.Options | None
    keep: IdFilter
    resamples: int
    seed: int
    verify: bool


def do_job(job: Job) -> tuple[dict[str, Any], Run]:
    """Run, summarise and (with ``verify``) check one dataset against the ``score.py`` command line.

    ``cpu_seconds`` in the summary is the job's CPU time without the verification.

    A verification mismatch is listed in the summary's ``verify`` entry (``[]`` = identical).
    """
    cpu = time.process_time()
    result, preds = run(job.dataset, scoring.load(job.score_py), job.options, job.keep)
    summary = summarise(result, job.resamples, job.seed)
    # CPU seconds of the whole job (read, strip, score, bootstrap): unlike the wall clock,
    # it does not grow when other processes share the cores.
    summary["cpu_seconds"] = time.process_time() - cpu
    if job.verify:
        subset = None
        if job.keep is not None:
            subset = [r for r in read_jsonl(job.dataset.gold_path) if job.keep(r["id"])]
        summary["verify"] = scoring.check_against_subprocess(
            result.scores, job.score_py, job.dataset.gold_path, preds, gold_subset=subset
        )
    return summary, result


def run_all(jobs: Sequence[Job], workers: int = 1) -> dict[str, tuple[dict[str, Any], Run]]:
    """Every job's summary and run, by dataset key, in the order of ``jobs``.

    With ``workers > 1`` the jobs run in that many forked processes, largest files first.
    """
    if workers <= 1 or len(jobs) <= 1:
        return {j.dataset.key: do_job(j) for j in jobs}
    by_size = sorted(jobs, key=lambda j: -j.dataset.path.stat().st_size)
    ctx = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures = {j.dataset.key: pool.submit(do_job, j) for j in by_size}
        return {j.dataset.key: futures[j.dataset.key].result() for j in jobs}
