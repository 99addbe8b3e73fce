"""The HTTP message inside a WARC ``response`` record: headers, payload, charset.

A response record's block is the HTTP response as the crawler received it:
status line, headers, blank line, payload. The payload may still carry its
transfer coding (``chunked``) and content coding (``gzip``, ``deflate``,
``br``); both are undone here. Standard library only (``br`` needs the
``brotli`` package and is otherwise reported as unsupported).
"""

from __future__ import annotations

import codecs
import zlib
from typing import Optional

#: Header lines read at most (a crawler never stores more; a corrupt block might).
MAX_HEADER_LINES = 500


class PayloadError(ValueError):
    """The HTTP message cannot be read; the message is the skip reason."""


def split_http(block: bytes) -> tuple[dict[str, str], bytes]:
    """The headers (lower-case names; the last of repeated ones) and the payload of *block*.

    >>> split_http(b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n<p>x")
    ({'content-type': 'text/html'}, b'<p>x')
    """
    end, gap = block.find(b"\r\n\r\n"), 4
    bare = block.find(b"\n\n")
    if bare != -1 and (end == -1 or bare < end):
        end, gap = bare, 2
    if end == -1 or not block.startswith(b"HTTP/"):
        raise PayloadError("no HTTP response headers")
    headers: dict[str, str] = {}
    for line in block[:end].split(b"\n")[1:MAX_HEADER_LINES]:
        name, colon, value = line.partition(b":")
        if colon:
            headers[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    return headers, block[end + gap :]


def media_type(content_type: Optional[str]) -> str:
    """``text/html`` of ``Text/HTML; charset=UTF-8`` ('' when there is none)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def charset(content_type: Optional[str]) -> Optional[str]:
    """The Python codec of the ``charset`` parameter of a Content-Type, or None
    (no parameter, or a label no codec answers to)."""
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return codec_for_label(value.strip().strip("\"'"))
    return None


#: Labels the WHATWG Encoding Standard reads as windows-1252, as browsers do.
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "iso_8859-1"})


def codec_for_label(label: str) -> Optional[str]:
    """A Python codec name for an encoding label, or None for an unknown label.

    >>> codec_for_label("ISO-8859-1"), codec_for_label("utf8"), codec_for_label("x-nonsense")
    ('cp1252', 'utf-8', None)
    """
    low = label.strip().lower()
    if low in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(low).name
    except LookupError:
        return None


def decoded_payload(headers: dict[str, str], payload: bytes) -> bytes:
    """*payload* with its transfer and content codings undone."""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        payload = _unchunk(payload)
    coding = headers.get("content-encoding", "").strip().lower()
    if coding in ("", "identity"):
        return payload
    try:
        if coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(payload)
        if coding == "deflate":  # zlib-wrapped as the standard says, or raw as some servers send
            try:
                return zlib.decompress(payload)
            except zlib.error:
                return zlib.decompressobj(-zlib.MAX_WBITS).decompress(payload)
        if coding == "br":
            return _brotli(payload)
    except zlib.error as e:
        raise PayloadError(f"bad {coding} content coding ({e})") from None
    raise PayloadError(f"unsupported content coding {coding}")


def _brotli(payload: bytes) -> bytes:
    try:
        import brotli  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        raise PayloadError("unsupported content coding br (install the brotli package)") from None
    try:
        return brotli.decompress(payload)  # type: ignore[no-any-return]
    except Exception as e:  # brotli.error
        raise PayloadError(f"bad br content coding ({e})") from None


def _unchunk(data: bytes) -> bytes:
    """The body of a ``chunked`` message. Payloads that are not chunked after all
    (crawlers often store them decoded but keep the header) are returned as they are."""
    parts: list[bytes] = []
    at = 0
    while True:
        line_end = data.find(b"\n", at)
        if line_end == -1:
            return data
        size_text = data[at:line_end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return data if not parts else b"".join(parts)
        if size == 0:
            return b"".join(parts)
        start = line_end + 1
        parts.append(data[start : start + size])
        at = start + size
        if data[at : at + 2] == b"\r\n":
            at += 2
        elif data[at : at + 1] == b"\n":
            at += 1
