"""WARC and WET input: the pages of a crawl file, and each page cleaned into a record.

Records are read with FastWARC (``pip install 'boilerstrip[warc]'``), which reads
WARC/1.0 and 1.1, plain or compressed (gzip per record or whole, Zstandard, LZ4).
Two kinds of record are pages:

- ``conversion`` records (WET files) hold the page's text: cleaned as text (UTF-8,
  with the ``errors`` policy of the command line);
- ``response`` records whose HTTP Content-Type is HTML hold the page: cleaned by the
  HTML front end (the ``html`` extra). The encoding is chosen as a browser does: a
  byte order mark first, then the HTTP charset, then the page's own ``<meta>``
  declaration, then UTF-8 and detection.

Every other record is skipped with a reason (:func:`page_of`), and so is a page that
cannot be cleaned. A record the reader cannot parse never stops the file: reading
goes on at the next record start found after it (on a seekable input).
"""

from __future__ import annotations

import codecs
import io
from collections import Counter
from dataclasses import dataclass
from typing import IO, Any, Iterator, Optional, Union, cast

from .batch import dumps
from .decoding import decode
from .errors import BoilerstripError, InputError
from .options import Options
from .pipeline import strip
from .warc_http import PayloadError, charset, decoded_payload, media_type, split_http

#: What to run when FastWARC is missing.
INSTALL_HINT = "pip install 'boilerstrip[warc]'"
#: Every WARC file starts with its version line.
WARC_MAGIC = b"WARC/1."
#: Payload media types the HTML front end reads.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Keys of an output record before the cleaning result's keys, from the record's headers.
PROVENANCE_KEYS = ("id", "url", "date", "content_type")
#: Skip reason of a record the reader could not parse.
CORRUPT = "corrupt record"
#: Skip reason of a record that ends before its Content-Length (a cut-off file).
TRUNCATED = "truncated (ends before its Content-Length)"
#: Bytes of a response record read before its HTTP headers say whether it is HTML.
HEAD_BYTES = 1 << 16
#: Bytes scanned at a time when looking for the next record after a corrupt one.
_SCAN = 1 << 16
_GZIP_MEMBER = b"\x1f\x8b\x08"
_HTML_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class MissingWarcExtra(InputError, ImportError):
    """WARC input needs FastWARC (the ``warc`` extra)."""


@dataclass(frozen=True)
class Page:
    """One page of a crawl file: picklable, the unit of work of a worker.

    Attributes:
        html: True for a response record (HTML), False for a WET conversion record (text).
        payload: the page's bytes (HTTP codings undone).
        charset: the codec named by the HTTP Content-Type, or None.
        id, url, date: the record's ``WARC-Record-ID``, ``WARC-Target-URI`` and ``WARC-Date``.
        content_type: the payload's Content-Type (HTTP for a response, WARC for a conversion).
    """

    html: bool
    payload: bytes
    charset: Optional[str]
    id: Optional[str]
    url: Optional[str]
    date: Optional[str]
    content_type: Optional[str]

    def provenance(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "date": self.date, "content_type": self.content_type}


def require_fastwarc() -> Any:
    """The ``fastwarc.warc`` module, or :class:`MissingWarcExtra` saying how to install it."""
    try:
        import fastwarc.warc  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError as e:
        raise MissingWarcExtra(f"WARC input needs the optional package 'fastwarc' ({e}); install it with {INSTALL_HINT}") from None
    return fastwarc.warc


def looks_like_warc(head: bytes) -> bool:
    """True if *head* (the first decompressed bytes of an input) starts a WARC file."""
    return head.startswith(WARC_MAGIC)


def read_pages(raw: IO[bytes], skipped: Counter[str]) -> Iterator[Page]:
    """Every page of the crawl file *raw* (opened in binary, not decompressed), in order.

    Records that are not pages are counted in *skipped* by reason. A record the
    reader cannot parse counts as :data:`CORRUPT` (once for a run of damaged records
    with no good one between them); reading resumes at the next
    record start (a ``WARC/1.`` line or a gzip member) after it, which needs a
    seekable *raw*; on a pipe the rest of the input is skipped instead.
    """
    warc = require_fastwarc()
    if not raw.seekable():
        raw = cast(IO[bytes], _Counted(raw))  # FastWARC asks a stream for its position
    resume = raw.tell()
    fresh = True  # False while the reader fails again before a good record: the same damage
    while True:
        last = None
        try:
            for record in warc.ArchiveIterator(raw, parse_http=False):
                last, fresh = record.stream_pos, True
                page = page_of(record)
                if isinstance(page, str):
                    skipped[page] += 1
                else:
                    yield page
            return
        except OSError:  # FastWARC's word for a record it cannot parse
            skipped[CORRUPT] += fresh
            fresh = False
            if not raw.seekable():
                skipped["rest of a pipe after a corrupt record (cannot seek to the next)"] += 1
                return
            # Never backwards (a whole-file gzip counts positions in the decompressed data).
            start = max(resume, last if last is not None else resume) + 1
            found = next_record_start(raw, start)
            if found is None:
                return
            resume = found
            raw.seek(found)


