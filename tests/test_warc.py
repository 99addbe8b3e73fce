"""WARC and WET input: ``boilerstrip --warc`` (or a file recognised as WARC) on files built here.

Needs FastWARC (``pip install 'boilerstrip[warc]'``); the HTML cases also need the
html extra. Every page is written for these tests (tests/warc_samples.py).
"""

from __future__ import annotations


import gzip
import json
import os
import subprocess
import sys
import zlib

import pytest
from cli_harness import run_bytes
from cli_harness import SRC
from warc_samples import (
    BREAD_TEXT,
    HARBOUR_HTML,
    HARBOUR_TEXT,
    conversion,
    gzip_each,
    record,
    request,
    response,
    warcinfo,
    wet_file,
)

from boilerstrip import strip

pytest.importorskip("fastwarc", reason="FastWARC is not installed (pip install 'boilerstrip[warc]')")

HARBOUR_URL = "https://example.org/harbour"
HARBOUR_ID = "<urn:uuid:00000000-0000-0000-0000-000000000001>"


def lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def run_file(tmp_path, data: bytes, *args: str, name: str = "crawl.warc", monkeypatch=None):
    path = tmp_path / name
    path.write_bytes(data)
    return run_bytes([*args, path], b"", monkeypatch)


def test_a_wet_file_is_cleaned_page_by_page_and_no_header_leaks(tmp_path, monkeypatch):
    # No --warc: the file is recognised by its first record. Before WARC input existed,
    # the whole file was one page and its WARC headers ended up in the body.
    code, out, err = run_file(tmp_path, wet_file(), monkeypatch=monkeypatch)
    assert (code, err) == (0, "")
    records = lines(out)
    assert [r["url"] for r in records] == [HARBOUR_URL, "https://example.org/bread"]
    harbour = records[0]
    assert harbour["id"] == HARBOUR_ID
    assert harbour["date"] == "2024-05-02T10:00:00Z"
    assert harbour["content_type"] == "text/plain"
    assert harbour["title"] == "The harbour gets new bike lanes"
    assert harbour["text"].startswith("The council voted on Tuesday")
    assert "Share on Facebook" not in harbour["text"] and "WARC" not in harbour["text"]
    # Offsets refer to the record's text, as for a page read on its own.
    start, end = harbour["spans"][0]
    assert HARBOUR_TEXT[start:end].startswith("The council voted")
    assert harbour["text"] == strip(HARBOUR_TEXT).text
    assert list(harbour) == [
        "id", "url", "date", "content_type", "title", "title_span", "text", "spans", "removed", "page_type", "page_type_evidence",
    ]


def test_plain_gzip_per_record_and_whole_gzip_files_give_the_same_output(tmp_path, monkeypatch):
    plain = run_file(tmp_path, wet_file(), "--warc", monkeypatch=monkeypatch)
    per_record = run_file(tmp_path, gzip_each(warcinfo(), conversion(HARBOUR_URL, HARBOUR_TEXT, 1), conversion("https://example.org/bread", BREAD_TEXT, 2)), "--warc", name="a.warc.gz", monkeypatch=monkeypatch)
    whole = run_file(tmp_path, gzip.compress(wet_file()), "--warc", name="b.wet.gz", monkeypatch=monkeypatch)
    assert plain[0] == 0 and len(lines(plain[1])) == 2
    assert per_record == plain
    assert whole == plain


def test_warc_1_1_records_are_read(tmp_path, monkeypatch):
    code, out, _ = run_file(tmp_path, conversion(HARBOUR_URL, HARBOUR_TEXT, version="1.1"), "--warc", monkeypatch=monkeypatch)
    assert code == 0 and [r["url"] for r in lines(out)] == [HARBOUR_URL]


def test_records_that_are_not_pages_are_counted_with_their_reason(tmp_path, monkeypatch):
    data = (
        warcinfo()
        + request(HARBOUR_URL, 3)
        + response("https://example.org/logo.png", b"\x89PNG\r\n", "image/png", 4)
        + conversion("https://example.org/cut", HARBOUR_TEXT, 5, extra="WARC-Truncated: length\r\n")
        + conversion(HARBOUR_URL, HARBOUR_TEXT, 1)
    )
    code, out, err = run_file(tmp_path, data, "--warc", "--stats", monkeypatch=monkeypatch)
    assert code == 0
    assert [r["url"] for r in lines(out)] == [HARBOUR_URL]
    assert err == (
        "boilerstrip: 1 records written, 4 skipped (not HTML (image/png): 1, request record: 1, "
        "truncated (length): 1, warcinfo record: 1)\n"
    )


