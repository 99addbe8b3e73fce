"""The command line's crawl and many-files options, and the runs they start.

``--warc`` (or an input that starts with a WARC record) cleans the pages of
crawl files into JSONL; several inputs, ``--input-dir`` and ``--output-dir``
run the usual modes file by file. ``--with-title``, ``--format markdown``,
``--output-field`` and ``--language none`` shape the output. :mod:`.cli`
calls :func:`add_arguments`, :func:`check` and, when :func:`takes_over` says
so, :func:`run`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import sys
import zlib
from typing import IO, Callable, Iterator, Optional

from .errors import BoilerstripError
from .files import FilesError, Job, list_inputs, output_name, replacing
from .interrupts import EXIT_SIGINT as EXIT_INTERRUPTED
from .interrupts import EXIT_SIGTERM
from .options import Options
from .streams import GZIP_MAGIC, close_output, open_output, read_error

EXIT_OK, EXIT_FAILED = 0, 1
FORMATS = ("text", "markdown")
#: Output suffix per mode under --output-dir (crawl files give JSONL).
_SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "explain": ".explain.txt", "markdown": ".md", "text": ".txt", "warc": ".jsonl"}
#: Decompressed bytes looked at to recognise a WARC file.
_HEAD = 16

Runner = Callable[[argparse.Namespace, Options], int]


class _Reported(Exception):
    """A file failed and the message is out."""


class CrawlUsageError(BoilerstripError):
    """Options that do not work together; the CLI exits with 2."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} (see boilerstrip --help)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The crawl, many-files and output options."""
    p.add_argument("more_files", nargs="*", metavar="FILE", help="more input files (each needs --output-dir, except with --warc)")
    crawl = p.add_argument_group("crawl files (WARC/WET) and many files")
    crawl.add_argument(
        "--warc",
        action="store_true",
        help="the inputs are WARC or WET files (plain or compressed; recognised by themselves when one "
        "file is given): each page is written as a JSON line with its URL, date, record ID and content "
        "type; needs the warc extra: pip install 'boilerstrip[warc]'",
    )
    crawl.add_argument("--stats", action="store_true", help="with --warc: say on stderr how many records were written and skipped, and why")
    crawl.add_argument("--input-dir", metavar="DIR", help="read every file under DIR (recursively; see --glob)")
    crawl.add_argument("--glob", metavar="PATTERN", help="with --input-dir: only files whose path relative to DIR matches PATTERN (e.g. '*.txt')")
    crawl.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write one output per input to DIR, at the input's relative path with its suffix replaced "
        "(.txt, .md, .json, .jsonl); a file that fails is reported and the others go on",
    )
    crawl.add_argument("--suffix", metavar="SUFFIX", help="with --output-dir: the output suffix (e.g. .jsonl.gz to compress)")
    shape = p.add_argument_group("output shape")
    shape.add_argument("--with-title", action="store_true", help="plain output: the headline, a blank line, then the body")
    shape.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="plain output as 'text' (default) or 'markdown': the title as a heading, section headings and list items marked",
    )
    shape.add_argument("--output-field", metavar="NAME", help="with --jsonl or --warc: write the body to NAME (the text field keeps the raw text)")


