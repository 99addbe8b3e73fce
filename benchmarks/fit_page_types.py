"""Fit the page-type detector and write ``src/boilerstrip/data/page_types.json``.

    python benchmarks/fit_page_types.py                 # fit, validate, write the data file
    python benchmarks/fit_page_types.py --dry-run       # fit and validate only
    python benchmarks/fit_page_types.py --json out.json # also write every figure as JSON

Needs the ``fit`` extra (numpy, scikit-learn); the runtime reads the result with pure Python.

Data: WCEB is the only source whose pages carry a type (``page_type``); both of its
renderings (html_text and inscriptis) are used, so the detector sees both layouts. The
features of a page are :func:`boilerstrip.page_type_features.page_features` over its
first labels, exactly as the pipeline computes them.

Model: a multinomial logistic regression on standardised features, L2 penalty with
``C`` = :data:`C`, classes unweighted (weighting them by inverse frequency called a third
of the articles something else in the grouped cross-validation; the page-type prior of
WCEB, half articles, is the safer default). The file stores the scaler's mean and scale
and the weights, so the runtime needs no numpy.

Validation: a 5-fold cross-validation grouped by the page's host (GroupKFold: a site is
never in both the training and the test part; pages without a URL are a group each).
Printed: accuracy per type and the confusion matrix, with and without the threshold.

Pages under ``MIN_WORDS`` words are articles at run time without asking the model; they
are left out of the fit and counted as detected articles in the validation.

Threshold: a page is called something other than an article only when the winning
type's probability reaches ``min_probability``. It is the lowest value on a grid whose
cross-validated article recall (html_text) is at least :data:`MIN_ARTICLE_RECALL`: a
page the detector is unsure about stays an article, as every page was before.

Screen (speed): a second model over the screen features alone (the first
``len(SCREEN_NAMES)`` columns: the shapes of the first labels and the cue words, which
cost little at run time) is written as the file's ``"screen"``; a page whose article
probability under it reaches the screen's ``min_probability`` is an article without
the scan of its texts. That threshold is the lowest
on :data:`SCREEN_GRID` at which the screened detector's grouped-CV figures
(html_text) keep to :data:`SCREEN_MAX_LOSS` of accuracy, :data:`SCREEN_MAX_TYPE_LOSS`
of any type's recall, and :data:`MIN_ARTICLE_RECALL`. The confusion matrices of the
detector as it runs (screen, then full model) are printed after the full model's,
with the share of pages screened. (Compared once by hand: a binary article-or-not
screen let fewer pages through at the same accuracy, and a screen without the cue
words cost documentation pages most of all, their recall falling from 0.62 to 0.45
at the threshold the accuracy allowed.)

Held-out check: the four other sources (AEB, trafilatura eval, Dragnet, Readability)
hold articles only; the share of their pages detected as articles is printed.
Everything is seeded; the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any, Sequence
from urllib.parse import urlsplit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _common import ROOT, default_data_dir, read_jsonl  # noqa: E402

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from boilerstrip import Options, PageEvidence, Stripper  # noqa: E402
from boilerstrip.classify import first_labels  # noqa: E402
from boilerstrip.page_type_features import FEATURE_NAMES, SCREEN_NAMES, page_features  # noqa: E402
from boilerstrip.page_types import ARTICLE, MIN_WORDS, PAGE_TYPES  # noqa: E402

#: The L2 penalty's inverse strength: 0.1 gave a higher grouped-CV accuracy on html_text
#: than scikit-learn's default 1.0 (0.758 against 0.746, compared once by hand).
C = 0.1
FOLDS = 5
#: The lowest cross-validated article recall the threshold may leave (html_text).
MIN_ARTICLE_RECALL = 0.95
THRESHOLD_GRID = tuple(round(0.30 + 0.05 * k, 2) for k in range(13))  # 0.30 .. 0.90
#: The screen's threshold is the lowest article probability on this grid at which the
#: screened detector's cross-validated figures (html_text) keep to SCREEN_MAX_LOSS,
#: SCREEN_MAX_TYPE_LOSS and MIN_ARTICLE_RECALL.
SCREEN_GRID = tuple(round(0.50 + 0.01 * k, 2) for k in range(50))  # 0.50 .. 0.99
#: Chosen by hand: the accuracy the screen may cost, about three pages of WCEB's 1337,
#: for the time it saves (it spares the scan about half the pages). A page it calls an
#: article wrongly is one the detector would have called something else: it falls
#: back to the default, as every page did before the detector.
SCREEN_MAX_LOSS = 0.002
#: Chosen by hand: no type may lose more of its cross-validated recall (html_text) to
#: the screen.
SCREEN_MAX_TYPE_LOSS = 0.05
#: No screen threshold keeps the accuracy: the file then has no screen.
NO_SCREEN = 1.0
RENDERERS = ("html_text", "inscriptis")
OTHER_SOURCES = (
    "aeb/aeb-dev",
    "trafilatura-eval/trafilatura-eval-dev",
    "dragnet/dragnet-train",
    "readability/readability-dev",
)
OUT = ROOT / "src" / "boilerstrip" / "data" / "page_types.json"

_STRIPPER = Stripper()
_OPTIONS = Options()
_PLAIN = PageEvidence()


def features_of(text: str) -> list[float]:
    """The page features of one raw text, as the pipeline computes them."""
    page = _STRIPPER._page(text, _OPTIONS, _PLAIN)
    first_labels.apply(page)
    return page_features(page.texts, page.feats, page.labels)


def host(url: str, fallback: str) -> str:
    name = (urlsplit(url).hostname or "") if url else ""
    name = name[4:] if name.startswith("www.") else name
    return name or "no-url:" + fallback


def load_wceb(data: pathlib.Path, renderer: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    records = read_jsonl(data / "wceb" / f"wceb-dev.{renderer}.jsonl.gz")
    x = np.array([features_of(r["raw_text"]) for r in records])
    y = np.array([PAGE_TYPES.index(r["page_type"]) for r in records])
    groups = [host(r.get("url") or "", r["id"]) for r in records]
    return x, y, groups


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    """The model, fitted on the pages the runtime asks it about (``MIN_WORDS`` or more)."""
    keep = words(x) >= MIN_WORDS
    x, y = x[keep], y[keep]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit((x - mean) / scale, y)
    return mean, scale, clf


def words(x: np.ndarray) -> np.ndarray:
    """The words of each page (its ``log_words`` feature is ``log1p`` of them)."""
    return np.rint(np.expm1(x[:, FEATURE_NAMES.index("log_words")]))


def probabilities(model: tuple[np.ndarray, np.ndarray, LogisticRegression], x: np.ndarray) -> np.ndarray:
    """The model's probabilities; a page under ``MIN_WORDS`` is an article for certain, as at run time."""
    mean, scale, clf = model
    p = np.zeros((len(x), len(PAGE_TYPES)))
    p[:, clf.classes_] = clf.predict_proba((x - mean) / scale)
    short = words(x) < MIN_WORDS
    p[short] = 0.0
    p[short, PAGE_TYPES.index(ARTICLE)] = 1.0
    return p


