"""Raw text to blocks: every non-blank line, trimmed, as ``(start, end)`` offsets;
for hard-wrapped text, every paragraph.

Offsets are half-open code-point indices into the untouched input, so
``text[start:end]`` is always exactly the block. Lines end at ``\\n``,
``\\r\\n`` or a lone ``\\r``; other separators (U+2028, U+0085, form feed)
stay inside the line, because renderers put them inside paragraphs. Leading and
trailing white space (``str.isspace``: spaces, tabs, NBSP, ...) is not part of
a block. Nothing is rewritten.
"""

from __future__ import annotations

import re
from array import array
from typing import Sequence, Tuple

from .spans import Spans

# A block: from the first to the last non-space character of a line. ``\S`` and
# ``str.strip()`` agree on white space (both use ``str.isspace``), and CR and LF are
# white space, so a match never crosses a line end. Linear: the search scans for
# the first non-space once, and the greedy run backtracks at most over the line's
# trailing white space, which the next search then skips.
_BLOCK = re.compile(r"\S(?:[^\r\n]*\S)?")


def segment(text: str) -> Spans:
    """Return the trimmed spans of the non-blank lines of *text*.

    >>> list(segment("  Title \\r\\n\\r\\nBody.\\n"))
    [(2, 7), (12, 17)]
    """
    flat = array("q")
    for match in _BLOCK.finditer(text):
        flat.extend(match.span())
    return Spans.from_flat(flat)


# --- Hard-wrapped text ------------------------------------------------------------
# html2text (Markdown at 78 columns by default), e-mail, plain-text archives and
# man pages break every paragraph into lines of at most a fixed width. A line is
# then a piece of a sentence, not a block. Such text is told by its line lengths:
# of the lines that run prose (long enough, with spaces, not a list item, heading,
# quote or table row), most end a little short of one width, where the next word
# did not fit, and hardly any is longer (the band test below); where that fails, the
# mark greedy wrapping leaves on each pair of lines it broke (the second test).
# Measured on the dev pages: 569 of 587 html2text renderings are recognised (523 by
# the band test alone), and 1 of the 1174 html_text and inscriptis ones (a blog whose
# HTML source is itself hard-wrapped, rightly).
#: Lines of at least this many characters are the ones measured.
MIN_WRAPPED_LENGTH = 30
#: Fewest measured lines for the test to decide anything.
MIN_WRAP_LINES = 8
#: Widths that count as wrapping (e-mail 72-76, html2text 78, some tools 100).
MIN_WIDTH, MAX_WIDTH = 40, 120
#: A wrapped line ends at most this many characters short of the width.
WRAP_SLACK = 25
#: Share of measured lines that must end in the band below the width ...
MIN_BAND_SHARE = 0.6
#: ... and share that may run past it.
MAX_OVER_SHARE = 0.03
# A line that starts a Markdown or plain-text block of its own: a heading, list
# item, quote, table row, image or link line, or a rule never continues the line above.
_BLOCK_START = re.compile(r"[ \t]*(?:[#>|!\[]|[-*+•][ \t]|\d{1,3}[.)][ \t]|[=_-]{3})")


def wrap_width(text: str, spans: Sequence[Tuple[int, int]]) -> int:
    """The column width *text* is hard-wrapped at, or 0 when it is not wrapped.

    Linear: the measured lines' lengths are counted in a histogram up to
    :data:`MAX_WIDTH`, and every candidate width is tried on running sums.
    """
    counts = [0] * (MAX_WIDTH + 2)  # the last bucket holds every longer line
    measured = 0
    for start, end in spans:
        if (
            end - start >= MIN_WRAPPED_LENGTH
            and not _BLOCK_START.match(text, start)
            and " " in text[start:end]
            and text.find(" | ", start, end) == -1  # a table row (html2text writes them without a leading bar)
        ):
            counts[min(end - start, MAX_WIDTH + 1)] += 1
            measured += 1
    if measured < MIN_WRAP_LINES:
        return 0
    below = [0] * (MAX_WIDTH + 3)  # below[n]: measured lines shorter than n
    for n in range(MAX_WIDTH + 2):
        below[n + 1] = below[n] + counts[n]
    best_band, width = 0, 0
    for w in range(MIN_WIDTH, MAX_WIDTH + 1):
        band = below[w + 1] - below[max(0, w - WRAP_SLACK)]
        if band > best_band:
            best_band, width = band, w
    over = measured - below[width + 1]
    if best_band >= MIN_BAND_SHARE * measured and over <= MAX_OVER_SHARE * measured:
        return width
    return _greedy_wrap_width(text, spans)


