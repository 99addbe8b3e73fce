"""The quality gate (``benchmarks/gate.py``) on small fake figures.

The comparison and update rules are tested as pure functions; the command line is
run in-process with the measurement replaced (``score_samples`` and ``run_dataset``
monkeypatched), so no dataset, scorer or boilerstrip run is needed.
"""

from __future__ import annotations

import json
import pathlib
import sys
import types

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import gate  # noqa: E402
from gate import Figures  # noqa: E402

AEB = "aeb-dev.html_text"
AEB_FILE = "aeb/aeb-dev.html_text.jsonl.gz"
DATASETS = gate.DATASET_NAMES[1:]


def floors_file(tmp_path: pathlib.Path, floors: dict[str, Figures]) -> pathlib.Path:
    """A floors file holding ``floors``."""
    path = tmp_path / "floors.json"
    path.write_text(gate.dump_floors(floors), encoding="utf-8")
    return path


@pytest.fixture
def fake(monkeypatch):
    """Replace the measurement: samples and datasets return the figures set here.

    ``fake.samples`` is the samples' figures, ``fake.datasets[name]`` a dataset's;
    ``fake.calls`` records the ``(path, score_py)`` each dataset run got.
    """
    state = types.SimpleNamespace(samples=Figures(35, 0.975, 0.995, 0.985), datasets={}, calls=[])

    def score_samples():
        s = state.samples
        return {"pages": s.pages, "precision": s.precision, "recall": s.recall, "f1": s.f1}

    def run_dataset(path, score_py, worst, ids=None):
        state.calls.append((path, score_py))
        f = state.datasets[path.name.removesuffix(".jsonl.gz")]
        return {"docs": f.pages, "precision": f.precision, "recall": f.recall, "f1": f.f1}

    monkeypatch.setattr(gate, "score_samples", score_samples)
    monkeypatch.setattr(gate, "run_dataset", run_dataset)
    return state


