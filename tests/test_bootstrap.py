"""Per-page scoring and the bootstrap of ``benchmarks/scoring.py``.

The resampling is checked on two-page cases whose bootstrap distribution can be written
down by hand: drawing 2 pages with replacement from pages {x, y} gives {x, x}, {x, y} and
{y, y} with probabilities 1/4, 1/2, 1/4. The metric is trafilatura's with/without one
(counts summed over the drawn pages), computed by a stand-in with that documented
formula so these tests run without the shared benchmark directory. The real ``score.py``
is used where it exists (the in-process figures and sigma must equal its command line's).
"""

from __future__ import annotations

import gzip
import json
import math
import pathlib
import subprocess
import sys
import types

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import scoring  # noqa: E402
from _common import default_data_dir  # noqa: E402


def _ww_aggregate(counts):
    """Micro-averaged with/without figures, as score.py's README defines them."""
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    tn = sum(c[3] for c in counts)
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn),
    }


STAND_IN = types.SimpleNamespace(ww_aggregate=_ww_aggregate)


def pages(*counts):
    """PageScores of with/without pages with these (tp, fp, fn, tn) counts."""
    ids = tuple(f"p{i}" for i in range(len(counts)))
    return scoring.PageScores(STAND_IN, scoring.WITH_WITHOUT, ids, tuple(counts), (0.0,) * len(counts))


# One "with" segment per page: page 0 finds it, page 1 misses it; no "without" segments.
FOUND, MISSED = (1, 0, 0, 0), (0, 0, 1, 0)


def test_recall_sigma_of_two_pages_matches_the_hand_worked_bootstrap():
    # Resampled recall is 1 ({found, found}), 1/2 (one of each) or 0 with probabilities
    # 1/4, 1/2, 1/4: mean 1/2, variance 1/4*(1/2)^2 * 2 = 1/8, sigma = sqrt(1/8) = 0.3536.
    # 4000 resamples estimate it to about 0.3536 / sqrt(2 * 4000) = 0.004.
    sigma = scoring.bootstrap_sigma(pages(FOUND, MISSED), count=4000, seed=1)
    assert sigma["recall"] == pytest.approx(math.sqrt(1 / 8), abs=0.015)


def test_equal_pages_have_no_sigma():
    # Every resample draws two copies of the same counts: the figures never move.
    sigma = scoring.bootstrap_sigma(pages((2, 1, 1, 3), (2, 1, 1, 3), (2, 1, 1, 3)), count=50)
    assert sigma == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_one_page_or_one_resample_gives_zero_not_an_error():
    assert scoring.bootstrap_sigma(pages(FOUND), count=100)["recall"] == 0.0
    assert scoring.bootstrap_sigma(pages(FOUND, MISSED), count=1)["recall"] == 0.0


def test_the_same_seed_gives_the_same_sigma_and_another_seed_another():
    s = pages(FOUND, MISSED, (3, 1, 0, 2), (0, 2, 2, 0))
    assert scoring.bootstrap_sigma(s, 200, seed=5) == scoring.bootstrap_sigma(s, 200, seed=5)
    assert scoring.bootstrap_sigma(s, 200, seed=5) != scoring.bootstrap_sigma(s, 200, seed=6)


def test_resamples_draw_like_score_py():
    # score.py --bootstrap: random.Random(seed), then randint(0, n - 1) n times per resample.
    import random

    rng = random.Random(3)
    expected = [[rng.randint(0, 4) for _ in range(5)] for _ in range(2)]
    assert list(scoring.resamples(5, count=2, seed=3)) == expected


def test_paired_difference_of_a_one_page_fix_matches_the_hand_worked_bootstrap():
    # b finds the segment page 1 misses in a; per-page recall differences are 0 and 1, so
    # a resample's difference is 0, 1/2 or 1 (probabilities 1/4, 1/2, 1/4): sigma sqrt(1/8);
    # b is not better only when both draws are page 0 (1/4 of resamples).
    a, b = pages(FOUND, MISSED), pages(FOUND, FOUND)
    d = scoring.paired_bootstrap(a, b, count=4000, seed=2)["recall"]
    assert d.diff == 0.5
    assert d.sigma == pytest.approx(math.sqrt(1 / 8), abs=0.015)
    assert d.share_not_better == pytest.approx(0.25, abs=0.03)


