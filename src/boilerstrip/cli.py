"""Command line: ``boilerstrip [FILE]``, a stdin-to-stdout filter.

Exit codes: 0 success (also for an empty body), 1 unreadable input (or an
output that cannot be written), 2 usage, 130 after Ctrl-C, 143 after SIGTERM.
Errors go to stderr as one line ``boilerstrip: ...``; never a traceback.
Bytes are decoded by :mod:`boilerstrip.decoding` (BOM, then UTF-8; ``--errors``).
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
from typing import Any, Callable, NoReturn, Optional, Sequence

from . import __version__, cli_crawl
from .batch import DEFAULT_TEXT_FIELD, dumps
from .decoding import ERROR_POLICIES, decode
from .errors import BoilerstripError, InputError
from .interrupts import EXIT_SIGINT, EXIT_SIGTERM, exit_code, sigterm_raises
from .markdown_out import with_title
from .options import KEEPABLE, PRESETS, Options
from .page_types import AUTO, PAGE_TYPES
from .pipeline import strip
from .result import Result
from .streams import close_output, open_input, open_output, read_error, same_file

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
#: Stopped by Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = EXIT_SIGINT
#: Stopped by SIGTERM (128 + 15).
EXIT_TERMINATED = EXIT_SIGTERM


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would exit(2) with usage text
        raise _UsageError(message)


def _parser() -> _Parser:
    p = _Parser(
        prog="boilerstrip",
        description="Strip scraped page text down to the article. Reads FILE (or stdin) as UTF-8 "
        "and writes the article body to stdout. Input compressed with gzip or Zstandard is "
        "recognised and decompressed.",
    )
    p.add_argument("file", nargs="?", help="input file (default: standard input); '-' is stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout; a name ending in .gz or .zst is compressed")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--json",
        action="store_true",
        help="write one JSON object: title, title_span, text, spans, removed, page_type, page_type_evidence, language",
    )
    mode.add_argument("--jsonl", action="store_true", help="batch: each input line is a JSON object with a \"text\" field")
    mode.add_argument("--explain", action="store_true", help="show every block with its decision and reasons")
    p.add_argument(
        "--html",
        action="store_true",
        help="the input is HTML (bytes decoded as browsers do); with --jsonl each record's \"html\" "
        "field is read; needs the html extra: pip install 'boilerstrip[html]'",
    )
    p.add_argument("--language", help="stop-word language (en, de, fr, ...; any case), or 'none' for no stop words; default: detect")
    p.add_argument(
        "--preset",
        choices=PRESETS,
        default="balanced",
        help="'balanced' (default); 'precision' removes the article's loose ends (less clutter, some "
        "article lost); 'recall' also keeps a second run of prose and borderline text (more article, "
        "more clutter)",
    )
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="CAT[,CAT...]",
        help=f"keep blocks of these categories in the body instead of removing them; repeatable. "
        f"Categories: {', '.join(KEEPABLE)}",
    )
    p.add_argument(
        "--page-type",
        choices=(AUTO,) + PAGE_TYPES,
        default=AUTO,
        metavar="NAME",
        help=f"the kind of page: 'auto' (default) detects it; or one of {', '.join(PAGE_TYPES)} "
        "to force it. Reported as page_type in --json and --jsonl output",
    )
    p.add_argument(
        "--errors",
        choices=ERROR_POLICIES,
        default="strict",
        help="bytes that are not valid UTF-8 (or UTF-16/32 after a BOM): 'strict' (default) stops "
        "with exit 1 naming the byte offset; 'replace' decodes them as U+FFFD, and offsets then "
        "refer to that decoded text",
    )
    p.add_argument("--report", metavar="OUT.html", help="also write a visual report of every decision to OUT.html")
    batch = p.add_argument_group("batch options (with --jsonl)")
    batch.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1; 0: all cores); output stays in input order")
    batch.add_argument("--text-field", default=DEFAULT_TEXT_FIELD, metavar="NAME", help='the field holding the page text (default "text")')
    batch.add_argument("--report-dir", metavar="DIR", help="write a visual report per record and an index.html to DIR")
    batch.add_argument(
        "--prefix",
        default="",
        metavar="PREFIX",
        help="start the name of every field boilerstrip adds with PREFIX (e.g. bs_: bs_title, bs_spans, ...); "
        "without it a record that already has an added field becomes an error record",
    )
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show records done and records/s on stderr (default: when stderr is a terminal)",
    )
    cli_crawl.add_arguments(p)
    p.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return p


def _check(args: argparse.Namespace) -> None:
    """Usage errors argparse cannot see: options that need --jsonl, and bad values."""
    if not (args.jsonl or args.warc):
        for flag, given in (
            ("--jobs", args.jobs != 1),
            ("--text-field", args.text_field != DEFAULT_TEXT_FIELD),
            ("--report-dir", args.report_dir is not None),
            ("--progress", args.progress is not None),
            ("--prefix", args.prefix != ""),
        ):
            if given:
                raise _UsageError(f"{flag} works with --jsonl only")
    elif args.report is not None:
        raise _UsageError("with --jsonl, use --report-dir DIR (one report per record)")
    if args.jobs < 0:
        raise _UsageError("--jobs must be 0 (all cores) or more")
    if not args.text_field:
        raise _UsageError("--text-field must not be empty")
    for flag, path in (("-o", args.output), ("--report", args.report)):
        # Writing over the input while reading it would destroy it.
        if path not in (None, "-") and same_file(path, args.file):
            raise _UsageError(f"{flag} {path} is the input file: write to another file")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        args = _parser().parse_args(argv)
        _check(args)
        cli_crawl.check(args)
        options = Options(
            language=args.language, preset=args.preset, keep=_keep_names(args.keep), page_type=args.page_type
        )
    except _UsageError as e:
        _error(f"{e} (see boilerstrip --help)")
        return EXIT_USAGE
    except BoilerstripError as e:
        _error(str(e))
        return EXIT_USAGE
    except SystemExit as e:  # --help and --version
        return int(e.code or 0)
    try:
        with sigterm_raises():  # SIGTERM cleans up as Ctrl-C does
            if cli_crawl.takes_over(args):  # --warc or a WARC input, several inputs, --output-dir
                return cli_crawl.run(args, options, _run_single)
            return _run_single(args, options)
    except (_InputError, InputError) as e:
        _error(str(e))
        return EXIT_INPUT
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt as e:  # also Terminated (SIGTERM)
        return exit_code(e)
    except MemoryError:
        _error("out of memory")
        return EXIT_INPUT
    except Exception as e:  # never a traceback; say what happened in one line
        message = read_error(e, args.file or "standard input") or _worker_died(e) or _write_error(e, args.output)
        _error(message or f"internal error: {type(e).__name__}: {e} (please report this)")
        return EXIT_INPUT


class _InputError(Exception):
    pass


def _run_single(args: argparse.Namespace, options: Options) -> int:
    """One input in the mode its flags ask for."""
    if args.jsonl:
        return _run_jsonl(args, options)
    return _run_html(args, options) if args.html else _run_one(args, options)


def _keep_names(values: Sequence[str]) -> frozenset[str]:
    """The category names of every ``--keep`` value, each comma-separated."""
    names = frozenset(name.strip() for value in values for name in value.split(","))
    if "" in names:
        raise _UsageError("--keep takes category names separated by commas, e.g. --keep caption,byline")
    return names


def _run_one(args: argparse.Namespace, options: Options) -> int:
    """One page in, its body (or JSON, or explanation) out."""
    name = args.file if args.file not in (None, "-") else "standard input"
    source, _ = open_input(args.file)
    with source:
        data = source.read()
    text = decode(data, args.errors, name)
    result = strip(text, options=options)
    return _write_one(args, text, result, result.summary_dict, result.text, result.title)


def _run_html(args: argparse.Namespace, options: Options) -> int:
    """``--html`` on one page (``--jsonl --html`` is a batch like any other)."""
    from .html import MissingExtraError
    from .html.records import strip_html_bytes

    try:
        source, _ = open_input(args.file)
        with source:
            page = strip_html_bytes(source.read(), options)
    except MissingExtraError as e:
        raise _InputError(str(e)) from None
    # --explain and the report show the rendered page: the block offsets refer to it.
    return _write_one(args, page.rendered, page.result, page.summary_dict, page.text, page.title)


def _write_one(
    args: argparse.Namespace,
    text: str,
    result: Result,
    summary: Callable[[], dict[str, Any]],
    body: str,
    title: Optional[str] = None,
) -> int:
    """Write one page's output (body, ``--json`` or ``--explain``) and its ``--report``."""
    if args.json:
        payload = dumps({**summary(), "language": result.language}) + "\n"
    elif args.explain:
        from .explain import explain

        payload = explain(text, result)
    elif args.format == "markdown":
        from .markdown_out import render_markdown

        payload = render_markdown(text, result, title)
    else:
        body = with_title(body, title) if args.with_title else body
        payload = body + ("\n" if body else "")
    if args.report is not None:
        from .report import render_report

        name = args.file if args.file not in (None, "-") else "standard input"
        _write_text(args.report, render_report(text, result, name=os.path.basename(name)))
    out = open_output(args.output)
    written = False
    try:
        out.write(payload.encode("utf-8"))
        written = True
    finally:
        close_output(out, complete=written)  # a file appears only when it is whole
    return EXIT_OK


