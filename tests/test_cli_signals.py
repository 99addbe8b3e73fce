"""SIGTERM, SIGKILL and a closed pipe during a ``--jsonl`` batch: complete output,
the right exit code, and no process left behind."""

from __future__ import annotations

import gzip
import os
import select
import signal
import subprocess
import sys
import time

import pytest

import processes
import slow_work
import test_cli_batch
from boilerstrip.parallel import OrderedMap
from test_cli_batch import assert_one_line_error, program_env, temporary_file_has_data, unzstd

big_batch = test_cli_batch.big_batch  # the fixture: a batch that takes seconds, and its output

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def start(args):
    """``boilerstrip --jsonl ARGS`` in its own process group, stdout a pipe."""
    return subprocess.Popen(
        [sys.executable, "-m", "boilerstrip", "--jsonl", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=program_env(),
        bufsize=0,
        start_new_session=True,
    )


def first_line(proc) -> bytes:
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    assert ready, "no output within 60 s"
    line = proc.stdout.readline()
    assert line.endswith(b"\n")
    return line


def finish(proc, send=None):
    """Send *send* (a function of the pid) if given; returns (exit code, rest of stdout, stderr)."""
    try:
        if send is not None:
            try:
                send(proc.pid)
            except ProcessLookupError:
                pass
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    return proc.returncode, out, err.decode("utf-8", "replace")


def sigterm(pid):
    os.kill(pid, signal.SIGTERM)


def sigterm_group(pid):  # as systemd stops a service: every process of it
    os.killpg(pid, signal.SIGTERM)


def assert_terminated_cleanly(code, output: bytes, err: str, full_lines) -> None:
    assert code == 143, (code, err)
    assert_one_line_error(err, "boilerstrip: terminated (SIGTERM): ", "records written, each complete")
    assert output.endswith(b"\n")
    lines = output.splitlines(keepends=True)
    assert lines == full_lines[: len(lines)]
    said = int(err.split(": ")[2].split()[0].replace(",", ""))
    assert said == len(lines)


@pytest.mark.parametrize("send", [sigterm, sigterm_group], ids=["parent", "group"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_to_stdout_leaves_a_prefix_of_complete_lines(big_batch, jobs, send):
    source, full_lines = big_batch
    proc = start(["--jobs", jobs, source])
    first = first_line(proc)
    code, rest, err = finish(proc, send)
    assert_terminated_cleanly(code, first + rest, err, full_lines)


@pytest.mark.parametrize("suffix", ["", ".gz", ".zst"])
def test_sigterm_with_an_output_file_renames_the_complete_prefix(big_batch, tmp_path, suffix):
    source, full_lines = big_batch
    target = tmp_path / ("out.jsonl" + suffix)
    proc = start(["--jobs", "2", "-o", target, source])
    deadline = time.monotonic() + 60
    while not temporary_file_has_data(tmp_path):
        assert proc.poll() is None, "the run ended before it was stopped"
        assert time.monotonic() < deadline, "nothing written within 60 s"
        time.sleep(0.02)
    code, out, err = finish(proc, sigterm)
    assert out == b""
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # renamed, no temporary file left
    written = target.read_bytes()
    if suffix == ".gz":
        written = gzip.decompress(written)  # a complete gzip stream
    elif suffix == ".zst":
        written = unzstd(written)
    assert len(written.splitlines()) < len(full_lines)
    assert_terminated_cleanly(code, written, err, full_lines)


# --- no process left behind ---------------------------------------------------------------------


needs_process_list = pytest.mark.skipif(not processes.AVAILABLE, reason="needs psutil or /proc")


def running_batch(big_batch):
    """A --jobs 2 batch that has begun writing, and the processes it started."""
    source, _ = big_batch
    proc = start(["--jobs", "2", source])
    first_line(proc)  # the workers are up
    started = processes.descendants(proc.pid)
    assert len(started) >= 3  # two workers and the process they were forked from, at least
    return proc, started


@needs_process_list
@pytest.mark.parametrize(
    "send",
    [
        lambda pid: os.kill(pid, signal.SIGKILL),
        sigterm,
        sigterm_group,
        lambda pid: os.killpg(pid, signal.SIGINT),
    ],
    ids=["sigkill", "sigterm", "sigterm-group", "ctrl-c"],
)
def test_no_process_outlives_the_batch(big_batch, send):
    proc, started = running_batch(big_batch)
    code, _, err = finish(proc, send)
    assert code in (-signal.SIGKILL, 143, 130), (code, err)
    assert processes.wait_until_gone(started) == []


@needs_process_list
def test_a_closed_pipe_ends_the_batch_quietly_and_completely(big_batch):
    proc, started = running_batch(big_batch)
    proc.stdout.close()  # as `| head -1` does after its line
    try:
        code = proc.wait(timeout=60)
        err = proc.stderr.read()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert (code, err) == (0, b"")
    assert processes.wait_until_gone(started) == []


def test_abandon_kills_the_workers_without_waiting_for_their_items(tmp_path):
    folder = str(tmp_path)
    items = [("quick", folder)] + [("block", folder)] * 7
    mapping = OrderedMap(slow_work.work, items, 2)
    results = iter(mapping)
    try:
        worker = next(results)
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("busy-*"))) < 2:  # both workers are inside an item
            assert time.monotonic() < deadline, "the workers did not start their items"
            time.sleep(0.02)
        busy = [int(p.name.split("-")[1]) for p in tmp_path.glob("busy-*")]
        assert worker in busy or len(busy) == 2
        mapping.abandon()
        assert list(tmp_path.glob("finished-*")) == []  # nobody waited for the items
    finally:
        (tmp_path / "go").touch()  # free the workers, should the test have failed
        mapping.close()
    for pid in busy:
        deadline = time.monotonic() + 60
        while _alive(pid):
            assert time.monotonic() < deadline, f"worker {pid} still runs"
            time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = f"/proc/{pid}/stat"
    if os.path.exists(stat):  # a zombie waits for its parent, but runs no more
        with open(stat, encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    return True