def check(args: argparse.Namespace) -> None:
    """Normalise ``--language`` and reject option combinations that do not work."""
    if args.language is not None:
        args.language = args.language.strip().lower()
    _recognise_warc(args, list(_named(args)))
    mode = _mode(args)
    plain = mode in ("text", "markdown")
    _refuse(args.warc and (args.json or args.explain or args.jsonl), "--warc writes JSON lines: drop --json, --jsonl or --explain")
    _refuse(args.warc and args.html, "--warc reads the HTML of response records by itself: drop --html")
    _refuse(args.warc and args.text_field != "text", "--text-field works with --jsonl only; with --warc use --output-field")
    _refuse(args.warc and (args.report is not None or args.report_dir is not None), "--report and --report-dir do not work with --warc")
    _refuse(args.with_title and not plain, "--with-title works with the plain output only")
    _refuse(args.format == "markdown" and (args.json or args.jsonl or args.explain or args.warc), "--format markdown works with the plain output only")
    _refuse(args.with_title and args.format == "markdown", "--format markdown already starts with the title: drop --with-title")
    _refuse(args.output_field is not None and not (args.jsonl or args.warc), "--output-field works with --jsonl or --warc")
    _refuse(args.output_field == "", "--output-field must not be empty")
    _refuse(args.stats and not args.warc, "--stats works with --warc")
    _refuse(args.glob is not None and args.input_dir is None, "--glob works with --input-dir")
    _refuse(args.suffix is not None and args.output_dir is None, "--suffix works with --output-dir")
    _refuse(args.output_dir is not None and args.output not in (None,), "use either -o or --output-dir")
    inputs = _named(args)
    many = len(inputs) > 1 or args.input_dir is not None
    _refuse(many and "-" in inputs, "standard input ('-') cannot be one of several inputs")
    _refuse(many and not args.warc and args.output_dir is None, "several inputs need --output-dir (or --warc, whose records name their source)")
    _refuse(args.output_dir is not None and args.report is not None, "--report takes one page; use --output-dir without it")
    _refuse(args.output_dir is not None and args.report_dir is not None, "--report-dir does not work with --output-dir")


def takes_over(args: argparse.Namespace) -> bool:
    """True when this module runs the command: crawl input, several inputs or an output directory."""
    return bool(args.warc or args.more_files or args.input_dir is not None or args.output_dir is not None)


def _recognise_warc(args: argparse.Namespace, inputs: list[Optional[str]]) -> None:
    """Set ``args.warc`` when every named input (stdin when none) starts with a WARC record
    and no other input mode was asked for; refuse --json and --explain on such input."""
    if args.warc or args.jsonl or args.html or args.input_dir is not None:
        return
    if not all(is_warc_file(path) for path in inputs or [None]):
        return
    if args.json or args.explain:
        raise CrawlUsageError("the input is a WARC file, whose pages are written as JSON lines: drop --json or --explain")
    args.warc = True


def run(args: argparse.Namespace, options: Options, run_single: Runner) -> int:
    """Run the crawl or many-files command; returns the exit code."""
    try:
        named = _named(args) or ([] if args.input_dir is not None else ["-"])
        inputs = list_inputs(named, args.input_dir, args.glob or "*", args.output_dir)
    except FilesError as e:
        _error(str(e))
        return EXIT_FAILED
    if not inputs:
        _error(f"no input files under {args.input_dir}" + (f" match {args.glob}" if args.glob else ""))
        return EXIT_FAILED
    if args.output_dir is None:  # --warc: every page into the one output
        return _run_warc(args, options, [path for path, _ in inputs], args.output)
    try:
        jobs = _plan(args, inputs)
    except FilesError as e:
        _error(str(e))
        return EXIT_FAILED
    failed = 0
    for job, crawl in jobs:
        try:
            with replacing(job.target) as temporary:
                if crawl:
                    code = _run_warc(args, options, [job.source], temporary)
                else:
                    single = argparse.Namespace(**vars(args))
                    single.file, single.output, single.more_files = job.source, temporary, []
                    code = run_single(single, options)
                if code == EXIT_FAILED:
                    raise _Reported()  # said already: no output for it
        except _Reported:
            pass
        except BoilerstripError as e:
            if not _per_file(e):
                raise  # a missing extra fails every file: stop now
            code = _failed(job.name, str(e))
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as e:  # one file's trouble; the others go on
            code = _failed(job.name, read_error(e, job.name) or getattr(e, "strerror", None) or str(e) or type(e).__name__)
        if code == EXIT_INTERRUPTED:
            return code
        failed += code != EXIT_OK
    if failed:
        _error(f"{failed} of {len(jobs)} files failed")
    return EXIT_FAILED if failed else EXIT_OK


def _plan(args: argparse.Namespace, inputs: list[tuple[str, str]]) -> list[tuple[Job, bool]]:
    """Each input's job and whether it is a crawl file; two inputs with one target are refused."""
    mode = _mode(args)
    sniff = mode in ("text", "markdown") and not args.html
    planned: list[tuple[Job, bool]] = []
    seen: dict[str, str] = {}
    for path, relative in inputs:
        crawl = args.warc or (sniff and is_warc_file(path))
        suffix = args.suffix or _SUFFIXES["warc" if crawl else mode]
        target = os.path.join(args.output_dir, output_name(relative, suffix))
        if target in seen:
            raise FilesError(f"{seen[target]} and {path} would both be written to {target}")
        seen[target] = path
        planned.append((Job(path, target, relative), crawl))
    return planned


