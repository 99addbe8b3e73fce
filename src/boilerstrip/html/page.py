"""The HTML entry point: :func:`strip_html` from HTML to an article with two-way provenance."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Optional, Sequence, Union

from .. import categories as C
from ..options import Options
from ..features import WORD
from ..lexicon import normalise
from ..pipeline import Hint, PageEvidence, strip
from ..result import Result
from ..title import headline_part
from ..errors import InputError
from .decode import decode_html
from .deps import require
from .evidence import MAIN_MARK
from .nesting import NESTING_CAP, flatten
from .render import Line, Rendered, render
from .structured import Structured, read_structured

#: Version of the ``HtmlResult.to_dict`` layout (its ``result`` is :data:`result.FORMAT_VERSION`).
HTML_FORMAT_VERSION = 1
#: A line at least this long (characters) found inside the JSON-LD ``articleBody``
#: counts as article text; shorter lines ("Share", a date) match anywhere by chance.
MIN_LD_BODY_CHARS = 40
#: A line whose characters are at least this share link text, with at most
#: :data:`LINK_LINE_MAX_WORDS` words, is a link in a menu or teaser list.
LINK_LINE_RATIO = 0.9
LINK_LINE_MAX_WORDS = 12
#: Lines at least this long (characters) are article-like prose ...
LONG_LINE_CHARS = 150
#: ... and an element holding at least this share of a page's long-line characters
#: wraps the article: its class/id or tag says nothing about the article, so its hint
#: is dropped (ads/sidebar classes on page wrappers; see docs/html.md).
WRAPPER_SHARE = 0.5
#: A clutter category whose elements hold at least this share of a page's long-line
#: characters is what the page is about (a forum thread of "comment" posts, a live
#: ticker): its element hints are dropped. Measured on trafilatura-eval-dev: F1 0.898 ->
#: 0.900 at 0.9 (0.899 at 0.6, 0.7, 0.8, 0.95 and 1.0; 0.897 at 0.5); aeb-dev unchanged.
CONTENT_CATEGORY_SHARE = 0.9
#: ``<main>`` holding an ``<article>`` with at least this many times the long-line
#: characters of the rest of ``<main>``: only the article counts as marked body.
#: Measured (docs/html.md): 1.0 and 0 (any article with a long line) both give
#: trafilatura-eval-dev F1 0.896 -> 0.897; 3.0 gives 0.896. 1.0 keeps a teaser card
#: in ``<main>`` from unmarking the article next to it.
MAIN_ARTICLE_SHARE = 1.0
#: How far (characters) from an element's source line the first word of its text is looked for.
SOURCE_WINDOW = 65536

#: :func:`parse` gives up (raises :class:`InputError`) rather than keep fewer elements open than this.
MIN_NESTING_CAP = 16

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")


@dataclass(frozen=True)
class Source:
    """Where a block came from in the HTML.

    Attributes:
        xpath: the absolute XPath (in the parsed tree) of the element holding the block.
        line: the 1-based source line of that element's start tag, or None.
        start: the code-point offset in the decoded HTML of the block's first
            word (searched from that source line; None when not found, e.g. when the
            word is written with character references).
    """

    xpath: str
    line: Optional[int]
    start: Optional[int]

    def to_dict(self) -> dict[str, Any]:
        return {"xpath": self.xpath, "line": self.line, "start": self.start}


@dataclass(frozen=True)
class HtmlResult:
    """The outcome of :func:`strip_html`.

    Attributes:
        html: the decoded HTML (what ``Source`` offsets and lines refer to).
        encoding: the codec the bytes were read with ("str" for str input).
        rendered: the page laid out as text; block offsets refer to it.
        result: the ordinary :class:`~boilerstrip.Result` over ``rendered``.
        hints: the DOM evidence given to the classifier, one ``(category, reason)`` or None per block.
        structured: headline, og:title and articleBody from JSON-LD/meta.
        sources: one :class:`Source` per block of ``result`` (worked out when first
            asked for; :meth:`source` gives one block's).
    """

    html: str
    encoding: str
    rendered: str
    result: Result
    hints: tuple[Optional[Hint], ...]
    structured: Structured
    _lines: tuple[Line, ...] = field(default=(), repr=False, compare=False)

    @property
    def text(self) -> str:
        """The article body."""
        return self.result.text

    @property
    def title(self) -> Optional[str]:
        """The classifier's headline, else JSON-LD ``headline``, else ``og:title``."""
        return self.result.title or self.structured.headline or self.structured.og_title

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        """One :class:`Source` per block of ``result``."""
        return tuple(self.source(i) for i in range(len(self._lines)))

    def source(self, i: int) -> Source:
        """Where block *i* came from in the HTML."""
        return _source(self.html, self._line_starts, self._lines[i], self.rendered)

    @cached_property
    def _line_starts(self) -> list[int]:
        return _line_starts(self.html)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the text-mode dictionary plus the HTML provenance (docs/html.md)."""
        out = self.result.to_dict()
        out["title"] = self.title
        out["html"] = {
            "version": HTML_FORMAT_VERSION,
            "encoding": self.encoding,
            "rendered": self.rendered,
            "offsets": "block start/end: code points in html.rendered; html.sources[i].start: code points in the decoded HTML",
            "sources": [s.to_dict() for s in self.sources],
            "hints": [list(h) if h else None for h in self.hints],
        }
        return out

    def summary_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` object (as in text mode) plus ``sources`` of the kept
        blocks (only those are worked out)."""
        out = self.result.summary_dict()
        out["title"] = self.title
        out["sources"] = [self.source(i).to_dict() for i, b in enumerate(self.result.blocks) if b.kept]
        return out


def parse(html: str) -> Any:
    """Parse decoded HTML with lxml into the root element (never None)."""
    etree = require("lxml.etree")
    # collect_ids=False: libxml2 need not keep a table of the id attributes (nothing
    # here looks elements up by id); the tree is the same, the parse a few per cent faster.
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8", collect_ids=False
    )
    html = _XML_DECLARATION.sub("", html, count=1)
    data = html.encode("utf-8", "replace")
    root = etree.fromstring(data, parser) if data and not data.isspace() else None  # (data.strip() without the copy)
    cap = NESTING_CAP
    while _too_deep(parser):
        # libxml2 stopped at its nesting limit and dropped the rest of the page: parse
        # it again with the excess depth flattened (html/nesting.py). The flattening
        # counts open elements at least as libxml2 does, so one pass is enough; fewer
        # open elements are tried should a page prove that wrong.
        if cap < MIN_NESTING_CAP:
            raise InputError("the HTML is nested too deeply to parse without losing text")
        root = etree.fromstring(flatten(html, cap).encode("utf-8", "replace"), parser)
        cap //= 2
    if root is None:
        root = etree.fromstring(b"<html><body></body></html>", parser)
    return root


