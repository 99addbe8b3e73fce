"""Bytes to text: the command line's encoding policy (boilerstrip.decoding)."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from boilerstrip.decoding import decode, sniff, unmarked_wide_encoding
from boilerstrip.errors import InputError

# Text that survives any UTF encoding: no lone surrogates.
encodable = st.text(st.characters(blacklist_categories=("Cs",)))


@given(st.binary())
def test_strict_decoding_returns_text_or_names_the_bad_byte(data):
    try:
        text = decode(data)
    except InputError as e:
        assert "\n" not in str(e)  # one line for the CLI's message
        if unmarked_wide_encoding(data):
            assert "without a byte-order mark" in str(e)
            return
        m = re.search(r"byte 0x([0-9a-f]{2}) at offset (\d+)", str(e))
        assert m, str(e)
        offset = int(m.group(2))
        assert 0 <= offset < len(data)
        assert data[offset] == int(m.group(1), 16)
        assert "\n" not in str(e)  # one line for the CLI's message
    else:
        assert isinstance(text, str)


@given(st.binary())
def test_replace_never_fails(data):
    # ... except on unmarked UTF-16/32, which has no bad byte to replace.
    assume(not unmarked_wide_encoding(data))
    assert isinstance(decode(data, errors="replace"), str)


@given(encodable)
def test_utf8_round_trips(text):
    data = text.encode("utf-8")
    assume(not unmarked_wide_encoding(data))  # NULs between letters: see test_unmarked_utf16_*
    if text.startswith("\ufeff"):  # that would be read as a byte-order mark
        assert decode(data) == text[1:]
    else:
        assert decode(data) == text


@pytest.mark.parametrize(
    "bom, codec",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
@given(text=encodable)
def test_a_byte_order_mark_decides_and_is_dropped(bom, codec, text):
    assert decode(bom + text.encode(codec)) == text


def test_sniff_prefers_the_longer_utf32_mark():
    assert sniff(codecs.BOM_UTF32_LE + b"a\x00\x00\x00") == ("utf-32-le", 4)
    assert sniff(codecs.BOM_UTF16_LE + b"a\x00") == ("utf-16-le", 2)
    assert sniff(b"plain") == ("utf-8", 0)


def test_bad_utf16_names_the_offset_in_the_whole_input():
    # BOM (2 bytes) + "A" (2 bytes) + a lone high surrogate (2 bytes) + "B".
    data = codecs.BOM_UTF16_LE + "A".encode("utf-16-le") + b"\x00\xd8" + "B".encode("utf-16-le")
    with pytest.raises(InputError, match=r"UTF-16-LE: byte 0x00 at offset 4"):
        decode(data)
    assert decode(data, errors="replace") == "A\ufffdB"


def test_unknown_policy_is_a_value_error():
    with pytest.raises(ValueError):
        decode(b"x", errors="ignore")


# --- UTF-16 and UTF-32 without a byte-order mark ----------------------------------------------

WIDE_SAMPLES = [
    "Village Bridge Closed\n\nThe council said on Monday that the bridge would close.\n",
    "Мост закрыт\n\nСовет сказал в понедельник, что мост закроют на всю зиму.\n",
    "Η γέφυρα έκλεισε\n\nΤο συμβούλιο είπε ότι η γέφυρα θα κλείσει.\n",
]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", WIDE_SAMPLES, ids=["latin", "cyrillic", "greek"])
def test_unmarked_utf16_and_utf32_are_refused_with_advice(codec, text):
    # Latin and Cyrillic UTF-16 is valid UTF-8 byte by byte (NUL and bytes below
    # 0x80), so before the check it decoded to letters with NULs between them; Greek
    # failed with a bad-byte message that did not say why.
    data = text.encode(codec)
    for errors in ("strict", "replace"):
        with pytest.raises(InputError) as info:
            decode(data, errors=errors, source="page.txt")
        message = str(info.value)
        assert message.startswith(f"page.txt looks like {codec.upper()} without a byte-order mark")
        assert "re-encode" in message and "\n" not in message
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text  # with a mark it reads


@pytest.mark.parametrize(
    "data",
    [
        # A few NULs in a page of UTF-8 text, at both parities or too few for the pattern.
        ("The council said on Monday that the bridge would close. " * 20).encode("utf-8").replace(b"d", b"\x00", 3),
        b"Plain text with one NUL\x00 in it",
        b"\x00\x00\x00\x00 padding of NULs before text",
        "Caf\u00e9 \u00bb\x00 and NUL".encode("utf-8"),
    ],
)
def test_utf8_with_a_few_nuls_is_read_as_utf8(data):
    assert decode(data) == data.decode("utf-8")
