"""The batch side of the command line: ``-o``, compressed input and output,
``--jsonl --text-field``, ``--jobs``, ``--progress``, ``--report``/``--report-dir``,
Ctrl-C, and the usage errors of these options.

Most tests run ``cli.main`` in this process (stdin bytes in, stdout bytes out);
the Ctrl-C tests run the real program in its own process group.
"""

from __future__ import annotations

import gzip
import html.parser
import json
import os
import pathlib
import pty
import re
import select
import signal
import subprocess
import sys
import time

import pytest
import zstandard

from boilerstrip import strip
from boilerstrip.batch import clean_line, dumps
from boilerstrip.report import report_filename
from cli_harness import run_bytes
from strategies import PLAIN_PARAGRAPHS

ROOT = pathlib.Path(__file__).resolve().parent.parent

HEAD = "Village Bridge Closed After Storm"
PARA = PLAIN_PARAGRAPHS[:3]
PAGE = "\n\n".join(["Home", HEAD, "Share"] + PARA + ["Back to top"]) + "\n"
BODY = "\n".join(PARA)

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


# --- helpers ----------------------------------------------------------------------------


run = run_bytes


@pytest.fixture
def cli_run(monkeypatch):
    return lambda argv, stdin=b"": run(argv, stdin, monkeypatch)


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode("utf-8")) + b"\n" for r in records)


def input_lines(data: bytes) -> list:
    """*data* cut after each b"\\n" (only there, as the batch reader does), ends kept."""
    return re.findall(rb"[^\n]*\n|[^\n]+$", data)


def expected_jsonl(data: bytes, text_field: str = "text") -> bytes:
    """What ``--jsonl`` should write for *data*, line by line from ``batch.clean_line``."""
    out = []
    for number, raw in enumerate(input_lines(data), 1):
        if not raw.strip():
            out.append(b"\n")
        else:
            out.append((dumps(clean_line(raw, number, text_field=text_field)) + "\n").encode("utf-8"))
    return b"".join(out)