def _too_deep(parser: Any) -> bool:
    """Whether the last parse stopped at libxml2's nesting limit (a fatal error:
    nothing is logged after it)."""
    error = parser.error_log.last_error
    return error is not None and error.type_name == "ERR_RESOURCE_LIMIT" and "depth" in error.message


def block_hint(line: Line, text: str, structured: Structured, main_body: int = 1) -> Optional[Hint]:
    """The evidence for one rendered line, as a classifier hint; a line counts as
    marked article body from ``in_body >= main_body`` (see :func:`block_hints`)."""
    if len(text) >= MIN_LD_BODY_CHARS and structured.in_article_body(text):
        return C.BODY, "dom:ld-articlebody"
    if structured.in_recipe(text, len(text) >= MIN_LD_BODY_CHARS):
        return C.BODY, "dom:ld-recipe"
    if line.hint is not None:
        if line.heading and line.hint[0] == C.NAVIGATION and line.hint[1] == "dom:header":
            return None  # the headline in a page header
        return line.hint
    if line.in_body >= main_body and line.link_ratio < LINK_LINE_RATIO:
        # A line that is all link text is a teaser for another page, even inside the
        # article body element ("Read: ...", a list of related stories).
        return C.BODY, "dom:articlebody"
    if line.link_ratio >= LINK_LINE_RATIO and not line.heading and len(text.split()) <= LINK_LINE_MAX_WORDS:
        return C.NAVIGATION, "dom:link-text"
    return None


def block_hints(lines: Sequence[Line], text: str, structured: Structured) -> tuple[Optional[Hint], ...]:
    """The hints of every line, without those of elements that wrap the article and
    those of a category that holds nearly all of the page's prose."""
    long_total = 0
    by_owner: dict[int, int] = {}
    by_category: dict[str, int] = {}
    for line in lines:
        size = line.end - line.start
        if size >= LONG_LINE_CHARS:
            long_total += size
            if line.hint_owner is not None and line.hint is not None:
                key = id(line.hint_owner)
                by_owner[key] = by_owner.get(key, 0) + size
                by_category[line.hint[0]] = by_category.get(line.hint[0], 0) + size
    wrappers = {key for key, size in by_owner.items() if size >= WRAPPER_SHARE * long_total}
    content = {category for category, size in by_category.items() if size >= CONTENT_CATEGORY_SHARE * long_total}
    out = []
    main_body = _main_body(lines)
    for line in lines:
        hint = block_hint(line, text[line.start : line.end], structured, main_body)
        if (
            hint is not None
            and hint[0] != C.BODY
            and (id(line.hint_owner) in wrappers or (hint[0] in content and hint is line.hint))
        ):
            hint = None
        out.append(hint)
    return tuple(out)


