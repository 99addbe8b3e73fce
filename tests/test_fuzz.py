"""Fuzzing: ``strip()`` and the command line on arbitrary and page-like input.

Bounded so that it runs with the normal suite (the whole file takes well under
30 s on a 2-core machine): every test sets its own ``max_examples`` and no
deadline; the rest comes from the profile in ``conftest.py`` (``ci``:
derandomized, so every run tries the same examples). To hunt for new failures,
run with ``HYPOTHESIS_PROFILE=dev BOILERSTRIP_FUZZ_EXAMPLES=2000`` (random, more
examples).

1. ``strip()`` never raises, and its blocks are sorted, non-overlapping, trimmed
   slices of the input that leave out nothing but white space.
2. ``cli.main()`` run in-process on arbitrary bytes and on generated JSONL
   streams, under [], --json, --jsonl and --explain (and --errors replace),
   returns 0, 1 or 2, never raises, and never prints a traceback or an
   "internal error". Decodable input gives exit 0 and the library's result;
   with --jsonl, output line N answers input line N (blank for blank).
3. JSONL lines nested around the recursion limit do not stop a batch (a
   problem this file found; see the end of the file).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import headline, hostile_text, paragraph

from boilerstrip import InputError, Result, cli, strip
from boilerstrip.categories import ALL, TITLE
from boilerstrip.decoding import decode
from boilerstrip.streams import GZIP_MAGIC, ZSTD_MAGIC

#: Examples per test (per CLI mode for the parametrized CLI tests).
EXAMPLES = int(os.environ.get("BOILERSTRIP_FUZZ_EXAMPLES", "120"))

fuzz_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

MODES = ([], ["--json"], ["--jsonl"], ["--explain"])
MODE_IDS = ["plain", "json", "jsonl", "explain"]

# --- Page-like text from a grammar ------------------------------------------------------

#: Lines of page chrome: menus, share rows, pitches, credits, markdown links, promos.
CLUTTER_LINES = (
    "Home", "News", "Sport", "Menu", "Search", "Share", "Tweet", "Email", "Print", "Facebook",
    "Subscribe to our newsletter", "Sign up", "Log in", "Accept all cookies",
    "We use cookies to improve your experience.", "Related Articles", "More stories",
    "Comments", "Leave a comment", "Advertisement", "Sponsored", "Back to top", "Source link",
    "3 min read", "By Jane Doe", "Jane Doe/Reuters", "Photo: J. Doe/AP", "Foto: Florian Stadler",
    "© 2024 Example Media. All rights reserved.", "Download the app", "Get it on Google Play",
    "READ MORE: Council approves the new bridge plan", "WATCH: Storm hits the harbour at dawn",
    "REGARD: Village library opens its doors again", "Privacy Policy | Terms | Contact",
    "Wed, May 15, 2024, 3:02 PM", "2024-01-02", "12.03.2024", "1", "•", "|", "-", "...",
    "[Share](https://x.example/s?a=share)", "# [Site](https://example.org/)",
    "![alt text](https://img.example/a.jpg)", "[![x](https://img.example/b.png)](https://example.org)",
    "Title: Village Bridge Closed After Storm", "URL Source: https://example.org/a", "Markdown Content:",
    "Lesen Sie auch", "À lire aussi", "Leia também", "Читайте также", "Kommentare", "Partager",
)

#: What goes between pieces; "" glues two pieces into one line.
SEPARATORS = ("\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u2028", "\u2029", "\x85", "\t", "\xa0", " ", "", "\x0c")

#: Characters that break naive code, inserted as pieces of their own.
SPICE = (
    "\u0301", "\u0308", "e\u0301", "\u0345",  # combining marks, alone or on a letter
    "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f30a", "\U0001f44d\U0001f3fd",  # emoji
    "\ud800", "\udfff", "\ud83d", "\ude00",  # lone surrogates
    "\x00", "\u200b", "\ufeff", "\u200d", "\u202e", "\u3000", "\u202f",
    "İ", "ß", "ﬃ", "\u0130\u0307",  # case-folding changes the length
    "• ", "* ", "# ", "> ", "    ", " - ", " | ",
)


@st.composite
def page_like(draw: st.DrawFn) -> str:
    """A page assembled from clutter lines, a headline and its copies, paragraphs, spice."""
    head = draw(headline())
    piece = st.one_of(
        st.sampled_from(CLUTTER_LINES),
        st.sampled_from(CLUTTER_LINES),
        st.sampled_from((head, f"{head} - Example Site", f"Example Site | {head}", f"# {head}", head.upper())),
        headline(1, 10),
        paragraph(5, 40),
        paragraph(20, 60),
        st.sampled_from(SPICE),
        st.text(max_size=12),
    )
    pairs = draw(st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=40))
    return draw(st.sampled_from(("", "\ufeff", "\n", "   "))) + "".join(p + s for p, s in pairs)


any_text = st.one_of(
    st.text(),
    st.text(st.characters(codec=None, exclude_categories=())),  # surrogates too
    hostile_text(),
)


def check_result(source: str, result: Result) -> None:
    """The structural promises of a result about its input."""
    assert isinstance(result, Result)
    previous_end = 0
    for b in result.blocks:
        assert 0 <= b.start < b.end <= len(source), b
        assert b.start >= previous_end, f"blocks overlap or are out of order at {b}"
        gap = source[previous_end : b.start]
        assert not gap or gap.isspace(), f"non-space text outside every block: {gap!r}"
        previous_end = b.end
        piece = source[b.start : b.end]
        assert piece == piece.strip(), f"block {b} has white space at an edge: {piece!r}"
        assert b.category in ALL, b.category
        assert b.reasons and all(isinstance(r, str) and r for r in b.reasons), b
        assert b.kept == (b.category == "body")
    tail = source[previous_end:]
    assert not tail or tail.isspace(), f"non-space text after the last block: {tail!r}"
    # The body is exactly the kept slices, joined.
    assert result.text == result.separator.join(source[s:e] for s, e in result.spans)
    titles = [b for b in result.blocks if b.category == TITLE]
    if result.title_span is None:
        assert result.title is None and titles == []
    else:
        s, e = result.title_span
        assert len(titles) == 1
        assert titles[0].start <= s < e <= titles[0].end
        assert source[s:e] == result.title
    assert Result.from_dict(result.to_dict()) == result
    json.loads(cli.dumps(result.summary_dict()))  # the CLI can always write it


@fuzz_settings
@given(any_text)
@example("")
@example("\ud800")
@example("\r\n\r\n\x00\r")
@example(" \u2028 \u2029 \x85 \xa0\t")
@example("\u0301\n\U0001f468\u200d\U0001f469\u200d\U0001f467\n\udfff")
def test_strip_on_arbitrary_text(source):
    check_result(source, strip(source))


@fuzz_settings
@given(page_like())
@example("Title - Site\n\nTitle\n" + "The council of the village said that the bridge was closed to the families. " * 3)
@example("WATCH: \ud800\r\nREAD MORE: x\x85y\u2028z\n\t\xa0")
def test_strip_on_page_like_text(source):
    check_result(source, strip(source))


# --- The command line, in-process ----------------------------------------------------------


def run_cli(argv, data: bytes):
    """``cli.main(argv)`` with *data* on stdin; returns (exit code, stdout, stderr).

    As in test_cli.py, stdin is a text stream over bytes (the CLI reads its
    ``.buffer``). Stdout and stderr are text streams over bytes too, so they
    have a ``.buffer`` as the real ones do, and writing text that is not UTF-8
    (a lone surrogate) fails here as it would on a real UTF-8 stdout.
    Hypothesis does not allow function-scoped fixtures, hence
    ``MonkeyPatch.context()`` instead of the ``monkeypatch`` fixture.
    """
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", newline="\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stdin", stdin)
        mp.setattr(sys, "stdout", stdout)
        mp.setattr(sys, "stderr", stderr)
        code = cli.main(list(argv))
        with contextlib.suppress(ValueError):  # a stream the CLI closed holds nothing more
            stdout.flush()
            stderr.flush()
    out = stdout.buffer.getvalue().decode("utf-8")
    err = stderr.buffer.getvalue().decode("utf-8")
    return code, out, err


def check_run(code, out: str, err: str) -> None:
    assert type(code) is int and code in (0, 1, 2), code
    lines = err.splitlines()
    assert not any(line.startswith("Traceback") for line in lines), err
    assert "internal error" not in err, err  # the safety net caught an exception: a bug
    for line in lines:
        assert line.startswith("boilerstrip: "), f"stray stderr line: {line!r}"


def input_lines(data: bytes) -> list[bytes]:
    """The lines the CLI reads from a JSONL stream: split at b"\\n" only, first BOM dropped."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        del lines[-1]  # after the last newline: no line
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]  # a BOM-only first line is a blank line
    return lines


