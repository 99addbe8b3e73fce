"""Many files in, many files out: the inputs of ``--input-dir`` and the names under ``--output-dir``.

Each input gets one output with the same path relative to its input directory
(for files named on the command line: relative to the current directory, or
the bare file name for one outside it), its compression and content suffix
replaced by the output's (``page.txt.gz`` becomes ``page.md`` with
``--format markdown``). An output is written under a temporary name beside it
and renamed when complete, so an output that exists is whole.
"""

from __future__ import annotations

import contextlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterator, Optional, Sequence

#: Compression suffixes dropped from an input's name.
COMPRESSION_SUFFIXES = (".gz", ".zst", ".lz4")
#: Content suffixes replaced by the output's.
CONTENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".warc", ".wet", ".md")


class FilesError(Exception):
    """Inputs or outputs that cannot work together (a usage error)."""


@dataclass(frozen=True)
class Job:
    """One input file and where its output goes."""

    source: str
    target: str
    #: The input's path relative to its directory, for messages.
    name: str


def list_inputs(files: Sequence[str], input_dir: Optional[str], pattern: str, output_dir: Optional[str]) -> list[tuple[str, str]]:
    """``(path, relative path)`` of every input: the named *files* first, then the files
    under *input_dir* (recursively, sorted, those matching *pattern*, never inside *output_dir*)."""
    inputs = [(path, _relative(path)) for path in files]
    if input_dir is not None:
        if not os.path.isdir(input_dir):
            raise FilesError(f"--input-dir {input_dir} is not a directory")
        skip = os.path.realpath(output_dir) if output_dir is not None else None
        for root, dirs, names in os.walk(input_dir):
            dirs[:] = sorted(d for d in dirs if os.path.realpath(os.path.join(root, d)) != skip)
            for name in sorted(names):
                path = os.path.join(root, name)
                relative = os.path.relpath(path, input_dir)
                if PurePath(relative).match(pattern):
                    inputs.append((path, relative))
    return inputs


def output_name(relative: str, suffix: str) -> str:
    """*relative* with its compression and content suffix replaced by *suffix*.

    >>> output_name("news/a.txt.gz", ".md"), output_name("b.warc.gz", ".jsonl"), output_name("c", ".txt")
    ('news/a.md', 'b.jsonl', 'c.txt')
    """
    base = relative
    for ending in COMPRESSION_SUFFIXES:
        if base.lower().endswith(ending):
            base = base[: -len(ending)]
            break
    for ending in CONTENT_SUFFIXES:
        if base.lower().endswith(ending) and len(base) > len(ending):
            base = base[: -len(ending)]
            break
    return base + suffix


@contextmanager
def replacing(target: str) -> Iterator[str]:
    """A temporary path beside *target* (same suffix, so compression by name still
    applies), renamed to *target* when the block ends without error, else removed."""
    directory, name = os.path.split(target)
    os.makedirs(directory or ".", exist_ok=True)
    temporary = os.path.join(directory, f".part-{os.getpid()}-{name}")
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _relative(path: str) -> str:
    """A named file's path relative to the current directory, or its bare name if it is outside."""
    relative = os.path.relpath(os.path.abspath(path))
    return os.path.basename(path) if relative.startswith(os.pardir) else relative
