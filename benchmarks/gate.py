"""Quality gate: fail when a benchmark figure drops below its pinned floor.

    python benchmarks/gate.py                          # samples + every source x renderer (+ HTML)
    python benchmarks/gate.py --jobs 2                 # datasets in 2 worker processes
    python benchmarks/gate.py --sources aeb,wceb       # only these sources (their files must be pinned)
    python benchmarks/gate.py --no-html                # text mode only, even with the html extra
    python benchmarks/gate.py --data DIR               # datasets from DIR (default: $BOILERSTRIP_BENCHMARKS,
                                                       # else ../shared/benchmarks)
    python benchmarks/gate.py --floors FILE            # floors from FILE (default: benchmarks/floors.json)
    python benchmarks/gate.py --update                 # re-pin floors and file hashes (raise only)
    python benchmarks/gate.py --update --allow-lower   # also lower floors (needs a reason in CHANGELOG.md)
    python benchmarks/gate.py --loso [--update]        # also the leave-one-source-out figures (loso.py)

The figures are ``evaluate.py``'s, computed by the same functions (:mod:`measure`):
precision, recall and F1 of the kept body characters on ``samples/``, and of each source in
each text renderer, and in HTML mode when the html extra is installed, scored page by page
with the benchmark's ``score.py``. The floors, the file hashes and the rule are in
``floors.json`` (format and rule: :mod:`floors`; floor = measured - max(sigma, 0.002),
rounded down to 3 decimals, sigma from a seeded bootstrap over pages).

Before anything is measured, every dataset file the selected checks read, and
``score.py``, must exist and have the SHA-256 pinned in ``floors.json``: a missing or
changed file fails with a message naming it (exit 3), since figures on other data say
nothing about the floors. When the benchmark directory does not exist at all, only the
samples are checked (one ``skipped:`` line says so).

A check fails when a figure is below its floor (equal passes), when a dataset has a
different number of pages than was pinned, or when a measured dataset has no floor. LOSO
floors (section ``loso``) are checked whenever any is pinned, or with ``--loso``.

``--update`` rewrites the floors of every measured dataset by the rule and pins the hashes
of the files they were measured on; entries of datasets not measured are kept. Raising a
floor is a normal part of a change; it refuses to lower one unless ``--allow-lower`` is
given, and then reminds you that the CHANGELOG needs a written reason.

Exit codes: 0 every checked figure is at or above its floor (or the update was written);
1 a check failed (or the update refused to lower a floor); 2 a usage error or a malformed
floors file (a one-line message on stderr); 3 a dataset file or score.py is missing,
changed or not pinned.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections.abc import Iterable

import floors as fl
import measure
import scoring
import sources
from _common import ROOT, default_data_dir
from evaluate import score_samples
from floors import Check, Figures, Floors, FloorsError, Measured

DEFAULT_FLOORS = ROOT / "benchmarks" / "floors.json"
SCORE_PY = "score.py"


# --- the pinned files -----------------------------------------------------------------------


def needed_files(data_dir: pathlib.Path, selected: Iterable[sources.Dataset]) -> list[pathlib.Path]:
    """``score.py`` and every file of the selected datasets, each once."""
    out = {data_dir / SCORE_PY: None}
    for d in selected:
        for f in d.files:
            out.setdefault(f)
    return list(out)


def file_problems(
    data_dir: pathlib.Path, files: Iterable[pathlib.Path], pinned: dict[str, str], updating: bool
) -> tuple[list[str], dict[str, str]]:
    """What is wrong with the files, and the hash of each one that exists (by relative name).

    Missing files are always a problem; a changed or unpinned hash is one unless ``updating``
    (which is how a changed dataset is re-pinned on purpose).
    """
    problems, hashes = [], {}
    for path in files:
        name = sources.relative_name(data_dir, path)
        want = pinned.get(name)
        if not path.exists():
            pin = f" (pinned sha256 {want[:12]}...)" if want else ""
            problems.append(f"{name} is missing under {data_dir}{pin}")
            continue
        hashes[name] = sources.sha256_file(path)
        if updating:
            continue
        if want is None:
            problems.append(f"{name} has no sha256 pinned in the floors file (pin it with --update)")
        elif hashes[name] != want:
            problems.append(f"{name} changed: sha256 {hashes[name][:12]}..., pinned {want[:12]}...")
    return problems, hashes


# --- measuring (runs boilerstrip and the scorer) --------------------------------------------


def html_extra() -> bool:
    """True when the HTML front end's dependencies (lxml, beautifulsoup4) import."""
    try:
        import bs4  # noqa: F401
        import lxml  # noqa: F401
    except ImportError:
        return False
    return True


