"""Output options: ``--with-title``, ``--format markdown``, ``--output-field``, ``--language``.

The pages are written for these tests.
"""

from __future__ import annotations

import json

import pytest
from cli_harness import run_bytes
from warc_samples import HARBOUR_HTML, HARBOUR_TEXT

from boilerstrip import Options, strip
from boilerstrip.markdown_out import render_markdown

TOUR = (
    "Tour dates\n\n"
    "The Harbour Band goes on tour\n\n"
    "The band announced on Monday that it will play eight cities this summer, its first tour "
    "since the drummer left the group two years ago.\n\n"
    "Where to see them\n\n"
    "March 3 – Leeds, Town Hall\n"
    "March 5 – York, Grand Opera House\n"
    "March 9 – Hull, City Hall\n\n"
    "Tickets go on sale on Friday morning through the venues, and the band says prices will "
    "stay below thirty pounds.\n"
)
TOUR_MARKDOWN = (
    "# The Harbour Band goes on tour\n\n"
    "The band announced on Monday that it will play eight cities this summer, its first tour "
    "since the drummer left the group two years ago.\n\n"
    "## Where to see them\n\n"
    "- March 3 – Leeds, Town Hall\n"
    "- March 5 – York, Grand Opera House\n"
    "- March 9 – Hull, City Hall\n\n"
    "Tickets go on sale on Friday morning through the venues, and the band says prices will "
    "stay below thirty pounds.\n"
)


def test_markdown_marks_the_title_headings_and_list_items(monkeypatch):
    code, out, err = run_bytes(["--format", "markdown"], TOUR.encode("utf-8"), monkeypatch)
    assert (code, err) == (0, "")
    assert out.decode("utf-8") == TOUR_MARKDOWN


def test_markdown_of_a_page_without_article_is_empty():
    page = "Home\n\nMenu\n"
    assert render_markdown(page, strip(page)) == ""


def test_markdown_of_an_html_page_uses_its_title(monkeypatch):
    pytest.importorskip("lxml", reason="the html extra is not installed")
    page = HARBOUR_HTML.replace("windows-1252", "utf-8").encode("utf-8")  # declared right, read as bytes
    code, out, _ = run_bytes(["--html", "--format", "markdown"], page, monkeypatch)
    text = out.decode("utf-8")
    assert code == 0
    assert text.startswith("# The harbour gets new bike lanes\n\nThe council voted on Tuesday")
    assert "café" in text and "Gazette" not in text


def test_with_title_writes_the_headline_a_blank_line_and_the_body(monkeypatch):
    code, out, _ = run_bytes(["--with-title"], HARBOUR_TEXT.encode("utf-8"), monkeypatch)
    assert code == 0
    assert out.decode("utf-8") == "The harbour gets new bike lanes\n\n" + strip(HARBOUR_TEXT).text + "\n"


def test_with_title_on_a_page_without_headline_is_the_body(monkeypatch):
    page = "The council voted on Tuesday to build new cycle lanes along the harbour, after a long debate.\n"
    assert strip(page).title is None
    assert run_bytes(["--with-title"], page.encode("utf-8"), monkeypatch)[1] == run_bytes([], page.encode("utf-8"), monkeypatch)[1]


def test_output_field_keeps_the_raw_text_in_the_text_field(monkeypatch):
    line = json.dumps({"id": 1, "page": HARBOUR_TEXT, "url": "u"}) + "\n"
    code, out, _ = run_bytes(["--jsonl", "--text-field", "page", "--output-field", "body"], line.encode("utf-8"), monkeypatch)
    record = json.loads(out)
    assert code == 0
    assert list(record) == [
        "id", "page", "body", "url", "title", "title_span", "spans", "removed", "page_type", "page_type_evidence",
    ]
    assert record["page"] == HARBOUR_TEXT
    assert record["body"] == strip(HARBOUR_TEXT).text


def test_output_field_with_html_records(monkeypatch):
    pytest.importorskip("lxml", reason="the html extra is not installed")
    line = json.dumps({"id": 1, "html": HARBOUR_HTML}) + "\n"  # a str: its <meta> plays no part
    code, out, _ = run_bytes(["--jsonl", "--html", "--output-field", "body"], line.encode("utf-8"), monkeypatch)
    record = json.loads(out)
    assert code == 0 and "text" not in record and "html" not in record
    assert record["body"].startswith("The council voted")


@pytest.mark.parametrize("args", [["--output-field", "x"], ["--with-title", "--json"], ["--format", "markdown", "--jsonl"], ["--stats"]])
def test_options_that_need_another_mode_are_refused(args, monkeypatch):
    code, _, err = run_bytes(args, HARBOUR_TEXT.encode("utf-8"), monkeypatch)
    assert code == 2 and "see boilerstrip --help" in err


def language_line(args, monkeypatch):
    code, out, err = run_bytes(["--explain", *args], HARBOUR_TEXT.encode("utf-8"), monkeypatch)
    assert (code, err) == (0, ""), err
    return out.decode("utf-8").splitlines()[0].split("   ")[0]


def test_language_is_case_insensitive_and_takes_none(monkeypatch):
    assert language_line([], monkeypatch) == "language: en"  # detected
    assert language_line(["--language", "EN"], monkeypatch) == "language: en"
    assert language_line(["--language", "None"], monkeypatch) == "language: none"


def test_no_language_means_no_stop_words_not_detection():
    prose = "The council voted on Tuesday to build new cycle lanes along the harbour.\n\nMenu\n"
    assert strip(prose).language == "en"
    assert strip(prose, options=Options(language="none")).language is None


def test_doctests_of_the_new_modules():
    import doctest

    from boilerstrip import files, markdown_out, output_fields, warc_http

    for module in (files, markdown_out, output_fields, warc_http):
        failures, tried = doctest.testmod(module)
        assert tried > 0 and failures == 0, module.__name__