class _Counted(io.RawIOBase):
    """A stream that cannot seek (a pipe) whose ``tell()`` counts the bytes read."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position


def next_record_start(raw: IO[bytes], start: int) -> Optional[int]:
    """The offset of the first ``WARC/1.`` at a line start or gzip member at or after *start*."""
    raw.seek(start)
    at = start
    carry = b""
    while True:
        data = raw.read(_SCAN)
        if not data:
            return None
        window = carry + data
        base = at - len(carry)
        hits = [i for i in (window.find(b"\n" + WARC_MAGIC), window.find(_GZIP_MEMBER)) if i != -1]
        if hits:
            first = min(hits)
            return base + first + (1 if window.startswith(b"\n", first) else 0)
        carry = window[-(len(WARC_MAGIC) + 1) :]
        at += len(data)


def page_of(record: Any) -> Union[Page, str]:
    """The page in a FastWARC record, or the reason it is skipped."""
    kind = record.headers.get("WARC-Type") or "unknown"
    if kind not in ("conversion", "response"):
        return f"{kind} record"
    if record.headers.get("WARC-Truncated"):
        return f"truncated ({record.headers.get('WARC-Truncated')})"
    # A response's HTTP headers decide whether the rest (a video, say) is worth reading.
    block = record.reader.read(HEAD_BYTES) if kind == "response" else record.reader.read()
    content_type = record.headers.get("Content-Type")
    page_charset = None
    if kind == "response":
        try:
            http, payload = split_http(block)
            content_type = http.get("content-type") or record.headers.get("WARC-Identified-Payload-Type")
            if media_type(content_type) not in HTML_TYPES and not (content_type is None and _looks_like_html(payload)):
                return f"not HTML ({media_type(content_type) or 'no content type'})"
            rest = record.reader.read()
            if len(block) + len(rest) < record.content_length:
                return TRUNCATED
            block = decoded_payload(http, payload + rest)
        except PayloadError as e:
            return str(e)
        page_charset = charset(content_type)
    elif len(block) < record.content_length:
        return TRUNCATED
    return Page(
        html=kind == "response",
        payload=block,
        charset=page_charset,
        id=record.headers.get("WARC-Record-ID"),
        url=record.headers.get("WARC-Target-URI"),
        date=record.headers.get("WARC-Date"),
        content_type=content_type,
    )


def _looks_like_html(payload: bytes) -> bool:
    return payload.lstrip()[:1] == b"<"


def html_input(page: Page) -> Union[str, bytes]:
    """What the HTML front end gets: the decoded page when the HTTP charset decides,
    else the bytes (their BOM, or the page's ``<meta>`` declaration, then decide)."""
    if page.charset is None or page.payload.startswith(_HTML_BOMS):
        return page.payload
    return page.payload.decode(page.charset, "replace")


def clean_page(page: Page, options: Optional[Options] = None, errors: str = "strict") -> Union[dict[str, Any], str]:
    """The output record of *page*: provenance, then the cleaning result's keys
    (``text``, ``title``, ``title_span``, ``spans``, ``removed``, ``page_type``,
    ``page_type_evidence``; plus ``sources`` for HTML); or the reason it is skipped. A missing extra raises."""
    try:
        if page.html:
            from .html import strip_html

            summary = strip_html(html_input(page), options=options).summary_dict()
        else:
            summary = strip(decode(page.payload, errors, "record"), options=options).summary_dict()
    except InputError:
        return "not valid UTF-8"
    except BoilerstripError:
        raise
    except Exception as e:
        return f"internal error: {type(e).__name__}"
    out = page.provenance()
    out.update(summary)
    return out


def encode(record: dict[str, Any]) -> bytes:
    """One JSONL line."""
    return (dumps(record) + "\n").encode("utf-8")
