"""Quality gate: fail when a benchmark figure drops below its pinned floor.

    python benchmarks/gate.py                          # check samples + every dataset found
    python benchmarks/gate.py --data DIR               # datasets from DIR (default: $BOILERSTRIP_BENCHMARKS,
                                                       # else ../shared/benchmarks)
    python benchmarks/gate.py --floors FILE            # floors from FILE (default: benchmarks/floors.json)
    python benchmarks/gate.py --update                 # re-pin the floors at the current figures (raise only)
    python benchmarks/gate.py --update --allow-lower   # also lower floors (needs a reason in CHANGELOG.md)

The figures are those of ``evaluate.py``, computed by its own functions: precision,
recall and F1 of the kept body characters on ``samples/``, and of each shared dataset
scored by that dataset's ``score.py``. Each figure has a floor in ``floors.json``, and
each dataset the number of pages it had when the floors were pinned.

Floor rule: floor = the measured value rounded DOWN to 3 decimals, minus 0.002
(0.9296 -> 0.929 -> 0.927). boilerstrip and the scorers are deterministic, so an
unchanged program measures exactly the pinned figures and passes every time; the
0.002 tolerance only keeps a floor from sitting on the last digit of a figure.

A check fails when a figure is below its floor (equal passes), when a dataset has a
different number of pages than was pinned (a changed dataset must be re-pinned on
purpose, not silently compared), or when a measured dataset has no floor. Datasets
that are not found are skipped with one line each; samples are always checked.

``--update`` rewrites the floors of every measured dataset by the rule above and keeps
the entries of skipped datasets. Raising a floor is a normal part of a change; it
refuses to lower one unless ``--allow-lower`` is given, and then reminds you that the
CHANGELOG needs a written reason.

Exit codes: 0 every checked figure is at or above its floor (or the update was
written); 1 a check failed (or the update refused to lower a floor); 2 a usage error
or a malformed floors file (a one-line message on stderr).
"""

from __future__ import annotations

import argparse
import dataclasses
import decimal
import json
import pathlib
import sys
from collections.abc import Iterable
from typing import Any

from _common import ROOT, default_data_dir
from evaluate import DATASETS, run_dataset, score_samples

#: The metrics every dataset has a floor for, in table order.
METRICS = ("precision", "recall", "f1")

#: Name of the labelled-samples entry; the datasets are named as in evaluate.py's JSON.
SAMPLES = "samples"
#: HTML mode (``boilerstrip.html.strip_html`` on the page HTML), per dataset.
HTML_DATASETS = {"aeb-dev.html": "aeb/aeb-dev", "trafilatura-eval-dev.html": "trafilatura-eval/trafilatura-eval-dev"}
DATASET_NAMES = (SAMPLES,) + tuple(path.split("/")[-1] for path in DATASETS) + tuple(HTML_DATASETS)

DEFAULT_FLOORS = ROOT / "benchmarks" / "floors.json"

#: Floor rule: round down to this many decimals ...
FLOOR_DECIMALS = 3
#: ... then subtract this tolerance.
FLOOR_TOLERANCE = decimal.Decimal("0.002")

FLOORS_COMMENT = (
    "Quality floors checked by benchmarks/gate.py (CI fails when a figure drops below its floor). "
    "Rule: floor = measured value rounded DOWN to 3 decimals, minus 0.002; 'pages' = pages scored, "
    "which must match the dataset exactly. Raise floors with 'python benchmarks/gate.py --update'; "
    "lowering one needs --allow-lower and a written reason in CHANGELOG.md."
)


class FloorsError(ValueError):
    """The floors file cannot be read or does not have the expected shape."""


@dataclasses.dataclass(frozen=True)
class Figures:
    """The pages scored and the three quality figures of one dataset (measured or floors)."""

    pages: int
    precision: float
    recall: float
    f1: float

    def metric(self, name: str) -> float:
        """The value of one of :data:`METRICS`."""
        return float(getattr(self, name))


@dataclasses.dataclass(frozen=True)
class Check:
    """One line of the gate: a figure of one dataset against its floor.

    ``figure`` is ``"pages"`` (must be equal) or one of :data:`METRICS` (must be at
    least the floor). ``floor`` is None when the dataset has no floor pinned.
    """

    dataset: str
    figure: str
    floor: float | None
    measured: float

    @property
    def ok(self) -> bool:
        """True when the figure passes."""
        if self.floor is None:
            return False
        if self.figure == "pages":
            return self.measured == self.floor
        return self.measured >= self.floor


@dataclasses.dataclass(frozen=True)
class Change:
    """A pinned value that ``--update`` changes."""

    dataset: str
    figure: str
    old: float | None
    new: float


