"""HTML bytes to text the way browsers pick the encoding.

Order (a simplified WHATWG "encoding sniffing"): a byte order mark; then a
``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...charset=...">``
in the first :data:`PRESCAN_BYTES` bytes; then UTF-8 if the bytes are valid
UTF-8; then detection by beautifulsoup4's ``UnicodeDammit`` (which uses
charset-normalizer or chardet when installed); last windows-1252, which
decodes any byte.

A declared charset is a label of the WHATWG Encoding Standard (:mod:`.encodings`)
or nothing: ``iso-8859-1``, ``latin1`` and ``us-ascii`` are windows-1252, ``gb2312``
is GBK, and a label browsers do not know (``utf-7``, whose ``+ADw-`` is ``<``) is
ignored, as if the page declared nothing. As the HTML Standard says of a declaration
in the page, a UTF-16 label means UTF-8 (the ASCII bytes it was read from are not
UTF-16) and ``x-user-defined`` means windows-1252. The labels of the ``replacement``
encoding (ISO-2022-KR, HZ-GB-2312, ISO-2022-CN ...), which browsers refuse to
decode because their escapes can hide markup, give one U+FFFD for the whole page.
Detection may only pick an encoding the standard has a label for.
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

from .deps import require
from .encodings import REPLACEMENT, X_USER_DEFINED, encoding_for_label

#: Browsers look for the meta charset in the first 1024 bytes.
PRESCAN_BYTES = 1024
#: What the ``replacement`` encoding decodes any non-empty input to.
REPLACEMENT_TEXT = "\ufffd"
#: How many encodings detection may propose that the standard does not know.
_DETECTION_TRIES = 4

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta ... charset=NAME ...> covers both <meta charset="x"> and the
# http-equiv content="text/html; charset=x" form. The name is a run of one
# class, so the match is linear.
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def _label(name: str) -> Optional[str]:
    """The Python codec for a charset declared in the page (or :data:`.encodings.REPLACEMENT`),
    or None when the Encoding Standard has no such label."""
    encoding = encoding_for_label(name)
    if encoding is None:
        return None
    if encoding.name in ("UTF-16BE", "UTF-16LE"):
        return "utf-8"  # a meta tag cannot declare UTF-16: the bytes it was read from are ASCII
    if encoding.name == X_USER_DEFINED:
        return "cp1252"
    return encoding.codec or REPLACEMENT


def declared_encoding(data: bytes) -> Optional[str]:
    """The codec named by a meta charset near the start of *data*
    (:data:`.encodings.REPLACEMENT` for a replacement label), or None."""
    match = _META_CHARSET.search(data[:PRESCAN_BYTES])
    return _label(match.group(1).decode("ascii")) if match else None


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode HTML bytes; returns ``(text, encoding used)``.

    >>> decode_html(b'<meta charset="windows-1252"><p>caf\\xe9')
    ('<meta charset="windows-1252"><p>café', 'cp1252')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, "replace"), name
    declared = declared_encoding(data)
    if declared == REPLACEMENT:
        return (REPLACEMENT_TEXT if data else ""), REPLACEMENT
    if declared is not None:
        return data.decode(declared, "replace"), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is not None:
        return detected
    return data.decode("cp1252", "replace"), "cp1252"


def _detect(data: bytes) -> Optional[tuple[str, str]]:
    """``UnicodeDammit``'s reading of *data*, if it picks an encoding the standard
    knows (it also reads a meta charset past the first 1024 bytes); encodings it
    picks that the standard does not know are excluded and it is asked again."""
    dammit_class = require("bs4").UnicodeDammit
    excluded: list[str] = []
    for _ in range(_DETECTION_TRIES):
        dammit = dammit_class(data, is_html=True, exclude_encodings=excluded)
        if dammit.unicode_markup is None or not dammit.original_encoding:
            return None
        name = str(dammit.original_encoding)
        encoding = encoding_for_label(name)
        if encoding is not None and encoding.codec is not None:
            return dammit.unicode_markup, name
        excluded.append(name)
    return None
