"""The shared benchmark sources: which files each has, where they are, and their hashes.

Five sources live under the benchmark directory (``$BOILERSTRIP_BENCHMARKS``, else
``../shared/benchmarks``), one folder each, with one file per renderer of the raw text
(``html_text``, ``inscriptis``) and one of the page HTML::

    aeb/aeb-dev.html_text.jsonl.gz   aeb/aeb-dev.inscriptis.jsonl.gz   aeb/aeb-dev.html.jsonl.gz

The file stems differ between sources (``aeb-dev``, ``dragnet-train`` ...), so code names
a source by its folder (``aeb``) and a dataset by ``<stem>.<mode>`` (``aeb-dev.html_text``,
``aeb-dev.html``), the names the floors file and the JSON reports use. HTML-mode datasets
are scored against the gold of the ``html_text`` file (the gold is the same in every
rendering of a page, joined on ``id``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import pathlib
from collections.abc import Iterable

#: The two renderings of the raw text, in table order.
RENDERERS = ("html_text", "inscriptis")
#: The mode name of the HTML front end (its dataset file is ``<stem>.html.jsonl.gz``).
HTML = "html"
#: Every mode, text renderers first.
MODES = RENDERERS + (HTML,)


@dataclasses.dataclass(frozen=True)
class Source:
    """One benchmark source: its folder (the short name used everywhere) and its file stem."""

    name: str
    stem: str

    def file(self, data_dir: pathlib.Path, mode: str) -> pathlib.Path:
        """The dataset file of ``mode`` (a renderer or :data:`HTML`)."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r} (known: {', '.join(MODES)})")
        return data_dir / self.name / f"{self.stem}.{mode}.jsonl.gz"


#: The five sources, in table order (the two the rules were built on first).
SOURCES = (
    Source("aeb", "aeb-dev"),
    Source("trafilatura-eval", "trafilatura-eval-dev"),
    Source("wceb", "wceb-dev"),
    Source("dragnet", "dragnet-train"),
    Source("readability", "readability-dev"),
)
SOURCE_NAMES = tuple(s.name for s in SOURCES)


@dataclasses.dataclass(frozen=True)
class Dataset:
    """One scored unit: a source in one mode.

    ``path`` holds the input (``raw_text`` or ``html``); ``gold_path`` the gold answers,
    which is ``path`` itself for a renderer and the ``html_text`` file for HTML mode.
    """

    source: Source
    mode: str
    path: pathlib.Path
    gold_path: pathlib.Path

    @property
    def key(self) -> str:
        """``<stem>.<mode>``, e.g. ``wceb-dev.inscriptis``: the name in floors and reports."""
        return f"{self.source.stem}.{self.mode}"

    @property
    def files(self) -> tuple[pathlib.Path, ...]:
        """The files the figures depend on (input, and gold when separate)."""
        return (self.path,) if self.path == self.gold_path else (self.path, self.gold_path)


def dataset(data_dir: pathlib.Path, source: Source, mode: str) -> Dataset:
    """The dataset of ``source`` in ``mode`` under ``data_dir`` (whether or not it exists)."""
    gold_mode = RENDERERS[0] if mode == HTML else mode
    return Dataset(source, mode, source.file(data_dir, mode), source.file(data_dir, gold_mode))


def select_sources(names: Iterable[str] | None = None) -> tuple[Source, ...]:
    """The sources named (all when ``names`` is None), in table order; ValueError on an unknown one."""
    if names is None:
        return SOURCES
    wanted = set(names)
    unknown = wanted - set(SOURCE_NAMES)
    if unknown:
        raise ValueError(f"unknown source(s) {', '.join(sorted(unknown))} (known: {', '.join(SOURCE_NAMES)})")
    return tuple(s for s in SOURCES if s.name in wanted)


def datasets(
    data_dir: pathlib.Path,
    sources: Iterable[str] | None = None,
    modes: Iterable[str] = RENDERERS,
) -> list[Dataset]:
    """Every dataset of the selected sources and modes, source-major, in table order."""
    wanted_modes = list(modes)
    for m in wanted_modes:
        if m not in MODES:
            raise ValueError(f"unknown mode {m!r} (known: {', '.join(MODES)})")
    return [dataset(data_dir, s, m) for s in select_sources(sources) for m in MODES if m in wanted_modes]


def missing_files(items: Iterable[Dataset]) -> list[pathlib.Path]:
    """The files of ``items`` that do not exist, each once, in order."""
    seen: dict[pathlib.Path, None] = {}
    for d in items:
        for f in d.files:
            if not f.exists():
                seen.setdefault(f)
    return list(seen)


def relative_name(data_dir: pathlib.Path, path: pathlib.Path) -> str:
    """``path`` relative to ``data_dir`` with ``/`` separators (the key of a pinned hash)."""
    return path.relative_to(data_dir).as_posix()


def sha256_file(path: pathlib.Path) -> str:
    """The hex SHA-256 of a file's bytes, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
