"""boilerstrip as a datatrove pipeline step, used like datatrove's own Trafilatura extractor.

>>> from datatrove.pipeline.readers import WarcReader  # doctest: +SKIP
>>> from boilerstrip.engines.datatrove import Boilerstrip  # doctest: +SKIP
>>> pipeline = [WarcReader("crawl/"), Boilerstrip(), JsonlWriter("clean/")]  # doctest: +SKIP

:class:`Boilerstrip` cleans ``Document.text``: as HTML (the documents of a WARC
reader's ``response`` records) or as page text (WET ``conversion`` records, or any
text field), and decides which per document unless told. The body replaces
``Document.text``; the rest of the result goes into ``Document.metadata`` under
the keys of ``boilerstrip --json`` (``title``, ``title_span``, ``spans``,
``removed``, ``page_type``, ``page_type_evidence``; plus ``sources`` for HTML). The
output equals the CLI's ``--warc`` output on the same records.

Importing this module needs datatrove (``pip install 'boilerstrip[datatrove]'``).
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ..errors import BoilerstripError
from ..options import Options
from ..pipeline import strip
from . import require

require("datatrove", "datatrove")

from datatrove.pipeline.extractors.base import BaseExtractor  # type: ignore[import-not-found, import-untyped, unused-ignore]
from datatrove.utils.typeshelper import StatHints  # type: ignore[import-not-found, import-untyped, unused-ignore]

__all__ = ["Boilerstrip", "METADATA_KEYS"]

#: Keys set in ``Document.metadata`` (``sources`` only for HTML documents).
METADATA_KEYS = ("title", "title_span", "spans", "removed", "sources", "page_type", "page_type_evidence")


class Boilerstrip(BaseExtractor):  # type: ignore[misc]
    """A datatrove extractor step: the article body of each document, with provenance.

    Args:
        options: the :class:`~boilerstrip.Options` to clean with.
        html: True: every ``Document.text`` is HTML (needs the ``html`` extra);
            False: every one is page text; None (the default): HTML when the text
            starts with ``<`` (after white space), as a WARC reader's response
            documents do and WET text almost never does.
        keep_empty: also forward documents whose body is empty (default: drop them,
            as datatrove's extractors do).
        timeout: seconds per document; None (the default) cleans in this process.
            Cleaning takes linear time, so no sandbox is needed; with a number the
            document goes through datatrove's extractor sandbox (a child process).
    """

    name = "✂ boilerstrip"

    def __init__(
        self,
        options: Optional[Options] = None,
        html: Optional[bool] = None,
        keep_empty: bool = False,
        timeout: Optional[float] = None,
    ) -> None:
        super().__init__(timeout if timeout is not None else 1.0)
        self.options = options or Options()
        self.html = html
        self.keep_empty = keep_empty
        self.sandboxed = timeout is not None

    def extract(self, text: str) -> str:
        """The body of *text* (the method datatrove's extractors share)."""
        return str(self.clean(text)["text"])

    def clean(self, text: str) -> dict[str, Any]:
        """The ``--json`` summary of *text*: ``text`` (the body) and the metadata keys."""
        if self.html if self.html is not None else text.lstrip()[:1] == "<":
            from ..html import strip_html

            summary = strip_html(text, options=self.options).summary_dict()
        else:
            summary = strip(text, options=self.options).summary_dict()
        return summary

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        if self.sandboxed:
            from datatrove.pipeline.extractors.base import ExtractorSandbox

            with ExtractorSandbox(timeout=self.timeout, warmup_text="") as sandbox:
                yield from self._run(data, lambda text: sandbox.process_document(text, self.clean))
        else:
            yield from self._run(data, self.clean)

    def _run(self, data: Any, clean: Any) -> Iterator[Any]:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    summary = clean(doc.text)
                except TimeoutError:
                    self.stat_update("timeout")
                    continue
                except BoilerstripError:
                    raise  # a missing extra: every document would fail
                except Exception:  # one bad document never stops the pipeline
                    self.stat_update("clean_error")
                    continue
            doc.text = summary.pop("text")
            doc.metadata.update(summary)
            if doc.text or self.keep_empty:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)