def _run_jsonl(args: argparse.Namespace, options: Options) -> int:
    from .jsonl import (  # the batch machinery loads only for batches
        Progress,
        Settings,
        run,
    )
    from .parallel import available_cores

    field = args.text_field
    if args.html:
        _require_html()
        if field == DEFAULT_TEXT_FIELD:
            field = "html"
    settings = Settings(
        options, args.errors, field, args.report_dir, html=args.html, prefix=args.prefix, output_field=args.output_field
    )
    if args.report_dir is not None:
        try:
            os.makedirs(args.report_dir, exist_ok=True)
        except OSError as e:
            raise _InputError(f"cannot create {args.report_dir}: {e.strerror or e}") from None
    cores = available_cores()
    jobs = cores if args.jobs == 0 else args.jobs
    if jobs > cores:  # more processes than cores only compete for them
        _error(f"--jobs {args.jobs} capped at {cores} (cores available)")
        jobs = cores
    source, raw = open_input(args.file)
    show = args.progress if args.progress is not None else _stderr_is_terminal()
    size = _size(args.file)  # a regular file's: the bar needs a size and a position
    progress = Progress(size, raw.tell if size else None) if show and sys.stderr is not None else None
    with source:
        out = open_output(args.output)
        # Renamed into place after a finished run and after Ctrl-C or SIGTERM (what
        # was written is whole lines, a resumable prefix); removed after an error.
        keep = False
        try:
            stats = run(source, out, settings, jobs, progress)
            keep = True
        except KeyboardInterrupt:
            keep = True
            raise
        finally:
            close_output(out, complete=keep)
    if stats.stopped_by is None:
        return EXIT_OK
    if stats.stopped_by == signal.SIGTERM:
        _error(f"terminated (SIGTERM): {stats.records} records written, each complete")
        return EXIT_TERMINATED
    _error(f"interrupted: {stats.records} records written, each complete")
    return EXIT_INTERRUPTED


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except ValueError:  # closed
        return False