def program_env(unbuffered: bool = False):
    """The environment of the program: this checkout's source first, and standard output
    buffered (the default) unless *unbuffered* (``PYTHONUNBUFFERED=1``, as in many containers)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


def unzstd(data: bytes) -> bytes:
    # decompressobj: frames written by a stream writer do not always carry their size.
    return zstandard.ZstdDecompressor().decompressobj().decompress(data)


def assert_one_line_error(err: str, *words: str) -> None:
    assert err.startswith("boilerstrip: "), err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


def page(i: int) -> str:
    """Page *i*: chrome lines around one to four article paragraphs (different per i)."""
    paras = [PLAIN_PARAGRAPHS[(i + k) % 4].replace("village", f"village {i}") for k in range(1 + i % 4)]
    return "\n\n".join(["Home", "World", "Share", f"Bridge Report Number {i} From The Valley"] + paras + ["Back to top"])


def mixed_batch(n: int = 300) -> bytes:
    """*n* lines: good records, blank lines and every kind of bad record, some of them
    at chunk boundaries (64 lines a chunk), more of them after line 300; the last line
    has no newline."""
    special = {
        1: b"\n",
        2: b"{not json\n",
        17: b"[1, 2, 3]\n",
        40: b'"just a string"\n',
        63: b"  \t\r\n",
        64: jsonl({"id": 64, "body": "no text field"}),
        65: jsonl({"id": "sixty-five", "text": 65}),
        66: b'{"id": 66, "text": "caf\xe9 \xff"}\n',
        128: b"\n",
        129: b"{not json either\n",
        150: jsonl({"id": 150, "text": None}),
        200: b'{"id": 200, "text": "\\ud800 Share"}\n',
        201: b"null\n",
        250: b'{"id": 250, "text": "a lone CR \r inside"}\n',  # a raw CR does not end a line
    }
    lines = []
    for i in range(1, n + 1):
        if i in special:
            lines.append(special[i])
        elif i > 300 and i % 97 == 0:
            lines.append(b"{not json\n" if i % 2 else b"\n")
        elif i > 300 and i % 89 == 0:
            lines.append(jsonl({"id": i, "text": [i]}))
        else:
            lines.append(jsonl({"id": i, "url": f"https://example.org/{i}", "text": page(i), "lang": "en"}))
    lines[-1] = lines[-1].rstrip(b"\n")
    return b"".join(lines)


# --- compressed input -------------------------------------------------------------------


MODES = {
    "plain": ([], lambda out: out == (BODY + "\n").encode("utf-8")),
    "json": (["--json"], lambda out: json.loads(out) == {**strip(PAGE).summary_dict(), "language": "en"}),
    "jsonl": (
        ["--jsonl"],
        lambda out: [json.loads(line)["text"] for line in out.splitlines()] == [BODY, "", BODY],
    ),
}
COMPRESSORS = {"gzip": gzip.compress, "zstd": zstd}


def mode_input(mode: str) -> bytes:
    if mode == "jsonl":
        return jsonl({"id": 1, "text": PAGE}, {"id": 2, "text": "Share"}, {"id": 3, "text": PAGE})
    return PAGE.encode("utf-8")


@pytest.mark.parametrize("source", ["file", "stdin"])
@pytest.mark.parametrize("compression", sorted(COMPRESSORS))
@pytest.mark.parametrize("mode", sorted(MODES))
def test_compressed_input_is_decompressed(cli_run, tmp_path, mode, compression, source):
    flags, is_right = MODES[mode]
    data = COMPRESSORS[compression](mode_input(mode))
    assert data[:2] == GZIP_MAGIC or data[:4] == ZSTD_MAGIC
    if source == "file":
        path = tmp_path / "input.bin"  # no telling suffix: the bytes decide
        path.write_bytes(data)
        code, out, err = cli_run(flags + [path])
    else:
        code, out, err = cli_run(flags, data)
    assert (code, err) == (0, "")
    assert is_right(out), out[:300]
    # The same bytes as for the uncompressed input.
    assert cli_run(flags, mode_input(mode)) == (0, out, "")


@pytest.mark.parametrize("compression", sorted(COMPRESSORS))
def test_concatenated_members_are_all_read(cli_run, compression):
    # Crawl files (WET) are many gzip members one after another; zstd has frames.
    first = jsonl({"id": 1, "text": PAGE})
    second = jsonl({"id": 2, "text": page(2)})
    squeeze = COMPRESSORS[compression]
    code, out, err = cli_run(["--jsonl"], squeeze(first) + squeeze(second))
    assert (code, err) == (0, "")
    assert out == expected_jsonl(first + second)
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 2]


# --- -o / --output ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", ".gz", ".zst"])
@pytest.mark.parametrize("mode", ["plain", "jsonl"])
def test_output_file_compressed_by_its_suffix(cli_run, tmp_path, mode, suffix):
    flags = ["--jsonl"] if mode == "jsonl" else []
    data = mode_input(mode)
    expected = expected_jsonl(data) if mode == "jsonl" else (BODY + "\n").encode("utf-8")
    target = tmp_path / ("out.txt" + suffix)
    code, out, err = cli_run(flags + ["-o", target], data)
    assert (code, out, err) == (0, b"", "")
    written = target.read_bytes()
    if suffix == ".gz":
        assert written[:2] == GZIP_MAGIC
        written = gzip.decompress(written)
    elif suffix == ".zst":
        assert written[:4] == ZSTD_MAGIC
        written = unzstd(written)
    assert written == expected
    # --output is the long name; stdout without it carries the same bytes.
    assert cli_run(flags, data) == (0, expected, "")


def test_output_long_option_and_jobs_with_zstd_both_ways(cli_run, tmp_path):
    data = mixed_batch(150)
    source = tmp_path / "batch.jsonl.zst"
    source.write_bytes(zstd(data))
    target = tmp_path / "out.jsonl.zst"
    code, out, err = cli_run(["--jsonl", "--jobs", "2", "--output", target, source])
    assert (code, out, err) == (0, b"", "")
    assert unzstd(target.read_bytes()) == expected_jsonl(data)


# --- --text-field -----------------------------------------------------------------------


def test_text_field_by_hand(cli_run):
    stdin = b"".join(
        [
            (
                b'{"id": 7, "body": "Home\\n\\nA sentence long enough to be the story, plainly, as it goes.", '
                b'"text": "kept as is"}\n'
            ),
            b'{"id": 8, "text": "Home"}\n',
            b'{"id": 9, "body": 42}\n',
            b'{"body": null}\n',
        ]
    )
    code, out, err = cli_run(["--jsonl", "--text-field", "body"], stdin)
    assert (code, err) == (0, "")
    # "Home\n\n" is 6 code points; the sentence is 60.
    assert out.decode("utf-8").split("\n") == [
        (
            '{"id": 7, "body": "A sentence long enough to be the story, plainly, as it goes.", "text": "kept as is", '
            '"title": null, "title_span": null, "spans": [[6, 66]], '
            '"removed": [{"start": 0, "end": 4, "category": "navigation", "reason": "lexicon:navigation"}], '
            '"page_type": "article", "page_type_evidence": ["too-short"]}'
        ),
        '{"error": "no \\"body\\" string field", "line": 2, "id": 8}',
        '{"error": "\\"body\\" is not a string", "line": 3, "id": 9}',
        '{"error": "no \\"body\\" string field", "line": 4}',
        "",
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_text_field_reaches_every_worker(cli_run, jobs):
    field = "page text \u00e9"
    records = [{"id": i, field: page(i), "text": f"not this {i}"} for i in range(1, 151)]
    records[99] = {"id": 100, "text": page(100)}  # lacks the field
    code, out, err = cli_run(["--jsonl", "--jobs", jobs, "--text-field", field], jsonl(*records))
    assert (code, err) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 150
    for i, row in enumerate(rows, 1):
        if i == 100:
            assert row == {"error": f'no "{field}" string field', "line": 100, "id": 100}
            continue
        assert list(row) == ["id", field, "text", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence"]
        assert row[field] == strip(page(i)).text
        assert row["text"] == f"not this {i}"
        assert row["title"] == f"Bridge Report Number {i} From The Valley"


# --- --jobs ---------------------------------------------------------------------------------


def test_jobs_one_writes_what_clean_line_says(cli_run):
    data = mixed_batch()
    code, out, err = cli_run(["--jsonl", "--jobs", "1"], data)
    assert (code, err) == (0, "")
    assert out == expected_jsonl(data)
    lines = out.decode("utf-8").split("\n")
    assert len(lines) == 301 and lines[-1] == ""  # 300 lines, each ending in a newline
    assert lines[0] == lines[62] == lines[127] == ""  # blank lines 1, 63, 128
    rows = {n: json.loads(line) for n, line in enumerate(lines[:-1], 1) if line}
    for n in (2, 17, 40, 64, 65, 66, 129, 150, 201, 250):
        assert rows[n]["line"] == n and rows[n]["error"]
    assert rows[64]["id"] == 64 and rows[65]["id"] == "sixty-five" and rows[150]["id"] == 150
    assert "UTF-8" in rows[66]["error"]
    assert rows[200]["id"] == 200 and "error" not in rows[200]  # a lone surrogate escape is no error
    assert rows[300]["text"] == strip(page(300)).text


@pytest.mark.parametrize("jobs", ["2", "0"])
def test_jobs_output_is_byte_identical_to_one_job(cli_run, tmp_path, jobs):
    # 1000 lines are 16 chunks: more than the 8 (4 per worker) kept in flight.
    data = mixed_batch(1000)
    code, one, err = cli_run(["--jsonl", "--jobs", "1"], data)
    assert (code, err) == (0, "")
    code, many, err = cli_run(["--jsonl", "--jobs", jobs], data)
    assert (code, err) == (0, "")
    assert many == one
    # From a gzip file into a gzip file, too, with a byte-order mark on the first line.
    source = tmp_path / "batch.jsonl.gz"
    source.write_bytes(gzip.compress(b"\xef\xbb\xbf" + data))
    target = tmp_path / "out.jsonl.gz"
    assert cli_run(["--jsonl", "--jobs", jobs, "-o", target, source]) == (0, b"", "")
    assert gzip.decompress(target.read_bytes()) == one


# --- --progress -----------------------------------------------------------------------------

PROGRESS_LINE = re.compile(r"boilerstrip: (?:\[([#.]+)\] +(\d+)% )?([\d,]+) records, [\d,]+ records/s *")


def progress_counts(err: str):
    """(records, bar, percent) of each progress line in *err*, which must hold nothing else."""
    assert err.endswith("\n") and err.count("\n") == 1, repr(err[-200:])
    shown = [part for part in err.rstrip("\n").split("\r") if part]
    assert shown
    found = []
    for part in shown:
        match = PROGRESS_LINE.fullmatch(part)
        assert match, part
        bar, percent, records = match.groups()
        found.append((int(records.replace(",", "")), bar, percent))
    return found


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_from_a_file_shows_a_bar_and_the_final_count(cli_run, tmp_path, jobs):
    data = mixed_batch()
    records = sum(1 for line in input_lines(data) if line.strip())
    path = tmp_path / "batch.jsonl"
    path.write_bytes(data)
    code, out, err = cli_run(["--jsonl", "--progress", "--jobs", jobs, path])
    assert code == 0
    assert out == expected_jsonl(data)
    assert records == sum(1 for line in out.splitlines() if line.strip()) == 297
    shown = progress_counts(err)
    final_records, bar, percent = shown[-1]
    assert final_records == records
    assert bar == "#" * len(bar) and percent == "100"
    assert [r for r, _, _ in shown] == sorted(r for r, _, _ in shown)


def test_progress_from_stdin_counts_without_a_bar(cli_run):
    data = mixed_batch(100)
    code, out, err = cli_run(["--jsonl", "--progress"], data)
    assert code == 0 and out == expected_jsonl(data)
    shown = progress_counts(err)
    assert shown[-1] == (sum(1 for line in input_lines(data) if line.strip()), None, None)


def test_progress_of_a_gzip_file_reaches_100_percent(cli_run, tmp_path):
    data = mixed_batch(200)
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(data))
    code, out, err = cli_run(["--jsonl", "--progress", path])
    assert code == 0 and out == expected_jsonl(data)
    records, _, percent = progress_counts(err)[-1]
    assert records == sum(1 for line in out.splitlines() if line) == 197  # lines 1, 63 and 128 are blank
    assert percent == "100"


@pytest.mark.parametrize("flags", [["--no-progress"], []], ids=["no-progress", "default-not-a-tty"])
def test_no_progress_keeps_stderr_empty(cli_run, tmp_path, flags):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(mixed_batch(100))
    code, out, err = cli_run(["--jsonl", *flags, path])
    assert (code, err) == (0, "")
    assert out == expected_jsonl(mixed_batch(100))


def run_program(args, stdin: bytes = b"", tty_stderr: bool = False):
    """Run ``python -m boilerstrip`` with *stdin* through a pipe and stderr a pipe or a
    terminal; returns (exit code, stdout bytes, stderr text with the terminal's CRLF undone)."""
    master = slave = None
    if tty_stderr:
        master, slave = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "boilerstrip", *map(str, args)],
            input=stdin,
            check=False,
            stdout=subprocess.PIPE,
            stderr=slave if tty_stderr else subprocess.PIPE,
            env=program_env(),
            timeout=60,
        )
    finally:
        if slave is not None:
            os.close(slave)
    if not tty_stderr:
        return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")
    chunks = []
    try:
        while True:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    except OSError:  # EIO: the terminal has no writer left
        pass
    finally:
        os.close(master)
    return done.returncode, done.stdout, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_is_on_by_default_when_stderr_is_a_terminal(tmp_path):
    data = mixed_batch(100)
    path = tmp_path / "batch.jsonl"
    path.write_bytes(data)
    code, out, err = run_program(["--jsonl", path], tty_stderr=True)
    assert (code, out) == (0, expected_jsonl(data))
    records, _, percent = progress_counts(err)[-1]
    assert records == 98 and percent == "100"  # lines 1 and 63 are blank
    code, out, err = run_program(["--jsonl", "--no-progress", path], tty_stderr=True)
    assert (code, out, err) == (0, expected_jsonl(data), "")


