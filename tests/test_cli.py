"""The command line, run in-process (``cli.main``) and once as ``python -m boilerstrip``."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

from boilerstrip import strip
from cli_harness import run_bytes
from strategies import PLAIN_PARAGRAPHS

ROOT = pathlib.Path(__file__).resolve().parent.parent

HEAD = "Village Bridge Closed After Storm"
PARA = PLAIN_PARAGRAPHS[:3]
PAGE = "\n\n".join(["Home", HEAD, "Share"] + PARA + ["Back to top"]) + "\n"
BODY = "\n".join(PARA)


def run(argv, stdin: bytes = b"", monkeypatch=None):
    """Run ``cli.main(argv)`` with *stdin* bytes; returns (exit code, stdout, stderr)."""
    code, out, err = run_bytes(argv, stdin, monkeypatch)
    return code, out.decode("utf-8"), err


@pytest.fixture
def cli_run(monkeypatch):
    return lambda argv, stdin=b"": run(argv, stdin, monkeypatch)


def test_page_has_the_expected_article():
    # The fixture page itself: menus, share and footer lines around three paragraphs.
    result = strip(PAGE)
    assert result.title == HEAD
    assert result.text == BODY


# --- plain mode -------------------------------------------------------------------------


def test_plain_mode_writes_the_body(cli_run):
    code, out, err = cli_run([], PAGE.encode("utf-8"))
    assert (code, out, err) == (0, BODY + "\n", "")


def test_plain_mode_reads_a_file(cli_run, tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode("utf-8"))
    assert cli_run([str(path)]) == (0, BODY + "\n", "")
    assert cli_run(["-"], PAGE.encode("utf-8")) == (0, BODY + "\n", "")


def test_crlf_input(cli_run):
    code, out, _ = cli_run([], PAGE.replace("\n", "\r\n").encode("utf-8"))
    assert code == 0
    assert out == BODY + "\n"


@pytest.mark.parametrize("stdin", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_input_exits_zero_with_no_output(cli_run, stdin):
    assert cli_run([], stdin) == (0, "", "")


def test_empty_body_exits_zero(cli_run):
    code, out, err = cli_run([], b"Share\nBack to top\n")
    assert (code, out, err) == (0, "", "")
    code, out, _ = cli_run(["--json"], b"Share\nBack to top\n")
    assert code == 0
    data = json.loads(out)
    assert data["text"] == "" and data["spans"] == []
    assert [(r["start"], r["end"]) for r in data["removed"]] == [(0, 5), (6, 17)]


# --- --json -----------------------------------------------------------------------------


def test_json_keys_and_removed_items(cli_run):
    code, out, err = cli_run(["--json"], PAGE.encode("utf-8"))
    assert code == 0 and err == ""
    assert out.endswith("\n") and out.count("\n") == 1
    data = json.loads(out)
    assert set(data) == {"title", "title_span", "text", "spans", "removed", "page_type", "page_type_evidence", "language"}
    assert data["text"] == BODY
    assert data["title"] == HEAD
    assert PAGE[slice(*data["title_span"])] == HEAD
    assert [PAGE[s:e] for s, e in data["spans"]] == PARA
    assert data["removed"], "Home, Share and Back to top are removed"
    for item in data["removed"]:
        assert set(item) == {"start", "end", "category", "reason"}
        assert isinstance(item["reason"], str) and item["reason"]
    assert {PAGE[r["start"] : r["end"]] for r in data["removed"]} == {"Home", "Share", "Back to top"}


def test_json_offsets_are_code_points_after_the_bom(cli_run):
    # Emoji are one code point but two UTF-16 units and four UTF-8 bytes, so
    # byte or UTF-16 offsets would land elsewhere. The BOM is dropped on
    # reading and does not count.
    emoji = "\U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f30a"
    page = "\n\n".join([f"{emoji} Home", HEAD, f"Share {emoji}"] + [f"{emoji} {p}" for p in PARA]) + "\n"
    code, out, _ = cli_run(["--json"], b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert code == 0
    data = json.loads(out)
    paragraphs = [f"{emoji} {p}" for p in PARA]
    # Offsets worked out from the page here: str.index counts code points.
    expected_spans = [[page.index(p), page.index(p) + len(p)] for p in paragraphs]
    assert data["spans"] == expected_spans
    assert data["text"] == "\n".join(paragraphs)
    assert data["title_span"] == [page.index(HEAD), page.index(HEAD) + len(HEAD)]
    for r in data["removed"]:
        piece = page[r["start"] : r["end"]]
        assert piece and piece == piece.strip()
    assert f"{emoji} Home" in {page[r["start"] : r["end"]] for r in data["removed"]}


def test_json_offsets_match_the_library_on_the_decoded_text(cli_run):
    page = "\ufeff" + PAGE  # a BOM inside the decoded text is dropped too
    code, out, _ = cli_run(["--json"], page.encode("utf-8"))
    assert code == 0
    assert json.loads(out) == {**strip(PAGE).summary_dict(), "language": "en"}


def test_json_has_the_language_of_the_stop_words(cli_run):
    # The page is English prose, so the detector picks "en"; --language forces another.
    code, out, _ = cli_run(["--json"], PAGE.encode("utf-8"))
    assert code == 0
    assert json.loads(out)["language"] == "en"
    code, out, _ = cli_run(["--json", "--language", "de"], PAGE.encode("utf-8"))
    assert code == 0
    assert json.loads(out)["language"] == "de"


# --- --jsonl ------------------------------------------------------------------------------


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode("utf-8")) + b"\n" for r in records)


def test_jsonl_passes_fields_through_in_order(cli_run):
    records = [
        {"id": "a", "url": "https://example.org/a", "text": PAGE, "lang": "en"},
        {"text": "Share", "z": [1, 2], "a": None},
    ]
    code, out, err = cli_run(["--jsonl"], jsonl(*records))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    added = ["title", "title_span", "spans", "removed", "page_type", "page_type_evidence"]
    assert list(first) == ["id", "url", "text", "lang"] + added
    assert (first["id"], first["url"], first["lang"]) == ("a", "https://example.org/a", "en")
    assert first["text"] == BODY
    assert first["title"] == HEAD
    assert [PAGE[s:e] for s, e in first["spans"]] == PARA
    assert list(second) == ["text", "z", "a"] + added
    assert (second["text"], second["z"], second["a"], second["spans"]) == ("", [1, 2], None, [])


def test_jsonl_bad_records_become_errors_and_the_batch_goes_on(cli_run):
    stdin = b"".join(
        [
            jsonl({"id": 1, "text": PAGE}),  # line 1
            b"{not json\n",  # line 2
            b"\n",  # line 3: blank, passed through as a blank line
            b"[1, 2, 3]\n",  # line 4: not an object
            jsonl({"id": 5, "body": "no text field"}),  # line 5
            jsonl({"id": "six", "text": 6}),  # line 6: text not a string
            b"   \n",  # line 7: blank
            b'{"id": 8, "text": "\xff"}\n',  # line 8: not UTF-8
            jsonl({"id": 9, "text": "Share"}),  # line 9
        ]
    )
    code, out, err = cli_run(["--jsonl"], stdin)
    assert code == 0 and err == ""
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) == 10  # nine lines out, each ending in a newline
    assert lines[2] == "" and lines[6] == ""  # the blank lines stay where they were
    rows = [json.loads(line) for line in lines if line]
    assert len(rows) == 7
    ok1, bad_json, not_object, no_text, not_string, bad_utf8, ok9 = rows
    assert ok1["id"] == 1 and ok1["text"] == BODY
    assert set(bad_json) == {"error", "line"} and bad_json["line"] == 2
    assert set(not_object) == {"error", "line"} and not_object["line"] == 4
    assert no_text["line"] == 5 and no_text["id"] == 5 and "error" in no_text
    assert not_string == {"error": not_string["error"], "line": 6, "id": "six"}
    assert set(bad_utf8) == {"error", "line"} and bad_utf8["line"] == 8
    assert ok9["id"] == 9 and ok9["text"] == "" and "error" not in ok9
    for row in (bad_json, not_object, no_text, not_string, bad_utf8):
        assert isinstance(row["error"], str) and row["error"]
    # The messages tell the problems apart.
    assert len({bad_json["error"], not_object["error"], no_text["error"], not_string["error"]}) == 4


def test_jsonl_bom_on_the_first_line(cli_run):
    code, out, _ = cli_run(["--jsonl"], b"\xef\xbb\xbf" + jsonl({"text": PAGE}))
    assert code == 0
    assert json.loads(out)["text"] == BODY


def test_jsonl_empty_input(cli_run):
    assert cli_run(["--jsonl"], b"") == (0, "", "")
    # Blank lines come out as blank lines: output line N answers input line N.
    assert cli_run(["--jsonl"], b"\n\n") == (0, "\n\n", "")


def test_jsonl_errors_replace_decodes_bad_bytes(cli_run):
    code, out, err = cli_run(["--jsonl", "--errors", "replace"], b'{"id": 1, "text": "Share \xff"}\n')
    assert code == 0 and err == ""
    row = json.loads(out)
    assert "error" not in row and row["id"] == 1
    assert row["removed"][0]["end"] == len("Share \ufffd")


def test_jsonl_from_a_file(cli_run, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(jsonl({"id": 1, "text": PAGE}, {"id": 2, "text": PAGE}))
    code, out, _ = cli_run(["--jsonl", str(path)])
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 2]


# --- --explain -------------------------------------------------------------------------------


def test_explain_prints_one_line_per_block(cli_run):
    code, out, err = cli_run(["--explain"], PAGE.encode("utf-8"))
    assert code == 0 and err == ""
    lines = out.rstrip("\n").split("\n")
    blocks = [line.strip() for line in PAGE.split("\n") if line.strip()]
    assert len(lines) == 1 + len(blocks)  # a summary line, then one per block
    for line, text in zip(lines[1:], blocks):
        assert line.split()[0] in ("KEEP", "DROP", "TITL")
        assert line.endswith("| " + text[:71]) or line.endswith("…")
    kept = [line for line in lines[1:] if line.startswith("KEEP")]
    assert len(kept) == len(PARA)


# --- errors and exit codes ----------------------------------------------------------------------


def test_invalid_utf8_exits_one_with_the_byte_offset(cli_run):
    code, out, err = cli_run([], b"Hello\n\xe9t\xe9\n")
    assert code == 1
    assert out == ""
    assert err.startswith("boilerstrip: ")
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "offset 6" in err  # b"Hello\n" is six bytes
    assert "Traceback" not in err


def test_missing_file_exits_one(cli_run, tmp_path):
    code, out, err = cli_run([str(tmp_path / "missing.txt")])
    assert code == 1 and out == ""
    assert err.startswith("boilerstrip: ") and err.count("\n") == 1
    assert "missing.txt" in err


def test_missing_file_in_jsonl_mode_exits_one(cli_run, tmp_path):
    code, _, err = cli_run(["--jsonl", str(tmp_path / "missing.jsonl")])
    assert code == 1 and err.startswith("boilerstrip: ")


@pytest.mark.parametrize(
    "argv",
    [["--bogus"], ["--json", "--jsonl"], ["--json", "--explain"], ["--language", "xx"], ["a.txt", "b.txt"]],
    ids=["unknown-flag", "json-with-jsonl", "json-with-explain", "unknown-language", "two-files"],
)
def test_usage_errors_exit_two(cli_run, argv):
    code, out, err = cli_run(argv, PAGE.encode("utf-8"))
    assert code == 2
    assert out == ""
    assert err.startswith("boilerstrip: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_known_language_is_used(cli_run):
    code, out, _ = cli_run(["--language", "en", "--json"], PAGE.encode("utf-8"))
    assert code == 0
    assert json.loads(out)["text"] == BODY


def test_help_and_version_exit_zero(cli_run):
    code, out, _ = cli_run(["--version"])
    assert code == 0 and "boilerstrip" in out
    code, out, _ = cli_run(["--help"])
    assert code == 0 and "--jsonl" in out


# --- as a program -------------------------------------------------------------------------------


def program(args, stdin: bytes):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args], input=stdin, capture_output=True, env=env, timeout=120
    )


def test_python_dash_m_boilerstrip():
    done = program([], PAGE.encode("utf-8"))
    assert done.returncode == 0
    assert done.stdout.decode("utf-8") == BODY + "\n"
    assert done.stderr == b""
    bad = program([], b"\xff")
    assert bad.returncode == 1
    assert bad.stderr.decode().startswith("boilerstrip: ") and b"Traceback" not in bad.stderr


def test_jsonl_lone_surrogate_escape_does_not_kill_the_batch():
    # A lone surrogate escape is valid JSON ("\\ud800") but cannot be written as
    # UTF-8; the output line must still be written, as JSON that reads back the same.
    done = program(["--jsonl"], b'{"id": "\\ud800", "text": "Hello"}\n{"id": 2, "text": "Share"}\n')
    assert b"Traceback" not in done.stderr
    assert done.returncode == 0
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["\ud800", 2]


def test_utf16_input_with_a_bom_is_read(cli_run):
    code, out, err = cli_run(["--json"], PAGE.encode("utf-16"))
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["text"] == BODY
    for start, end in result["spans"]:  # offsets into the decoded text, mark excluded
        assert PAGE[start:end] in PARA


@pytest.mark.parametrize("argv", [[], ["--json"], ["--errors", "replace"]])
def test_utf16_input_without_a_bom_is_refused_in_one_line(cli_run, argv):
    # Without the check this decoded as UTF-8 with a NUL after every letter: exit 0, garbage body.
    code, out, err = cli_run(argv, PAGE.encode("utf-16-le"))
    assert (code, out) == (1, "")
    assert err.startswith("boilerstrip: standard input looks like UTF-16-LE without a byte-order mark")
    assert err.count("\n") == 1 and "iconv" in err


def test_errors_replace_reads_bad_bytes_and_offsets_follow_the_decoded_text(cli_run):
    data = b"Share \xff\n\n" + PAGE.encode("utf-8")
    code, out, err = cli_run(["--json"], data)
    assert code == 1 and "offset 6" in err and "--errors replace" in err
    code, out, err = cli_run(["--json", "--errors", "replace"], data)
    assert code == 0 and err == ""
    decoded = data.decode("utf-8", "replace")
    result = json.loads(out)
    assert result["text"] == BODY
    assert [decoded[s:e] for s, e in result["spans"]] == PARA
