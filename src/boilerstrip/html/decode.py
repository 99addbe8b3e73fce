"""HTML bytes to text the way browsers pick the encoding.

Order (a simplified WHATWG "encoding sniffing"): a byte order mark; then a
``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...charset=...">``
in the first :data:`PRESCAN_BYTES` bytes; then UTF-8 if the bytes are valid
UTF-8; then detection by beautifulsoup4's ``UnicodeDammit`` (which uses
charset-normalizer or chardet when installed); last windows-1252, which
decodes any byte. Labels browsers treat as windows-1252 (``iso-8859-1``,
``latin1``, ``us-ascii``) are read as windows-1252 too.
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

from .deps import require

#: Browsers look for the meta charset in the first 1024 bytes.
PRESCAN_BYTES = 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta ... charset=NAME ...> covers both <meta charset="x"> and the
# http-equiv content="text/html; charset=x" form. The name is a run of one
# class, so the match is linear.
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)

#: Labels the WHATWG Encoding Standard maps to windows-1252.
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "iso_8859-1"})


def _label(name: str) -> Optional[str]:
    """A Python codec name for an encoding label, or None for an unknown label."""
    low = name.strip().lower()
    if low in _AS_WINDOWS_1252:
        return "cp1252"
    if low in ("utf-16", "utf-16le", "utf-16be"):
        return "utf-8"  # a meta tag cannot declare UTF-16: the bytes it was read from are ASCII
    try:
        return codecs.lookup(low).name
    except LookupError:
        return None


def declared_encoding(data: bytes) -> Optional[str]:
    """The codec named by a meta charset near the start of *data*, or None."""
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
    if declared is not None:
        return data.decode(declared, "replace"), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    dammit = require("bs4").UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return dammit.unicode_markup, str(dammit.original_encoding)
    return data.decode("cp1252", "replace"), "cp1252"