@pytest.mark.parametrize(
    "flags, tty", [(["--progress"], False), ([], True)], ids=["progress-flag", "default-on-a-terminal"]
)
def test_progress_with_stdin_from_a_pipe(flags, tty):
    data = mixed_batch(100)
    code, out, err = run_program(["--jsonl", *flags], data, tty_stderr=tty)
    assert code == 0, err
    assert out == expected_jsonl(data)
    assert progress_counts(err)[-1] == (98, None, None)


# --- usage errors ---------------------------------------------------------------------------


USAGE_ERRORS = {
    "jobs-without-jsonl": ["--jobs", "2"],
    "jobs-0-without-jsonl": ["--jobs", "0"],
    "text-field-without-jsonl": ["--text-field", "body"],
    "report-dir-without-jsonl": ["--report-dir", "{tmp}/reports"],
    "progress-without-jsonl": ["--progress"],
    "json-progress": ["--json", "--progress"],
    "negative-jobs": ["--jsonl", "--jobs", "-1"],
    "jobs-not-a-number": ["--jsonl", "--jobs", "two"],
    "empty-text-field": ["--jsonl", "--text-field", ""],
    "report-with-jsonl": ["--jsonl", "--report", "{tmp}/report.html"],
}


@pytest.mark.parametrize("argv", list(USAGE_ERRORS.values()), ids=list(USAGE_ERRORS))
def test_usage_errors_exit_two(cli_run, tmp_path, argv):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = cli_run(argv + ["-o", tmp_path / "out.txt"], jsonl({"text": PAGE}))
    assert code == 2
    assert out == b""
    assert_one_line_error(err)
    assert sorted(os.listdir(tmp_path)) == []  # no report, no report folder, no output file


