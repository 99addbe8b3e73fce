"""The CLI's input and output files and streams: ``-o`` never destroys the input and
appears only when whole, closed standard streams, reproducible gzip output, read
errors after good records, ``--jobs`` capped, report folders that cannot be written."""

from __future__ import annotations

import errno
import gzip
import os
import stat
import subprocess
import sys
import zlib

import pytest
import zstandard

from boilerstrip import jsonl as jsonl_module
from boilerstrip import parallel
from boilerstrip.report import report_filename
from cli_harness import run_bytes
from test_cli_batch import BODY, PAGE, assert_one_line_error, expected_jsonl, input_lines, jsonl, page, program_env


@pytest.fixture
def cli_run(monkeypatch):
    return lambda argv, stdin=b"": run_bytes(argv, stdin, monkeypatch)


def batch(n: int) -> bytes:
    return b"".join(jsonl({"id": i, "text": page(i)}) for i in range(1, n + 1))


def program(args, **kwargs):
    """``python -m boilerstrip ARGS`` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "boilerstrip", *map(str, args)],
        capture_output=True,
        env=program_env(),
        timeout=120,
        check=False,
        **kwargs,
    )


# --- -o naming the input --------------------------------------------------------------------


def same_file_as(kind: str, source, tmp_path):
    """An output path that is *source* itself, a symbolic or a hard link to it."""
    if kind == "same-name":
        return source
    other = tmp_path / f"{kind}.jsonl"
    if kind == "symlink":
        other.symlink_to(source)
    else:
        os.link(source, other)
    return other


@pytest.mark.parametrize("kind", ["same-name", "symlink", "hard-link"])
@pytest.mark.parametrize("flags", [["--jsonl"], ["--jsonl", "--jobs", "2"], [], ["--json"]], ids=["jsonl", "jobs-2", "plain", "json"])
def test_output_naming_the_input_is_refused(cli_run, tmp_path, kind, flags):
    source = tmp_path / "in.jsonl"
    data = batch(3) if "--jsonl" in flags else PAGE.encode("utf-8")
    source.write_bytes(data)
    target = same_file_as(kind, source, tmp_path)
    code, out, err = cli_run(flags + [source, "-o", target])
    assert (code, out) == (2, b"")
    assert_one_line_error(err, f"-o {target}", "input")
    assert source.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"in.jsonl", os.path.basename(target)})


def test_report_naming_the_input_is_refused(cli_run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_bytes(PAGE.encode("utf-8"))
    code, out, err = cli_run(["--report", source, source])
    assert (code, out) == (2, b"")
    assert_one_line_error(err, "--report", "input")
    assert source.read_bytes() == PAGE.encode("utf-8")


def test_output_naming_the_file_on_standard_input_is_refused(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(batch(3))
    with open(source, "rb") as stdin:
        done = program(["--jsonl", "-o", source], stdin=stdin)
    assert (done.returncode, done.stdout) == (2, b"")
    assert_one_line_error(done.stderr.decode("utf-8"), "input")
    assert source.read_bytes() == batch(3)


def test_a_copy_of_the_input_may_be_overwritten(cli_run, tmp_path):
    source, copy = tmp_path / "in.jsonl", tmp_path / "copy.jsonl"
    source.write_bytes(batch(3))
    copy.write_bytes(batch(3))
    assert cli_run(["--jsonl", source, "-o", copy]) == (0, b"", "")
    assert copy.read_bytes() == expected_jsonl(batch(3))


# --- -o through a temporary file ------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", ".gz"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failed_run_leaves_an_existing_output_untouched(cli_run, tmp_path, suffix, jobs):
    target = tmp_path / ("out.jsonl" + suffix)
    target.write_bytes(b"yesterday's results\n")
    cut = gzip.compress(batch(300))[:-1000]  # a gzip stream cut short: exit 1 after 200-odd records
    code, out, err = cli_run(["--jsonl", "--jobs", jobs, "-o", target], cut)
    assert (code, out) == (1, b"")
    assert_one_line_error(err, "gzip")
    assert target.read_bytes() == b"yesterday's results\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_a_failed_single_page_run_leaves_no_file(cli_run, tmp_path):
    target = tmp_path / "body.txt"
    code, _, err = cli_run(["-o", target], b"caf\xe9 \xff\n")
    assert code == 1
    assert_one_line_error(err, "UTF-8")
    assert list(tmp_path.iterdir()) == []


def test_a_new_output_file_gets_the_usual_permissions(cli_run, tmp_path):
    target = tmp_path / "new.txt"
    umask = os.umask(0o027)
    try:
        assert cli_run(["-o", target], PAGE.encode("utf-8"))[0] == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # 0o666 without the umask's bits


def test_an_existing_output_file_keeps_its_permissions(cli_run, tmp_path):
    target = tmp_path / "old.txt"
    target.write_text("old")
    target.chmod(0o600)
    assert cli_run(["-o", target], PAGE.encode("utf-8"))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text("utf-8") == BODY + "\n"


def test_output_through_a_symbolic_link_writes_the_file_it_points_to(cli_run, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert cli_run(["-o", link], PAGE.encode("utf-8")) == (0, b"", "")
    assert link.is_symlink()
    assert real.read_text("utf-8") == BODY + "\n"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_output_to_a_device_is_written_directly(cli_run):
    assert cli_run(["--jsonl", "-o", "/dev/null"], batch(3)) == (0, b"", "")


# --- closed standard streams ------------------------------------------------------------------


def shell(command: str, tmp_path):
    """Run *command* in a POSIX shell, ``$BS`` being ``python -m boilerstrip``."""
    return subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        cwd=tmp_path,
        env=dict(program_env(), BS=f"{sys.executable} -m boilerstrip"),
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("flags", ["", "--json", "--jsonl"])
def test_closed_standard_input_is_reported(tmp_path, flags):
    done = shell(f"$BS {flags} <&-", tmp_path)
    assert (done.returncode, done.stdout) == (1, b"")
    assert_one_line_error(done.stderr.decode("utf-8"), "standard input is closed")


@pytest.mark.parametrize("flags", ["", "--jsonl"])
def test_closed_standard_output_is_reported(tmp_path, flags):
    (tmp_path / "in.txt").write_bytes(batch(3) if flags else PAGE.encode("utf-8"))
    done = shell(f"$BS {flags} in.txt >&-", tmp_path)
    assert done.returncode == 1
    assert_one_line_error(done.stderr.decode("utf-8"), "standard output is closed", "-o")


def test_closed_standard_output_does_not_matter_with_an_output_file(tmp_path):
    (tmp_path / "in.jsonl").write_bytes(batch(3))
    done = shell("$BS --jsonl in.jsonl -o out.jsonl >&-", tmp_path)
    assert (done.returncode, done.stderr) == (0, b"")
    assert (tmp_path / "out.jsonl").read_bytes() == expected_jsonl(batch(3))


def test_closed_standard_error_keeps_the_exit_code(tmp_path):
    done = shell("$BS --jsonl missing.jsonl 2>&-", tmp_path)
    assert (done.returncode, done.stdout) == (1, b"")


# --- reproducible gzip output -----------------------------------------------------------------


@pytest.mark.parametrize("flags", [[], ["--jsonl"]], ids=["plain", "jsonl"])
def test_gzip_output_has_no_name_or_time_and_is_reproducible(cli_run, tmp_path, flags):
    data = batch(3) if flags else PAGE.encode("utf-8")
    first, second = tmp_path / "a.gz", tmp_path / "b.gz"
    assert cli_run(flags + ["-o", first], data)[0] == 0
    assert cli_run(flags + ["-o", second], data)[0] == 0
    header = first.read_bytes()[:10]
    assert header[:3] == b"\x1f\x8b\x08"  # gzip, deflate
    assert header[3] == 0  # no flags: no file name, no comment
    assert header[4:8] == b"\0\0\0\0"  # modification time 0
    assert second.read_bytes() == first.read_bytes()


# --- read errors after good records ---------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("compression", ["gzip", "zstd"])
def test_garbage_after_a_compressed_stream_keeps_every_record_before_it(cli_run, tmp_path, compression, jobs):
    data = batch(100)  # two chunks, the second one short
    squeezed = gzip.compress(data) if compression == "gzip" else zstandard.ZstdCompressor().compress(data)
    source = tmp_path / "in.bin"
    source.write_bytes(squeezed + b"garbage after the stream\n")
    code, out, err = cli_run(["--jsonl", "--jobs", jobs, source])
    assert code == 1
    assert_one_line_error(err, "in.bin")
    assert out == expected_jsonl(data)  # all 100 records, then the error


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_cut_gzip_stream_keeps_every_complete_line(cli_run, tmp_path, jobs):
    data = batch(300)
    cut = gzip.compress(data)[:-2000]
    readable = zlib.decompressobj(wbits=31).decompress(cut)  # what the cut stream still holds
    complete = readable[: readable.rindex(b"\n") + 1]
    assert 64 < complete.count(b"\n") < 300
    source = tmp_path / "cut.gz"
    source.write_bytes(cut)
    code, out, err = cli_run(["--jsonl", "--jobs", jobs, source])
    assert code == 1
    assert_one_line_error(err, "cut.gz", "gzip")
    assert out == expected_jsonl(complete)
    assert len(out.splitlines()) == len(input_lines(complete))


# --- --jobs capped ------------------------------------------------------------------------------


@pytest.fixture
def pool_sizes(monkeypatch):
    """The number of workers of every pool started."""
    sizes = []
    real = parallel.ProcessPoolExecutor

    def recording(*args, **kwargs):
        sizes.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", recording)
    return sizes


def test_jobs_beyond_the_cores_are_capped_with_one_line(cli_run, monkeypatch, pool_sizes):
    monkeypatch.setattr(parallel, "available_cores", lambda: 3)
    data = batch(64 * 5)  # five chunks
    code, out, err = cli_run(["--jsonl", "--jobs", "64"], data)
    assert (code, err) == (0, "boilerstrip: --jobs 64 capped at 3 (cores available)\n")
    assert out == expected_jsonl(data)
    assert pool_sizes == [3]


def test_never_more_workers_than_chunks(cli_run, monkeypatch, pool_sizes):
    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    data = batch(64 + 10)  # two chunks
    assert cli_run(["--jsonl", "--jobs", "0"], data) == (0, expected_jsonl(data), "")
    assert pool_sizes == [2]
    # One chunk: cleaned in this process, no pool at all.
    assert cli_run(["--jsonl", "--jobs", "8"], batch(5)) == (0, expected_jsonl(batch(5)), "")
    assert pool_sizes == [2]


# --- --report-dir that cannot be written -------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_report_page_that_cannot_be_written_names_the_page(cli_run, tmp_path, jobs):
    directory = tmp_path / "reports"
    blocked = directory / report_filename(70, 70)  # a folder where record 70's page goes
    blocked.mkdir(parents=True)
    code, out, err = cli_run(["--jsonl", "--jobs", jobs, "--report-dir", directory, "-o", tmp_path / "out.jsonl"], batch(200))
    assert (code, out) == (1, b"")
    assert_one_line_error(err, f"cannot write report {blocked}")
    assert "internal error" not in err
    assert not (tmp_path / "out.jsonl").exists()


def test_an_index_that_cannot_be_written_names_the_index(cli_run, tmp_path):
    directory = tmp_path / "reports"
    (directory / "index.html").mkdir(parents=True)
    code, out, err = cli_run(["--jsonl", "--report-dir", directory], batch(3))
    assert code == 1
    assert out == expected_jsonl(batch(3))  # the records went to standard output first
    assert_one_line_error(err, f"cannot write report {directory / 'index.html'}")


@pytest.mark.parametrize(
    "failure, words",
    [
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
    ],
    ids=["read-only", "full"],
)
def test_a_read_only_or_full_report_folder_is_named(cli_run, tmp_path, monkeypatch, failure, words):
    directory = tmp_path / "reports"
    real_open = open

    def refusing_open(path, *args, **kwargs):
        if str(path).startswith(str(directory)):
            raise failure
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(jsonl_module, "open", refusing_open, raising=False)
    code, out, err = cli_run(["--jsonl", "--report-dir", directory], batch(3))
    assert (code, out) == (1, b"")
    assert_one_line_error(err, "cannot write report", str(directory), words)
    assert "standard output" not in err and "internal error" not in err

