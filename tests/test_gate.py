"""The quality gate (``benchmarks/gate.py``, ``benchmarks/floors.py``) on small fake figures.

The floor rule, comparison and update are tested as pure functions; the command line is
run in-process on a temporary dataset directory (files written here, so their hashes are
known) with the measurement replaced (``measure_samples``, ``measure_datasets`` and the
LOSO measurement monkeypatched), so no real dataset, scorer or boilerstrip run is needed.
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

import floors as fl  # noqa: E402
import gate  # noqa: E402
import sources  # noqa: E402
from floors import Figures, Floors, Measured  # noqa: E402

AEB = "aeb-dev.html_text"
AEB_FILE = "aeb/aeb-dev.html_text.jsonl.gz"
TEXT_KEYS = [f"{s.stem}.{r}" for s in sources.SOURCES for r in sources.RENDERERS]
SAMPLES_FLOOR = Figures(35, 0.973, 0.992, 0.982)


# --- the floor rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, sigma, floor",
    [
        (0.9585, 0.0069, 0.951),  # 0.9585 - 0.0069 = 0.9516, rounded down
        (0.9585, 0.0010, 0.956),  # sigma below the minimum: 0.9585 - 0.002 = 0.9565
        (0.9000, 0.0123, 0.887),  # 0.8877: down, not to nearest (0.888)
        (0.975, 0.0, 0.973),  # exact in decimal: no float fuzz pushes it to 0.972
        (0.975, 0.002, 0.973),  # sigma equal to the minimum
        (1.0, 0.0, 0.998),
        (0.3, 0.5, 0.0),  # never negative
    ],
)
def test_floor_is_measured_minus_the_larger_of_sigma_and_0_002_rounded_down(value, sigma, floor):
    assert fl.floor_for(value, sigma) == floor


def test_pin_uses_each_metric_s_own_sigma_and_keeps_the_page_count():
    m = Measured(Figures(44, 0.9089, 0.8804, 0.8944), {"precision": 0.0287, "recall": 0.0368, "f1": 0.0277})
    # 0.9089 - 0.0287 = 0.8802; 0.8804 - 0.0368 = 0.8436; 0.8944 - 0.0277 = 0.8667
    assert fl.pin(m) == Figures(44, 0.880, 0.843, 0.866)


def test_samples_without_sigma_get_the_minimum_margin():
    assert fl.pin(Measured(Figures(35, 0.9790, 0.9945, 0.9867))) == Figures(35, 0.977, 0.992, 0.984)


# --- comparing ------------------------------------------------------------------------------


def test_a_figure_below_its_floor_fails_and_only_that_one():
    checks = fl.compare({"samples": Figures(35, 0.90, 0.90, 0.90)}, {"samples": Figures(35, 0.8999, 0.95, 0.95)})
    assert [(c.dataset, c.figure) for c in checks if not c.ok] == [("samples", "precision")]


def test_a_figure_equal_to_its_floor_passes():
    checks = fl.compare({"samples": SAMPLES_FLOOR}, {"samples": SAMPLES_FLOOR})
    assert [c.figure for c in checks] == ["pages", "precision", "recall", "f1"]
    assert all(c.ok for c in checks)


@pytest.mark.parametrize("pages", [87, 89])
def test_a_different_page_count_fails(pages):
    checks = fl.compare({AEB: Figures(88, 0.5, 0.5, 0.5)}, {AEB: Figures(pages, 0.9, 0.9, 0.9)})
    assert [c.figure for c in checks if not c.ok] == ["pages"]


def test_a_measured_dataset_without_a_floor_fails():
    checks = fl.compare({}, {AEB: Figures(88, 0.9, 0.9, 0.9)})
    assert checks and not any(c.ok for c in checks)


def test_loso_checks_only_the_pinned_figures_and_a_missing_measurement_fails():
    floors = {"wceb.html_text": {"f1": 0.70}, "aeb.inscriptis": {"recall": 0.9}}
    measured = {"wceb.html_text": Figures(1337, 0.5, 0.5, 0.6999), "dragnet.html_text": Figures(1, 0, 0, 0)}
    checks = fl.compare_loso(floors, measured)
    assert [(c.dataset, c.figure, c.ok) for c in checks] == [
        ("loso aeb.inscriptis", "recall", False),  # pinned but not measured
        ("loso wceb.html_text", "f1", False),  # 0.6999 < 0.70
    ]


# --- updating -------------------------------------------------------------------------------


def test_update_raises_floors_and_keeps_unmeasured_datasets():
    old = {"samples": Figures(35, 0.90, 0.90, 0.90), AEB: Figures(88, 0.80, 0.80, 0.80)}
    new, changes = fl.update_floors(old, {"samples": Measured(Figures(35, 0.9751, 0.9945, 0.9847))})
    assert new["samples"] == Figures(35, 0.973, 0.992, 0.982)
    assert new[AEB] == old[AEB]
    assert {c.figure for c in changes} == {"precision", "recall", "f1"}
    assert fl.lowered(changes) == []


def test_update_reports_a_floor_a_larger_sigma_would_lower():
    old = {AEB: Figures(88, 0.951, 0.945, 0.951)}
    m = Measured(Figures(88, 0.9580, 0.9590, 0.9585), {"precision": 0.0059, "recall": 0.0129, "f1": 0.0169})
    _, changes = fl.update_floors(old, {AEB: m})
    assert [(c.figure, c.old, c.new) for c in fl.lowered(changes)] == [("f1", 0.951, 0.941)]


def test_update_loso_pins_every_metric():
    new, changes = fl.update_loso({}, {"wceb.html_text": Measured(Figures(9, 0.8, 0.7, 0.75), {"f1": 0.01})})
    assert new == {"wceb.html_text": {"precision": 0.798, "recall": 0.698, "f1": 0.74}}
    assert len(changes) == 3 and fl.lowered(changes) == []


# --- the floors file ------------------------------------------------------------------------


def test_floors_file_round_trips(tmp_path):
    floors = Floors(
        {"samples": SAMPLES_FLOOR, AEB: Figures(88, 0.951, 0.945, 0.951)},
        {AEB: {"measured": {"precision": 0.958, "recall": 0.959, "f1": 0.9585}, "sigma": {"precision": 0.006, "recall": 0.013, "f1": 0.007}}},
        {"score.py": "a" * 64, AEB_FILE: "b" * 64},
        {"wceb.html_text": {"f1": 0.7}},
    )
    path = tmp_path / "floors.json"
    path.write_text(fl.dump_floors(floors), encoding="utf-8")
    assert fl.load_floors(path) == floors


def test_the_committed_floors_file_pins_every_dataset_and_file():
    floors = fl.load_floors(gate.DEFAULT_FLOORS)
    assert set(floors.datasets) == set(fl.DATASET_NAMES)
    expected = {"score.py"} | {
        f"{s.name}/{s.stem}.{m}.jsonl.gz" for s in sources.SOURCES for m in sources.MODES
    }
    assert set(floors.files) == expected
    comment = json.loads(gate.DEFAULT_FLOORS.read_text(encoding="utf-8"))["_comment"]
    assert "measured - max(sigma, 0.002), rounded DOWN to 3 decimals" in comment
    for name, floor in floors.datasets.items():  # every floor follows the rule from its notes
        notes = floors.notes[name]
        assert fl.pin(Measured(Figures(floor.pages, *notes["measured"].values()), notes.get("sigma", {}))) == floor


def _entry(**kw):
    e = {"pages": 35, "precision": 0.9, "recall": 0.9, "f1": 0.9}
    e.update(kw)
    return e


MALFORMED = {
    "not JSON": "{datasets: 1}",
    "not an object": "[1, 2]",
    "unknown section": json.dumps({"floors": {}}),
    "unknown dataset": json.dumps({"datasets": {"aeb-dev.markdown": _entry()}}),
    "entry not an object": json.dumps({"datasets": {"samples": 0.9}}),
    "missing f1": json.dumps({"datasets": {"samples": {"pages": 35, "precision": 0.9, "recall": 0.9}}}),
    "unexpected key": json.dumps({"datasets": {"samples": _entry(acc=0.1)}}),
    "string figure": json.dumps({"datasets": {"samples": _entry(precision="0.9")}}),
    "figure above 1": json.dumps({"datasets": {"samples": _entry(precision=97.5)}}),
    "NaN figure": '{"datasets": {"samples": {"pages": 35, "precision": NaN, "recall": 0.9, "f1": 0.9}}}',
    "fractional pages": json.dumps({"datasets": {"samples": _entry(pages=35.5)}}),
    "sigma missing a metric": json.dumps({"datasets": {"samples": _entry(sigma={"f1": 0.01})}}),
    "short hash": json.dumps({"files": {"score.py": "abc"}}),
    "unknown loso key": json.dumps({"loso": {"wceb-dev.html_text": {"f1": 0.5}}}),
    "loso html": json.dumps({"loso": {"wceb.html": {"f1": 0.5}}}),
    "loso misspelt metric": json.dumps({"loso": {"wceb.html_text": {"F1": 0.5}}}),
    "loso empty entry": json.dumps({"loso": {"wceb.html_text": {}}}),
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
    assert fake.calls == []


def test_a_missing_floors_file_exits_2_when_checking(tmp_path, fake, capsys):
    assert gate.main(["--floors", str(tmp_path / "absent.json"), "--data", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("gate: cannot read floors file")


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def fake(monkeypatch):
    """Replace the measurement: ``fake.samples`` and ``fake.datasets[key]`` are returned.

    A dataset not in ``fake.datasets`` measures 0.95 on 10 pages with sigma 0.01;
    ``fake.calls`` lists the dataset keys of each measurement, ``fake.loso`` the LOSO figures.
    """
    state = types.SimpleNamespace(samples=Figures(35, 0.975, 0.995, 0.985), datasets={}, calls=[], loso={})

    def measure_datasets(selected, data_dir, jobs, resamples):
        state.calls.append([d.key for d in selected])
        sigma = {m: 0.01 for m in fl.METRICS} if resamples else {}
        return {d.key: Measured(state.datasets.get(d.key, Figures(10, 0.95, 0.95, 0.95)), sigma) for d in selected}

    def measure_reference(data_dir, source_names, resamples):
        state.calls.append(["loso"])
        return {k: Measured(v) for k, v in state.loso.items()}

    monkeypatch.setattr(gate, "measure_samples", lambda: Measured(state.samples))
    monkeypatch.setattr(gate, "measure_datasets", measure_datasets)
    monkeypatch.setattr(gate, "html_extra", lambda: False)
    import loso

    monkeypatch.setattr(loso, "measure_reference", measure_reference)
    return state


def make_data(tmp_path: pathlib.Path, source_names=None, modes=sources.RENDERERS) -> pathlib.Path:
    """A dataset directory: a stand-in score.py and one small file per selected dataset."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "score.py").write_text("# stand-in scorer\n")
    for d in sources.datasets(data, source_names, modes):
        d.path.parent.mkdir(parents=True, exist_ok=True)
        d.path.write_bytes(f"stand-in records of {d.key}\n".encode())
    return data