# --- input that cannot be read --------------------------------------------------------------


@pytest.mark.parametrize(
    "flags", [[], ["--json"], ["--jsonl"], ["--jsonl", "--jobs", "2"]], ids=["plain", "json", "jsonl", "jsonl-jobs-2"]
)
def test_missing_input_file_exits_one(cli_run, tmp_path, flags):
    target = tmp_path / "out.gz"
    code, out, err = cli_run(flags + ["-o", target, tmp_path / "missing.jsonl"])
    assert (code, out) == (1, b"")
    assert_one_line_error(err, "cannot read", "missing.jsonl")
    assert not target.exists()


@pytest.mark.parametrize(
    "flags, target",
    [
        ([], "-o"),
        (["--jsonl"], "-o"),
        (["--jsonl", "--jobs", "2"], "-o"),
        (["--json"], "--report"),
        (["--jsonl"], "--report-dir"),
    ],
    ids=["plain-output", "jsonl-output", "jsonl-jobs-2-output", "report", "report-dir"],
)
def test_what_cannot_be_written_exits_one(cli_run, tmp_path, flags, target):
    (tmp_path / "a-file").write_text("not a folder")
    where = tmp_path / "a-file" / "out.gz" if target != "--report-dir" else tmp_path / "a-file"
    stdin = jsonl({"text": PAGE}) if "--jsonl" in flags else PAGE.encode("utf-8")
    code, out, err = cli_run(flags + [target, where], stdin)
    assert (code, out) == (1, b"")
    assert_one_line_error(err, str(tmp_path / "a-file"))
    assert "cannot write" in err or "cannot create" in err
    assert (tmp_path / "a-file").read_text() == "not a folder"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("flags", [[], ["--jsonl"]], ids=["plain", "jsonl"])
