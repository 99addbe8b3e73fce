"""Many files in and out: several inputs, ``--input-dir``/``--glob``, ``--output-dir``/``--suffix``."""

from __future__ import annotations


import gzip
import json

import pytest
from cli_harness import run_bytes
from warc_samples import BREAD_TEXT, HARBOUR_TEXT, wet_file

from boilerstrip import strip
from boilerstrip.files import output_name


def tree(root):
    """Every file under *root* as a relative path, sorted."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def pages(tmp_path):
    src = tmp_path / "in"
    (src / "news").mkdir(parents=True)
    (src / "news" / "harbour.txt").write_text(HARBOUR_TEXT, encoding="utf-8")
    (src / "bread.txt.gz").write_bytes(gzip.compress(BREAD_TEXT.encode("utf-8")))
    (src / "notes.md").write_text("not a page we want\n", encoding="utf-8")
    return src


def test_input_dir_to_output_dir_keeps_the_relative_paths(tmp_path, pages, monkeypatch):
    out = tmp_path / "out"
    code, stdout, err = run_bytes(["--input-dir", pages, "--glob", "*.txt*", "--output-dir", out], b"", monkeypatch)
    assert (code, stdout, err) == (0, b"", "")
    assert tree(out) == ["bread.txt", "news/harbour.txt"]
    assert (out / "news" / "harbour.txt").read_text(encoding="utf-8") == strip(HARBOUR_TEXT).text + "\n"
    assert (out / "bread.txt").read_text(encoding="utf-8") == strip(BREAD_TEXT).text + "\n"


def test_without_glob_every_file_is_read(tmp_path, pages, monkeypatch):
    out = tmp_path / "out"
    code, _, _ = run_bytes(["--input-dir", pages, "--output-dir", out, "--json"], b"", monkeypatch)
    assert code == 0
    assert tree(out) == ["bread.json", "news/harbour.json", "notes.json"]
    assert json.loads((out / "news" / "harbour.json").read_text(encoding="utf-8"))["title"] == "The harbour gets new bike lanes"


def test_an_output_dir_inside_the_input_dir_is_not_read_again(tmp_path, pages, monkeypatch):
    out = pages / "clean"
    assert run_bytes(["--input-dir", pages, "--glob", "*.txt*", "--output-dir", out], b"", monkeypatch)[0] == 0
    assert run_bytes(["--input-dir", pages, "--glob", "*.txt*", "--output-dir", out], b"", monkeypatch)[0] == 0
    assert tree(out) == ["bread.txt", "news/harbour.txt"]


def test_a_file_that_fails_is_reported_and_the_others_go_on(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(HARBOUR_TEXT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 is not UTF-8\n")
    out = tmp_path / "out"
    code, _, err = run_bytes([bad, tmp_path / "missing.txt", good, "--output-dir", out], b"", monkeypatch)
    assert code == 1
    assert tree(out) == ["good.txt"]  # no output at all for a file that failed
    assert "bad.txt: " in err and "offset 3" in err
    assert "missing.txt" in err
    assert err.splitlines()[-1] == "boilerstrip: 2 of 3 files failed"


def test_suffix_and_formats_name_the_outputs(tmp_path, pages, monkeypatch):
    out = tmp_path / "out"
    args = ["--input-dir", pages, "--glob", "news/*.txt", "--output-dir", out]
    assert run_bytes([*args, "--format", "markdown"], b"", monkeypatch)[0] == 0
    assert run_bytes([*args, "--suffix", ".clean.txt.gz"], b"", monkeypatch)[0] == 0
    assert tree(out) == ["news/harbour.clean.txt.gz", "news/harbour.md"]
    assert gzip.decompress((out / "news" / "harbour.clean.txt.gz").read_bytes()).decode("utf-8") == strip(HARBOUR_TEXT).text + "\n"
    assert (out / "news" / "harbour.md").read_text(encoding="utf-8").startswith("# The harbour gets new bike lanes\n\n")


def test_crawl_files_among_the_inputs_give_jsonl(tmp_path, monkeypatch):
    pytest.importorskip("fastwarc", reason="FastWARC is not installed")
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.txt").write_text(HARBOUR_TEXT, encoding="utf-8")
    (src / "crawl.wet.gz").write_bytes(gzip.compress(wet_file()))
    out = tmp_path / "out"
    code, _, err = run_bytes(["--input-dir", src, "--output-dir", out], b"", monkeypatch)
    assert (code, err) == (0, "")
    assert tree(out) == ["crawl.jsonl", "page.txt"]
    assert len((out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_jsonl_inputs_each_get_their_own_output(tmp_path, monkeypatch):
    for name, text in (("a.jsonl", HARBOUR_TEXT), ("b.jsonl", BREAD_TEXT)):
        (tmp_path / name).write_text(json.dumps({"id": name, "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = run_bytes(["--jsonl", tmp_path / "a.jsonl", tmp_path / "b.jsonl", "--output-dir", out], b"", monkeypatch)
    assert code == 0 and tree(out) == ["a.jsonl", "b.jsonl"]
    assert json.loads((out / "b.jsonl").read_text(encoding="utf-8"))["text"] == strip(BREAD_TEXT).text


@pytest.mark.parametrize(
    "args, message",
    [
        (["a.txt", "b.txt"], "several inputs need --output-dir"),
        (["--glob", "*.txt", "a.txt"], "--glob works with --input-dir"),
        (["--suffix", ".x", "a.txt"], "--suffix works with --output-dir"),
        (["--output-dir", "o", "-o", "x", "a.txt"], "either -o or --output-dir"),
        (["--output-dir", "o", "-", "a.txt"], "standard input"),
    ],
)
def test_usage_errors(args, message, monkeypatch):
    code, _, err = run_bytes(args, b"", monkeypatch)
    assert code == 2 and message in err


def test_two_inputs_with_one_output_name_are_refused(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(HARBOUR_TEXT, encoding="utf-8")
    (tmp_path / "a.html").write_text(HARBOUR_TEXT, encoding="utf-8")
    code, _, err = run_bytes([tmp_path / "a.txt", tmp_path / "a.html", "--output-dir", tmp_path / "out"], b"", monkeypatch)
    assert code == 1 and "would both be written to" in err
    assert not (tmp_path / "out").exists()


def test_output_name():
    assert output_name("news/a.txt.gz", ".md") == "news/a.md"
    assert output_name("b.warc.gz", ".jsonl") == "b.jsonl"
    assert output_name("c", ".txt") == "c.txt"
    assert output_name("report.final.txt", ".json") == "report.final.json"
    assert output_name(".txt", ".md") == ".txt.md"


def test_the_command_line_loads_no_crawl_library_until_asked():
    import os
    import subprocess
    import sys

    from cli_harness import SRC

    code = (
        "import sys, boilerstrip, boilerstrip.cli, boilerstrip.warc, boilerstrip.warc_run, boilerstrip.files\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'fastwarc', 'warcio', 'datatrove'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=dict(os.environ, PYTHONPATH=str(SRC)), timeout=60)
    assert (done.returncode, done.stderr, done.stdout) == (0, b"", b"[]\n")
