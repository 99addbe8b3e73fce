"""The WHATWG Encoding Standard's labels (https://encoding.spec.whatwg.org/#names-and-labels).

Browsers accept only these labels, each naming one encoding; a label not in the
table names no encoding at all (``utf-7``, ``utf-32``, ``cp500`` ...: browsers
ignore such a declaration). :data:`ENCODINGS` gives, per encoding, its labels and
the Python codec that decodes it; :func:`encoding_for_label` looks a label up.

The codecs are the nearest Python has. Where the standard's decoder is a superset
of the codec its name suggests, the superset is used, as browsers do: GBK is read
with ``gb18030``, Big5 with ``big5hkscs``, Shift_JIS with ``cp932``, EUC-KR with
``cp949``. Small differences remain: the ``cp125x`` and ``cp874`` codecs leave a few
unassigned bytes undecoded (U+FFFD) where the standard maps them to C1 controls, and
Python's ``koi8_u`` has box-drawing characters at two bytes where KOI8-U has letters.

Two encodings have no codec: ``replacement`` (labels of encodings browsers refuse
to decode, such as ISO-2022-KR and HZ-GB-2312) decodes any non-empty input to a
single U+FFFD, and ``x-user-defined`` maps bytes 0x80-0xFF to U+F780-U+F7FF; an HTML
page cannot declare it (the HTML Standard reads such a declaration as windows-1252).
"""

from __future__ import annotations

from typing import NamedTuple, Optional

#: The encoding of labels whose content browsers do not decode.
REPLACEMENT = "replacement"
#: The encoding that maps high bytes into the private use area.
X_USER_DEFINED = "x-user-defined"


class Encoding(NamedTuple):
    """One encoding of the standard: its name, the Python codec that reads it
    (None for :data:`REPLACEMENT` and :data:`X_USER_DEFINED`) and its labels."""

    name: str
    codec: Optional[str]
    labels: tuple[str, ...]


def _encoding(name: str, codec: Optional[str], labels: str) -> Encoding:
    return Encoding(name, codec, tuple(labels.split()))


#: Every encoding of the standard with its labels, in the standard's order.
ENCODINGS: tuple[Encoding, ...] = (
    _encoding("UTF-8", "utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    _encoding("IBM866", "cp866", "866 cp866 csibm866 ibm866"),
    _encoding("ISO-8859-2", "iso8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
    _encoding("ISO-8859-3", "iso8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
    _encoding("ISO-8859-4", "iso8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
    _encoding("ISO-8859-5", "iso8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"),
    _encoding(
        "ISO-8859-6",
        "iso8859-6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i "
        "iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    ),
    _encoding(
        "ISO-8859-7",
        "iso8859-7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 "
        "iso_8859-7:1987 sun_eu_greek",
    ),
    _encoding(
        "ISO-8859-8",
        "iso8859-8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 "
        "iso_8859-8:1988 visual",
    ),
    _encoding("ISO-8859-8-I", "iso8859-8", "csiso88598i iso-8859-8-i logical"),
    _encoding("ISO-8859-10", "iso8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    _encoding("ISO-8859-13", "iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    _encoding("ISO-8859-14", "iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    _encoding("ISO-8859-15", "iso8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    _encoding("ISO-8859-16", "iso8859-16", "iso-8859-16"),
    _encoding("KOI8-R", "koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    _encoding("KOI8-U", "koi8-u", "koi8-ru koi8-u"),
    _encoding("macintosh", "mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    _encoding("windows-874", "cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    _encoding("windows-1250", "cp1250", "cp1250 windows-1250 x-cp1250"),
    _encoding("windows-1251", "cp1251", "cp1251 windows-1251 x-cp1251"),
    _encoding(
        "windows-1252",
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 "
        "iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    ),
    _encoding("windows-1253", "cp1253", "cp1253 windows-1253 x-cp1253"),
    _encoding(
        "windows-1254",
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
        "windows-1254 x-cp1254",
    ),
    _encoding("windows-1255", "cp1255", "cp1255 windows-1255 x-cp1255"),
    _encoding("windows-1256", "cp1256", "cp1256 windows-1256 x-cp1256"),
    _encoding("windows-1257", "cp1257", "cp1257 windows-1257 x-cp1257"),
    _encoding("windows-1258", "cp1258", "cp1258 windows-1258 x-cp1258"),
    _encoding("x-mac-cyrillic", "mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    _encoding("GBK", "gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"),
    _encoding("gb18030", "gb18030", "gb18030"),
    _encoding("Big5", "big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    _encoding("EUC-JP", "euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    _encoding("ISO-2022-JP", "iso2022_jp", "csiso2022jp iso-2022-jp"),
    _encoding("Shift_JIS", "cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    _encoding(
        "EUC-KR",
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    ),
    _encoding(REPLACEMENT, None, "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"),
    _encoding("UTF-16BE", "utf-16-be", "unicodefffe utf-16be"),
    _encoding("UTF-16LE", "utf-16-le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    _encoding(X_USER_DEFINED, None, "x-user-defined"),
)

_BY_LABEL = {label: encoding for encoding in ENCODINGS for label in encoding.labels}
# The standard trims ASCII white space (tab, line feed, form feed, carriage return, space).
_ASCII_WHITE = "\t\n\f\r "


def encoding_for_label(label: str) -> Optional[Encoding]:
    """The encoding a label names (case and surrounding ASCII white space do not
    matter), or None when the standard knows no such label."""
    label = label.strip(_ASCII_WHITE)
    return _BY_LABEL.get(label.lower()) if label.isascii() else None  # (ASCII case folding only)
