"""Lay out an HTML tree as lines of text, the way a browser shows the page.

One iterative walk over the lxml tree (deep nesting cannot hit Python's
recursion limit) emits lines:

* block-level elements (:data:`BLOCK_TAGS`) end the current line before and
  after themselves, ``<br>`` ends it too, inline elements join their text;
  a table row is one line, its cells a space apart;
* white space is collapsed as CSS ``white-space: normal`` does (runs of ASCII
  white space become one space; NBSP stays), except inside ``<pre>``, whose
  lines are kept as written;
* scripts, styles, templates, the ``<head>`` (but for
  ``<title>``, which becomes the first line), embedded SVG/MathML, forms'
  ``<select>`` lists, and elements that are ``hidden``, ``aria-hidden="true"``
  or styled ``display:none`` / ``visibility:hidden`` are dropped;
* an image's alt text is not body text and is not emitted.

Every line is trimmed and non-blank, so the rendered text (lines joined by
``"\\n"``) splits into exactly these lines as boilerstrip's blocks: block *i*
is line *i*. Each line remembers the element that holds it and the evidence
of its ancestors (see :mod:`.evidence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional

from .deps import require
from .evidence import NOT_MARKED, Hint
from .frames import NEUTRAL, PLAIN_CHANGES, Frame, PageMemo, enter, traits_of
from .tags import BLOCK_TAGS, CELL_TAGS, DROPPED_TAGS, HEADING_TAGS, PRE_TAGS
from .xpaths import XPaths

__all__ = ["BLOCK_TAGS", "DROPPED_TAGS", "HEADING_TAGS", "PRE_TAGS", "Line", "Rendered", "render"]

# CSS white-space: normal collapses ASCII white space only (not NBSP).
_WHITE = re.compile(r"[ \t\n\r\f]+")
#: The characters ``str.split()`` splits at besides CSS white space (tests check the list).
OTHER_SPACE = "\x0b\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_OTHER_SPACE = re.compile(f"[{OTHER_SPACE}]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# style="display: none" / "visibility:hidden", spaces and case as written.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class Line(NamedTuple):
    """One rendered line: a block of the rendered text and where it came from.

    Attributes:
        start, end: half-open code-point offsets of the line in the rendered text.
        element: the lxml element holding the line (its nearest block-level ancestor).
        paths: the page's XPath table, shared by its lines (see :attr:`xpath`).
        origin: the element whose text node (``.text``, or ``.tail`` when
            ``origin_tail``) gave the line its first characters.
        hint: the DOM evidence for the line (see :mod:`.evidence`), or None.
        hint_owner: the element the hint comes from, or None.
        in_article: inside ``<article>``, ``<main>`` or the article body element.
        in_body: how surely the line is inside the article body: 0 not marked; 1 inside
            ``<main>`` / ``role="main"`` only; 2 inside an ``<article>`` within those;
            3 inside an element marked as the article body (``itemprop="articleBody"`` ...).
        link_ratio: the share of the line's characters inside ``<a href>``.
        heading: the line is (in) an ``<h1>``..``<h6>``.
    """

    start: int
    end: int
    element: Any
    paths: "XPaths"
    origin: Any
    origin_tail: bool
    hint: Optional[Hint]
    hint_owner: Any
    in_article: bool
    in_body: int
    link_ratio: float
    heading: bool

    @property
    def xpath(self) -> str:
        """The absolute XPath of :attr:`element` (as ``getroottree().getpath`` writes it),
        worked out when first asked for: most lines never need one."""
        return self.paths.of(self.element)


@dataclass
class Rendered:
    """The page as text: ``text`` is the lines joined by ``"\\n"``."""

    text: str
    lines: list[Line]
    title: Optional[str] = None
    meta: dict[str, str] = field(default_factory=dict)
    scripts: list[str] = field(default_factory=list)


def _collapse(text: str) -> str:
    """*text* with every run of CSS white space as one space, trimmed:
    ``_WHITE.sub(" ", text).strip()``. Without other white space characters (NBSP ...),
    ``str.split()`` splits at exactly those runs and is much faster than the regex."""
    if text.isprintable() and "  " not in text:  # no white space but single spaces (2/3 of the lines)
        return text.strip()
    if text.isascii():  # (a flag: no scan) the other white space in ASCII is five control characters
        other = "\x0b" in text or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    else:
        other = _OTHER_SPACE.search(text) is not None
    return _WHITE.sub(" ", text).strip() if other else " ".join(text.split())


def _hidden(attrs: dict[str, str]) -> bool:
    """Whether an element with these attributes is hidden."""
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


#: Elements the walk does not enter: dropped ones, and the line breaks.
_SKIPPED = DROPPED_TAGS | {"br", "hr"}
#: Elements that end the line before and after themselves.
_LINE_TAGS = BLOCK_TAGS - CELL_TAGS


class _Writer:
    """Collects text fragments into lines."""

    __slots__ = ("parts", "offset", "lines", "paths", "frags", "link", "_pre", "_frame", "_origin", "_tail", "_box", "_uniform")

    def __init__(self, paths: "XPaths") -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.lines: list[Line] = []
        self.paths = paths
        # The current line's text nodes, and those in links (the same lists all along:
        # the walk holds on to their append methods).
        self.frags: list[str] = []
        self.link: list[str] = []
        self._pre = False
        # The line's first fragment: its frame (None while the line is empty), the
        # element whose text node gave it and whether that is the tail; the line's
        # block element. (Slots rather than a tuple: one object less per line.)
        self._frame: Optional[Frame] = None
        self._origin: Any = None
        self._tail = False
        self._box: Any = None
        self._uniform = True

    def add(self, text: str, frame: Frame, element: Any, tail: bool, container: Any) -> None:
        """Append a text node's text to the current line (``<pre>`` text breaks lines)."""
        if frame.pre:
            for i, piece in enumerate(_NEWLINE.split(text)):
                if i:
                    self.flush()
                if piece:
                    self._add(piece, frame, element, tail, container)
            return
        self._add(text, frame, element, tail, container)

    def _add(self, text: str, frame: Frame, element: Any, tail: bool, container: Any) -> None:
        first = self._frame
        if first is None:
            if text.isspace():  # (text is never empty) not text.strip(), without a copy
                return  # leading white space of a line
            self._frame, self._origin, self._tail, self._box = frame, element, tail, container
            self._pre = frame.pre
            self._uniform = True
        elif self._uniform and frame.hint is not first.hint and not text.isspace():
            self._uniform = False
        self.frags.append(text)
        if frame.link:
            self.link.append(text)

    def flush(self) -> None:
        """End the current line (a no-op when it holds no visible text)."""
        first = self._frame
        if first is None:
            return
        raw = "".join(self.frags)
        text = raw.strip() if self._pre else _collapse(raw)
        self.frags.clear()
        self._frame = None
        link = ""
        if self.link:
            link = _collapse("".join(self.link))
            self.link.clear()
        if not text:
            return
        if self.lines:
            self.parts.append("\n")
            self.offset += 1
        start = self.offset
        self.parts.append(text)
        self.offset += len(text)
        block = first.block or first
        source = first if self._uniform else block  # of the hint: the block's, unless all the line's text has the same
        # tuple.__new__ makes what Line(...) makes, without the Python-level __new__
        # that namedtuple writes (one call per line, a few per cent of render()).
        line = (
            start,
            self.offset,
            self._box,
            self.paths,
            self._origin,
            self._tail,
            source.hint,
            source.owner,
            block.article,
            block.body,
            min(1.0, len(link) / len(text)),
            first.heading,
        )
        self.lines.append(tuple.__new__(Line, line))


