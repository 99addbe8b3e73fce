"""Showing input text to a person without letting it act on the screen.

Scraped text can hold characters that are not text to a terminal or a browser:
C0 and C1 control characters (ESC starts a terminal escape sequence that can
clear the screen or set the window title, BEL rings, a lone CR moves back over
what was printed) and bidirectional formatting characters (U+202E RIGHT-TO-LEFT
OVERRIDE shows everything after it reversed, up to the end of the paragraph).
Wherever boilerstrip shows input (``--explain``, the HTML reports) these
characters are replaced by something visible that names them. This is display
only: results, offsets and the body text keep every character as it was.

Two forms:

* :func:`for_terminal` writes a Python-style escape (``\\x1b``, ``\\u202e``),
  for one-line-per-block output;
* :func:`html_text` and :func:`html_attr` escape text for an HTML page and show
  each such character as a mark (a control picture such as U+241B for ESC, or
  a short name such as ``RLO``) in ``<span class="ctl" data-char="XXXX">``,
  so the exact input can still be read back from the page.
"""

from __future__ import annotations

import html
import re

__all__ = ["for_terminal", "html_attr", "html_text", "mark_glyph"]

#: Bidirectional formatting characters, with their Unicode abbreviations. The
#: embeddings, overrides and isolates (U+202A-202E, U+2066-2069) reorder the text
#: after them; the three implicit marks only steer neutral characters, but are
#: invisible, so they are shown too.
BIDI_NAMES = {
    0x061C: "ALM",
    0x200E: "LRM",
    0x200F: "RLM",
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
}
#: Unicode abbreviations of the C1 controls U+0080-U+009F (no control pictures exist
#: for them). In text decoded with the wrong code page they stand for bytes of
#: UTF-8 sequences, so a short name keeps such a page readable.
C1_NAMES = (
    "PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 "
    "DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC"
).split()

_BIDI_CLASS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: What a terminal must not receive raw: C0 controls but tab (shown as a space),
#: DEL, C1 controls, bidirectional formatting and lone surrogates (which cannot
#: be encoded for output at all). LF and CR are escaped too: a preview is one line.
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI_CLASS}\ud800-\udfff]")
#: What an HTML page shows as a mark: the same, except tab, LF and CR, which the
#: page lays out (CR written as ``&#13;`` so that parsers keep it).
_HTML_MARKED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI_CLASS}\ud800-\udfff]")
#: Characters HTML cannot carry at all: NUL (dropped or replaced by parsers) and lone
#: surrogates (not encodable). In an attribute they become U+FFFD.
_UNCARRIABLE = re.compile("[\x00\ud800-\udfff]")


#: Line ends keep their familiar short escapes.
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r"}


def _terminal_escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """*text* with every character that could act on a terminal written as an escape.

    Tabs become spaces; LF and CR become ``\\n`` and ``\\r``; other control
    characters, bidirectional formatting characters and lone surrogates become
    ``\\xNN`` or ``\\uNNNN``. Backslashes are left as
    they are, so ``\\x1b`` typed into a page looks the same as a real ESC.

    >>> for_terminal("a\\x1b[2Jb\\tc\\u202ed")
    'a\\\\x1b[2Jb c\\\\u202ed'
    """
    text = text.replace("\t", " ")
    return _TERMINAL_UNSAFE.sub(_terminal_escape, text) if _TERMINAL_UNSAFE.search(text) else text


def mark_glyph(code: int) -> str:
    """What a page shows for the character *code*: its control picture or short name.

    >>> mark_glyph(0x1B), mark_glyph(0x7F), mark_glyph(0x9B), mark_glyph(0x202E)
    ('␛', '␡', 'CSI', 'RLO')
    """
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code <= 0x9F:
        return C1_NAMES[code - 0x80]
    return BIDI_NAMES.get(code, "\ufffd")


def _describe(code: int) -> str:
    if code == 0 or 0xD800 <= code <= 0xDFFF:
        return "cannot be shown in HTML"
    if code in BIDI_NAMES:
        return "bidirectional formatting, shown as a mark"
    return "control character, shown as a mark"


def _mark(match: re.Match[str]) -> str:
    code = ord(match.group())
    return (
        f'<span class="ctl" data-char="{code:04X}" title="U+{code:04X} ({_describe(code)})">'
        f"{mark_glyph(code)}</span>"
    )


def html_text(value: str) -> str:
    """Escape input text so that a browser shows every character of it literally.

    >>> html_text("<b>\\x1b\\u202e")
    '&lt;b&gt;<span class="ctl" data-char="001B" title="U+001B (control character, shown as a mark)">␛</span><span class="ctl" data-char="202E" title="U+202E (bidirectional formatting, shown as a mark)">RLO</span>'
    """
    escaped = html.escape(value, quote=False).replace("\r", "&#13;")
    return _HTML_MARKED.sub(_mark, escaped) if _HTML_MARKED.search(escaped) else escaped


def _glyph_of(match: re.Match[str]) -> str:
    return mark_glyph(ord(match.group()))


def html_attr(value: object) -> str:
    """Escape *value* for a double-quoted attribute (or the ``<title>``, which holds no markup).

    A character HTML cannot carry becomes U+FFFD here; other control and
    bidirectional formatting characters become their mark's text (an attribute
    has no room for a mark element).

    >>> html_attr('a"\\x00\\x07\\u202e')
    'a&quot;\\ufffd␇RLO'
    """
    escaped = _UNCARRIABLE.sub("\ufffd", html.escape(str(value), quote=True).replace("\r", "&#13;"))
    return _HTML_MARKED.sub(_glyph_of, escaped) if _HTML_MARKED.search(escaped) else escaped