def predict(p: np.ndarray, threshold: float) -> np.ndarray:
    """The argmax, or article where a non-article type's probability is below *threshold*."""
    best = p.argmax(axis=1)
    article = PAGE_TYPES.index(ARTICLE)
    unsure = (best != article) & (p.max(axis=1) < threshold)
    return np.where(unsure, article, best)


def confusion(y: np.ndarray, pred: np.ndarray) -> list[list[int]]:
    k = len(PAGE_TYPES)
    m = np.zeros((k, k), dtype=int)
    for t, q in zip(y, pred):
        m[t, q] += 1
    return m.tolist()


def print_confusion(title: str, m: Sequence[Sequence[int]]) -> None:
    short = [t[:5] for t in PAGE_TYPES]
    print(f"\n{title} (rows: gold, columns: detected)")
    print(f"{'':>14}" + "".join(f"{s:>7}" for s in short) + f"{'recall':>8}")
    for t, row in zip(PAGE_TYPES, m):
        recall = row[PAGE_TYPES.index(t)] / max(sum(row), 1)
        print(f"{t:>14}" + "".join(f"{v:>7}" for v in row) + f"{recall:>8.3f}")
    total = sum(sum(r) for r in m)
    correct = sum(m[i][i] for i in range(len(m)))
    print(f"{'accuracy':>14} {correct / total:.3f} ({correct}/{total})")


def cross_validate(
    xs: dict[str, np.ndarray], y: np.ndarray, groups: list[str], columns: int
) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities per renderer of a model on the first *columns*
    features; each fold trains on both renderings of its pages."""
    folds = GroupKFold(n_splits=FOLDS)
    out = {r: np.zeros((len(y), len(PAGE_TYPES))) for r in xs}
    for train, test in folds.split(xs[RENDERERS[0]], y, groups):
        x_train = np.vstack([xs[r][train, :columns] for r in RENDERERS])
        model = fit(x_train, np.concatenate([y[train]] * len(RENDERERS)))
        for r in RENDERERS:
            out[r][test] = probabilities(model, xs[r][test, :columns])
    return out


def choose_threshold(p: np.ndarray, y: np.ndarray) -> float:
    article = PAGE_TYPES.index(ARTICLE)
    for t in THRESHOLD_GRID:
        pred = predict(p, t)
        if (pred[y == article] == article).mean() >= MIN_ARTICLE_RECALL:
            return t
    return THRESHOLD_GRID[-1]


def screened(full: np.ndarray, threshold: float, screen: np.ndarray, screen_threshold: float) -> np.ndarray:
    """The detector's types: article where the screen's article probability reaches
    *screen_threshold*, else the full model's (with its *threshold*)."""
    return np.where(screen >= screen_threshold, PAGE_TYPES.index(ARTICLE), predict(full, threshold))