def output_lines(out: str) -> list[str]:
    """The lines written: split at "\\n" only (records may hold U+2028 or U+0085 unescaped)."""
    assert out == "" or out.endswith("\n"), "output does not end with a newline"
    return out.split("\n")[:-1]


def check_jsonl_lines(data: bytes, out: str) -> list[dict]:
    """Output line N answers input line N: blank for blank, one JSON object otherwise."""
    ins, outs = input_lines(data), output_lines(out)
    assert len(outs) == len(ins), (len(outs), len(ins))
    assert len([o for o in outs if o.strip()]) == len([i for i in ins if i.strip()])
    rows = []
    for number, (raw, line) in enumerate(zip(ins, outs), 1):
        if not raw.strip():
            assert line == "", (number, line)
            continue
        row = json.loads(line)
        assert isinstance(row, dict), row
        assert "internal error" not in str(row.get("error", "")), row  # strip() raised
        if "error" in row and "text" not in row:
            assert row["line"] == number, row
        rows.append(row)
    return rows


def expected_text(data: bytes, errors: str = "strict"):
    """The text the CLI decodes from *data*, or None when it cannot."""
    try:
        return decode(data, errors)
    except InputError:
        return None


#: The modes, and some with --errors replace (any bytes then decode).
BYTE_MODES = MODES + (["--errors", "replace"], ["--json", "--errors", "replace"], ["--jsonl", "--errors", "replace"])


