"""Per-page scores with the benchmark's own scorer, in-process, and bootstrap errors on them.

``score.py`` (loaded as a module by :func:`_common.load_scorer`) computes, for each page,
the counts its metric sums or averages: normalised shingle ``(tp, fp, fn)`` for the AEB
metric, segment ``(tp, fp, fn, tn)`` for the with/without metric. :func:`score_pages`
keeps those per-page counts, and :meth:`PageScores.figures` aggregates them with the
scorer's own ``aeb_aggregate`` / ``ww_aggregate`` (and its accuracy rule), so the figures
are the ones ``score.py DATASET PRED --json`` prints, to the last digit
(:func:`check_against_subprocess` proves it on a file).

Error bars come from a bootstrap over pages: draw n pages with replacement, recompute
P/R/F1 the metric's way, repeat, and take the standard deviation. The draws are those of
``score.py --bootstrap`` (``random.Random(seed)``, ``randint(0, n - 1)`` n times per
resample), so with the same seed and count the sigma equals the scorer's own. A *paired*
bootstrap applies the same draws to two prediction sets on the same pages, which measures
the error of their difference (much smaller than either sigma when the two agree on most
pages).
"""

from __future__ import annotations

import dataclasses
import math
import pathlib
import random
import statistics
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any, Callable

from _common import load_scorer, run_scorer

#: The figures every report and floor uses, in table order.
METRICS = ("precision", "recall", "f1")
#: Default bootstrap resamples and seed (the seed of ``score.py --bootstrap``).
RESAMPLES = 1000
SEED = 0

AEB = "aeb"
WITH_WITHOUT = "with_without"


def metric_of(record: Mapping[str, Any]) -> str:
    """The metric ``score.py`` uses for a record: AEB when it has ``gold_body``."""
    if "gold_body" in record:
        return AEB
    if "with" in record:
        return WITH_WITHOUT
    raise ValueError(f"record {record.get('id')!r} has neither 'gold_body' nor 'with'/'without'")


@dataclasses.dataclass(frozen=True)
class PageScores:
    """The per-page counts of one prediction set on one dataset (one metric).

    ``counts[i]`` are page i's counts (AEB: normalised tp, fp, fn; with/without: tp, fp,
    fn, tn); ``exact[i]`` is 1.0 when page i's prediction has the gold's exact token
    sequence (the AEB accuracy; unused by with/without, whose accuracy is from counts).
    """

    scorer: ModuleType
    metric: str
    ids: tuple[str, ...]
    counts: tuple[tuple[float, ...], ...]
    exact: tuple[float, ...]

    def __len__(self) -> int:
        return len(self.ids)

    def __reduce__(self) -> tuple[Any, ...]:
        # A module does not pickle: worker processes send the scorer's path, reloaded once per process.
        return (_rebuild, (self.scorer.__file__, self.metric, self.ids, self.counts, self.exact))

    def figures(self, pages: Sequence[int] | None = None) -> dict[str, float]:
        """precision, recall, f1, accuracy of the pages at ``pages`` (default: all), score.py's way."""
        idx = range(len(self.ids)) if pages is None else pages
        counts = [self.counts[i] for i in idx]
        if self.metric == AEB:
            out: dict[str, float] = dict(self.scorer.aeb_aggregate(counts))
            accs = [self.exact[i] for i in idx]
            out["accuracy"] = statistics.mean(accs) if accs else 0.0
            return out
        return {k: float(v) for k, v in self.scorer.ww_aggregate(counts).items()}

    def subset(self, keep: Callable[[str], bool]) -> PageScores:
        """The pages whose id ``keep`` accepts (e.g. one WCEB page type)."""
        idx = [i for i, page_id in enumerate(self.ids) if keep(page_id)]
        return dataclasses.replace(
            self,
            ids=tuple(self.ids[i] for i in idx),
            counts=tuple(self.counts[i] for i in idx),
            exact=tuple(self.exact[i] for i in idx),
        )


_LOADED: dict[str, ModuleType] = {}


def load(score_py: pathlib.Path) -> ModuleType:
    """``score.py`` loaded as a module, once per process and path."""
    key = str(pathlib.Path(score_py).resolve())
    if key not in _LOADED:
        _LOADED[key] = load_scorer(pathlib.Path(key))
    return _LOADED[key]


def _rebuild(
    score_py: str, metric: str, ids: tuple[str, ...], counts: tuple[tuple[float, ...], ...], exact: tuple[float, ...]
) -> PageScores:
    return PageScores(load(pathlib.Path(score_py)), metric, ids, counts, exact)