def _require_html() -> None:
    """Fail early, in the parent, when the html extra is missing."""
    from .html import MissingExtraError
    from .html.deps import require

    try:
        require("lxml.etree")
    except MissingExtraError as e:
        raise _InputError(str(e)) from None


def _worker_died(e: Exception) -> Optional[str]:
    from .parallel import WorkerDied  # loaded already if a worker could have died

    return str(e) if isinstance(e, WorkerDied) else None


#: OS errors that mean the output cannot take more data.
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _write_error(e: Exception, output: Optional[str]) -> Optional[str]:
    """A one-line message for an output that cannot be written (a full disk), or None."""
    if isinstance(e, OSError) and e.errno in _FULL:
        target = output if output not in (None, "-") else "standard output"
        return f"cannot write {target}: {e.strerror or e}"
    return None


def _size(path: Optional[str]) -> Optional[int]:
    if path in (None, "-"):
        return None
    try:
        return os.path.getsize(path) if os.path.isfile(path) else None
    except OSError:
        return None


def _write_text(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        raise _InputError(f"cannot write {path}: {e.strerror or e}") from None


def _error(message: str) -> None:
    if sys.stderr is None:  # started with standard error closed: nowhere to say it
        return
    sys.stderr.write(f"boilerstrip: {message}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    """After a closed pipe, stop Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # AttributeError: no stdout at all
        pass


if __name__ == "__main__":
    sys.exit(main())