# Second test, for pages where wrapped prose is too small a share of the long lines
# for the first (menus of long links, link targets cut at the width, tables): the
# mark greedy wrapping leaves on each line it breaks. A line followed directly by
# another (no blank line between) ended where the next line's first word did not fit,
# so at the true width W: length <= W < length + 1 + first word. Each such pair
# votes for that range of widths.
#: Fewest line pairs for the second test to decide anything, and fewest different
#: lengths among their first lines (a menu repeated line by line is not wrapped prose).
MIN_WRAP_PAIRS = 6
MIN_PAIR_LENGTHS = 4
#: Narrowest width the second test accepts: lists of similar short lines (names,
#: addresses) mimic wrapping at 40-50 columns; wrappers use 60 and more.
MIN_PAIR_WIDTH = 60
#: Share of the pairs whose break the width must explain ...
MIN_PAIR_SHARE = 0.8
#: ... and share whose first line may run past it. Lines with a link target or URL
#: are left out of the test: wrappers do not break inside them, nor always at them.
MAX_PAIR_OVER_SHARE = 0.05


def _greedy_wrap_width(text: str, spans: Sequence[Tuple[int, int]]) -> int:
    votes = [0] * (MAX_WIDTH + 2)  # difference array over the widths
    lengths: list[int] = []  # of the first line of every pair that votes
    for (start, end), (next_start, next_end) in zip(spans, spans[1:]):
        length = end - start
        if (
            length < MIN_WRAPPED_LENGTH
            or _line_breaks(text, end, next_start) != 1
            or _BLOCK_START.match(text, start)
            or _BLOCK_START.match(text, next_start)
        ):
            continue
        if (
            text.find(" ", start, end) == -1  # a piece of a long URL
            or text.find("](", start, end) != -1
            or text.find("://", start, end) != -1
            or text.startswith("](", next_start)
        ):
            continue  # wrappers do not break link targets and URLs, nor always at them
        lengths.append(length)
        space = text.find(" ", next_start, next_end)
        first_word = (space if space != -1 else next_end) - next_start
        low, high = max(length, MIN_WIDTH), min(length + first_word, MAX_WIDTH)
        if low <= high:
            votes[low] += 1
            votes[high + 1] -= 1
    pairs = len(lengths)
    if pairs < MIN_WRAP_PAIRS or len(set(lengths)) < MIN_PAIR_LENGTHS:
        return 0
    best, width, running = 0, 0, 0
    for w in range(MIN_WIDTH, MAX_WIDTH + 1):
        running += votes[w]
        if running > best and w >= MIN_PAIR_WIDTH:
            best, width = running, w
    over = sum(1 for length in lengths if length > width)
    if best >= MIN_PAIR_SHARE * pairs and over <= MAX_PAIR_OVER_SHARE * pairs:
        return width
    return 0


def _line_breaks(text: str, end: int, start: int) -> int:
    """Line breaks in the white space between two blocks (CRLF counts once)."""
    return text.count("\n", end, start) + text.count("\r", end, start) - text.count("\r\n", end, start)


def _quote_continues(text: str, last_line: int, start: int) -> bool:
    """True if the line at *start* goes on with the quoted paragraph whose last line
    starts at *last_line*: both are ``>`` lines, and the new one carries on plain
    text (not an empty ``>`` line, which ends the quoted paragraph, nor a heading,
    list item or deeper quote of its own)."""
    if text[start] != ">" or text[last_line] != ">":
        return False
    rest = start + 1
    if text.startswith(" ", rest):
        rest += 1
    return rest < len(text) and text[rest] not in "\r\n" and not _BLOCK_START.match(text, rest)


#: How far back from a line break a link that the break cuts may have opened: a
#: link's text and target together rarely run longer (html2text breaks long targets
#: at hyphens, so one link can take several lines). Bounds the look back.
MAX_LINK_CHARS = 600