@pytest.mark.parametrize("argv", BYTE_MODES, ids=MODE_IDS + ["replace", "json-replace", "jsonl-replace"])
@fuzz_settings
@given(
    data=st.one_of(
        st.binary(),
        st.text().map(lambda t: t.encode("utf-8")),
        page_like().map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.tuples(st.sampled_from(("utf-16", "utf-16-be", "utf-32", "utf-8-sig")), page_like()).map(
            lambda p: p[1].encode(p[0], "surrogatepass")
        ),
    )
)
@example(data=b"")
@example(data=b"\xef\xbb\xbf")
@example(data=b"\xff\xfe")
@example(data=b"\xfe\xff\x00a")
@example(data=b"\xff\xfeH\x00i\x00\n\x00")
@example(data=b"\xff\xfe\x00\x00H\x00\x00")  # UTF-32 LE mark, then a partial character
@example(data=b"\xff\xfe\x00\xd8")  # UTF-16 LE mark, then a lone surrogate
@example(data=b"\xed\xa0\x80")  # a lone surrogate, UTF-8 encoded: not valid UTF-8
@example(data=b"\x00\n\r\n\r")
@example(data=b'{"text": "\\ud800"}\n')
@example(data=b"\x1f\x8b")  # a gzip signature and nothing more
@example(data=b"\x28\xb5\x2f\xfd\x00")  # a Zstandard signature and nothing more
def test_cli_on_arbitrary_bytes(argv, data):
    code, out, err = run_cli(argv, data)
    check_run(code, out, err)
    errors = "replace" if "replace" in argv else "strict"
    if data.startswith((GZIP_MAGIC, ZSTD_MAGIC)):
        # A compression signature: the input is decompressed, and bytes that are not
        # a whole stream are an input error (exit 1 with a message), never a crash.
        assert code in (0, 1), err
        assert code == 0 or ("gzip" in err or "Zstandard" in err), err
        return
    if "--jsonl" in argv:
        assert code == 0, err  # bad lines become error records; the batch goes on
        check_jsonl_lines(data, out)
        return
    text = expected_text(data, errors)
    if text is None:
        # Only bad bytes are replaced; unmarked UTF-16/32 is refused with either policy.
        assert errors == "strict" or "without a byte-order mark" in err, err
        assert code == 1 and out == "" and err.count("\n") == 1, (code, out, err)
        return
    assert code == 0 and err == "", err
    if "--json" in argv:
        result = strip(text)
        assert json.loads(out) == {**result.summary_dict(), "language": result.language}
    elif "--explain" not in argv:
        body = strip(text).text
        assert out == (body + "\n" if body else "")


# --- Generated JSONL streams --------------------------------------------------------------------

# No infinities: json.dumps writes them as Infinity, which is not JSON (such a line is an error record).
_ids = st.one_of(st.integers(-(2**63), 2**63), st.text(max_size=8), st.none(), st.floats(allow_nan=False, allow_infinity=False))


@st.composite
def good_record(draw: st.DrawFn) -> bytes:
    """A valid object with a string "text" (and maybe an id and other fields)."""
    record = {}
    if draw(st.booleans()):
        record["id"] = draw(_ids)
    if draw(st.booleans()):
        record["url"] = "https://example.org/" + draw(st.text(max_size=10))
    record["text"] = draw(st.one_of(page_like(), any_text))
    if draw(st.booleans()):
        record["lang"] = draw(st.sampled_from(["en", "de", None, 3]))
    items = list(record.items())
    order = draw(st.permutations(range(len(items))))
    record = dict(items[i] for i in order)
    # ensure_ascii escapes lone surrogates as "\ud800"; without it they cannot be UTF-8.
    ascii_only = draw(st.booleans()) or any("\ud800" <= c <= "\udfff" for c in json.dumps(record, ensure_ascii=False))
    return json.dumps(record, ensure_ascii=ascii_only).encode("utf-8")