def headline_lines(rendered: Rendered, structured: Structured) -> list[int]:
    """The lines (but the ``<title>`` line) that read as the headline the page's
    metadata gives: the JSON-LD ``headline``, or the headline part of ``og:title``
    ("Headline | Site"), compared as the phrase lists compare text."""
    names = {normalise(headline_part(name)) for name in (structured.headline, structured.og_title) if name}
    names.discard("")
    if not names:
        return []
    lines, text = rendered.lines, rendered.text
    first = 1 if rendered.title is not None else 0  # the <title> line has its own rules
    longest = 2 * max(map(len, names)) + 20  # lines far longer than any name are not it: skip them unread
    return [
        i
        for i in range(first, len(lines))
        if lines[i].end - lines[i].start <= longest and normalise(text[lines[i].start : lines[i].end]) in names
    ]


def _main_body(lines: Sequence[Line]) -> int:
    """From which :attr:`Line.in_body` level on a line counts as marked article body:
    1, or 2 when ``<main>`` holds an ``<article>`` with at least as many long-line
    characters as the rest of ``<main>`` (the rest is then teasers and links)."""
    in_main = in_article = 0
    for line in lines:
        size = line.end - line.start
        if size >= LONG_LINE_CHARS:
            if line.in_body == MAIN_MARK:
                in_main += size
            elif line.in_body == MAIN_MARK + 1:
                in_article += size
    return MAIN_MARK + 1 if in_article and in_article >= MAIN_ARTICLE_SHARE * in_main else MAIN_MARK


def strip_html(html: Union[str, bytes], /, *, options: Optional[Options] = None) -> HtmlResult:
    """Strip an HTML page down to its article.

    Bytes are decoded as browsers do (BOM, meta charset, UTF-8, detection); the
    page is laid out as text (:mod:`.render`), and the DOM evidence of each line
    goes with it into :func:`boilerstrip.strip`.

    Raises:
        MissingExtraError: lxml or beautifulsoup4 is not installed.
        TypeError: *html* is neither str nor bytes.
    """
    if isinstance(html, (bytes, bytearray, memoryview)):
        decoded, encoding = decode_html(bytes(html))
    elif isinstance(html, str):
        decoded, encoding = html, "str"
    else:
        raise TypeError(f"strip_html() takes str or bytes, not {type(html).__name__}")
    root = parse(decoded)
    rendered = render(root)
    return _assemble(decoded, encoding, rendered, options)


def _assemble(decoded: str, encoding: str, rendered: Rendered, options: Optional[Options]) -> HtmlResult:
    text = rendered.text
    lines = rendered.lines
    structured = read_structured(rendered.scripts, rendered.meta)
    hints = block_hints(lines, text, structured)
    # strip() checks one hint per block: the renderer promises block i == line i.
    evidence = PageEvidence(hints=hints, headlines=frozenset(headline_lines(rendered, structured)))
    result = strip(text, options=options, evidence=evidence)
    if [(b.start, b.end) for b in result.blocks] != [(line.start, line.end) for line in lines]:
        raise AssertionError("rendered lines and blocks differ")
    return HtmlResult(decoded, encoding, text, result, hints, structured, tuple(lines))


def _source(decoded: str, starts: Sequence[int], line: Line, text: str) -> Source:
    """The source of one rendered line; *starts* are :func:`_line_starts` of *decoded*."""
    el = line.element
    number = el.sourceline if isinstance(el.sourceline, int) else None
    offset = None
    word = WORD.search(text, line.start, line.end)
    origin_line = line.origin.sourceline
    if word is not None and isinstance(origin_line, int) and 0 < origin_line <= len(starts):
        from_ = starts[origin_line - 1]
        found = decoded.find(word.group(), from_, from_ + SOURCE_WINDOW)
        offset = found if found >= 0 else None
    return Source(line.xpath, number, offset)


def _line_starts(decoded: str) -> list[int]:
    """The offset of each line's first character (lines end at "\\n", as libxml2 counts them)."""
    return [0, *itertools.accumulate(len(line) + 1 for line in decoded.split("\n"))][:-1]


def line_of(decoded: str, offset: int) -> int:
    """The 1-based line number of a code-point offset (for tests and tools)."""
    return bisect.bisect_right(_line_starts(decoded), offset)
