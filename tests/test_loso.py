"""The leave-one-source-out harness (``benchmarks/loso.py``) with a toy fit that memorises pages.

The toy fit stores the gold answer of every training page under its raw text, and the toy
predict step answers from that memory only. A held-out source's pages were never seen, so
its LOSO predictions must all be empty while its dev predictions (fit on every source) are
the gold: any leak of the held-out source into the training records shows up at once.
"""

from __future__ import annotations

import gzip
import json
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import loso  # noqa: E402
import scoring  # noqa: E402
import sources  # noqa: E402
from _common import default_data_dir  # noqa: E402

SCORE_PY = default_data_dir() / "score.py"

# Toy pages written for these tests, two per source and renderer: (id, raw text, gold body).
TOPICS = {
    "aeb": ["harbour cranes were idle during the strike", "the ferry timetable changes in spring"],
    "trafilatura-eval": ["a recipe for rye bread with caraway", "how to store flour for a year"],
    "wceb": ["pricing plans for a small team", "frequently asked questions about refunds"],
}


def toy_records() -> dict[str, dict[str, list[dict[str, str]]]]:
    out: dict[str, dict[str, list[dict[str, str]]]] = {}
    for source, bodies in TOPICS.items():
        for renderer in sources.RENDERERS:
            recs = []
            for i, body in enumerate(bodies):
                raw = f"Menu\nHome\n{body} ({renderer})\nCopyright"
                recs.append({"id": f"{source}-{i}", "raw_text": raw, "gold_body": f"{body} ({renderer})",
                             "source": source, "renderer": renderer})
            out.setdefault(source, {})[renderer] = recs
    return out


class Memoriser:
    """fit: raw text -> gold of every training page; also records which sources each fit saw."""

    def __init__(self) -> None:
        self.seen: list[set[str]] = []

    def fit(self, records):
        self.seen.append({r["source"] for r in records})
        return {r["raw_text"]: r["gold_body"] for r in records}

    @staticmethod
    def predict(memory, raw_text):
        return memory.get(raw_text, "")


def test_each_fold_fits_on_every_source_but_the_held_out_one():
    m = Memoriser()
    loso.predictions(toy_records(), m.fit, m.predict, dev=True)
    everything = set(TOPICS)
    assert m.seen == [everything - {s} for s in TOPICS] + [everything]


def test_held_out_pages_get_only_what_was_learnt_without_them():
    m = Memoriser()
    records = toy_records()
    preds = loso.predictions(records, m.fit, m.predict, dev=True)
    assert set(preds) == {f"{s}.{r}" for s in TOPICS for r in sources.RENDERERS}
    for key, (held, seen) in preds.items():
        source, renderer = key.split(".")
        gold = {r["id"]: r["gold_body"] for r in records[source][renderer]}
        assert held == dict.fromkeys(gold, "")  # never seen: nothing memorised
        assert seen == gold  # fit on everything: memorised


def test_without_dev_the_fit_runs_once_per_source():
    m = Memoriser()
    preds = loso.predictions(toy_records(), m.fit, m.predict, dev=False)
    assert len(m.seen) == len(TOPICS) and all(seen is None for _, seen in preds.values())


def test_one_source_is_refused():
    m = Memoriser()
    with pytest.raises(ValueError):
        loso.predictions({"aeb": toy_records()["aeb"]}, m.fit, m.predict)


def test_resolve_names_a_module_function():
    assert loso.resolve("loso:fit_nothing") is loso.fit_nothing
    for bad in ("loso", "loso:", "loso:GATE_FIT"):
        with pytest.raises(ValueError):
            loso.resolve(bad)


@pytest.mark.skipif(not SCORE_PY.exists(), reason="score.py of the shared benchmarks not found")
def test_the_memorising_fit_scores_zero_held_out_and_perfect_on_dev_with_a_gap_of_one():
    m = Memoriser()
    outcomes = loso.run(toy_records(), m.fit, m.predict, scoring.load(SCORE_PY), dev=True)
    summary = loso.summarise(outcomes, resamples=50)
    for entry in summary.values():
        assert entry["pages"] == 2
        assert entry["loso"]["recall"] == 0.0 and entry["dev"]["f1"] == 1.0
        assert entry["gap"]["f1"]["diff"] == 1.0 and entry["gap"]["f1"]["sigma"] == 0.0
    assert "wceb.inscriptis" in loso.format_table(summary)


@pytest.mark.skipif(not SCORE_PY.exists(), reason="score.py of the shared benchmarks not found")
def test_the_command_line_reads_a_data_directory(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "score.py").write_bytes(SCORE_PY.read_bytes())
    for source, by_renderer in toy_records().items():
        for renderer, recs in by_renderer.items():
            path = sources.dataset(data, sources.select_sources([source])[0], renderer).path
            path.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(path, "wt", encoding="utf-8") as f:
                for r in recs:
                    f.write(json.dumps({k: r[k] for k in ("id", "raw_text", "gold_body")}) + "\n")
    out_json = tmp_path / "loso.json"
    argv = ["--data", str(data), "--sources", ",".join(TOPICS), "--resamples", "20", "--json", str(out_json)]
    assert loso.main(argv) == 0
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert doc["_meta"]["fit"] == "loso:fit_nothing"
    # The reference fit learns nothing: LOSO and dev are the same predictions, the gap is 0.
    for key in (f"{s}.{r}" for s in TOPICS for r in sources.RENDERERS):
        assert doc[key]["loso"] == doc[key]["dev"] and doc[key]["gap"]["f1"] == {"diff": 0.0, "sigma": 0.0}
    assert "held-out source.renderer" in capsys.readouterr().out