def data_dir_with(tmp_path: pathlib.Path, *files: str) -> pathlib.Path:
    """A dataset directory holding ``score.py`` and the given (empty) dataset files."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "score.py").write_text("# stand-in\n")
    for name in files:
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_bytes(b"")
    return data


# --- the floor rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, floor",
    [
        (0.9296047406294945, 0.927),  # rounded down, not to nearest (0.930)
        (0.975, 0.973),  # exactly on 3 decimals: no float fuzz pushes it to 0.974 - 0.002
        (0.9999999, 0.997),
        (1.0, 0.998),
        (0.001, 0.0),  # never negative
    ],
)
def test_floor_rounds_down_to_three_decimals_then_subtracts_the_tolerance(value, floor):
    assert gate.floor_for(value) == floor


def test_pin_keeps_the_page_count_and_floors_each_metric():
    assert gate.pin(Figures(88, 0.9317, 0.9275, 0.9296)) == Figures(88, 0.929, 0.925, 0.927)


# --- comparing ------------------------------------------------------------------------------


def test_a_figure_below_its_floor_fails_and_only_that_one():
    floors = {"samples": Figures(35, 0.90, 0.90, 0.90)}
    checks = gate.compare(floors, {"samples": Figures(35, 0.8999, 0.95, 0.95)})
    failed = [(c.dataset, c.figure) for c in checks if not c.ok]
    assert failed == [("samples", "precision")]


def test_a_figure_equal_to_its_floor_passes():
    floors = {"samples": Figures(35, 0.973, 0.992, 0.982)}
    checks = gate.compare(floors, {"samples": Figures(35, 0.973, 0.992, 0.982)})
    assert [c.figure for c in checks] == ["pages", "precision", "recall", "f1"]
    assert all(c.ok for c in checks)


@pytest.mark.parametrize("pages", [87, 89])
def test_a_different_page_count_fails(pages):
    floors = {AEB: Figures(88, 0.5, 0.5, 0.5)}
    checks = gate.compare(floors, {AEB: Figures(pages, 0.9, 0.9, 0.9)})
    assert [c.figure for c in checks if not c.ok] == ["pages"]


def test_a_measured_dataset_without_a_floor_fails():
    checks = gate.compare({}, {AEB: Figures(88, 0.9, 0.9, 0.9)})
    assert checks and not any(c.ok for c in checks)


def test_only_measured_datasets_are_compared():
    floors = {"samples": Figures(35, 0.9, 0.9, 0.9), AEB: Figures(88, 0.99, 0.99, 0.99)}
    checks = gate.compare(floors, {"samples": Figures(35, 0.95, 0.95, 0.95)})
    assert {c.dataset for c in checks} == {"samples"}


# --- updating -------------------------------------------------------------------------------


def test_update_raises_floors_and_keeps_unmeasured_datasets():
    old = {"samples": Figures(35, 0.90, 0.90, 0.90), AEB: Figures(88, 0.80, 0.80, 0.80)}
    new, changes = gate.update_floors(old, {"samples": Figures(35, 0.9751, 0.9945, 0.9847)})
    assert new["samples"] == Figures(35, 0.973, 0.992, 0.982)
    assert new[AEB] == old[AEB]
    assert {c.figure for c in changes} == {"precision", "recall", "f1"}
    assert gate.lowered(changes) == []


def test_update_reports_a_floor_it_would_lower():
    old = {"samples": Figures(35, 0.973, 0.992, 0.982)}
    _, changes = gate.update_floors(old, {"samples": Figures(35, 0.9751, 0.9900, 0.9847)})
    assert [(c.figure, c.old, c.new) for c in gate.lowered(changes)] == [("recall", 0.992, 0.988)]


def test_update_with_unchanged_figures_changes_nothing():
    old = {"samples": Figures(35, 0.973, 0.992, 0.982)}
    new, changes = gate.update_floors(old, {"samples": Figures(35, 0.9751, 0.9945, 0.9847)})
    assert new == old and changes == []


def test_a_new_page_count_is_a_change_but_not_a_lowered_floor():
    old = {AEB: Figures(88, 0.9, 0.9, 0.9)}
    new, changes = gate.update_floors(old, {AEB: Figures(80, 0.95, 0.95, 0.95)})
    assert new[AEB].pages == 80
    assert ("pages", 88, 80) in [(c.figure, c.old, c.new) for c in changes]
    assert gate.lowered(changes) == []


# --- the floors file ------------------------------------------------------------------------


def test_floors_file_round_trips(tmp_path):
    floors = {"samples": Figures(35, 0.973, 0.992, 0.982), AEB: Figures(88, 0.929, 0.925, 0.927)}
    assert gate.load_floors(floors_file(tmp_path, floors)) == floors


def test_the_committed_floors_file_pins_every_figure():
    floors = gate.load_floors(gate.DEFAULT_FLOORS)
    assert set(floors) == set(gate.DATASET_NAMES)
    comment = json.loads(gate.DEFAULT_FLOORS.read_text(encoding="utf-8"))["_comment"]
    assert "rounded DOWN to 3 decimals, minus 0.002" in comment


MALFORMED = {
    "not JSON": "{samples: 1}",
    "not an object": "[1, 2]",
    "unknown dataset": '{"aeb-dev.markdown": {"pages": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}}',
    "entry not an object": '{"samples": 0.9}',
    "missing f1": '{"samples": {"pages": 35, "precision": 0.9, "recall": 0.9}}',
    "misspelt key": '{"samples": {"pages": 35, "precision": 0.9, "recall": 0.9, "F1": 0.9}}',
    "unexpected key": '{"samples": {"pages": 35, "precision": 0.9, "recall": 0.9, "f1": 0.9, "acc": 0.1}}',
    "string figure": '{"samples": {"pages": 35, "precision": "0.9", "recall": 0.9, "f1": 0.9}}',
    "figure above 1": '{"samples": {"pages": 35, "precision": 97.5, "recall": 0.9, "f1": 0.9}}',
    "NaN figure": '{"samples": {"pages": 35, "precision": NaN, "recall": 0.9, "f1": 0.9}}',
    "fractional pages": '{"samples": {"pages": 35.5, "precision": 0.9, "recall": 0.9, "f1": 0.9}}',
    "boolean pages": '{"samples": {"pages": true, "precision": 0.9, "recall": 0.9, "f1": 0.9}}',
}


@pytest.mark.parametrize("text", MALFORMED.values(), ids=MALFORMED.keys())
@pytest.mark.parametrize("update", [False, True], ids=["check", "update"])
def test_a_malformed_floors_file_exits_2_with_one_line_before_measuring(tmp_path, fake, capsys, text, update):
    path = tmp_path / "floors.json"
    path.write_text(text, encoding="utf-8")
    argv = ["--floors", str(path), "--data", str(tmp_path / "none")] + (["--update"] if update else [])
    assert gate.main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("gate: malformed floors file") and err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == text


def test_a_missing_floors_file_exits_2_when_checking(tmp_path, fake, capsys):
    assert gate.main(["--floors", str(tmp_path / "absent.json"), "--data", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("gate: cannot read floors file")


# --- the command line -----------------------------------------------------------------------


def test_missing_datasets_are_skipped_with_a_line_each_and_samples_pass(tmp_path, fake, capsys):
    path = floors_file(tmp_path, {"samples": Figures(35, 0.973, 0.992, 0.982)})
    missing = tmp_path / "nonexistent"
    assert gate.main(["--floors", str(path), "--data", str(missing)]) == 0
    out = capsys.readouterr().out
    for name in DATASETS:
        assert f"skipped: {name} not found under {missing}\n" in out
    assert "samples f1" in out and "FAIL" not in out
    assert fake.calls == []


def test_samples_are_still_checked_when_datasets_are_missing(tmp_path, fake, capsys):
    path = floors_file(tmp_path, {"samples": Figures(35, 0.973, 0.992, 0.982)})
    fake.samples = Figures(35, 0.9751, 0.9900, 0.9847)
    assert gate.main(["--floors", str(path), "--data", str(tmp_path / "nonexistent")]) == 1
    out = capsys.readouterr().out
    assert [line.split()[:2] for line in out.splitlines() if line.endswith("FAIL")] == [["samples", "recall"]]
    assert out.count("skipped: ") == len(DATASETS)


def test_a_dataset_present_is_scored_with_its_score_py_and_checked(tmp_path, fake, capsys):
    data = data_dir_with(tmp_path, AEB_FILE)
    fake.datasets[AEB] = Figures(88, 0.93, 0.90, 0.92)
    floors = {"samples": Figures(35, 0.973, 0.992, 0.982), AEB: Figures(88, 0.929, 0.925, 0.927)}
    assert gate.main(["--floors", str(floors_file(tmp_path, floors)), "--data", str(data)]) == 1
    assert fake.calls == [(data / AEB_FILE, data / "score.py")]
    out = capsys.readouterr().out
    assert [line.split()[:2] for line in out.splitlines() if line.endswith("FAIL")] == [
        [AEB, "recall"],
        [AEB, "f1"],
    ]
    assert f"skipped: {AEB}" not in out and out.count("skipped: ") == len(DATASETS) - 1


def test_a_dataset_with_a_different_page_count_fails_the_gate(tmp_path, fake, capsys):
    data = data_dir_with(tmp_path, AEB_FILE)
    fake.datasets[AEB] = Figures(90, 0.95, 0.95, 0.95)
    floors = {"samples": Figures(35, 0.973, 0.992, 0.982), AEB: Figures(88, 0.929, 0.925, 0.927)}
    assert gate.main(["--floors", str(floors_file(tmp_path, floors)), "--data", str(data)]) == 1
    assert f"checks failed: {AEB} pages" in capsys.readouterr().out


def test_a_dataset_without_score_py_is_skipped(tmp_path, fake, capsys):
    data = data_dir_with(tmp_path, AEB_FILE)
    (data / "score.py").unlink()
    path = floors_file(tmp_path, {"samples": Figures(35, 0.973, 0.992, 0.982)})
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 0
    assert f"skipped: {AEB} (score.py not found under {data})" in capsys.readouterr().out
    assert fake.calls == []


def test_cli_update_raises_the_floors_in_the_file(tmp_path, fake, capsys):
    path = floors_file(tmp_path, {"samples": Figures(35, 0.900, 0.900, 0.900)})
    assert gate.main(["--floors", str(path), "--data", str(tmp_path / "none"), "--update"]) == 0
    assert gate.load_floors(path) == {"samples": Figures(35, 0.973, 0.993, 0.983)}
    assert "reminder" not in capsys.readouterr().out


def test_cli_update_refuses_to_lower_without_allow_lower(tmp_path, fake, capsys):
    path = floors_file(tmp_path, {"samples": Figures(35, 0.973, 0.992, 0.982)})
    before = path.read_text(encoding="utf-8")
    fake.samples = Figures(35, 0.9751, 0.9900, 0.9847)
    assert gate.main(["--floors", str(path), "--data", str(tmp_path / "none"), "--update"]) == 1
    assert path.read_text(encoding="utf-8") == before
    out = capsys.readouterr().out
    assert "refusing to lower 1 floor(s)" in out and "samples recall: 0.992 -> 0.988" in out


def test_cli_update_lowers_with_allow_lower_and_asks_for_a_changelog_reason(tmp_path, fake, capsys):
    path = floors_file(tmp_path, {"samples": Figures(35, 0.973, 0.992, 0.982)})
    fake.samples = Figures(35, 0.9751, 0.9900, 0.9847)
    argv = ["--floors", str(path), "--data", str(tmp_path / "none"), "--update", "--allow-lower"]
    assert gate.main(argv) == 0
    assert gate.load_floors(path)["samples"].recall == 0.988
    assert "reminder: lowering a floor needs a written reason in CHANGELOG.md" in capsys.readouterr().out


def test_allow_lower_without_update_is_a_usage_error(tmp_path, fake):
    with pytest.raises(SystemExit) as exc:
        gate.main(["--floors", str(tmp_path / "f.json"), "--allow-lower"])
    assert exc.value.code == 2