def test_a_file_cut_inside_its_last_record_skips_that_record(tmp_path, monkeypatch):
    cut = conversion("https://example.org/bread", BREAD_TEXT, 2)[:-40]
    code, out, err = run_file(tmp_path, conversion(HARBOUR_URL, HARBOUR_TEXT, 1) + cut, "--warc", "--stats", monkeypatch=monkeypatch)
    assert code == 0
    assert [r["url"] for r in lines(out)] == [HARBOUR_URL]
    assert "truncated (ends before its Content-Length): 1" in err


def test_an_html_response_cut_off_is_skipped_as_truncated(tmp_path, monkeypatch):
    cut = response("https://example.org/cut.html", HARBOUR_HTML.encode("utf-8"), "text/html", 2)[:-60]
    code, out, err = run_file(tmp_path, conversion(HARBOUR_URL, HARBOUR_TEXT, 1) + cut, "--warc", "--stats", monkeypatch=monkeypatch)
    assert code == 0
    assert [r["url"] for r in lines(out)] == [HARBOUR_URL]
    assert err == "boilerstrip: 1 records written, 1 skipped (truncated (ends before its Content-Length): 1)\n"


@pytest.mark.parametrize(
    "middle",
    [
        pytest.param(b"these bytes are no record at all\r\n\r\n", id="garbage"),
        pytest.param(record("conversion", "https://example.org/x", b"abc", "text/plain", number=7, length="many"), id="length-not-a-number"),
        pytest.param(record("conversion", "https://example.org/x", b"abc", "text/plain", number=7, length="9"), id="length-too-long"),
    ],
)
def test_a_corrupt_record_never_stops_the_file(tmp_path, monkeypatch, middle):
    data = conversion(HARBOUR_URL, HARBOUR_TEXT, 1) + middle + conversion("https://example.org/bread", BREAD_TEXT, 2)
    code, out, err = run_file(tmp_path, data, "--warc", "--stats", monkeypatch=monkeypatch)
    assert code == 0
    urls = [r["url"] for r in lines(out)]
    assert urls[0] == HARBOUR_URL and urls[-1] == "https://example.org/bread"
    assert "corrupt record: 1" in err


def test_a_corrupt_gzip_member_is_skipped_and_the_next_member_read(tmp_path, monkeypatch):
    broken = bytearray(gzip.compress(conversion("https://example.org/x", BREAD_TEXT, 7)))
    broken[12:40] = b"\x00" * 28  # inside the deflate data
    data = gzip_each(conversion(HARBOUR_URL, HARBOUR_TEXT, 1)) + bytes(broken) + gzip_each(conversion("https://example.org/bread", BREAD_TEXT, 2))
    code, out, err = run_file(tmp_path, data, "--warc", "--stats", name="c.warc.gz", monkeypatch=monkeypatch)
    assert code == 0
    assert [r["url"] for r in lines(out)] == [HARBOUR_URL, "https://example.org/bread"]
    assert "corrupt record: 1" in err


def test_content_type_charset_and_codings_of_the_http_payload():
    from boilerstrip.warc_http import charset, decoded_payload, media_type, split_http

    headers, payload = split_http(b"HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; Charset=\"ISO-8859-1\"\r\n\r\n<p>")
    assert (media_type(headers["content-type"]), charset(headers["content-type"]), payload) == ("text/html", "cp1252", b"<p>")
    chunked = b"4\r\n<p>c\r\n3\r\naf\xc3\r\n1\r\n\xa9\r\n0\r\n\r\n"
    assert decoded_payload({"transfer-encoding": "chunked"}, chunked) == "<p>café".encode()
    deflated = zlib.compress(b"<p>hello")
    assert decoded_payload({"content-encoding": "deflate"}, deflated) == b"<p>hello"
    assert decoded_payload({"content-encoding": "gzip"}, gzip.compress(b"<p>hi")) == b"<p>hi"


# --- HTML in response records ------------------------------------------------------------


@pytest.fixture
def html_extra():
    pytest.importorskip("lxml", reason="the html extra is not installed")
    pytest.importorskip("bs4", reason="the html extra is not installed")


