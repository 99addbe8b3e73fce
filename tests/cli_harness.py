"""Run the CLI in-process with stdin bytes and captured output (shared by the CLI tests)."""

from __future__ import annotations

import io
import pathlib
import sys

from boilerstrip import cli

#: The checkout's sources, for tests that start the CLI in a subprocess.
SRC = pathlib.Path(__file__).resolve().parent.parent / "src"


def run_bytes(argv, stdin: bytes, monkeypatch):
    """Run ``cli.main(argv)`` with *stdin* bytes; returns (exit code, stdout bytes, stderr text)."""
    stdin_stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdin", stdin_stream)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main([str(a) for a in argv])
    out.flush()
    return code, out.buffer.getvalue(), err.getvalue()