def _link_continues(text: str, block_start: int, prev_end: int, start: int, end: int) -> bool:
    """True if the line break after ``text[:prev_end]`` (the end of the block that
    started at *block_start*) falls inside a Markdown link that goes on in the line
    ``text[start:end]``: a link text opened with ``[`` and not closed, whose ``](``
    comes on the new line before any other ``[``; or a target or title opened with
    ``](`` and not closed with ``)``. Wrapping at a fixed width cuts both (html2text
    breaks at spaces and at hyphens, also inside a link)."""
    since = max(block_start, prev_end - MAX_LINK_CHARS)
    target = text.rfind("](", since, prev_end)
    if target != -1 and text.find(")", target, prev_end) == -1:
        return True
    opened = text.rfind("[", since, prev_end)
    if opened == -1 or opened < text.rfind("]", since, prev_end):
        return False
    closes = text.find("](", start, end)
    return closes != -1 and text.find("[", start, closes) == -1


def _whole_link(text: str, start: int, end: int) -> bool:
    """True if the line ``text[start:end]``, which starts with ``[``, is one link and
    nothing more (a menu or list entry), not a sentence that starts with a link."""
    target = text.find("](", start, end)
    return target != -1 and text.endswith(")", start, end) and text.find("](", target + 2, end) == -1


def join_wrapped_lines(text: str, spans: Spans) -> Spans:
    """Join the lines of each wrapped paragraph into one block (see :func:`wrap_width`).

    A line that reaches into the band below the width is continued by the very
    next line (no blank line between) unless that one starts a block of its own;
    a line that starts with a link's ``](target)`` always continues the one above.
    Text that is not wrapped comes back unchanged.
    """
    width = wrap_width(text, spans)
    if not width:
        return spans
    joined = array("q")  # flat (start, end) pairs
    last_line = 0  # where the last line of the last block starts (its first non-space)
    for start, end in spans:
        if joined:
            prev_start, prev_end = joined[-2], joined[-1]
            one_break = _line_breaks(text, prev_end, start) == 1
            # A Markdown hard line break (two spaces before the line end, html2text's
            # <br>) ends the line on purpose, wherever it ends.
            reaches_band = prev_end - last_line >= width - WRAP_SLACK and not text.startswith("  ", prev_end)
            if one_break and (
                text.startswith("](", start)  # the rest of a link whose text the line break cut
                or _link_continues(text, prev_start, prev_end, start, end)
                or (reaches_band and not _BLOCK_START.match(text, start))
                or (reaches_band and _quote_continues(text, last_line, start))
                or (reaches_band and text.startswith("[", start) and not _whole_link(text, start, end))
            ):
                joined[-1] = end
                last_line = start
                continue
        joined.append(start)
        joined.append(end)
        last_line = start
    return Spans.from_flat(joined)


# --- Sentences cut at inline elements ----------------------------------------------
# A scraper that writes every text node on a line of its own (BeautifulSoup's
# get_text("\n"), many quick scripts) cuts a sentence wherever a link or an emphasis
# starts or ends: "In a " / "joint statement" / " published on Friday". Text nodes keep
# their own spaces, so such a break has exactly one space on one side of it and at most
# MAX_NODE_SPACES on the other. Layout renderers pad with runs of spaces (inscriptis) or
# trim every line (html_text, browsers), so a page with several such breaks is split
# text nodes. Measured on the dev pages: 531 of the 587 pages rendered by
# get_text("\n") are recognised; 4 of the 1174 html_text and inscriptis renderings (none
# of their kept text changes) and 28 of the 587 html2text ones (lines ending in a
# Markdown line-break space) are too.
#: Spaced node splits (see _node_split) a page needs before any split is joined.
MIN_NODE_SPLITS = 5
_SPACED = ("after", "before")
#: White space a text node may end or start with next to the break (a space and a
#: no-break space); layout padding runs longer.
MAX_NODE_SPACES = 2