def html_body(tmp_path, monkeypatch, payload: bytes, content_type: str, http_extra: str = "") -> str:
    data = response(HARBOUR_URL, payload, content_type, 1, http_extra=http_extra)
    code, out, err = run_file(tmp_path, data, "--warc", monkeypatch=monkeypatch)
    assert (code, err) == (0, "")
    (page,) = lines(out)
    assert page["content_type"] == content_type
    return page["text"]


def test_the_http_charset_wins_over_the_meta_declaration(tmp_path, monkeypatch, html_extra):
    # The bytes are UTF-8 and the HTTP header says so; the <meta> wrongly says windows-1252.
    body = html_body(tmp_path, monkeypatch, HARBOUR_HTML.encode("utf-8"), "text/html; charset=utf-8")
    assert "the old café by the pier" in body
    assert "Home" not in body and "Gazette" not in body


def test_the_meta_declaration_decides_without_an_http_charset(tmp_path, monkeypatch, html_extra):
    page = HARBOUR_HTML.encode("cp1252")  # é is one byte, as the <meta> says
    assert "the old café by the pier" in html_body(tmp_path, monkeypatch, page, "text/html")


def test_a_byte_order_mark_wins_over_the_http_charset(tmp_path, monkeypatch, html_extra):
    page = b"\xef\xbb\xbf" + HARBOUR_HTML.encode("utf-8")
    assert "the old café by the pier" in html_body(tmp_path, monkeypatch, page, "text/html; charset=iso-8859-1")


def test_a_gzip_content_coding_is_undone(tmp_path, monkeypatch, html_extra):
    page = gzip.compress(HARBOUR_HTML.encode("utf-8"))
    body = html_body(tmp_path, monkeypatch, page, "text/html; charset=utf-8", http_extra="Content-Encoding: gzip\r\n")
    assert "the old café by the pier" in body


# --- The command line around it ----------------------------------------------------------------


def test_output_field_keeps_the_provenance_and_renames_the_body(tmp_path, monkeypatch):
    code, out, _ = run_file(tmp_path, wet_file(), "--warc", "--output-field", "clean", monkeypatch=monkeypatch)
    first = lines(out)[0]
    assert code == 0 and "text" not in first
    assert first["clean"].startswith("The council voted")
    assert list(first)[:4] == ["id", "url", "date", "content_type"]


def test_json_and_explain_are_refused_on_a_warc_input(tmp_path, monkeypatch):
    code, out, err = run_file(tmp_path, wet_file(), "--json", monkeypatch=monkeypatch)
    assert (code, out) == (2, b"")
    assert "WARC" in err


def test_a_file_that_is_no_warc_is_reported_and_the_others_go_on(tmp_path, monkeypatch):
    (tmp_path / "notes.txt").write_text("just some notes\n", encoding="utf-8")
    (tmp_path / "a.wet").write_bytes(wet_file())
    code, out, err = run_bytes(["--warc", tmp_path / "notes.txt", tmp_path / "missing.wet", tmp_path / "a.wet"], b"", monkeypatch)
    assert code == 1
    assert len(lines(out)) == 2
    assert "notes.txt is not a WARC file" in err and "cannot read" in err and "missing.wet" in err


def run_cli(args, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.run([sys.executable, "-m", "boilerstrip", *map(str, args)], input=stdin, capture_output=True, env=env, timeout=120)


def test_jobs_keep_input_order(tmp_path):
    pages = b"".join(conversion(f"https://example.org/{n}", (HARBOUR_TEXT, BREAD_TEXT)[n % 2], n) for n in range(1, 150))
    path = tmp_path / "many.wet"
    path.write_bytes(pages)
    one = run_cli(["--warc", path])
    two = run_cli(["--warc", "--jobs", "2", path])
    assert one.returncode == two.returncode == 0
    assert [r["url"] for r in lines(one.stdout)] == [f"https://example.org/{n}" for n in range(1, 150)]
    assert two.stdout == one.stdout


def test_a_pipe_is_read_too(tmp_path):
    done = run_cli(["--stats"], stdin=gzip_each(warcinfo(), conversion(HARBOUR_URL, HARBOUR_TEXT, 1)))
    assert done.returncode == 0
    assert [r["url"] for r in lines(done.stdout)] == [HARBOUR_URL]
    assert done.stderr == b"boilerstrip: 1 records written, 1 skipped (warcinfo record: 1)\n"


def test_without_fastwarc_the_message_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    code, out, err = run_file(tmp_path, wet_file(), "--warc", monkeypatch=monkeypatch)
    assert (code, out) == (1, b"")
    assert "pip install 'boilerstrip[warc]'" in err