def test_pairing_cancels_what_both_sets_share():
    # a finds 1 of page 0's 4 segments and 3 of page 1's 4; b finds one more on each page.
    # Alone, a's recall is 2/8, 4/8 or 6/8 by resample (sigma sqrt(1/32) = 0.18); the
    # difference does not move at all, because the same pages are drawn for both.
    a = pages((1, 0, 3, 0), (3, 0, 1, 0))
    b = pages((2, 0, 2, 0), (4, 0, 0, 0))
    alone = scoring.bootstrap_sigma(a, 500)["recall"]
    paired = scoring.paired_bootstrap(a, b, 500)["recall"]
    assert paired.diff == pytest.approx(6 / 8 - 4 / 8)
    # Every resample draws 2 pages of 4 segments each, and b finds exactly 2 more: 2/8 always.
    assert paired.sigma == pytest.approx(0.0, abs=1e-12) and alone > 0.1


def test_paired_bootstrap_refuses_different_pages():
    with pytest.raises(ValueError):
        scoring.paired_bootstrap(pages(FOUND, MISSED), pages(FOUND))


def test_subset_keeps_the_pages_it_accepts():
    s = pages(FOUND, MISSED, FOUND)
    kept = s.subset(lambda page_id: page_id != "p1")
    assert kept.ids == ("p0", "p2") and kept.figures()["recall"] == 1.0


# --- against the real score.py (needs the shared benchmark directory) -----------------------

SCORE_PY = default_data_dir() / "score.py"
needs_score_py = pytest.mark.skipif(not SCORE_PY.exists(), reason="score.py of the shared benchmarks not found")

# Toy pages written for these tests: an AEB-style gold text per page.
AEB_RECORDS = [
    {"id": "a", "gold_body": "The river rose two metres overnight and the old bridge closed at dawn."},
    {"id": "b", "gold_body": "Volunteers filled sandbags behind the school until the rain stopped."},
    {"id": "c", "gold_body": "Short gold"},
    {"id": "d", "gold_body": "Council members will meet on Friday to discuss repairs to the bridge."},
]
AEB_PREDS = {
    "a": "The river rose two metres overnight and the old bridge closed at dawn. Share this story",
    "b": "Volunteers filled sandbags behind the school",
    "c": None,
    "d": "Sign in to comment. Council members will meet on Friday to discuss repairs to the bridge.",
}
WW_RECORDS = [
    {"id": "x", "with": ["bread rises slowly", "in a cool room"], "without": ["Subscribe", "Cookie settings"]},
    {"id": "y", "with": ["knead for ten minutes"], "without": ["Related recipes"]},
    {"id": "z", "with": ["rest the dough"], "without": ["Log in"]},
]
WW_PREDS = {"x": "Good bread rises slowly\n in a cool room. Subscribe", "y": "knead   for ten minutes", "z": None}


def _subprocess_summary(tmp_path, records, preds, bootstrap=0):
    gold = tmp_path / "gold.jsonl.gz"
    with gzip.open(gold, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in preds.items()), encoding="utf-8")
    cmd = [sys.executable, str(SCORE_PY), str(gold), str(pred), "--json"]
    if bootstrap:
        cmd += ["--bootstrap", str(bootstrap)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@needs_score_py
@pytest.mark.parametrize("records, preds", [(AEB_RECORDS, AEB_PREDS), (WW_RECORDS, WW_PREDS)], ids=["aeb", "ww"])
def test_in_process_figures_and_sigma_equal_the_score_py_command_line(tmp_path, records, preds):
    scores = scoring.score_pages(scoring.load(SCORE_PY), records, preds)
    summary = _subprocess_summary(tmp_path, records, preds, bootstrap=300)
    mine = scores.figures()
    for k in ("precision", "recall", "f1", "accuracy"):
        assert mine[k] == summary[k]
    metric = summary["metrics"][summary["metric"]]
    assert scoring.bootstrap_sigma(scores, 300, seed=0) == {m: metric[f"{m}_std"] for m in scoring.METRICS}


@needs_score_py
def test_check_against_subprocess_reports_no_difference_on_the_same_predictions(tmp_path):
    gold = tmp_path / "gold.jsonl.gz"
    with gzip.open(gold, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in AEB_RECORDS)
    scores = scoring.score_pages(scoring.load(SCORE_PY), AEB_RECORDS, AEB_PREDS)
    assert scoring.check_against_subprocess(scores, SCORE_PY, gold, AEB_PREDS) == []
    worse = dict(AEB_PREDS, a=None)
    assert scoring.check_against_subprocess(scores, SCORE_PY, gold, worse) != []


def test_records_mixing_the_two_metrics_are_refused():
    with pytest.raises(ValueError):
        scoring.score_pages(STAND_IN, AEB_RECORDS[:1] + WW_RECORDS[:1], {})