def test_a_full_disk_is_reported_as_cannot_write(cli_run, flags):
    stdin = jsonl({"text": PAGE}) if flags else PAGE.encode("utf-8")
    code, out, err = cli_run(flags + ["-o", "/dev/full"], stdin)
    assert (code, out) == (1, b"")
    assert_one_line_error(err, "cannot write", "/dev/full")
    assert "internal error" not in err


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def test_truncated_gzip_in_plain_mode_exits_one(cli_run):
    code, out, err = cli_run([], half(gzip.compress(PAGE.encode("utf-8") * 20)))
    assert (code, out) == (1, b"")
    assert_one_line_error(err, "standard input")


@pytest.mark.parametrize("flags", [[], ["--jsonl"]], ids=["plain", "jsonl"])
def test_truncated_gzip_message_names_gzip(cli_run, flags):
    data = mode_input("jsonl" if flags else "plain") * 20
    code, _, err = cli_run(flags, half(gzip.compress(data)))
    assert code == 1
    assert_one_line_error(err)
    assert "gzip" in err.lower()


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("compression", sorted(COMPRESSORS))
def test_truncated_input_in_jsonl_mode_keeps_complete_lines(cli_run, tmp_path, compression, jobs):
    data = b"".join(jsonl({"id": i, "text": page(i)}) for i in range(1, 2001))
    squeezed = COMPRESSORS[compression](data)
    path = tmp_path / "cut.jsonl.bin"
    path.write_bytes(half(squeezed))
    code, out, err = cli_run(["--jsonl", "--jobs", jobs, path])
    assert code == 1
    assert_one_line_error(err, "cut.jsonl.bin")
    assert out.endswith(b"\n")
    lines = out.splitlines(keepends=True)
    assert 0 < len(lines) < 2000
    assert b"".join(lines) == expected_jsonl(b"".join(input_lines(data)[: len(lines)]))
    assert all("error" not in json.loads(line) for line in lines)  # no half record passed as a bad one