def pinned_floors(tmp_path, data, **datasets) -> pathlib.Path:
    """A floors file pinning every file now under ``data`` and the samples, plus ``datasets``."""
    files = {sources.relative_name(data, p): sources.sha256_file(p) for p in data.rglob("*") if p.is_file()}
    path = tmp_path / "floors.json"
    path.write_text(fl.dump_floors(Floors({"samples": SAMPLES_FLOOR, **datasets}, {}, files, {})), encoding="utf-8")
    return path


def test_without_the_benchmark_directory_only_the_samples_are_checked(tmp_path, fake, capsys):
    path = pinned_floors(tmp_path, make_data(tmp_path))
    missing = tmp_path / "nonexistent"
    assert gate.main(["--floors", str(path), "--data", str(missing)]) == 0
    out = capsys.readouterr().out
    assert f"skipped: benchmark directory {missing} not found: checking the samples only" in out
    assert "samples f1" in out and "FAIL" not in out
    assert fake.calls == [[]]


def test_samples_are_checked_without_the_benchmark_directory(tmp_path, fake, capsys):
    path = pinned_floors(tmp_path, make_data(tmp_path))
    fake.samples = Figures(35, 0.9751, 0.9900, 0.9847)
    assert gate.main(["--floors", str(path), "--data", str(tmp_path / "nonexistent")]) == 1
    out = capsys.readouterr().out
    assert [line.split()[:2] for line in out.splitlines() if line.endswith("FAIL")] == [["samples", "recall"]]


