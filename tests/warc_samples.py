"""Small WARC and WET files built by the tests themselves (the pages are written for them).

A record is built byte by byte here, not with a WARC library, so the tests
also cover what a library would refuse to write: a wrong Content-Length,
garbage between records, a cut-off file.
"""

from __future__ import annotations

import gzip
from typing import Optional

#: A page as a WET file holds it: menu, headline, story, share row.
HARBOUR_TEXT = (
    "Home | Local | Sport | Weather\n\n"
    "The harbour gets new bike lanes\n\n"
    "The council voted on Tuesday to build new cycle lanes along the harbour, after a debate "
    "that lasted more than four hours and drew a full public gallery.\n\n"
    "Parking along the quay will be reduced by about forty spaces, the plan says, while "
    "delivery vans get two new loading bays next to the fish market.\n\n"
    "Share on Facebook\n"
)
#: A second page: a recipe-like text with a heading and short lines.
BREAD_TEXT = (
    "Recipes > Baking\n\n"
    "A simple rye loaf for beginners\n\n"
    "This loaf needs no starter and only an afternoon, which makes it a good first bread for "
    "anyone who has never baked with rye flour before and wants a dense, moist crumb.\n\n"
    "Mix the flour, salt and yeast, then add warm water until the dough is sticky but holds "
    "its shape in the bowl; cover it and leave it to rise for two hours.\n\n"
    "Newsletter: get a new recipe every week\n"
)
#: An HTML page whose <meta> says windows-1252 while its bytes are UTF-8 (the HTTP header says so).
HARBOUR_HTML = (
    "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Harbour news</title></head>"
    "<body><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav><article>"
    "<h1>The harbour gets new bike lanes</h1>"
    "<p>The council voted on Tuesday to build new cycle lanes along the harbour, after a "
    "debate that lasted more than four hours near the old café by the pier.</p>"
    "<p>Parking along the quay will be reduced by about forty spaces, the plan says, while "
    "delivery vans get two new loading bays next to the fish market.</p>"
    "</article><footer>© Harbour Gazette</footer></body></html>"
)


def record(
    kind: str,
    url: str,
    block: bytes,
    content_type: str,
    *,
    number: int = 1,
    version: str = "1.0",
    length: Optional[str] = None,
    extra: str = "",
) -> bytes:
    """One WARC record; *length* overrides the true Content-Length (to make a corrupt one)."""
    head = (
        f"WARC/{version}\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-05-0{number % 9 + 1}T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"Content-Type: {content_type}\r\n{extra}"
        f"Content-Length: {length if length is not None else len(block)}\r\n\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


def conversion(url: str, text: str, number: int = 1, **kw: str) -> bytes:
    """A WET record: the page's text."""
    return record("conversion", url, text.encode("utf-8"), "text/plain", number=number, **kw)


def response(url: str, payload: bytes, http_content_type: str, number: int = 1, http_extra: str = "", **kw: str) -> bytes:
    """A WARC response record: HTTP headers and *payload*."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {http_content_type}\r\n{http_extra}\r\n".encode("latin-1") + payload
    return record("response", url, http, "application/http; msgtype=response", number=number, **kw)


def warcinfo() -> bytes:
    return record("warcinfo", "", b"software: a test\r\n", "application/warc-fields", number=999)


def request(url: str, number: int = 1) -> bytes:
    return record("request", url, f"GET {url} HTTP/1.1\r\n\r\n".encode(), "application/http; msgtype=request", number=number)


def gzip_each(*records: bytes) -> bytes:
    """Every record in its own gzip member, as Common Crawl files are."""
    return b"".join(gzip.compress(r) for r in records)


def wet_file() -> bytes:
    """A small WET file: an info record and two pages."""
    return warcinfo() + conversion("https://example.org/harbour", HARBOUR_TEXT, 1) + conversion("https://example.org/bread", BREAD_TEXT, 2)