def join_split_text_nodes(text: str, spans: Spans) -> Spans:
    """Join the pieces of each sentence that a text-node-per-line scraper cut at its
    inline elements into one block; text without such cuts comes back unchanged."""
    following = spans[1:]
    kinds = [_node_split(text, end, start) for (_, end), (start, _) in zip(spans, following)]
    if sum(1 for kind in kinds if kind in _SPACED) < MIN_NODE_SPLITS:
        return spans
    kinds = [
        kind or _numbered_entry(text, end, start, stop)
        for kind, (_, end), (start, stop) in zip(kinds, spans, following)
    ]
    joined = array("q", spans[0])  # flat (start, end) pairs
    for kind, next_kind, (start, stop) in zip(kinds, [*kinds[1:], ""], following):
        if not kind and _sentence_goes_on(text, joined[-2], joined[-1], start, stop):
            kind = "lower"
        if kind and not (
            kind in _SPACED
            and not (kind == "before" and next_kind in _INLINE_AFTER)
            and _paragraph_break(text, joined[-1], start)
        ):
            joined[-1] = stop
        else:
            joined.append(start)
            joined.append(stop)
    return Spans.from_flat(joined)


def _node_split(text: str, end: int, start: int) -> str:
    """How the white space between two blocks cuts a text node: "after" (one space
    opens the next line), "before" (one space ends this one), "punctuation" (no space,
    and the next line opens with a comma, a full stop, ...), "hyphen" (no space, and the
    next line goes on with a hyphenated compound word), "opening" (no space, and
    this line ends with an opening bracket or quotation mark), or "" (not a node split:
    a blank line, padding, indentation). Only the spaced kinds tell a page of text nodes."""
    if start - end > 2 * MAX_NODE_SPACES + 1:
        return ""
    gap = text[end:start]
    if gap.count("\n") != 1 or "\r" in gap:
        return ""
    before, after = gap.split("\n")
    if len(after) == 1 and len(before) <= MAX_NODE_SPACES:
        return "after"
    if len(before) == 1 and len(after) <= MAX_NODE_SPACES:
        return "before"
    if (
        gap == "\n"
        and text[start] in "-‐‑"
        and text[start + 1 : start + 2].isalpha()
        and text[end - 1].isalnum()
    ):
        return "hyphen"
    if not gap.strip("\n") and start < len(text) and text[start] in _CLOSING_PUNCTUATION:
        return "punctuation"
    if not gap.strip("\n") and (
        text[end - 1] in _OPENING_PUNCTUATION or (text[end - 1] in _QUOTES and text[end - 2 : end - 1] == " ")
    ):
        return "opening"
    return ""


# A text node that ends a sentence before its spaced break, followed by one that opens
# with a capital, is the end of a paragraph and the start of the next: the paragraph's
# text kept the space before its closing tag ("... your computer. </p>"). Cutting a
# sentence there instead is harmless: a link that opens a sentence stays with the rest
# of the sentence after it. Measured on the get_text("\n") dev renderings: F1 aeb
# .9447 -> .9510, trafilatura-eval .8788 -> .8806 (precision: paragraphs joined into
# one block no longer end a related section late or carry a menu line with them).
_SENTENCE_END = frozenset(".!?…")
# A line that opens without a space after a node that ended with one, and ends without
# a space before a node that opens with one or with punctuation, is a link or an
# emphasis: a sentence that opens with a link ("Sign up" / " and join the community!")
# goes on with the paragraph above, as it did before this rule (measured: F1 aeb
# .9519 -> .9522, trafilatura-eval .8823 -> .8850; a sidebar box no longer starts at
# such a sentence).
_INLINE_AFTER = ("after", "punctuation")
_END_CLOSERS = "\"'”’»“‘«)]"