def recalls(y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    return np.array([(pred[y == k] == k).mean() for k in range(len(PAGE_TYPES))])


def choose_screen_threshold(full: np.ndarray, threshold: float, screen: np.ndarray, y: np.ndarray) -> float:
    article = PAGE_TYPES.index(ARTICLE)
    unscreened = predict(full, threshold)
    best, best_recalls = (unscreened == y).mean(), recalls(y, unscreened)
    for t in SCREEN_GRID:
        pred = screened(full, threshold, screen, t)
        if (
            (pred == y).mean() >= best - SCREEN_MAX_LOSS
            and (pred[y == article] == article).mean() >= MIN_ARTICLE_RECALL
            and (best_recalls - recalls(y, pred)).max() <= SCREEN_MAX_TYPE_LOSS
        ):
            return t
    return NO_SCREEN


def weights(model: tuple[np.ndarray, np.ndarray, LogisticRegression], names: Sequence[str], threshold: float) -> dict[str, Any]:
    """The JSON object of one fitted model (the runtime's :func:`boilerstrip.page_types.parse_model`)."""
    mean, scale, clf = model
    coef = np.zeros((len(PAGE_TYPES), len(names)))
    intercept = np.zeros(len(PAGE_TYPES))
    coef[clf.classes_] = clf.coef_
    intercept[clf.classes_] = clf.intercept_
    return {
        "features": list(names),
        "types": list(PAGE_TYPES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [[round(float(v), 5) for v in row] for row in coef],
        "intercept": [round(float(v), 5) for v in intercept],
        "min_probability": threshold,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory")
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument("--json", type=pathlib.Path, help="write every figure here")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    np.random.seed(0)

    xs: dict[str, np.ndarray] = {}
    y = np.array([])
    groups: list[str] = []
    for r in RENDERERS:
        xs[r], y, groups = load_wceb(data, r)
    print(f"WCEB: {len(y)} pages, {len(set(groups))} hosts, {len(FEATURE_NAMES)} features ({len(SCREEN_NAMES)} screened)")

    shape = len(SCREEN_NAMES)  # the screen's features come first
    cv = cross_validate(xs, y, groups, len(FEATURE_NAMES))
    cv_screen = {r: p[:, PAGE_TYPES.index(ARTICLE)] for r, p in cross_validate(xs, y, groups, shape).items()}
    threshold = choose_threshold(cv["html_text"], y)
    screen_threshold = choose_screen_threshold(cv["html_text"], threshold, cv_screen["html_text"], y)
    figures: dict[str, Any] = {"threshold": threshold, "screen_threshold": screen_threshold, "cv": {}}
    for r in RENDERERS:
        for label, pred in (
            ("full model, argmax", predict(cv[r], 0.0)),
            (f"full model, threshold {threshold}", predict(cv[r], threshold)),
            (f"the detector: screen {screen_threshold}, then threshold {threshold}",
             screened(cv[r], threshold, cv_screen[r], screen_threshold)),
        ):
            m = confusion(y, pred)
            print_confusion(f"grouped {FOLDS}-fold CV, {r}, {label}", m)
            figures["cv"][f"{r} {label}"] = m
        share = float((cv_screen[r] >= screen_threshold).mean())
        print(f"  pages the screen calls articles (not scanned): {share:.3f}")
        figures["cv"][f"{r} screened share"] = share

    x_all = np.vstack([xs[r] for r in RENDERERS])
    y_all = np.concatenate([y] * len(RENDERERS))
    model = fit(x_all, y_all)
    screen_model = fit(x_all[:, :shape], y_all)
    print("\nheld-out article sources: share detected as article (the detector; share screened)")
    figures["held_out"] = {}
    for stem in OTHER_SOURCES:
        for r in RENDERERS:
            path = data / f"{stem}.{r}.jsonl.gz"
            if not path.exists():
                continue
            records = read_jsonl(path)
            x = np.array([features_of(rec["raw_text"]) for rec in records])
            p_screen = probabilities(screen_model, x[:, :shape])[:, PAGE_TYPES.index(ARTICLE)]
            pred = screened(probabilities(model, x), threshold, p_screen, screen_threshold)
            counts = {t: int((pred == k).sum()) for k, t in enumerate(PAGE_TYPES) if (pred == k).any()}
            share = counts.get(ARTICLE, 0) / len(records)
            screened_share = float((p_screen >= screen_threshold).mean())
            print(f"  {stem}.{r}: {share:.3f} of {len(records)}  {counts}  screened {screened_share:.3f}")
            figures["held_out"][f"{stem}.{r}"] = {"article_share": share, "counts": counts, "screened": screened_share}

    payload = {
        "note": "written by benchmarks/fit_page_types.py; refit with that script, never edit by hand",
        "fitted_on": "WCEB dev pages, html_text and inscriptis renderings",
        **weights(model, FEATURE_NAMES, threshold),
        "screen": weights(screen_model, SCREEN_NAMES, screen_threshold) if screen_threshold < NO_SCREEN else None,
    }
    if not args.dry_run:
        OUT.parent.mkdir(exist_ok=True)
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