def _run_warc(args: argparse.Namespace, options: Options, paths: list[str], output: Optional[str]) -> int:
    """Every page of the crawl files *paths* into *output*; unreadable files are reported."""
    from .jsonl import Progress
    from .parallel import available_cores
    from .warc import require_fastwarc
    from .warc_run import WarcSettings, run

    require_fastwarc()
    html = all(importlib.util.find_spec(name) is not None for name in ("lxml", "bs4"))
    settings = WarcSettings(options, args.errors, html, args.output_field or "text")
    jobs = available_cores() if args.jobs == 0 else args.jobs
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bad: list[str] = []
    out = open_output(output)
    finished = False
    try:
        stats = run(_sources(paths, bad), out, settings, jobs, Progress() if show else None)
        finished = True
    finally:
        close_output(out, complete=finished)  # a file appears only when every line in it is whole
    if args.stats or show:
        sys.stderr.write(f"boilerstrip: {stats.summary()}\n")
    if stats.stopped_by == signal.SIGTERM:
        _error(f"terminated (SIGTERM): {stats.records} records written, each complete")
        return EXIT_SIGTERM
    if stats.interrupted:
        _error(f"interrupted: {stats.records} records written, each complete")
        return EXIT_INTERRUPTED
    return EXIT_FAILED if bad else EXIT_OK


def _sources(paths: list[str], bad: list[str]) -> Iterator[IO[bytes]]:
    """The raw stream of each crawl file in turn; one that cannot be read, or is no
    WARC file, is reported and noted in *bad*, and the next one follows."""
    for path in paths:
        name = "standard input" if path == "-" else path
        try:
            raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
        except OSError as e:
            bad.append(path)
            _error(f"cannot read {name}: {e.strerror or e}")
            continue
        try:
            if not looks_like_warc_head(_peek(raw)):
                bad.append(path)
                _error(f"{name} is not a WARC file (no WARC/1.x record at its start)")
                continue
            yield raw
        finally:
            if raw is not sys.stdin.buffer:
                raw.close()


def is_warc_file(path: Optional[str]) -> bool:
    """True if the regular file (or standard input) *path* starts with a WARC record."""
    if path in (None, "-"):
        stdin = getattr(sys.stdin, "buffer", None)  # None when the process has no stdin
        return stdin is not None and looks_like_warc_head(_peek(stdin))
    assert path is not None
    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as f:
            return looks_like_warc_head(f.read(4096))
    except OSError:
        return False


def looks_like_warc_head(head: bytes) -> bool:
    """True if *head* (the first raw bytes, maybe the start of a gzip member) starts a WARC file."""
    from .warc import looks_like_warc

    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, _HEAD)
        except zlib.error:
            return False
    return looks_like_warc(head)


def _peek(raw: IO[bytes]) -> bytes:
    peek = getattr(raw, "peek", None)
    try:
        return bytes(peek(4096)[:4096]) if peek is not None else b""
    except (OSError, ValueError):
        return b""


def _per_file(e: BoilerstripError) -> bool:
    """True for an error of one input (bad bytes), False for one of the setup (a missing extra)."""
    return not isinstance(e, ImportError)


def _named(args: argparse.Namespace) -> list[str]:
    return ([args.file] if args.file is not None else []) + list(args.more_files)


def _mode(args: argparse.Namespace) -> str:
    for flag in ("warc", "jsonl", "json", "explain"):
        if getattr(args, flag):
            return flag
    return "markdown" if args.format == "markdown" else "text"


def _refuse(condition: bool, message: str) -> None:
    if condition:
        raise CrawlUsageError(message)


def _failed(name: str, message: str) -> int:
    _error(f"{name}: {message}")
    return EXIT_FAILED


def _error(message: str) -> None:
    sys.stderr.write(f"boilerstrip: {message}\n")
    sys.stderr.flush()
