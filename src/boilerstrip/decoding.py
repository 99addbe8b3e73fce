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

UTF-16 or UTF-32 without a mark (Windows tools write it, e.g. PowerShell's
``Out-File`` in older versions) is mostly valid UTF-8 when the text is Latin,
Cyrillic or Greek: every code unit's high byte is NUL or a control byte, so it
would decode into garbage with a NUL between letters, and the run would end with
exit 0 and a wrong body. It is recognised instead by where its NUL bytes fall:
the spaces, digits and punctuation of any script are ASCII, so their high
bytes are NUL on one side of every code unit and practically never on the other
(see :func:`unmarked_wide_encoding`). Such input raises
:class:`~boilerstrip.errors.InputError` (with either ``errors`` policy, since
nothing there is a bad byte to replace) telling the user to re-encode it or add
a mark; it is not decoded on a guess, because the policy is that only a mark
names an encoding other than UTF-8. UTF-8 text with a few NULs in it has them at
both parities and far too few, and is read as before.
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


#: Bytes looked at for the NUL pattern of unmarked UTF-16/32: the first few KB.
WIDE_SAMPLE_BYTES = 4096
#: Share of the code units whose NUL byte must fall on one side (UTF-16): about the
#: share of spaces and ASCII punctuation in text of any script; Latin text is near 1.
MIN_WIDE_NUL_SHARE = 0.1
#: Share of the code units that may have a NUL byte on the other side (U+0100,
#: U+0400, U+4E00 and the like have a NUL low byte; they are rare).
MAX_OTHER_SIDE_SHARE = 0.02
#: Fewest NULs on the NUL side: two characters' worth, so one stray NUL in UTF-8
#: text never looks like UTF-16.
MIN_WIDE_NULS = 2


def unmarked_wide_encoding(data: bytes) -> str:
    """The UTF-16/32 encoding *data* looks like by the NUL bytes of its first few KB,
    or "" when it does not look like one. Called only for data without a mark.

    UTF-32 (LE) puts NUL in byte 3 of every code unit and in byte 2 of every one below U+10000;
    UTF-16 (LE) puts it in byte 1 of every ASCII character and seldom in byte 0.

    >>> unmarked_wide_encoding("Plain text".encode("utf-16-le"))
    'UTF-16-LE'
    >>> unmarked_wide_encoding("Plain\\x00text\\x00".encode("utf-8"))
    ''
    """
    sample = data[: WIDE_SAMPLE_BYTES - WIDE_SAMPLE_BYTES % 4]
    sample = sample[: len(sample) - len(sample) % 2]
    units = len(sample) // 2
    if sample.count(0) < MIN_WIDE_NULS or units == 0:
        return ""
    quads = len(sample) // 4
    if quads:
        by_place = [sample[i : quads * 4 : 4].count(0) for i in range(4)]
        # The top byte of a UTF-32 unit is always NUL (code points end at U+10FFFF),
        # the next one for every character below U+10000.
        if by_place[3] == quads and by_place[2] * 2 >= quads and by_place[0] < quads:
            return "UTF-32-LE"
        if by_place[0] == quads and by_place[1] * 2 >= quads and by_place[3] < quads:
            return "UTF-32-BE"
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for nul_side, other_side, name in ((odd, even, "UTF-16-LE"), (even, odd, "UTF-16-BE")):
        if (
            nul_side >= max(MIN_WIDE_NULS, MIN_WIDE_NUL_SHARE * units)
            and other_side <= MAX_OTHER_SIDE_SHARE * units
        ):
            return name
    return ""


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
    if not skip:
        wide = unmarked_wide_encoding(data)
        if wide:
            raise InputError(
                f"{source} looks like {wide} without a byte-order mark (NUL bytes between the"
                f" letters); re-encode it as UTF-8 (e.g. iconv -f {wide} -t UTF-8) or add a byte-order mark"
            )
    try:
        return data[skip:].decode(encoding, errors)
    except UnicodeDecodeError as e:
        offset = skip + e.start
        raise InputError(
            f"{source} is not valid {encoding.upper()}: byte 0x{data[offset]:02x} at offset {offset}"
            " (use --errors replace to decode it anyway)"
        ) from None
