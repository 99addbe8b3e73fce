"""Command line: ``boilerstrip [FILE]``, a stdin-to-stdout filter.

Exit codes: 0 success (also for an empty body), 1 unreadable input, 2 usage.
Errors go to stderr as one line ``boilerstrip: ...``; never a traceback.
Bytes are decoded by :mod:`boilerstrip.decoding` (BOM, then UTF-8; ``--errors``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any, NoReturn, Optional, Sequence

from . import __version__
from .batch import clean_line
from .decoding import ERROR_POLICIES, decode
from .errors import BoilerstripError, InputError
from .explain import explain
from .options import Options
from .pipeline import strip

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would exit(2) with usage text
        raise _UsageError(message)


def _parser() -> _Parser:
    p = _Parser(
        prog="boilerstrip",
        description="Strip scraped page text down to the article. Reads FILE (or stdin) as UTF-8 "
        "and writes the article body to stdout.",
    )
    p.add_argument("file", nargs="?", help="input file (default: standard input); '-' is stdin")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="write one JSON object: title, title_span, text, spans, removed")
    mode.add_argument("--jsonl", action="store_true", help="batch: each input line is a JSON object with a \"text\" field")
    mode.add_argument("--explain", action="store_true", help="show every block with its decision and reasons")
    p.add_argument("--language", help="stop-word language (en, de, fr, ...); default: detect")
    p.add_argument(
        "--errors",
        choices=ERROR_POLICIES,
        default="strict",
        help="bytes that are not valid UTF-8 (or UTF-16/32 after a BOM): 'strict' (default) stops "
        "with exit 1 naming the byte offset; 'replace' decodes them as U+FFFD, and offsets then "
        "refer to that decoded text",
    )
    p.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        args = _parser().parse_args(argv)
        options = Options(language=args.language)
    except _UsageError as e:
        _error(f"{e} (see boilerstrip --help)")
        return EXIT_USAGE
    except BoilerstripError as e:
        _error(str(e))
        return EXIT_USAGE
    except SystemExit as e:  # --help and --version
        return int(e.code or 0)
    try:
        if args.jsonl:
            return _run_jsonl(args.file, options, args.errors)
        text = decode(_read_bytes(args.file), args.errors, args.file or "standard input")
        result = strip(text, options=options)
        out = sys.stdout
        if args.json:
            out.write(dumps(result.summary_dict()) + "\n")
        elif args.explain:
            out.write(explain(text, result))
        else:
            out.write(result.text + ("\n" if result.text else ""))
        out.flush()
        return EXIT_OK
    except (_InputError, InputError) as e:
        _error(str(e))
        return EXIT_INPUT
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        _error("out of memory")
        return EXIT_INPUT
    except Exception as e:  # never a traceback; say what happened in one line
        _error(f"internal error: {type(e).__name__}: {e} (please report this)")
        return EXIT_INPUT


class _InputError(Exception):
    pass


def dumps(obj: Any) -> str:
    """JSON text for one output object: UTF-8 as is, but lone surrogates (which
    JSON input may carry as escapes) escaped again, so the output stays valid."""
    text = json.dumps(obj, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(obj, ensure_ascii=True)
    return text


def _error(message: str) -> None:
    sys.stderr.write(f"boilerstrip: {message}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    """After a closed pipe, stop Python from complaining at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _read_bytes(path: Optional[str]) -> bytes:
    try:
        if path is None or path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise _InputError(f"cannot read {path or 'standard input'}: {e.strerror or e}") from None


def _run_jsonl(path: Optional[str], options: Options, errors: str = "strict") -> int:
    stream: IO[bytes]
    try:
        stream = sys.stdin.buffer if path is None or path == "-" else open(path, "rb")
    except OSError as e:
        raise _InputError(f"cannot read {path}: {e.strerror or e}") from None
    out = sys.stdout
    with stream:
        for number, raw in enumerate(stream, 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                out.write("\n")  # a blank line carries no record: pass it through
                continue
            try:
                line = dumps(clean_line(raw, number, options, errors=errors))
            except (RecursionError, ValueError) as e:  # a record JSON cannot write back
                line = dumps({"error": f"cannot write the record as JSON: {type(e).__name__}", "line": number})
            out.write(line + "\n")
    out.flush()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