def _paragraph_break(text: str, end: int, start: int) -> bool:
    """True if the block ending at *end* ends a sentence and the line at *start* opens
    a new one with a capital letter (see _SENTENCE_END)."""
    stripped = text[max(0, end - 8) : end].rstrip(_END_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END and text[start].isupper()


# The number of a list item or a table of contents entry in an element of its own ("2.",
# "3.1", "4)"): the scraper puts it on a line above the entry's text, where a browser
# shows them on one line. Measured on the get_text("\n") dev renderings: joined with
# the text below, trafilatura-eval F1 .8850 -> .8858 (aeb unchanged): a table of
# contents between the standfirst and the article no longer weighs as a column of
# number-only lines. A year or a price has no dot or bracket after it and is left alone,
# and so is an entry that ends a sentence: a numbered reference list joined that way
# reads as prose and pulls the article region to the references (measured: one page
# of trafilatura-eval lost its abstract).
_ITEM_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+")
#: The longest item number looked for ("12.3.10." and the line's indentation).
MAX_ITEM_NUMBER_CHARS = 16


def _numbered_entry(text: str, end: int, start: int, stop: int) -> str:
    """"number" if the line ending at *end* is only an item number and the next line,
    ``text[start:stop]``, is its entry: directly below, opening with a letter and not
    ending a sentence (a reference list's entries do, and a numbered reference joined
    with its entry reads as prose); else ""."""
    if start - end != 1 or text[end] != "\n" or not text[start].isalpha() or text[stop - 1] in _SENTENCE_END:
        return ""
    return "number" if _item_number(text, end) else ""


def _item_number(text: str, end: int) -> bool:
    """True if the line that ends at *end* is only an item number (see _ITEM_NUMBER)."""
    if text[end - 1] not in ".)0123456789":
        return False  # a cheap test before the look back
    line_start = text.rfind("\n", max(0, end - MAX_ITEM_NUMBER_CHARS), end) + 1
    start = len(text[line_start:end]) - len(text[line_start:end].lstrip()) + line_start
    return (line_start > 0 or end <= MAX_ITEM_NUMBER_CHARS) and bool(_ITEM_NUMBER.fullmatch(text, start, end))


# A text node may also end without a space and the next begin without one: a word cut by
# an inline element ("die Lokalpoliti" / "k – dass"), or a line break the HTML source
# has inside a paragraph ("bite the bullet" / "and improve on"). A lower-case letter on
# both sides of the break tells it, when the block above already joins text nodes (it
# is running text, not a menu) and the new line is a run of words (a single lower-case
# word is a menu item or a table cell). Measured on the get_text("\n") dev renderings:
# trafilatura-eval F1 .8866 -> .8889 (3 pages better, none worse), aeb unchanged;
# allowing single words as well gave .8901, but its extra pages came from table cells
# joined by chance ("LG Staufen" / "n.a.") and it joined rubric labels to bylines.
# HTML whose source is itself hard-wrapped (blogs, older news sites) puts such a break
# every 70-80 characters, starting with the paragraph's first line, which is no joined
# block yet: then a long new line (MIN_SOURCE_WRAPPED_CHARS; menu entries and table
# cells are short) is enough. A comma or a semicolon leaves the sentence open too.
# (Hand-set shape; its measurement on five sources is in the CHANGELOG.)
_WRAP_ENDS = frozenset(",;")
MIN_SOURCE_WRAPPED_CHARS = 40


def _sentence_goes_on(text: str, block_start: int, end: int, start: int, stop: int) -> bool:
    """True if the line ``text[start:stop]`` goes on with the sentence that the block
    ``text[block_start:end]`` left open: a lower-case letter, comma or semicolon
    before the bare line break and a lower-case letter after it, the new line a run of
    words, and the block already joined or the new line long (see above)."""
    if start - end != 1 or text[end] != "\n" or not (
        (text[end - 1].islower() or text[end - 1] in _WRAP_ENDS) and text[start].islower()
    ):
        return False
    if text.find(" ", start, stop) == -1:
        return False
    return (
        text.rfind("\n", block_start, end) != -1  # the block is already joined text nodes
        or stop - start >= MIN_SOURCE_WRAPPED_CHARS
    )


# Punctuation that cannot open a line of its own text: the rest of a sentence after a
# link ("eleven weeks" / ", the council said"). A hyphen right before a letter, after a
# line that ends in a letter or digit, is the rest of a compound word whose first part
# was an element of its own ("THW" / "-Helferin", "CO2" / "-Ausstoß"); a list item opens
# with a hyphen and a space. Measured on the get_text("\n") dev renderings: 50 such
# breaks, trafilatura-eval F1 .8858 -> .8866 (2 pages better, none worse), aeb unchanged.
_CLOSING_PUNCTUATION = frozenset(",.;:!?)")
# Punctuation that cannot end a line of its own text: the start of a bracket or a
# quotation around a link ("the parser (" / "simdjson" / "), a reader asked").
_OPENING_PUNCTUATION = frozenset("([„‚")
# Quotation marks that open in one language and close in another (German closes with
# “ and ‘, and writes »So.«): they open the quotation only after a space ("the “").
# Measured on the get_text("\n") dev renderings: joining these as well raises
# trafilatura-eval F1 .8822 -> .8823 and aeb .9517 -> .9519.
_QUOTES = frozenset("“‘«»")
