"""The floors file of the quality gate: its format, the floor rule, comparing and re-pinning.

``benchmarks/floors.json``::

    {
      "_comment": "the rule, in words",
      "files":    {"score.py": "<sha256>", "aeb/aeb-dev.html_text.jsonl.gz": "<sha256>", ...},
      "datasets": {
        "samples":           {"pages": 35, "precision": 0.977, "recall": 0.992, "f1": 0.984},
        "aeb-dev.html_text": {"pages": 88, "precision": 0.951, "recall": 0.945, "f1": 0.951,
                              "measured": {"precision": 0.958, ...}, "sigma": {"precision": 0.0059, ...}},
        ...
      },
      "loso": {"wceb.html_text": {"f1": 0.70}, ...}
    }

* ``files`` pins the SHA-256 of every dataset file and of ``score.py`` the figures came
  from: a figure measured on other data is not comparable, so the gate refuses to compare it.
* ``datasets`` holds the floors (``pages`` must match exactly; each metric must be at least
  its floor). ``measured`` and ``sigma`` record what the floor was made from (information
  for the reader, not checked).
* ``loso`` holds floors for leave-one-source-out figures (``<source>.<renderer>`` -> any of
  precision/recall/f1 -> floor), made by ``loso.py``; empty until a fitted model exists.

Floor rule: floor = measured - max(sigma, 0.002), rounded DOWN to 3 decimals (never below
0), where sigma is the figure's bootstrap standard deviation over pages. A dataset of 40
pages gets a wider margin than one of 1 300, in proportion to how much its figure would move
on another draw of pages of the same kind; the 0.002 minimum keeps a floor off the last
digit of a figure where the sigma is tiny. Samples have no sigma (margin 0.002).
"""

from __future__ import annotations

import dataclasses
import decimal
import json
import pathlib
from collections.abc import Iterable, Mapping
from typing import Any

from sources import MODES, RENDERERS, SOURCE_NAMES, SOURCES

#: The metrics every dataset has a floor for, in table order.
METRICS = ("precision", "recall", "f1")
#: Name of the labelled-samples entry.
SAMPLES = "samples"
#: Every dataset name, in table order: the samples, then each source in each mode.
DATASET_NAMES = (SAMPLES,) + tuple(f"{s.stem}.{m}" for s in SOURCES for m in MODES)
#: Every LOSO key: ``<source>.<renderer>``.
LOSO_NAMES = tuple(f"{s}.{r}" for s in SOURCE_NAMES for r in RENDERERS)

#: Floor rule: subtract max(sigma, this) ...
MIN_TOLERANCE = decimal.Decimal("0.002")
#: ... then round down to this many decimals.
FLOOR_DECIMALS = 3