def measure_datasets(
    selected: list[sources.Dataset], data_dir: pathlib.Path, jobs: int, resamples: int
) -> dict[str, Measured]:
    """Each selected dataset's figures (with sigma when ``resamples`` > 0)."""
    todo = [
        measure.Job(d, data_dir / SCORE_PY, None, None, resamples, scoring.SEED, False) for d in selected
    ]
    out = {}
    for key, (summary, _) in measure.run_all(todo, jobs).items():
        fig = Figures(summary["pages"], *(summary[m] for m in fl.METRICS))
        out[key] = Measured(fig, summary.get("sigma", {}))
    return out


def measure_samples() -> Measured:
    """The samples' figures (no sigma: the floor margin is the 0.002 minimum)."""
    s = score_samples()
    return Measured(Figures(s["pages"], s["precision"], s["recall"], s["f1"]))


# --- output ---------------------------------------------------------------------------------


def format_table(checks: list[Check]) -> str:
    """The checks as a table: figure, floor, measured, margin, OK/FAIL."""
    lines = [f"{'figure':<42} {'floor':>7} {'measured':>9} {'margin':>8}  result"]
    for c in checks:
        label = f"{c.dataset} {c.figure}"
        if c.figure == "pages":
            floor = "-" if c.floor is None else f"{c.floor:.0f}"
            measured = f"{c.measured:.0f}"
            margin = "-" if c.floor is None else f"{c.measured - c.floor:+.0f}"
        else:
            floor = "-" if c.floor is None else f"{c.floor:.3f}"
            measured = f"{c.measured:.4f}"
            margin = "-" if c.floor is None else f"{c.measured - c.floor:+.4f}"
        result = "OK" if c.ok else ("FAIL (no floor pinned)" if c.floor is None else "FAIL")
        lines.append(f"{label:<42} {floor:>7} {measured:>9} {margin:>8}  {result}")
    return "\n".join(lines)


def _describe(change: fl.Change) -> str:
    digits = 0 if change.figure == "pages" else 3
    old = "none" if change.old is None else f"{change.old:.{digits}f}"
    return f"  {change.dataset} {change.figure}: {old} -> {change.new:.{digits}f}"


# --- command line ---------------------------------------------------------------------------