def score_pages(
    scorer: ModuleType, records: Sequence[Mapping[str, Any]], preds: Mapping[str, str | None]
) -> PageScores:
    """Per-page counts of ``preds`` (id -> text or None) on ``records``.

    A page without a prediction counts as an empty extraction, as in ``score.py``. All
    records must use the same metric (true of every shared dataset file).
    """
    metrics = {metric_of(r) for r in records}
    if len(metrics) > 1:
        raise ValueError("records mix the AEB and with/without metrics; score them separately")
    metric = metrics.pop() if metrics else AEB
    counts: list[tuple[float, ...]] = []
    exact: list[float] = []
    for rec in records:
        pred = preds.get(rec["id"])
        if metric == AEB:
            counts.append(tuple(scorer.aeb_doc_counts(rec["gold_body"], pred)))
            exact.append(float(scorer.aeb_tokens(rec["gold_body"]) == scorer.aeb_tokens(pred)))
        else:
            counts.append(tuple(scorer.ww_doc_counts(rec, pred)))
            exact.append(0.0)
    return PageScores(scorer, metric, tuple(r["id"] for r in records), tuple(counts), tuple(exact))


# --- bootstrap ------------------------------------------------------------------------------


def resamples(n: int, count: int = RESAMPLES, seed: int = SEED) -> Iterable[list[int]]:
    """``count`` lists of n page indices drawn with replacement, as ``score.py --bootstrap`` draws them."""
    rng = random.Random(seed)
    for _ in range(count):
        yield [rng.randint(0, n - 1) for _ in range(n)]


def _stdev(values: Sequence[float]) -> float:
    return statistics.stdev(values) if len(values) > 1 else 0.0


def bootstrap_sigma(
    scores: PageScores, count: int = RESAMPLES, seed: int = SEED, metrics: Sequence[str] = METRICS
) -> dict[str, float]:
    """The bootstrap standard deviation of each of ``metrics`` (sample stdev over the resamples).

    Fewer than two pages, or fewer than two resamples, give 0.0.
    """
    if len(scores) < 2 or count < 2:
        return dict.fromkeys(metrics, 0.0)
    reps: dict[str, list[float]] = {m: [] for m in metrics}
    for idx in resamples(len(scores), count, seed):
        fig = scores.figures(idx)
        for m in metrics:
            reps[m].append(fig[m])
    return {m: _stdev(v) for m, v in reps.items()}


@dataclasses.dataclass(frozen=True)
class Difference:
    """``b - a`` for one figure, with its paired-bootstrap sigma.

    ``share_not_better`` is the fraction of resamples in which b did not beat a
    (difference <= 0): near 0 when b is reliably better, near 1 when reliably worse.
    """

    diff: float
    sigma: float
    share_not_better: float


def paired_bootstrap(
    a: PageScores, b: PageScores, count: int = RESAMPLES, seed: int = SEED, metrics: Sequence[str] = METRICS
) -> dict[str, Difference]:
    """The difference b - a of each figure, with the sigma of a bootstrap that draws the same pages for both.

    ``a`` and ``b`` must score the same pages in the same order (two prediction sets on
    one dataset); ValueError otherwise.
    """
    if a.ids != b.ids or a.metric != b.metric:
        raise ValueError("a paired bootstrap needs two scorings of the same pages with the same metric")
    fa, fb = a.figures(), b.figures()
    diffs: dict[str, list[float]] = {m: [] for m in metrics}
    if len(a) >= 2 and count >= 2:
        for idx in resamples(len(a), count, seed):
            ra, rb = a.figures(idx), b.figures(idx)
            for m in metrics:
                diffs[m].append(rb[m] - ra[m])
    out = {}
    for m in metrics:
        d = diffs[m]
        not_better = sum(1 for x in d if x <= 0) / len(d) if d else math.nan
        out[m] = Difference(fb[m] - fa[m], _stdev(d), not_better)
    return out


# --- proof against the scorer's command line ------------------------------------------------


def check_against_subprocess(
    scores: PageScores,
    score_py: pathlib.Path,
    gold_path: pathlib.Path,
    preds: Mapping[str, str | None],
    gold_subset: Iterable[Mapping[str, Any]] | None = None,
) -> list[str]:
    """Run ``score.py GOLD PRED --json`` and list every figure that differs from ``scores.figures()``.

    Compared with ``==`` (no tolerance): precision, recall, f1, accuracy. Empty list = identical.
    """
    summary, _ = run_scorer(
        score_py, gold_path, [{"id": i, "text": preds.get(i)} for i in scores.ids], gold_subset=gold_subset
    )
    mine = scores.figures()
    return [
        f"{k}: in-process {mine[k]!r} != score.py {summary.get(k)!r}"
        for k in ("precision", "recall", "f1", "accuracy")
        if mine[k] != summary.get(k)
    ]