def test_truncated_input_into_an_output_file_leaves_no_file(cli_run, tmp_path):
    # An error exit renames nothing into place and removes the temporary file.
    data = b"".join(jsonl({"id": i, "text": page(i)}) for i in range(1, 1001))
    target = tmp_path / "out.jsonl.gz"
    code, out, err = cli_run(["--jsonl", "-o", target], half(gzip.compress(data)))
    assert (code, out) == (1, b"")
    assert_one_line_error(err)
    assert os.listdir(tmp_path) == []


# --- --report (one document) ------------------------------------------------------------------

HOSTILE = "\n\n".join(["Home", "<script>alert(1)</script>", "Share"] + PARA + ["Fish & chips <b>cost</b> more", "Back to top"])


@pytest.mark.parametrize("flags", [[], ["--json"], ["--explain"]], ids=["plain", "json", "explain"])
def test_report_writes_escaped_html_and_leaves_stdout_alone(cli_run, tmp_path, flags):
    report = tmp_path / "report.html"
    data = HOSTILE.encode("utf-8")
    without = cli_run(flags, data)
    assert without[0] == 0
    assert cli_run(flags + ["--report", report], data) == without
    page_html = (tmp_path / "report.html").read_text("utf-8")
    assert page_html.lstrip().lower().startswith("<!doctype html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_html
    assert "<script>alert" not in page_html
    assert "Fish &amp; chips &lt;b&gt;cost&lt;/b&gt; more" in page_html
    assert "<b>cost" not in page_html
    for para in PARA:
        assert para in page_html  # plain words need no escaping
    assert "http://" not in page_html and "https://" not in page_html  # self-contained


def test_report_with_output_file_and_gzip_input(cli_run, tmp_path):
    source = tmp_path / "page.txt.gz"
    source.write_bytes(gzip.compress(HOSTILE.encode("utf-8")))
    code, out, err = cli_run(["--report", tmp_path / "r.html", "-o", tmp_path / "body.txt", source])
    assert (code, out, err) == (0, b"", "")
    assert (tmp_path / "body.txt").read_text("utf-8") == strip(HOSTILE).text + "\n"
    assert "&lt;script&gt;" in (tmp_path / "r.html").read_text("utf-8")


# --- --report-dir -----------------------------------------------------------------------------


class _Rows(html.parser.HTMLParser):
    """The body rows of the index table: class, attributes, text and links of each."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self._row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and attrs.get("class") in ("ok", "error"):
            self._row = {"class": attrs["class"], "attrs": attrs, "text": "", "links": []}
        elif tag == "a" and self._row is not None:
            self._row["links"].append(attrs.get("href"))

    def handle_data(self, data):
        if self._row is not None:
            self._row["text"] += data

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None


def index_rows(directory: pathlib.Path):
    parser = _Rows()
    parser.feed((directory / "index.html").read_text("utf-8"))
    return parser.rows


def report_batch(n: int = 150) -> tuple[bytes, list]:
    """A batch for --report-dir, and per input line (good records, errors, blanks) what it is."""
    lines, kinds = [], []
    for i in range(1, n + 1):
        if i % 37 == 0:
            lines.append(b"{broken\n")
            kinds.append(("error", None, "invalid JSON"))
        elif i % 41 == 0:
            lines.append(jsonl({"id": f"missing/{i}", "body": "x"}))
            kinds.append(("error", f"missing/{i}", 'no "text" string field'))
        elif i % 50 == 0:
            lines.append(b"\n")
            kinds.append(("blank", None, None))
        else:
            record_id = None if i % 7 == 0 else (f"../id <{i}>" if i % 2 else i)
            text = page(i) + f"\n\nTom & Jerry <i>number {i}</i> said so."
            record = {"text": text} if record_id is None else {"id": record_id, "text": text}
            lines.append(jsonl(record))
            kinds.append(("ok", record_id, text))
    return b"".join(lines), kinds


def test_report_dir_pages_and_index(cli_run, tmp_path):
    data, kinds = report_batch()
    directory = tmp_path / "new" / "reports"
    code, out, err = cli_run(["--jsonl", "--report-dir", directory], data)
    assert (code, err) == (0, "")
    assert out == expected_jsonl(data)  # the report does not change the output

    good = {n: (rid, text) for n, (kind, rid, text) in enumerate(kinds, 1) if kind == "ok"}
    pages = {report_filename(n, rid): text for n, (rid, text) in good.items()}
    assert len(pages) == len(good)
    assert sorted(os.listdir(directory)) == sorted([*pages, "index.html"])
    for name, text in pages.items():
        html_page = (directory / name).read_text("utf-8")
        assert "Tom &amp; Jerry &lt;i&gt;number" in html_page
        assert "<i>number" not in html_page
        assert strip(text).text.split("\n")[0] in html_page

    rows = index_rows(directory)
    records = [(n, kind) for n, (kind, _, _) in enumerate(kinds, 1) if kind != "blank"]
    assert len(rows) == len(records)  # every non-blank record, blanks not
    for row, (n, kind) in zip(rows, records):
        _, rid, what = kinds[n - 1]
        assert row["class"] == kind
        assert f"line {n}" in row["text"]
        if kind == "ok":
            assert row["links"] == [report_filename(n, rid)]
        else:
            assert row["links"] == []
            assert what in row["text"] and what in row["attrs"]["data-error"]
            expected_error = json.loads(out.splitlines()[n - 1])["error"]
            assert row["attrs"]["data-error"] == expected_error
            if rid is not None:
                assert rid in row["text"]


def test_report_dir_with_two_jobs_writes_the_same_files(cli_run, tmp_path):
    data, _ = report_batch()
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli_run(["--jsonl", "--report-dir", one], data)[0] == 0
    code, out, err = cli_run(["--jsonl", "--jobs", "2", "--report-dir", two], data)
    assert (code, err) == (0, "")
    assert out == expected_jsonl(data)
    names = sorted(os.listdir(one))
    assert len(names) > 100
    assert sorted(os.listdir(two)) == names
    for name in names:
        assert (two / name).read_bytes() == (one / name).read_bytes(), name


# --- Ctrl-C -------------------------------------------------------------------------------------

BIG_RECORDS = 3000
CHROME_TOP = ["Home", "World", "Politics", "Share", "Tweet", "Email"]
CHROME_END = ["Related Articles", "Sign up for our newsletter", "Back to top", "\u00a9 2024 Example Media"]


def big_record(i: int) -> dict:
    paras = [PLAIN_PARAGRAPHS[(i + j) % 4].replace("village", f"village {i}-{j}") for j in range(8)]
    lines = CHROME_TOP + [f"Bridge Report Number {i} From The Valley"] + paras + CHROME_END
    return {"id": i, "text": "\n\n".join(lines)}


@pytest.fixture(scope="module")
def big_batch(tmp_path_factory):
    """A batch that takes seconds, and its full output from an uninterrupted --jobs 1 run."""
    folder = tmp_path_factory.mktemp("big")
    source = folder / "big.jsonl"
    source.write_bytes(b"".join(jsonl(big_record(i)) for i in range(BIG_RECORDS)))
    full = folder / "full.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "--jsonl", "--jobs", "1", "-o", str(full), str(source)],
        capture_output=True,
        check=False,
        env=program_env(),
        timeout=180,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    lines = full.read_bytes().splitlines(keepends=True)
    assert len(lines) == BIG_RECORDS
    return source, lines


def start(args, unbuffered: bool = False):
    # bufsize=0: readline() then takes exactly one line, and communicate() the rest.
    return subprocess.Popen(
        [sys.executable, "-m", "boilerstrip", "--jsonl", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=program_env(unbuffered),
        bufsize=0,
        start_new_session=True,
    )


def interrupt(proc):
    """Ctrl-C to the whole process group; returns (exit code, rest of stdout, stderr)."""
    try:
        try:
            os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:  # already gone: its exit code will say so
            pass
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    return proc.returncode, out, err.decode("utf-8", "replace")


def assert_interrupted_cleanly(code, output: bytes, err: str, full_lines) -> None:
    assert code == 130, (code, err)
    assert_one_line_error(err, "boilerstrip: interrupted: ")
    assert output.endswith(b"\n")
    lines = output.splitlines(keepends=True)
    for line in lines:
        json.loads(line)
    assert lines == full_lines[: len(lines)]
    said = re.search(r"interrupted: ([\d,]+) records", err)
    assert said and int(said.group(1).replace(",", "")) == len(lines)


def first_line_then_ctrl_c(proc):
    """Read the first output line (the program is then blocked writing to the full pipe),
    press Ctrl-C; returns (exit code, all of stdout, stderr)."""
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "no output within 60 s"
        first = proc.stdout.readline()
        assert first.endswith(b"\n")
    finally:
        code, rest, err = interrupt(proc)
    return code, first + rest, err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_to_stdout_leaves_a_prefix_of_complete_lines(big_batch, jobs):
    source, full_lines = big_batch
    code, output, err = first_line_then_ctrl_c(start(["--jobs", jobs, source]))
    assert_interrupted_cleanly(code, output, err, full_lines)


def test_ctrl_c_with_unbuffered_stdout_leaves_complete_lines(big_batch):
    source, full_lines = big_batch
    code, output, err = first_line_then_ctrl_c(start([source], unbuffered=True))
    assert_interrupted_cleanly(code, output, err, full_lines)


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_ctrl_c_with_compressed_output_leaves_a_complete_stream(big_batch, tmp_path, suffix):
    source, full_lines = big_batch
    target = tmp_path / ("out.jsonl" + suffix)
    proc = start(["-o", target, source])
    try:
        deadline = time.monotonic() + 60
        # Wait until compressed data reaches the temporary file (renamed to the target
        # when the run ends): records are being written.
        while not temporary_file_has_data(tmp_path):
            assert proc.poll() is None, "the run ended before it was interrupted"
            assert time.monotonic() < deadline, "nothing written within 60 s"
            time.sleep(0.02)
    finally:
        code, out, err = interrupt(proc)
    assert out == b""
    written = target.read_bytes()
    written = gzip.decompress(written) if suffix == ".gz" else unzstd(written)
    assert_interrupted_cleanly(code, written, err, full_lines)


def temporary_file_has_data(folder: pathlib.Path) -> bool:
    """Whether an output file being written in *folder* (under its temporary name) has data."""
    for part in folder.glob(".*.part"):
        try:
            if part.stat().st_size > 0:
                return True
        except FileNotFoundError:  # renamed into place meanwhile
            pass
    return False


def test_ctrl_c_with_report_dir_indexes_what_was_written(big_batch, tmp_path):
    source, full_lines = big_batch
    directory = tmp_path / "reports"
    code, output, err = first_line_then_ctrl_c(start(["--jobs", "2", "--report-dir", directory, source]))
    assert_interrupted_cleanly(code, output, err, full_lines)
    written = output.splitlines()
    rows = index_rows(directory)
    assert [row["links"] for row in rows] == [[report_filename(n, n - 1)] for n in range(1, len(written) + 1)]
    for n in range(1, len(written) + 1):
        assert (directory / report_filename(n, n - 1)).exists()