def run_update(
    path: pathlib.Path,
    old: Floors,
    measured: dict[str, Measured],
    hashes: dict[str, str],
    loso: dict[str, Measured] | None,
    allow_lower: bool,
) -> int:
    """Rewrite the floors file at the measured figures, unless that lowers a floor unasked."""
    datasets, changes = fl.update_floors(old.datasets, measured)
    loso_floors, loso_changes = (old.loso, []) if loso is None else fl.update_loso(old.loso, loso)
    changes += loso_changes
    down = fl.lowered(changes)
    if down and not allow_lower:
        print(f"gate: refusing to lower {len(down)} floor(s) without --allow-lower; {path} not written:")
        print("\n".join(_describe(c) for c in down))
        return 1
    notes = dict(old.notes)
    for name, m in measured.items():
        notes[name] = {"measured": {k: m.figures.metric(k) for k in fl.METRICS}}
        if m.sigma:
            notes[name]["sigma"] = dict(m.sigma)
    rehashed = sorted(k for k, v in hashes.items() if old.files.get(k) != v)
    new = Floors(datasets, notes, {**old.files, **hashes}, loso_floors)
    path.write_text(fl.dump_floors(new), encoding="utf-8")
    print(f"gate: wrote {path} ({len(changes)} floor value(s) changed, {len(rehashed)} file hash(es) pinned anew)")
    if changes:
        print("\n".join(_describe(c) for c in changes))
    for name in rehashed:
        print(f"  {name}: sha256 {hashes[name][:12]}... (was {old.files[name][:12] + '...' if name in old.files else 'none'})")
    if down:
        print("gate: reminder: lowering a floor needs a written reason in CHANGELOG.md")
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir(), help="directory of the shared datasets")
    ap.add_argument("--floors", type=pathlib.Path, default=DEFAULT_FLOORS, help="the floors file")
    ap.add_argument("--sources", help=f"comma-separated sources (default: all of {', '.join(sources.SOURCE_NAMES)})")
    ap.add_argument("--no-html", action="store_true", help="skip HTML mode even when the html extra is installed")
    ap.add_argument("--jobs", type=int, default=1, help="datasets run in this many processes")
    ap.add_argument("--loso", action="store_true", help="also measure (and with --update pin) the LOSO figures")
    ap.add_argument("--update", action="store_true", help="re-pin the floors and hashes at the current figures")
    ap.add_argument("--allow-lower", action="store_true", help="with --update: also lower floors")
    ap.add_argument("--resamples", type=int, default=scoring.RESAMPLES, help="bootstrap resamples for --update")
    args = ap.parse_args(argv)
    if args.allow_lower and not args.update:
        ap.error("--allow-lower only makes sense with --update")
    try:
        args.source_names = None if args.sources is None else [s for s in args.sources.split(",") if s]
        sources.select_sources(args.source_names)
    except ValueError as e:
        ap.error(str(e))
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the gate; returns the exit code (see the module docstring)."""
    args = _parse(argv)
    try:
        old = Floors() if args.update and not args.floors.exists() else fl.load_floors(args.floors)
    except FloorsError as e:
        print(f"gate: {e}", file=sys.stderr)
        return 2

    skipped: list[str] = []
    selected: list[sources.Dataset] = []
    if not args.data.is_dir():
        skipped.append(f"skipped: benchmark directory {args.data} not found: checking the samples only")
    else:
        modes = list(sources.RENDERERS)
        if args.no_html:
            skipped.append("skipped: HTML mode (--no-html)")
        elif html_extra():
            modes.append(sources.HTML)
        else:
            skipped.append("skipped: HTML mode (needs the html extra: pip install '.[html]')")
        selected = sources.datasets(args.data, args.source_names, modes)
    run_loso = bool(selected) and (args.loso or bool(old.loso))
    if run_loso and args.source_names is not None:
        skipped.append("skipped: loso figures (held-out figures need every source; --sources was given)")
        run_loso = False
    reads = selected + (sources.datasets(args.data, None, sources.RENDERERS) if run_loso else [])
    problems, hashes = file_problems(args.data, needed_files(args.data, reads), old.files, args.update) if reads else ([], {})
    if problems:
        for p in problems:
            print(f"gate: DATA: {p}")
        print(
            f"gate: FAIL: {len(problems)} dataset file problem(s); figures on other data are not comparable "
            "with the floors: restore the files, select sources with --sources, or re-pin on purpose with --update"
        )
        return 3

    measured = {fl.SAMPLES: measure_samples()}
    measured.update(measure_datasets(selected, args.data, args.jobs, args.resamples if args.update else 0))
    loso_measured = None
    if run_loso:
        import loso

        loso_measured = loso.measure_reference(args.data, None, args.resamples if args.update else 0)
    checks = fl.compare(old.datasets, {k: m.figures for k, m in measured.items()})
    if loso_measured is not None:
        checks += fl.compare_loso(old.loso, {k: m.figures for k, m in loso_measured.items()})
    elif old.loso and not selected:
        skipped.append("skipped: loso floors (no benchmark directory)")
    print(format_table(checks))
    for line in skipped:
        print(line)
    if args.update:
        return run_update(
            args.floors, old, measured, hashes, loso_measured if args.loso else None, args.allow_lower
        )

    failed = [c for c in checks if not c.ok]
    if failed:
        names = ", ".join(f"{c.dataset} {c.figure}" for c in failed)
        print(f"gate: FAIL: {len(failed)} of {len(checks)} checks failed: {names}")
        return 1
    print(f"gate: OK: {len(checks)} checks at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
