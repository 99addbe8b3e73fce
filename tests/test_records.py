"""Batch records: fields pass through unchanged (numbers keep their text), added
fields never overwrite a record's own, and ``--prefix`` names them apart."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boilerstrip.batch import clean_line, clean_record, dumps, is_error, parse_line
from boilerstrip.rawjson import RawNumber, loads_record
from cli_harness import run_bytes
from strategies import PLAIN_PARAGRAPHS

HEAD = "Village Bridge Closed After Storm"
PARA = PLAIN_PARAGRAPHS[:3]
PAGE = "\n\n".join(["Home", HEAD, "Share"] + PARA + ["Back to top"]) + "\n"
BODY = "\n".join(PARA)
PAGE_JSON = json.dumps(PAGE)
BODY_JSON = json.dumps(BODY)


@pytest.fixture
def cli_run(monkeypatch):
    def run(argv, stdin=b""):
        code, out, err = run_bytes(argv, stdin, monkeypatch)
        return code, out.decode("utf-8"), err

    return run


# --- Numbers keep their text ---------------------------------------------------------------


def test_numbers_pass_through_as_written(cli_run):
    # Each of these numbers came back changed: 1e400 as Infinity (not JSON), 1.50 as
    # 1.5, -0 as 0, 1E5 as 100000.0, 1.0e-7 as 1e-07. Numbers Python writes back the
    # same (0.1, 7, a long integer) stayed as they were before too.
    fields = '"id": 1e400, "n": 1.50, "z": -0, "big": 1E5, "f": 0.1, "i": 12345678901234567890123, "e": 1.0e-7, "k": 7'
    line = "{" + fields + ', "meta": {"scores": [2.50, -0.0, 3E+2]}, "text": ' + PAGE_JSON + "}\n"
    code, out, err = cli_run(["--jsonl"], line.encode("utf-8"))
    assert (code, err) == (0, "")
    expected_start = "{" + fields + ', "meta": {"scores": [2.50, -0.0, 3E+2]}, "text": ' + BODY_JSON + ', "title": '
    assert out.startswith(expected_start), out[:300]
    assert json.loads(out)["spans"]  # the added fields are ordinary JSON


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_make_the_line_an_error_record(cli_run, constant):
    # Python's json reads these (they are not JSON) and wrote them back as they were.
    stdin = ('{"id": 1, "score": ' + constant + ', "text": "Share"}\n{"id": 2, "text": "Share"}\n').encode()
    code, out, err = cli_run(["--jsonl"], stdin)
    assert (code, err) == (0, "")
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {"error": f"invalid JSON: {constant} is not a JSON number", "line": 1}
    assert second["id"] == 2 and "error" not in second


def test_an_integer_longer_than_python_converts_passes_through(cli_run):
    digits = "9" * 5000  # Python 3.11 refuses to convert more than 4300 digits from text
    code, out, _ = cli_run(["--jsonl"], ('{"id": ' + digits + ', "text": "Share"}\n').encode())
    assert code == 0
    assert out.startswith('{"id": ' + digits + ', "text": ""')


def test_raw_number_is_not_text_and_json_refuses_it():
    record, _ = parse_line(b'{"text": 1e400}', 1)
    assert record == {"text": RawNumber("1e400")}
    assert clean_record(record)["error"] == '"text" is not a string'
    with pytest.raises(TypeError):
        json.dumps(RawNumber("1"))


def test_error_record_keeps_the_id_text():
    out = clean_line(b'{"id": 1.0E3, "body": "no text"}', 4)
    assert dumps(out) == '{"error": "no \\"text\\" string field", "line": 4, "id": 1.0E3}'


# A JSON number's text by the grammar of RFC 8259, in any of its forms.
json_numbers = st.from_regex(r"-?(0|[1-9][0-9]{0,25})(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,4})?", fullmatch=True)
# Strings as json.dumps writes them with UTF-8 as is (no lone surrogates: those make
# the whole line ASCII, a documented normalisation).
json_strings = st.text(st.characters(exclude_categories=("Cs",)), max_size=12).map(
    lambda s: json.dumps(s, ensure_ascii=False)
)


def _object(items: dict) -> str:
    return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + v for k, v in items.items()) + "}"


# JSON value texts in the canonical layout (", " and ": "), so the output can be
# compared with the input as text.
json_texts = st.recursive(
    st.one_of(json_numbers, json_strings, st.sampled_from(["true", "false", "null"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.text(max_size=5), inner, max_size=4).map(_object),
    ),
    max_leaves=12,
)


@given(
    fields=st.dictionaries(
        st.text(max_size=6).filter(lambda k: k not in ("text", "title", "title_span", "spans", "removed")),
        json_texts,
        max_size=5,
    )
)
def test_every_passed_through_field_comes_back_as_its_text(fields):
    line = _object({**fields, "text": json.dumps("Share")})
    out = dumps(clean_line(line.encode("utf-8"), 1))
    assert out.startswith(_object({**fields, "text": '""'})[:-1] + ", "), (line, out)


@given(value=json_texts)
def test_loads_record_and_dumps_round_trip_any_value(value):
    assert dumps(loads_record(value)) == value


# --- Added fields never overwrite the record's own ---------------------------------------------


@pytest.mark.parametrize("field", ["title", "title_span", "spans", "removed"])
def test_a_record_with_an_added_field_becomes_an_error_naming_it(cli_run, field):
    record = {"id": "r1", field: "the crawler's own", "text": PAGE}
    code, out, err = cli_run(["--jsonl"], (json.dumps(record) + "\n").encode())
    assert (code, err) == (0, "")
    row = json.loads(out)
    assert row["error"].startswith(f'the record has a "{field}" field already, which boilerstrip adds')
    assert "--prefix" in row["error"]
    assert set(row) == {"error", "line", "id"} and row["id"] == "r1" and row["line"] == 1


def test_prefix_names_every_added_field_and_keeps_the_records_own(cli_run):
    record = {"id": "r1", "title": "Crawler Title", "spans": [1, 2], "text": PAGE}
    code, out, err = cli_run(["--jsonl", "--prefix", "bs_"], (json.dumps(record) + "\n").encode())
    assert (code, err) == (0, "")
    row = json.loads(out)
    assert list(row) == [
        "id", "title", "spans", "text", "bs_title", "bs_title_span", "bs_spans", "bs_removed", "bs_page_type",
        "bs_page_type_evidence",
    ]
    assert (row["title"], row["spans"]) == ("Crawler Title", [1, 2])
    assert row["text"] == BODY and row["bs_title"] == HEAD
    assert [PAGE[s:e] for s, e in row["bs_spans"]] == PARA


def test_prefix_can_collide_too(cli_run):
    record = {"bs_removed": 0, "text": PAGE}
    code, out, _ = cli_run(["--jsonl", "--prefix", "bs_"], (json.dumps(record) + "\n").encode())
    assert json.loads(out)["error"].startswith('the record has a "bs_removed" field already')


def test_prefix_needs_jsonl(cli_run):
    code, out, err = cli_run(["--prefix", "bs_"], PAGE.encode())
    assert (code, out) == (2, "") and "--prefix works with --jsonl only" in err


def test_html_records_do_not_overwrite_a_text_field():
    pytest.importorskip("lxml")
    from boilerstrip.html.records import clean_html_record

    html = "<html><body><article><p>" + PARA[0] + "</p></article></body></html>"
    record = {"id": 3, "text": "the crawler's own extraction", "html": html}
    assert clean_html_record(record)["error"].startswith('the record has a "text" field already')
    out = clean_html_record(record, prefix="bs_")
    assert out["text"] == "the crawler's own extraction" and out["bs_text"] == PARA[0]
    assert "html" not in out
    # The page's own field is dropped from the output, so reading the HTML from "text" overwrites nothing.
    out = clean_html_record({"id": 4, "text": html}, field="text")
    assert out["text"] == PARA[0] and "error" not in out


def test_is_error_whatever_the_prefix():
    assert not is_error(clean_record({"text": PAGE}, prefix="bs_"))
    assert not is_error(clean_record({"error": "upstream fetch failed", "text": PAGE}))
    assert is_error(clean_record({"id": 1, "text": 5}))
    assert clean_line(b'{"text": "Share"}', 3, prefix="bs_")["bs_spans"] == []


def test_a_utf16_jsonl_line_says_so():
    record, error = parse_line('{"text": "Share"}'.encode("utf-16-le"), 1)
    assert record is None
    assert error["error"].endswith("(the input looks like UTF-16-LE: re-encode it as UTF-8)")
