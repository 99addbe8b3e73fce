"""The choice rule of the threshold sweep (``benchmarks/fit_limits.py``) on made-up figures,
and that a sweep run leaves the shipped thresholds as they were."""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import fit_limits  # noqa: E402

from boilerstrip.classify import text_classes  # noqa: E402


def test_a_gain_beyond_its_sigma_everywhere_moves():
    # mean +0.01; sigma of the mean sqrt(4 * 0.002**2) / 4 = 0.001
    assert fit_limits.choose({5: [(0.01, 0.002)] * 4}) == 5


def test_a_gain_within_sigma_does_not_move():
    # mean +0.001, sigma of the mean 0.005
    assert fit_limits.choose({5: [(0.001, 0.01)] * 4}) is None


def test_a_loss_beyond_sigma_on_one_source_vetoes_a_large_mean_gain():
    # mean (0.04 * 3 - 0.01) / 4 = 0.0275, but the last source loses 0.01 with sigma 0.002
    assert fit_limits.choose({5: [(0.04, 0.002)] * 3 + [(-0.01, 0.002)]}) is None


def test_the_best_qualifying_candidate_wins():
    options = {3: [(0.004, 0.001)] * 4, 9: [(0.008, 0.001)] * 4, 12: [(0.02, 0.001)] * 3 + [(-0.005, 0.001)]}
    assert fit_limits.choose(options) == 9


def test_candidates_scale_the_shipped_value_and_skip_it():
    fit_limits._SHIPPED.clear()
    words = text_classes.LIMITS.prose_min_words  # 10 when shipped
    assert fit_limits.candidates("classes.prose_min_words") == [round(words * 0.5), round(words * 1.5)]


def test_a_run_restores_the_shipped_values():
    field = "weights.short"
    before = text_classes.WEIGHTS.short
    fit_limits._SHIPPED.clear()
    fit_limits._SHIPPED[field] = before
    fit_limits._PAGES["toy"] = [{"id": "1", "raw_text": "Home\n\nA sentence of the story that runs long enough to count as prose here."}]
    try:
        source, config, texts = fit_limits._run(("toy", ((field, before * 3),)))
        assert (source, len(texts)) == ("toy", 1)
        assert text_classes.WEIGHTS.short == before
    finally:
        fit_limits._PAGES.pop("toy")
        fit_limits._SHIPPED.clear()