def render(root: Any) -> Rendered:
    """Lay out the tree under *root* (an lxml HTML element) as lines of text."""
    etree = require("lxml.etree")
    out = _Writer(XPaths(root))
    add, flush = out.add, out.flush
    add_fragment, add_link = out.frags.append, out.link.append
    title, meta, scripts = _head(root)
    top = Frame(None, None, False, NOT_MARKED, False, False, None, False)
    if title:
        add(title, top, root, False, root)
        flush()
    frame, container = top, root  # the innermost open element's frame, block element
    # One entry per entered element, popped at its end: (frame, block element) to
    # restore, the block element None for an inline one; None for a skipped element.
    opened: list[Optional[tuple[Frame, Any]]] = []
    memo = PageMemo()
    known = memo.traits  # what elements say of themselves, by what decides it (see frames.traits_of)
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skip = walker.skip_subtree
    for event, el in walker:
        if event == "start":
            tag = el.tag.lower()
            items = el.items()
            if items:
                attrs = dict(items)
                if tag in _SKIPPED or (("style" in attrs or "hidden" in attrs or "aria-hidden" in attrs) and _hidden(attrs)):
                    if (tag == "br" or tag == "hr") and out._frame is not None:
                        flush()
                    skip()
                    opened.append(None)
                    continue
                get = attrs.get
                ident = get("id")
                if ident is not None and not memo.telling_id(ident):
                    ident = None  # ids are mostly unique and say nothing: keep them out of the key
                key: Any = (tag, frame.article, get("class"), ident, get("role"), get("itemprop"), "href" in attrs)
                traits = known.get(key)
                if traits is None:
                    traits = known[key] = traits_of(tag, attrs, ident, frame.article, memo)
            elif tag in _SKIPPED:
                if (tag == "br" or tag == "hr") and out._frame is not None:
                    flush()
                skip()
                opened.append(None)
                continue
            elif tag in PLAIN_CHANGES:
                key = (tag, frame.article)
                traits = known.get(key)
                if traits is None:
                    traits = known[key] = traits_of(tag, None, None, frame.article, memo)
            else:
                traits = NEUTRAL
            if tag in _LINE_TAGS:
                if out._frame is not None:
                    flush()
                opened.append((frame, container))
                container = el
                block = True
            else:
                if tag in CELL_TAGS and out._frame is not None:  # one line with the other cells of its row, a space apart
                    add_fragment(" ")
                opened.append((frame, None))
                block = False
            if traits is NEUTRAL:  # most elements: the text inside gets what the parent passes on
                if block and frame.block is not None:
                    frame = frame.as_block()
            elif traits.hint is not None:  # the element's own hint: a frame of its own, naming it
                frame = enter(frame, traits, block, el)
            else:
                frame = memo.entered(frame, traits, block)
            text, is_tail = el.text, False
        else:
            if event == "end":
                entry = opened.pop()
                if entry is not None:
                    if entry[1] is not None:
                        if out._frame is not None:
                            flush()
                        container = entry[1]
                    frame = entry[0]
            text, is_tail = el.tail, True  # an element's, a comment's or a processing instruction's
        if not text:
            continue
        # Writer.add, written out but for a line's first text and <pre> text: a call per
        # text node costs more than the work for most of them.
        first = out._frame
        if first is None:
            if not text.isspace():  # (else white space between lines: indentation)
                add(text, frame, el, is_tail, container)
            continue
        if frame.pre:
            add(text, frame, el, is_tail, container)
            continue
        if out._uniform and frame.hint is not first.hint and not text.isspace():
            out._uniform = False
        add_fragment(text)
        if frame.link:
            add_link(text)
    flush()
    return Rendered("".join(out.parts), out.lines, title, meta, scripts)


def _head(root: Any) -> tuple[Optional[str], dict[str, str], list[str]]:
    """The page title, ``<meta>`` name/property contents and JSON-LD script texts."""
    title: Optional[str] = None
    meta: dict[str, str] = {}
    scripts: list[str] = []
    for el in root.iter("title", "meta", "script"):
        tag = el.tag
        if tag == "title":
            if title is None:
                text = _WHITE.sub(" ", "".join(el.itertext())).strip()
                title = text or None
        elif tag == "meta":
            key = (el.get("property") or el.get("name") or "").strip().lower()
            content = el.get("content")
            if key and content and key not in meta:
                meta[key] = content.strip()
        elif (el.get("type") or "").strip().lower() == "application/ld+json" and el.text:
            scripts.append(el.text)
    return title, meta, scripts
