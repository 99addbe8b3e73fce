"""The datatrove step, checked against ``boilerstrip --warc`` on WARC/WET files built here.

Skipped unless datatrove is installed with its WARC reader's packages
(``pip install 'boilerstrip[datatrove]'``). Runs a local executor, offline.
"""

from __future__ import annotations


import gzip
import json
import os
import subprocess
import sys

import pytest
from cli_harness import SRC
from warc_samples import (
    BREAD_TEXT,
    HARBOUR_HTML,
    HARBOUR_TEXT,
    conversion,
    gzip_each,
    response,
    warcinfo,
)

REASON = "datatrove is not installed (pip install 'boilerstrip[datatrove]')"
pytest.importorskip("datatrove", reason=REASON)
for _module in ("warcio", "cchardet", "magic", "fastwarc"):  # the WARC reader's, and the CLI's
    pytest.importorskip(_module, reason=f"{_module} is not installed ({REASON})")

from boilerstrip.engines.datatrove import Boilerstrip

pytest.importorskip("lxml", reason="the html extra is not installed")

SUMMARY_KEYS = ("title", "title_span", "spans", "removed")


def crawl_files(folder):
    """A WET file and a WARC file of HTML responses, gzip per record."""
    folder.mkdir()
    wet = gzip_each(warcinfo(), conversion("https://example.org/harbour", HARBOUR_TEXT, 1), conversion("https://example.org/bread", BREAD_TEXT, 2))
    warc = gzip_each(
        response("https://example.org/harbour.html", HARBOUR_HTML.encode("utf-8"), "text/html; charset=utf-8", 3),
        response("https://example.org/empty.html", b"<html><body><nav>Home</nav></body></html>", "text/html; charset=utf-8", 4),
    )
    (folder / "a.wet.gz").write_bytes(wet)
    (folder / "b.warc.gz").write_bytes(warc)
    return [folder / "a.wet.gz", folder / "b.warc.gz"]


def cli_records(paths):
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-m", "boilerstrip", "--warc", *map(str, paths)], capture_output=True, env=env, timeout=120)
    assert (done.returncode, done.stderr) == (0, b"")
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def run_pipeline(folder, out, step):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(str(folder)), step, JsonlWriter(str(out))],
        tasks=1,
        workers=1,
        logging_dir=str(out.parent / "logs"),
    )
    executor.run()
    documents = []
    for path in sorted(out.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            documents += [json.loads(line) for line in f]
    return documents


def test_the_step_gives_what_the_cli_gives(tmp_path):
    paths = crawl_files(tmp_path / "crawl")
    cli = {r["id"]: r for r in cli_records(paths)}
    documents = run_pipeline(tmp_path / "crawl", tmp_path / "out", Boilerstrip())
    # The page with no article is dropped by the step (an empty body), as datatrove's
    # extractors do; the CLI writes it with an empty text.
    assert cli.pop("<urn:uuid:00000000-0000-0000-0000-000000000004>")["text"] == ""
    assert sorted(d["id"] for d in documents) == sorted(cli)
    for document in documents:
        expected = cli[document["id"]]
        assert document["text"] == expected["text"] != ""
        metadata = document["metadata"]
        assert {k: metadata[k] for k in SUMMARY_KEYS} == {k: expected[k] for k in SUMMARY_KEYS}
        assert metadata.get("sources") == expected.get("sources")
        assert metadata["url"] == expected["url"]
        assert (metadata["page_type"], metadata["page_type_evidence"]) == (expected["page_type"], expected["page_type_evidence"])
    html = [d for d in documents if d["metadata"]["url"].endswith(".html")]
    assert len(html) == 1 and "café by the pier" in html[0]["text"]


def test_keep_empty_forwards_a_document_without_article(tmp_path):
    crawl_files(tmp_path / "crawl")
    documents = run_pipeline(tmp_path / "crawl", tmp_path / "out", Boilerstrip(keep_empty=True))
    assert len(documents) == 4
    assert sum(not d.get("text") for d in documents) == 1  # the writer leaves an empty text out


def test_text_mode_on_plain_documents():
    from datatrove.data import Document

    step = Boilerstrip(html=False)
    docs = list(step.run(iter([Document(text=HARBOUR_TEXT, id="1"), Document(text="", id="2")])))
    assert [d.id for d in docs] == ["1"]
    assert docs[0].text.startswith("The council voted") and "Share on Facebook" not in docs[0].text
    assert docs[0].metadata["title"] == "The harbour gets new bike lanes"
    assert step.extract(HARBOUR_TEXT) == docs[0].text


def test_with_a_timeout_the_sandbox_gives_the_same_documents():
    from datatrove.data import Document

    def docs():
        return iter([Document(text=HARBOUR_TEXT, id="1"), Document(text=HARBOUR_HTML, id="2")])

    plain = [(d.text, d.metadata) for d in Boilerstrip().run(docs())]
    sandboxed = [(d.text, d.metadata) for d in Boilerstrip(timeout=60).run(docs())]
    assert len(plain) == 2 and sandboxed == plain
    assert "sources" in plain[1][1] and "sources" not in plain[0][1]  # the second is read as HTML