COMMENT = (
    "Quality floors checked by benchmarks/gate.py (CI fails when a figure drops below its floor). "
    "Rule: floor = measured - max(sigma, 0.002), rounded DOWN to 3 decimals, where sigma is the "
    "figure's bootstrap standard deviation over pages (1000 resamples, seed 0; samples: no sigma). "
    "'pages' must match exactly; 'measured' and 'sigma' record what each floor was made from. "
    "'files' pins the sha256 of each dataset file and of score.py: a changed or missing file fails "
    "the gate until re-pinned on purpose. 'loso': leave-one-source-out floors, "
    "{'<source>.<renderer>': {'f1': floor}}, checked with loso.py's fit. "
    "Raise floors with 'python benchmarks/gate.py --update'; lowering one needs --allow-lower "
    "and a written reason in CHANGELOG.md."
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
class Measured:
    """A dataset's measured figures and their bootstrap sigmas (empty for the samples)."""

    figures: Figures
    sigma: Mapping[str, float] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Floors:
    """The whole floors file."""

    datasets: dict[str, Figures] = dataclasses.field(default_factory=dict)
    notes: dict[str, dict[str, dict[str, float]]] = dataclasses.field(default_factory=dict)
    files: dict[str, str] = dataclasses.field(default_factory=dict)
    loso: dict[str, dict[str, float]] = dataclasses.field(default_factory=dict)


# --- the floor rule -------------------------------------------------------------------------


def floor_for(value: float, sigma: float = 0.0) -> float:
    """The floor pinned for a measured ``value`` with bootstrap ``sigma``.

    ``value - max(sigma, 0.002)`` rounded down to 3 decimals, never below 0. Decimal
    arithmetic on the shortest reprs, so 0.975 with sigma 0.002 gives exactly 0.973.

    >>> floor_for(0.9585, 0.0069)
    0.951
    """
    margin = max(decimal.Decimal(repr(float(sigma))), MIN_TOLERANCE)
    floor = (decimal.Decimal(repr(float(value))) - margin).quantize(
        decimal.Decimal(1).scaleb(-FLOOR_DECIMALS), rounding=decimal.ROUND_FLOOR
    )
    return float(max(floor, decimal.Decimal(0)))


def pin(measured: Measured) -> Figures:
    """The floors for one dataset's measured figures (the page count is kept as is)."""
    fig = measured.figures
    return Figures(fig.pages, *(floor_for(fig.metric(m), measured.sigma.get(m, 0.0)) for m in METRICS))


# --- comparing ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Check:
    """One line of the gate: a figure of one dataset against its floor.

    ``figure`` is ``"pages"`` (must be equal) or a metric (must be at least the floor).
    ``floor`` is None when nothing is pinned for it.
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


def ordered(names: Iterable[str], known: Iterable[str] = DATASET_NAMES) -> list[str]:
    """Known names first in their fixed order, then any others sorted."""
    names = set(names)
    order = list(known)
    return [n for n in order if n in names] + sorted(names - set(order))


def compare(floors: Mapping[str, Figures], measured: Mapping[str, Figures]) -> list[Check]:
    """Every check for the measured datasets, in :data:`DATASET_NAMES` order."""
    checks = []
    for name in ordered(measured):
        floor = floors.get(name)
        fig = measured[name]
        checks.append(Check(name, "pages", None if floor is None else floor.pages, fig.pages))
        for m in METRICS:
            checks.append(Check(name, m, None if floor is None else floor.metric(m), fig.metric(m)))
    return checks


def compare_loso(floors: Mapping[str, Mapping[str, float]], measured: Mapping[str, Figures]) -> list[Check]:
    """One check per pinned LOSO figure; a pinned key that was not measured fails (measured 0)."""
    checks = []
    for key in ordered(floors, LOSO_NAMES):
        fig = measured.get(key)
        for m in METRICS:
            if m in floors[key]:
                value = fig.metric(m) if fig is not None else 0.0
                checks.append(Check(f"loso {key}", m, floors[key][m], value))
    return checks


# --- updating -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Change:
    """A pinned value that ``--update`` changes."""

    dataset: str
    figure: str
    old: float | None
    new: float


def update_floors(
    floors: Mapping[str, Figures], measured: Mapping[str, Measured]
) -> tuple[dict[str, Figures], list[Change]]:
    """New floors pinned at the measured figures, and every value that changes.

    Datasets that were not measured keep their old entries. Whether a lowered floor
    may be written is the caller's decision (see :func:`lowered`).
    """
    new = dict(floors)
    changes = []
    for name in ordered(measured):
        pinned = pin(measured[name])
        old = floors.get(name)
        for figure in ("pages",) + METRICS:
            before = None if old is None else _value(old, figure)
            after = _value(pinned, figure)
            if before != after:
                changes.append(Change(name, figure, before, after))
        new[name] = pinned
    return new, changes


def update_loso(
    floors: Mapping[str, Mapping[str, float]], measured: Mapping[str, Measured]
) -> tuple[dict[str, dict[str, float]], list[Change]]:
    """LOSO floors (every metric) pinned at the measured LOSO figures, and every value that changes."""
    new = {k: dict(v) for k, v in floors.items()}
    changes = []
    for key in ordered(measured, LOSO_NAMES):
        pinned = pin(measured[key])
        entry = new.setdefault(key, {})
        for m in METRICS:
            before, after = entry.get(m), pinned.metric(m)
            if before != after:
                changes.append(Change(f"loso {key}", m, before, after))
            entry[m] = after
    return new, changes


def lowered(changes: Iterable[Change]) -> list[Change]:
    """The changes that lower an existing floor (page counts are not floors)."""
    return [c for c in changes if c.figure != "pages" and c.old is not None and c.new < c.old]


def _value(fig: Figures, figure: str) -> float:
    return float(fig.pages) if figure == "pages" else fig.metric(figure)


# --- the file -------------------------------------------------------------------------------


def _number(where: str, v: Any) -> float:
    if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.0 <= v <= 1.0:
        raise FloorsError(f"{where} must be a number between 0 and 1, not {v!r}")
    return float(v)


def _metrics_map(where: str, v: Any, required: bool) -> dict[str, float]:
    if not isinstance(v, dict):
        raise FloorsError(f"{where} is not an object")
    unexpected = sorted(set(v) - set(METRICS))
    if unexpected or (required and set(v) != set(METRICS)) or not v:
        raise FloorsError(f"{where} must map {'all of ' if required else 'some of '}{', '.join(METRICS)} to numbers")
    return {m: _number(f"{where}: {m}", v[m]) for m in METRICS if m in v}


def _parse_entry(name: str, entry: Any) -> tuple[Figures, dict[str, dict[str, float]]]:
    required = {"pages", *METRICS}
    if not isinstance(entry, dict):
        raise FloorsError(f"{name!r} is not an object")
    if not required <= set(entry) or not set(entry) <= required | {"measured", "sigma"}:
        problems = [f"missing {k!r}" for k in sorted(required - set(entry))]
        problems += [f"unexpected {k!r}" for k in sorted(set(entry) - required - {"measured", "sigma"})]
        raise FloorsError(f"{name!r} must have pages, precision, recall, f1 ({', '.join(problems)})")
    pages = entry["pages"]
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 0:
        raise FloorsError(f"{name!r}: pages must be a non-negative integer, not {pages!r}")
    values = [_number(f"{name!r}: {m}", entry[m]) for m in METRICS]
    notes = {k: _metrics_map(f"{name!r}: {k}", entry[k], True) for k in ("measured", "sigma") if k in entry}
    return Figures(pages, *values), notes


def parse_floors(data: Any) -> Floors:
    """The floors in the decoded JSON of a floors file; :class:`FloorsError` names the first problem."""
    if not isinstance(data, dict):
        raise FloorsError("expected a JSON object")
    unknown = sorted(k for k in data if not k.startswith("_") and k not in ("files", "datasets", "loso"))
    if unknown:
        raise FloorsError(f"unknown section {unknown[0]!r} (known: files, datasets, loso)")
    out = Floors()
    datasets = data.get("datasets", {})
    if not isinstance(datasets, dict):
        raise FloorsError("'datasets' is not an object")
    for name, entry in datasets.items():
        if name not in DATASET_NAMES:
            raise FloorsError(f"unknown dataset {name!r} (known: {', '.join(DATASET_NAMES)})")
        out.datasets[name], notes = _parse_entry(name, entry)
        if notes:
            out.notes[name] = notes
    files = data.get("files", {})
    if not isinstance(files, dict) or not all(
        isinstance(v, str) and len(v) == 64 and all(c in "0123456789abcdef" for c in v) for v in files.values()
    ):
        raise FloorsError("'files' must map file names to 64-digit lower-case hex sha256 strings")
    out.files = dict(files)
    loso = data.get("loso", {})
    if not isinstance(loso, dict):
        raise FloorsError("'loso' is not an object")
    for key, entry in loso.items():
        if key not in LOSO_NAMES:
            raise FloorsError(f"unknown loso key {key!r} (expected <source>.<renderer>, e.g. {LOSO_NAMES[0]!r})")
        out.loso[key] = _metrics_map(f"loso {key!r}", entry, False)
    return out


def load_floors(path: pathlib.Path) -> Floors:
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


def dump_floors(floors: Floors) -> str:
    """The text of a floors file: the rule as ``_comment``, then files, datasets and loso in order."""
    datasets: dict[str, Any] = {}
    for name in ordered(floors.datasets):
        entry: dict[str, Any] = dataclasses.asdict(floors.datasets[name])
        entry.update(floors.notes.get(name, {}))
        datasets[name] = entry
    data = {
        "_comment": COMMENT,
        "files": dict(sorted(floors.files.items())),
        "datasets": datasets,
        "loso": {k: floors.loso[k] for k in ordered(floors.loso, LOSO_NAMES)},
    }
    return json.dumps(data, indent=2) + "\n"