BAD_LINES = (
    b"{not json", b"{", b"}", b'{"text": "unterminated', b"{'text': 'single quotes'}", b'{"text": "a",}',
    b"[1, 2, 3]", b"42", b'"text"', b"null", b"true", b"NaN", b"[]", b'["text"]',
    b'{"id": 5, "body": "no text field"}', b"{}", b'{"id": "x"}',
    b'{"text": 6}', b'{"text": null}', b'{"text": ["a"]}', b'{"text": {"a": 1}}', b'{"text": true}', b'{"id": [1], "text": 1.5}',
    b'{"id": "\\ud800", "text": "Hello \\udfff world"}', b'{"text": "\\ud83d\\ude00 \\ud83d"}', b'{"\\udc80": 1, "text": "x"}',
    b'{"text": "a\xffb"}', b'{"text": "\xed\xa0\x80"}', b'\xc3\x28', b'{"text": "x"} trailing',
    b'{"text": "a", "text": 5}', b'{"text": "dup", "text": "dup2"}', b"\x00", b'{"text": "\\u0000"}',
    b'{"text": "' + b"[" * 3000 + b'"}', b"[" * 50, b'{"a":' * 50, b"[" * 3000, b'{"a":' * 2000,  # nesting
)
BLANK_LINES = (b"", b" ", b"   ", b"\t", b"\r", b" \r", b"\x0b", b"\x0c")


@st.composite
def jsonl_stream(draw: st.DrawFn, well_formed: bool = False) -> bytes:
    if well_formed:
        kinds = st.one_of(good_record(), good_record(), st.sampled_from(BLANK_LINES))
    else:
        kinds = st.one_of(
            good_record(),
            st.sampled_from(BAD_LINES),
            st.sampled_from(BLANK_LINES),
            st.binary(max_size=40).map(lambda b: b"{" + b.replace(b"\n", b"")),  # never blank
        )
    lines = draw(st.lists(kinds, max_size=12))
    endings = draw(st.lists(st.sampled_from((b"\n", b"\r\n")), min_size=len(lines), max_size=len(lines)))
    data = b"".join(line + end for line, end in zip(lines, endings))
    if lines and draw(st.booleans()):
        data = data[: -len(endings[-1])]  # no newline after the last line
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data


@pytest.mark.parametrize("argv", MODES, ids=MODE_IDS)
@fuzz_settings
@given(data=jsonl_stream())
@example(data=b'\xef\xbb\xbf{"id": "\\ud800", "text": "Hello"}\n\n{"id": 2, "text": "Share"}')
@example(data=b'{"text": "\\ud800"}\r\n \r\n[1]\n{"text": 1}\n{bad\n')
def test_cli_on_jsonl_streams(argv, data):
    code, out, err = run_cli(argv, data)
    check_run(code, out, err)
    if "--jsonl" in argv:
        assert code == 0, err
        check_jsonl_lines(data, out)


@fuzz_settings
@given(data=jsonl_stream(well_formed=True))
@example(data=b'{"text": "Share"}\n\n   \n{"id": 2, "text": "A sentence, as it goes on."}\n')
@example(data=b'\xef\xbb\xbf{"text": "\\u2028\\u0085\\r"}')
def test_cli_jsonl_one_output_line_per_record(data):
    code, out, err = run_cli(["--jsonl"], data)
    check_run(code, out, err)
    assert code == 0 and err == ""
    inputs = [json.loads(line) for line in input_lines(data) if line.strip()]
    rows = check_jsonl_lines(data, out)
    assert len(rows) == len(inputs)
    for record, row in zip(inputs, rows):
        assert "error" not in row, row
        assert list(row)[: len(record)] == list(record)  # fields pass through in their order
        assert row.get("id") == record.get("id")
        assert row["text"] == strip(record["text"]).text


# --- Deep nesting ------------------------------------------------------------------------------

#: Lines nested around and beyond the interpreter's recursion limit (about 1000):
#: json.loads raises RecursionError past it, and a record read just below it may
#: be too deep to write back. Found by this file (the batch used to stop with
#: "internal error" and exit 1); now such a line becomes an error record.
DEEP_LINES = {
    **{f"brackets-{n}": b"[" * n for n in (900, 950, 980, 990, 1000, 100_000)},
    **{f"value-{n}": b'{"id": 1, "text": "x", "a": ' + b"[" * n + b"]" * n + b"}" for n in (900, 950, 980, 990, 5000)},
    "objects-2000": b'{"a":' * 2000,
}


@pytest.mark.parametrize("line", DEEP_LINES.values(), ids=DEEP_LINES.keys())
def test_cli_jsonl_deeply_nested_line_does_not_stop_the_batch(line):
    data = line + b'\n{"id": 2, "text": "Share"}\n'
    code, out, err = run_cli(["--jsonl"], data)
    check_run(code, out, err)
    assert code == 0 and err == ""
    rows = check_jsonl_lines(data, out)
    assert len(rows) == 2 and rows[1]["id"] == 2 and "error" not in rows[1]