def test_every_source_and_renderer_is_measured_and_checked(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    floors = {k: Figures(10, 0.94, 0.94, 0.94) for k in TEXT_KEYS}
    fake.datasets["wceb-dev.inscriptis"] = Figures(10, 0.95, 0.9399, 0.95)
    assert gate.main(["--floors", str(pinned_floors(tmp_path, data, **floors)), "--data", str(data)]) == 1
    assert fake.calls == [TEXT_KEYS]
    out = capsys.readouterr().out
    assert "checks failed: wceb-dev.inscriptis recall\n" in out
    assert "skipped: HTML mode (needs the html extra" in out


def test_a_modified_dataset_copy_fails_before_anything_is_measured(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    path = pinned_floors(tmp_path, data, **{k: Figures(10, 0.9, 0.9, 0.9) for k in TEXT_KEYS})
    wceb = data / "wceb" / "wceb-dev.html_text.jsonl.gz"
    wceb.write_bytes(wceb.read_bytes() + b"one more record\n")
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 3
    out = capsys.readouterr().out
    assert "gate: DATA: wceb/wceb-dev.html_text.jsonl.gz changed: sha256 " in out
    assert "gate: FAIL: 1 dataset file problem(s)" in out
    assert fake.calls == []


def test_a_changed_scorer_fails_too(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    path = pinned_floors(tmp_path, data, **{k: Figures(10, 0.9, 0.9, 0.9) for k in TEXT_KEYS})
    (data / "score.py").write_text("# another scorer\n")
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 3
    assert "gate: DATA: score.py changed" in capsys.readouterr().out


def test_a_missing_dataset_file_fails_naming_it(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    path = pinned_floors(tmp_path, data, **{k: Figures(10, 0.9, 0.9, 0.9) for k in TEXT_KEYS})
    (data / "readability" / "readability-dev.inscriptis.jsonl.gz").unlink()
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 3
    out = capsys.readouterr().out
    assert f"gate: DATA: readability/readability-dev.inscriptis.jsonl.gz is missing under {data} (pinned sha256 " in out
    assert fake.calls == []


def test_a_dataset_file_without_a_pinned_hash_fails(tmp_path, fake, capsys):
    data = make_data(tmp_path, ["aeb", "dragnet"])
    path = pinned_floors(tmp_path, data)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["files"] = {k: v for k, v in doc["files"].items() if not k.startswith("dragnet/")}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert gate.main(["--floors", str(path), "--data", str(data), "--sources", "aeb,dragnet"]) == 3
    out = capsys.readouterr().out
    assert "gate: DATA: dragnet/dragnet-train.html_text.jsonl.gz has no sha256 pinned" in out
    assert "aeb/" not in out and fake.calls == []


def test_selected_sources_need_only_their_own_files(tmp_path, fake, capsys):
    data = make_data(tmp_path, ["aeb"])
    floors = {AEB: Figures(10, 0.9, 0.9, 0.9), "aeb-dev.inscriptis": Figures(10, 0.9, 0.9, 0.9)}
    assert gate.main(["--floors", str(pinned_floors(tmp_path, data, **floors)), "--data", str(data), "--sources", "aeb"]) == 0
    assert fake.calls == [[AEB, "aeb-dev.inscriptis"]]


def test_html_mode_is_measured_when_the_extra_is_installed(tmp_path, fake, monkeypatch, capsys):
    monkeypatch.setattr(gate, "html_extra", lambda: True)
    data = make_data(tmp_path, ["aeb"], sources.MODES)
    floors = {f"aeb-dev.{m}": Figures(10, 0.9, 0.9, 0.9) for m in sources.MODES}
    assert gate.main(["--floors", str(pinned_floors(tmp_path, data, **floors)), "--data", str(data), "--sources", "aeb"]) == 0
    assert fake.calls == [[AEB, "aeb-dev.inscriptis", "aeb-dev.html"]]
    assert gate.main(["--floors", str(tmp_path / "floors.json"), "--data", str(data), "--sources", "aeb", "--no-html"]) == 0
    assert fake.calls[-1] == [AEB, "aeb-dev.inscriptis"]


def test_update_pins_hashes_and_floors_by_the_sigma_rule_then_the_check_passes(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    path = tmp_path / "floors.json"
    assert gate.main(["--floors", str(path), "--data", str(data), "--update"]) == 0
    written = fl.load_floors(path)
    assert written.datasets["wceb-dev.html_text"] == Figures(10, 0.94, 0.94, 0.94)  # 0.95 - 0.01
    assert written.datasets["samples"] == Figures(35, 0.973, 0.993, 0.983)  # no sigma: 0.002
    assert written.notes["wceb-dev.html_text"]["sigma"] == {"precision": 0.01, "recall": 0.01, "f1": 0.01}
    assert written.files["score.py"] == sources.sha256_file(data / "score.py")
    assert len(written.files) == 1 + len(TEXT_KEYS)
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 0


def test_update_re_pins_a_changed_dataset_on_purpose(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    path = pinned_floors(tmp_path, data, **{k: Figures(10, 0.9, 0.9, 0.9) for k in TEXT_KEYS})
    (data / AEB_FILE).write_bytes(b"new version\n")
    assert gate.main(["--floors", str(path), "--data", str(data), "--update"]) == 0
    assert f"  {AEB_FILE}: sha256 " in capsys.readouterr().out
    assert fl.load_floors(path).files[AEB_FILE] == sources.sha256_file(data / AEB_FILE)
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 0


def test_cli_update_refuses_to_lower_without_allow_lower(tmp_path, fake, capsys):
    path = pinned_floors(tmp_path, make_data(tmp_path))
    before = path.read_text(encoding="utf-8")
    fake.samples = Figures(35, 0.9751, 0.9900, 0.9847)
    assert gate.main(["--floors", str(path), "--data", str(tmp_path / "none"), "--update"]) == 1
    assert path.read_text(encoding="utf-8") == before
    out = capsys.readouterr().out
    assert "refusing to lower 1 floor(s)" in out and "samples recall: 0.992 -> 0.988" in out


def test_cli_update_lowers_with_allow_lower_and_asks_for_a_changelog_reason(tmp_path, fake, capsys):
    path = pinned_floors(tmp_path, make_data(tmp_path))
    fake.samples = Figures(35, 0.9751, 0.9900, 0.9847)
    assert gate.main(["--floors", str(path), "--data", str(tmp_path / "none"), "--update", "--allow-lower"]) == 0
    assert fl.load_floors(path).datasets["samples"].recall == 0.988
    assert "reminder: lowering a floor needs a written reason in CHANGELOG.md" in capsys.readouterr().out


def test_pinned_loso_floors_are_checked(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    path = pinned_floors(tmp_path, data, **{k: Figures(10, 0.9, 0.9, 0.9) for k in TEXT_KEYS})
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["loso"] = {"wceb.html_text": {"f1": 0.70}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    fake.loso = {"wceb.html_text": Figures(1337, 0.8, 0.6, 0.69)}
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert "checks failed: loso wceb.html_text f1\n" in out and ["loso"] in fake.calls
    fake.loso = {"wceb.html_text": Figures(1337, 0.8, 0.6, 0.70)}
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 0


def test_loso_is_not_run_while_no_loso_floor_is_pinned(tmp_path, fake, capsys):
    data = make_data(tmp_path)
    path = pinned_floors(tmp_path, data, **{k: Figures(10, 0.9, 0.9, 0.9) for k in TEXT_KEYS})
    assert gate.main(["--floors", str(path), "--data", str(data)]) == 0
    assert ["loso"] not in fake.calls


def test_allow_lower_without_update_is_a_usage_error(tmp_path, fake):
    with pytest.raises(SystemExit) as exc:
        gate.main(["--floors", str(tmp_path / "f.json"), "--allow-lower"])
    assert exc.value.code == 2


def test_an_unknown_source_is_a_usage_error(tmp_path, fake):
    with pytest.raises(SystemExit) as exc:
        gate.main(["--floors", str(tmp_path / "f.json"), "--sources", "aeb,cnn"])
    assert exc.value.code == 2