# --- the floor rule -------------------------------------------------------------------------


def floor_for(value: float) -> float:
    """The floor pinned for a measured ``value``: rounded down to 3 decimals, minus 0.002.

    Decimal arithmetic on the value's shortest repr, so 0.975 gives exactly 0.973.

    >>> floor_for(0.9296047406294945)
    0.927
    """
    rounded = decimal.Decimal(repr(value)).quantize(
        decimal.Decimal(1).scaleb(-FLOOR_DECIMALS), rounding=decimal.ROUND_FLOOR
    )
    return float(max(rounded - FLOOR_TOLERANCE, decimal.Decimal(0)))


def pin(measured: Figures) -> Figures:
    """The floors for one dataset's measured figures (the page count is kept as is)."""
    return Figures(measured.pages, *(floor_for(measured.metric(m)) for m in METRICS))


# --- comparing ------------------------------------------------------------------------------


def compare(floors: dict[str, Figures], measured: dict[str, Figures]) -> list[Check]:
    """Every check for the measured datasets, in :data:`DATASET_NAMES` order."""
    checks = []
    for name in _ordered(measured):
        floor = floors.get(name)
        fig = measured[name]
        checks.append(Check(name, "pages", None if floor is None else floor.pages, fig.pages))
        for m in METRICS:
            checks.append(Check(name, m, None if floor is None else floor.metric(m), fig.metric(m)))
    return checks


def _ordered(names: Iterable[str]) -> list[str]:
    """Known dataset names first in their fixed order, then any others sorted."""
    names = set(names)
    return [n for n in DATASET_NAMES if n in names] + sorted(names - set(DATASET_NAMES))


# --- updating -------------------------------------------------------------------------------


def update_floors(
    floors: dict[str, Figures], measured: dict[str, Figures]
) -> tuple[dict[str, Figures], list[Change]]:
    """New floors pinned at the measured figures, and every value that changes.

    Datasets that were not measured keep their old entries. Whether a lowered floor
    may be written is the caller's decision (see :func:`lowered`).
    """
    new = dict(floors)
    changes = []
    for name in _ordered(measured):
        pinned = pin(measured[name])
        old = floors.get(name)
        for figure in ("pages",) + METRICS:
            before = None if old is None else _value(old, figure)
            after = _value(pinned, figure)
            if before != after:
                changes.append(Change(name, figure, before, after))
        new[name] = pinned
    return new, changes


def lowered(changes: Iterable[Change]) -> list[Change]:
    """The changes that lower an existing floor (page counts are not floors)."""
    return [c for c in changes if c.figure != "pages" and c.old is not None and c.new < c.old]


def _value(fig: Figures, figure: str) -> float:
    return float(fig.pages) if figure == "pages" else fig.metric(figure)


# --- the floors file ------------------------------------------------------------------------


def parse_floors(data: Any) -> dict[str, Figures]:
    """Floors from the decoded JSON of a floors file.

    Keys starting with ``_`` are comments. Every other key must be a known dataset
    name whose value is ``{"pages": int, "precision": x, "recall": x, "f1": x}`` with
    each x a number in [0, 1]. Raises :class:`FloorsError` naming the first problem.
    """
    if not isinstance(data, dict):
        raise FloorsError("expected a JSON object of datasets")
    floors = {}
    for name, entry in data.items():
        if name.startswith("_"):
            continue
        if name not in DATASET_NAMES:
            raise FloorsError(f"unknown dataset {name!r} (known: {', '.join(DATASET_NAMES)})")
        floors[name] = _parse_entry(name, entry)
    return floors


def _parse_entry(name: str, entry: Any) -> Figures:
    expected = {"pages", *METRICS}
    if not isinstance(entry, dict):
        raise FloorsError(f"{name!r} is not an object")
    if set(entry) != expected:
        problems = [f"missing {k!r}" for k in sorted(expected - set(entry))]
        problems += [f"unexpected {k!r}" for k in sorted(set(entry) - expected)]
        raise FloorsError(f"{name!r} must have exactly pages, precision, recall, f1 ({', '.join(problems)})")
    pages = entry["pages"]
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 0:
        raise FloorsError(f"{name!r}: pages must be a non-negative integer, not {pages!r}")
    for m in METRICS:
        v = entry[m]
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.0 <= v <= 1.0:
            raise FloorsError(f"{name!r}: {m} must be a number between 0 and 1, not {v!r}")
    return Figures(pages, *(float(entry[m]) for m in METRICS))


