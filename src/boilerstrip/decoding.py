"""Bytes to text for the command line: UTF-8 by default, BOMs honoured.

The library itself takes ``str``; only the command line reads bytes. The
policy, in order:

1. A byte-order mark decides: UTF-32 (LE/BE), UTF-16 (LE/BE) or UTF-8. The
   mark is not part of the text, so offsets count from the first character
   after it.
2. Without a mark the bytes must be UTF-8.
3. Bytes that do not decode raise :class:`~boilerstrip.errors.InputError`
   naming the byte offset, unless ``errors="replace"``: then each bad sequence
   becomes U+FFFD and offsets refer to that decoded text.
"""

from __future__ import annotations

import codecs

from .errors import InputError

#: Accepted values of the ``errors`` argument (and of ``--errors``).
ERROR_POLICIES = ("strict", "replace")

# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff(data: bytes) -> tuple[str, int]:
    """The encoding named by *data*'s byte-order mark and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return "utf-8", 0


def decode(data: bytes, errors: str = "strict", source: str = "input") -> str:
    """Decode *data* by the policy above.

    >>> decode(b"\\xef\\xbb\\xbfHi")
    'Hi'
    >>> decode("Hi".encode("utf-16"))
    'Hi'
    >>> decode(b"a\\xffb", errors="replace")
    'a\\ufffdb'
    """
    if errors not in ERROR_POLICIES:
        raise ValueError(f"errors must be one of {ERROR_POLICIES}, not {errors!r}")
    encoding, skip = sniff(data)
    try:
        return data[skip:].decode(encoding, errors)
    except UnicodeDecodeError as e:
        offset = skip + e.start
        raise InputError(
            f"{source} is not valid {encoding.upper()}: byte 0x{data[offset]:02x} at offset {offset}"
            " (use --errors replace to decode it anyway)"
        ) from None
