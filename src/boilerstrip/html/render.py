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
from typing import Any, NamedTuple, Optional, Tuple

from .deps import require
from .evidence import BODY_MARK, MAIN_MARK, NOT_MARKED, TAG_HINTS, ClassEvidence, Hint, class_evidence, element_hint, marks_article

#: Elements that start and end a line (HTML's block-level and table elements).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol p "
    "plaintext pre section summary table tbody thead tfoot tr td th caption ul option optgroup "
    "frameset frame noframes address".split()
)
#: Elements whose content is never shown as text.
DROPPED_TAGS = frozenset(
    "script style template head svg math select iframe object embed canvas video audio "
    "map datalist textarea input button-hidden".split()
)
#: Elements whose text keeps its line breaks and spaces.
PRE_TAGS = frozenset({"pre", "listing", "plaintext", "textarea"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Table cells: a row's cells share one line, a space apart, as a browser shows the
#: row (trafilatura-eval-dev recall 0.890 -> 0.892, aeb-dev unchanged; 4 % fewer lines).
CELL_TAGS = frozenset({"td", "th"})

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
    paths: "_XPaths"
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


class _Frame:
    """What an open element passes on to the text inside it."""

    __slots__ = ("hint", "owner", "article", "body", "link", "pre", "block", "heading")

    def __init__(
        self,
        hint: Optional[Hint],
        owner: Any,
        article: bool,
        body: int,
        link: bool,
        pre: bool,
        block: "_Frame | None",
        heading: bool,
    ) -> None:
        self.hint = hint
        self.owner = owner  # the element the hint comes from
        self.article = article
        self.body = body
        self.link = link
        self.pre = pre
        self.block: _Frame = block if block is not None else self
        self.heading = heading


def _collapse(text: str) -> str:
    """*text* with every run of CSS white space as one space, trimmed:
    ``_WHITE.sub(" ", text).strip()``. Without other white space characters (NBSP ...),
    ``str.split()`` splits at exactly those runs and is much faster than the regex."""
    if _OTHER_SPACE.search(text) is None:
        return " ".join(text.split())
    return _WHITE.sub(" ", text).strip()


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


#: What a line keeps while the walk runs: (start, end, container, frame of its
#: first fragment, origin element, origin is a tail, uniform hint, link share).
_RawLine = Tuple[int, int, Any, _Frame, Any, bool, bool, float]


class _Writer:
    """Collects text fragments into lines."""

    __slots__ = ("parts", "offset", "lines", "_frags", "_link", "_pre", "_first", "_uniform")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.lines: list[_RawLine] = []
        self._frags: list[str] = []
        self._link: list[str] = []
        self._pre = False
        self._first: Any = None  # (frame, element, is_tail, container) of the line's first fragment
        self._uniform = True

    def add(self, text: str, frame: _Frame, element: Any, tail: bool, container: Any) -> None:
        """Append a text node's text to the current line (``<pre>`` text breaks lines)."""
        if frame.pre:
            for i, piece in enumerate(_NEWLINE.split(text)):
                if i:
                    self.flush()
                if piece:
                    self._add(piece, frame, element, tail, container)
            return
        self._add(text, frame, element, tail, container)

    def _add(self, text: str, frame: _Frame, element: Any, tail: bool, container: Any) -> None:
        first = self._first
        if first is None:
            if text.isspace():  # (text is never empty) not text.strip(), without a copy
                return  # leading white space of a line
            self._first = (frame, element, tail, container)
            self._pre = frame.pre
            self._uniform = True
        elif self._uniform and frame.hint is not first[0].hint and not text.isspace():
            self._uniform = False
        self._frags.append(text)
        if frame.link:
            self._link.append(text)

    def flush(self) -> None:
        """End the current line (a no-op when it holds no visible text)."""
        first = self._first
        if first is None:
            return
        raw = "".join(self._frags)
        text = raw.strip() if self._pre else _collapse(raw)
        self._frags, self._first = [], None
        link = _collapse("".join(self._link)) if self._link else ""
        if self._link:
            self._link = []
        if not text:
            return
        if self.lines:
            self.parts.append("\n")
            self.offset += 1
        start = self.offset
        self.parts.append(text)
        self.offset += len(text)
        frame, element, tail, container = first
        self.lines.append((start, self.offset, container, frame, element, tail, self._uniform, min(1.0, len(link) / len(text))))


def render(root: Any) -> Rendered:
    """Lay out the tree under *root* (an lxml HTML element) as lines of text."""
    etree = require("lxml.etree")
    out = _Writer()
    add, flush = out.add, out.flush
    title, meta, scripts = _head(root)
    top = _Frame(None, None, False, NOT_MARKED, False, False, None, False)
    if title:
        add(title, top, root, False, root)
        flush()
    frame, container = top, root  # the innermost open element's frame, block element
    # One entry per entered element, popped at its end: (frame, block element) to
    # restore, the block element None for an inline one; None for a skipped element.
    opened: list[Optional[tuple[_Frame, Any]]] = []
    own: dict[Any, _Own] = {}  # what elements say of themselves; attributes repeat within a page
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skip = walker.skip_subtree
    for event, el in walker:
        if event == "start":
            tag = el.tag.lower()
            items = el.items()
            attrs = dict(items) if items else None
            if tag in _SKIPPED or (
                attrs is not None and ("style" in attrs or "hidden" in attrs or "aria-hidden" in attrs) and _hidden(attrs)
            ):
                if (tag == "br" or tag == "hr") and out._first is not None:
                    flush()
                skip()
                opened.append(None)
                continue
            if tag in _LINE_TAGS:
                if out._first is not None:
                    flush()
                opened.append((frame, container))
                frame = _open(tag, attrs, frame, True, own, el)
                container = el
            elif tag in CELL_TAGS:  # one line with the other cells of its row, a space apart
                if out._first is not None:
                    out._frags.append(" ")
                opened.append((frame, None))
                frame = _open(tag, attrs, frame, False, own, el)
            else:
                opened.append((frame, None))
                frame = _open(tag, attrs, frame, False, own, el)
            text = el.text
            if text:
                add(text, frame, el, False, container)
            continue
        if event == "end":
            entry = opened.pop()
            if entry is not None:
                if entry[1] is not None:
                    if out._first is not None:
                        flush()
                    container = entry[1]
                frame = entry[0]
        tail = el.tail  # an element's, a comment's or a processing instruction's
        if tail:
            add(tail, frame, el, True, container)
    flush()
    paths = _XPaths(root)
    lines = [
        Line(
            start,
            end,
            box,
            paths,
            origin,
            tail,
            (first if uniform else first.block).hint,
            (first if uniform else first.block).owner,
            first.block.article,
            first.block.body,
            link_ratio,
            first.heading,
        )
        for start, end, box, first, origin, tail, uniform, link_ratio in out.lines
    ]
    return Rendered("".join(out.parts), lines, title, meta, scripts)


class _XPaths:
    """Absolute XPaths of elements under *root*, as lxml's ``getpath`` writes them
    (``/html/body/div[2]/p``), built from the parents' paths: each parent's children
    are numbered once, so a page costs time linear in its size."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.paths: dict[Any, str] = {root: f"/{root.tag}"}
        self.steps: dict[Any, dict[Any, str]] = {}  # parent -> {child: step}

    def of(self, el: Any) -> str:
        """The XPath of *el* (an element under the root)."""
        path = self.paths.get(el)
        if path is not None:
            return path
        chain = []
        while path is None:
            chain.append(el)
            el = el.getparent()
            path = self.paths.get(el)
        for child in reversed(chain):
            parent = el
            steps = self.steps.get(parent)
            if steps is None:
                steps = self.steps[parent] = _child_steps(parent)
            path = self.paths[child] = path + steps[child]
            el = child
        return path


def _child_steps(el: Any) -> dict[Any, str]:
    """The element children of *el* with their XPath steps (``/p``, or ``/p[2]`` among several)."""
    children = [child for child in el if isinstance(child.tag, str)]
    counts: dict[str, int] = {}
    for child in children:
        counts[child.tag] = counts.get(child.tag, 0) + 1
    seen: dict[str, int] = {}
    out = {}
    for child in children:
        tag = child.tag
        if counts[tag] == 1:
            out[child] = f"/{tag}"
        else:
            seen[tag] = seen.get(tag, 0) + 1
            out[child] = f"/{tag}[{seen[tag]}]"
    return out


#: Tags that change what an element without attributes passes on (see :func:`_open`).
_PLAIN_CHANGES = frozenset(TAG_HINTS) | PRE_TAGS | HEADING_TAGS | {"header", "main", "article", "html", "body"}
#: What an element says of itself: (how it marks the article body, its own hint or None).
_Own = Tuple[int, Optional[Hint]]


def _own(tag: str, attrs: Optional[dict[str, str]], ident: Optional[str], in_article: bool, memo: dict[Any, Any]) -> _Own:
    """Whether an element marks the article body, else its own hint (:mod:`.evidence`);
    *ident* is its id (None when the id says nothing)."""
    if tag == "html" or tag == "body":
        return NOT_MARKED, None
    get = (attrs or {}).get
    role = get("role") or ""
    evidence = _class_evidence(get("class"), ident, memo)
    marks = marks_article(tag, role, get("itemprop") or "", evidence)
    if marks:
        return marks, None
    return NOT_MARKED, element_hint(tag, role, evidence, in_article)


def _class_evidence(cls: Optional[str], ident: Optional[str], memo: dict[Any, Any]) -> ClassEvidence:
    """:func:`.evidence.class_evidence` of ``"class id"``, one result per distinct string;
    each white-space separated name is read once per page (names repeat across class
    strings: ``"col-md-6 teaser"``, ``"col-md-6 share"``)."""
    class_id = f"{cls or ''} {ident or ''}" if cls or ident else ""
    found: Optional[ClassEvidence] = memo.get(class_id)
    if found is None:
        body, hint = False, None
        for name in class_id.split():  # "class id": the class's names come first
            evidence = memo.get(("name", name))
            if evidence is None:
                evidence = memo[("name", name)] = class_evidence(name)
            body = body or evidence[0]
            hint = hint or evidence[1]
        found = memo[class_id] = (body, (hint[0], hint[1]) if hint else None)  # a hint object of its own
    return found


def _open(tag: str, attrs: Optional[dict[str, str]], parent: _Frame, block: bool, memo: dict[Any, _Own], el: Any) -> _Frame:
    """The frame of element *el* entered under *parent*; *attrs* are its attributes
    (None when it has none); *memo* keeps :func:`_own` per tag, attributes and context."""
    if attrs is None and tag not in _PLAIN_CHANGES:  # nothing of its own to pass on
        if not block or parent.block is parent:
            return parent  # a block frame passes the same on as a new one would
        return _Frame(parent.hint, parent.owner, parent.article, parent.body, parent.link, parent.pre, None, parent.heading)
    ident = None
    if attrs is None:
        key: Any = (tag, parent.article)
    else:
        get = attrs.get
        ident = get("id")
        if ident is not None:  # ids are mostly unique and say nothing: keep them out of the key
            evidence = memo.get(("id", ident))
            if evidence is None:
                evidence = memo[("id", ident)] = class_evidence(ident)
            if not evidence[0] and evidence[1] is None:
                ident = None
        key = (tag, parent.article, get("class"), ident, get("role"), get("itemprop"))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _own(tag, attrs, ident, parent.article, memo)
    marks, own_hint = found
    body, hint, owner = parent.body, parent.hint, parent.owner
    if marks:
        body, hint, owner = max(body, marks), None, None
    elif own_hint is not None:
        hint, owner = own_hint, el
    if tag == "article" and body == MAIN_MARK:
        body = MAIN_MARK + 1  # an article inside the main content
    article = parent.article or body > 0 or tag == "article"
    link = parent.link or (tag == "a" and attrs is not None and "href" in attrs)
    pre = parent.pre or tag in PRE_TAGS
    heading = parent.heading or tag in HEADING_TAGS
    if (
        (not block or parent.block is parent)
        and hint is parent.hint
        and owner is parent.owner
        and article == parent.article
        and body == parent.body
        and link == parent.link
        and pre == parent.pre
        and heading == parent.heading
    ):
        return parent  # an element that changes nothing (a block one inside a block frame)
    return _Frame(hint, owner, article, body, link, pre, None if block else parent.block, heading)


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