def load_floors(path: pathlib.Path) -> dict[str, Figures]:
    """The floors in ``path``; :class:`FloorsError` when it is unreadable or malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = getattr(e, "strerror", None) or e
        raise FloorsError(f"cannot read floors file {path}: {reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise FloorsError(f"malformed floors file {path}: not JSON ({e})") from None
    try:
        return parse_floors(data)
    except FloorsError as e:
        raise FloorsError(f"malformed floors file {path}: {e}") from None


def dump_floors(floors: dict[str, Figures]) -> str:
    """The text of a floors file: the rule as ``_comment``, then the datasets in order."""
    data: dict[str, Any] = {"_comment": FLOORS_COMMENT}
    for name in _ordered(floors):
        data[name] = dataclasses.asdict(floors[name])
    return json.dumps(data, indent=2) + "\n"


# --- measuring (runs boilerstrip and the scorers) -------------------------------------------


def measure(data_dir: pathlib.Path) -> tuple[dict[str, Figures], list[str]]:
    """The figures of the samples and of every dataset found, and one line per skipped dataset."""
    s = score_samples()
    measured = {SAMPLES: Figures(s["pages"], s["precision"], s["recall"], s["f1"])}
    skipped = []
    score_py = data_dir / "score.py"
    for path_name in DATASETS:
        name = path_name.split("/")[-1]
        path = data_dir / f"{path_name}.jsonl.gz"
        if not path.exists():
            skipped.append(f"skipped: {name} not found under {data_dir}")
        elif not score_py.exists():
            skipped.append(f"skipped: {name} (score.py not found under {data_dir})")
        else:
            fig = run_dataset(path, score_py, 0)
            measured[name] = Figures(fig["docs"], fig["precision"], fig["recall"], fig["f1"])
    for name, stem in HTML_DATASETS.items():
        path = data_dir / f"{stem}.html.jsonl.gz"
        if not path.exists() or not score_py.exists():
            skipped.append(f"skipped: {name} not found under {data_dir}")
        elif not _html_extra():
            skipped.append(f"skipped: {name} (HTML mode needs the html extra: pip install '.[html]')")
        else:
            import html_eval

            fig = html_eval.run_dataset(data_dir, stem, peer=False, worst=0)["boilerstrip"]
            measured[name] = Figures(fig["docs"], fig["precision"], fig["recall"], fig["f1"])
    return measured, skipped


def _html_extra() -> bool:
    try:
        import bs4  # noqa: F401
        import lxml  # noqa: F401
    except ImportError:
        return False
    return True


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


def _describe(change: Change) -> str:
    digits = 0 if change.figure == "pages" else 3
    old = "none" if change.old is None else f"{change.old:.{digits}f}"
    return f"  {change.dataset} {change.figure}: {old} -> {change.new:.{digits}f}"


# --- command line ---------------------------------------------------------------------------


def run_update(
    path: pathlib.Path, floors: dict[str, Figures], measured: dict[str, Figures], allow_lower: bool
) -> int:
    """Rewrite the floors file at the measured figures, unless that lowers a floor unasked."""
    new, changes = update_floors(floors, measured)
    down = lowered(changes)
    if down and not allow_lower:
        print(f"gate: refusing to lower {len(down)} floor(s) without --allow-lower; {path} not written:")
        print("\n".join(_describe(c) for c in down))
        return 1
    path.write_text(dump_floors(new), encoding="utf-8")
    print(f"gate: wrote {path} ({len(changes)} value(s) changed)")
    if changes:
        print("\n".join(_describe(c) for c in changes))
    if down:
        print("gate: reminder: lowering a floor needs a written reason in CHANGELOG.md")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the gate; returns the exit code (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=pathlib.Path, default=default_data_dir(), help="directory of the shared datasets"
    )
    ap.add_argument("--floors", type=pathlib.Path, default=DEFAULT_FLOORS, help="the floors file")
    ap.add_argument("--update", action="store_true", help="re-pin the floors at the current figures")
    ap.add_argument("--allow-lower", action="store_true", help="with --update: also lower floors")
    args = ap.parse_args(argv)
    if args.allow_lower and not args.update:
        ap.error("--allow-lower only makes sense with --update")

    try:
        floors = {} if args.update and not args.floors.exists() else load_floors(args.floors)
    except FloorsError as e:
        print(f"gate: {e}", file=sys.stderr)
        return 2

    measured, skipped = measure(args.data)
    checks = compare(floors, measured)
    print(format_table(checks))
    for line in skipped:
        print(line)
    if args.update:
        return run_update(args.floors, floors, measured, args.allow_lower)

    failed = [c for c in checks if not c.ok]
    if failed:
        names = ", ".join(f"{c.dataset} {c.figure}" for c in failed)
        print(f"gate: FAIL: {len(failed)} of {len(checks)} checks failed: {names}")
        return 1
    print(f"gate: OK: {len(checks)} checks at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
