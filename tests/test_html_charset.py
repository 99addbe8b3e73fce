"""Declared charsets follow the WHATWG Encoding Standard's labels (issue 16, item 6)."""

from __future__ import annotations

import pytest

pytest.importorskip("lxml")
pytest.importorskip("bs4")

from boilerstrip.html import strip_html  # noqa: E402
from boilerstrip.html.decode import decode_html  # noqa: E402
from boilerstrip.html.encodings import ENCODINGS, encoding_for_label  # noqa: E402

SENTENCE = "The council published the timetable for the new night buses on its website this morning."


def page(meta: str, body: bytes) -> bytes:
    return f"<html><head>{meta}</head><body><p>".encode("ascii") + body + b"</p></body></html>"


@pytest.mark.parametrize(
    "meta",
    ['<meta charset="utf-7">', '<meta http-equiv="Content-Type" content="text/html; charset=UTF-7">'],
)
def test_utf_7_is_not_honoured(meta: str) -> None:
    # "+ADw-" is "<" in UTF-7: browsers ignore the label, so it stays text.
    data = page(meta, f"{SENTENCE} +ADw-script+AD4-alert(1)+ADw-/script+AD4-".encode("ascii"))
    text, encoding = decode_html(data)
    assert encoding == "utf-8"
    assert "<script>" not in text
    assert strip_html(data).rendered == f"{SENTENCE} +ADw-script+AD4-alert(1)+ADw-/script+AD4-"


@pytest.mark.parametrize("label", ["utf-32", "cp500", "ebcdic-cp-us", "macroman", "no-such-charset"])
def test_labels_the_standard_does_not_know_are_ignored(label: str) -> None:
    data = page(f'<meta charset="{label}">', "Grüße aus Köln".encode("utf-8"))
    assert decode_html(data) == (data.decode("utf-8"), "utf-8")


@pytest.mark.parametrize(
    ("label", "raw", "expected", "codec"),
    [
        # iso-8859-1 and ascii are windows-1252: 0x93/0x94 are curly quotes.
        ("ISO_8859-1:1987", b"\x93q\x94", "\u201cq\u201d", "cp1252"),
        ("ansi_x3.4-1968", b"caf\xe9", "caf\u00e9", "cp1252"),
        # iso-8859-9 is windows-1254, tis-620 is windows-874: 0x80 is the euro sign.
        ("latin5", b"\x80", "\u20ac", "cp1254"),
        ("tis-620", b"\x80", "\u20ac", "cp874"),
        # gb2312 is GBK: 0x81 0x40 is U+4E02, outside GB 2312.
        ("gb2312", b"\x81\x40", "\u4e02", "gb18030"),
        # Shift_JIS is Windows-31J: 0x87 0x40 is the circled digit one.
        ("shift_jis", b"\x87\x40", "\u2460", "cp932"),
        # EUC-KR is Windows-949: 0x81 0x41 is U+AC02, outside KS X 1001.
        ("ks_c_5601-1987", b"\x81\x41", "\uac02", "cp949"),
        ("koi8-r", b"\xc1\xc2", "\u0430\u0431", "koi8-r"),
        ("x-mac-ukrainian", b"\x80", "\u0410", "mac-cyrillic"),
        # A UTF-16 label in the page means UTF-8; x-user-defined means windows-1252.
        ("utf-16", "\u00e9".encode("utf-8"), "\u00e9", "utf-8"),
        ("unicodeFFFE", "\u00e9".encode("utf-8"), "\u00e9", "utf-8"),
        ("x-user-defined", b"\x93", "\u201c", "cp1252"),
    ],
)
def test_labels_map_to_the_standards_encodings(label: str, raw: bytes, expected: str, codec: str) -> None:
    data = page(f'<meta charset="{label}">', raw)
    text, encoding = decode_html(data)
    assert encoding == codec
    assert text.endswith(f"<p>{expected}</p></body></html>")


@pytest.mark.parametrize("label", ["iso-2022-kr", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "replacement"])
def test_replacement_labels_decode_to_one_replacement_character(label: str) -> None:
    # Their escape sequences can hide markup from filters: browsers show U+FFFD instead.
    data = page(f'<meta http-equiv="content-type" content="text/html;charset={label}">', b"~{<script>~}" + SENTENCE.encode())
    assert decode_html(data) == ("\ufffd", "replacement")
    r = strip_html(data)
    assert r.rendered == "\ufffd"
    assert r.to_dict()["html"]["encoding"] == "replacement"


def test_detection_does_not_take_an_encoding_the_standard_does_not_know() -> None:
    # Not UTF-8, no declaration in the first 1024 bytes, and one further on that names
    # EBCDIC (which any byte decodes in): detection must not use it.
    body = ("Le conseil a publi\u00e9 l'horaire des bus de nuit. " * 30).encode("cp1252")
    data = b"<html><head><!-- " + b"x" * 1100 + b' --><meta charset="cp500"></head><body><p>' + body + b"</p></body></html>"
    text, encoding = decode_html(data)
    assert encoding_for_label(encoding) is not None
    assert "Le conseil a publi\u00e9 l'horaire" in text


def test_the_label_table_is_the_standards() -> None:
    # Counts from the standard's table (40 encodings, 228 labels); no label twice.
    labels = [label for encoding in ENCODINGS for label in encoding.labels]
    assert (len(ENCODINGS), len(labels), len(set(labels))) == (40, 228, 228)
    assert all(label == label.strip().lower() for label in labels)
    assert encoding_for_label("\t UTF8 \n").name == "UTF-8"  # type: ignore[union-attr]
    assert encoding_for_label("utf-7") is None
    assert encoding_for_label("\u212aoi8-r") is None  # KELVIN SIGN: only ASCII letters fold


def test_every_codec_of_the_table_exists_under_its_own_name() -> None:
    import codecs

    named = [encoding.codec for encoding in ENCODINGS if encoding.codec is not None]
    assert len(named) == 38  # all but replacement and x-user-defined
    assert all(codecs.lookup(codec).name == codec for codec in named)
