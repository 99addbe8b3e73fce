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
from .evidence import MAIN_MARK, NOT_MARKED, TAG_HINTS, ClassEvidence, Hint, class_evidence, element_hint, marks_article

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
    """What an open element passes on to the text inside it.

    Frames are never changed once made, so elements that pass on the same may share one.
    """

    __slots__ = ("hint", "owner", "article", "body", "link", "pre", "block", "heading", "_as_block")

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
        # The frame of the block element holding the text; None when that is this
        # frame's own element (not the frame itself: a frame referring to itself is a
        # reference cycle, which only the garbage collector frees, and it would keep the
        # page's tree alive until then).
        self.block = block
        self.heading = heading
        self._as_block: Optional[_Frame] = None

    def as_block(self) -> "_Frame":
        """The frame of a block element inside this one that passes on nothing of its
        own: this frame when it is a block's, else a block frame with the same values
        (made once and shared by such siblings: the ``<div>`` elements in a ``<span>``)."""
        if self.block is None:
            return self
        copy = self._as_block
        if copy is None:
            copy = self._as_block = _Frame(self.hint, self.owner, self.article, self.body, self.link, self.pre, None, self.heading)
        return copy


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

    def __init__(self, paths: "_XPaths") -> None:
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
        self._frame: Optional[_Frame] = None
        self._origin: Any = None
        self._tail = False
        self._box: Any = None
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
    out = _Writer(_XPaths(root))
    add, flush = out.add, out.flush
    add_fragment, add_link = out.frags.append, out.link.append
    title, meta, scripts = _head(root)
    top = _Frame(None, None, False, NOT_MARKED, False, False, None, False)
    if title:
        add(title, top, root, False, root)
        flush()
    frame, container = top, root  # the innermost open element's frame, block element
    # One entry per entered element, popped at its end: (frame, block element) to
    # restore, the block element None for an inline one; None for a skipped element.
    opened: list[Optional[tuple[_Frame, Any]]] = []
    memo = _PageMemo()
    known = memo.traits  # what elements say of themselves, by what decides it (see _traits)
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
                    traits = known[key] = _traits(tag, attrs, ident, frame.article, memo)
            elif tag in _SKIPPED:
                if (tag == "br" or tag == "hr") and out._frame is not None:
                    flush()
                skip()
                opened.append(None)
                continue
            elif tag in _PLAIN_CHANGES:
                key = (tag, frame.article)
                traits = known.get(key)
                if traits is None:
                    traits = known[key] = _traits(tag, None, None, frame.article, memo)
            else:
                traits = _NEUTRAL
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
            if traits is _NEUTRAL:  # most elements: the text inside gets what the parent passes on
                if block and frame.block is not None:
                    frame = frame.as_block()
            elif traits.hint is not None:  # the element's own hint: a frame of its own, naming it
                frame = _enter(frame, traits, block, el)
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


#: Tags that change what an element without attributes passes on (see :func:`_traits`).
_PLAIN_CHANGES = frozenset(TAG_HINTS) | PRE_TAGS | HEADING_TAGS | {"header", "main", "article", "html", "body"}


class _Traits(NamedTuple):
    """What an element passes on of itself, whatever its parent passes on: from its
    tag and attributes (and whether it is inside the article, see :func:`.evidence.element_hint`).

    Attributes:
        marks: how it marks the article body (:func:`.evidence.marks_article`).
        hint: its own hint (None when it marks the article body); the lines of
            elements with the same hint object share it (see :meth:`_PageMemo.class_evidence`).
        article: it is an ``<article>``.
        link: it is an ``<a href>``.
        pre: it keeps line breaks (:data:`PRE_TAGS`).
        heading: it is an ``<h1>``..``<h6>``.
    """

    marks: int
    hint: Optional[Hint]
    article: bool
    link: bool
    pre: bool
    heading: bool


#: The traits of an element that passes on nothing of its own (most elements).
_NEUTRAL = _Traits(NOT_MARKED, None, False, False, False, False)
#: Traits without a hint are plain values: one object for each (a few dozen at most).
_PLAIN_TRAITS: dict[_Traits, _Traits] = {_NEUTRAL: _NEUTRAL}
#: Tags that pass on something of their own whatever their attributes (see :class:`_Traits`).
_TRAIT_TAGS = PRE_TAGS | HEADING_TAGS | {"article"}
#: Class/id evidence without a hint (shared: there is no hint object to keep apart).
_NOTHING: ClassEvidence = (False, None)
_BODY_ONLY: ClassEvidence = (True, None)
#: Tags with evidence of their own (see :func:`.evidence.marks_article` and :func:`.evidence.element_hint`).
_EVIDENCE_TAGS = frozenset(TAG_HINTS) | {"main", "header"}


class _PageMemo:
    """What the elements of one page say of themselves, worked out once per distinct
    tag, context and attributes: they repeat within a page (``<li class="menu-item">``)."""

    __slots__ = ("traits", "_entered", "_class_ids", "_evidence")

    def __init__(self) -> None:
        self.traits: dict[Any, _Traits] = {}  # the walk's own table (see render)
        self._entered: dict[tuple[_Frame, _Traits, bool], _Frame] = {}
        self._class_ids: dict[str, ClassEvidence] = {}
        self._evidence: dict[str, ClassEvidence] = {}  # class names and ids

    def evidence(self, class_id: str) -> ClassEvidence:
        """:func:`.evidence.class_evidence` of a class name or an id."""
        found = self._evidence.get(class_id)
        if found is None:
            found = self._evidence[class_id] = class_evidence(class_id)
        return found

    def telling_id(self, ident: str) -> bool:
        """Whether an id says something (names the article body, or clutter)."""
        body, hint = self.evidence(ident)
        return body or hint is not None

    def class_evidence(self, cls: Optional[str], ident: Optional[str]) -> ClassEvidence:
        """:func:`.evidence.class_evidence` of ``"class id"``, one result per distinct
        string, with a hint object of its own: the lines of elements with the same
        string share it, and only they. Each class name is read once (names repeat
        across class strings: ``"col-md-6 teaser"``, ``"col-md-6 share"``)."""
        class_id = f"{cls or ''} {ident or ''}" if cls or ident else ""
        found = self._class_ids.get(class_id)
        if found is None:
            body, hint = False, None
            known = self._evidence
            for name in class_id.split():  # "class id": the class's names come first
                evidence = known.get(name)
                if evidence is None:
                    evidence = known[name] = class_evidence(name)
                body = body or evidence[0]
                hint = hint or evidence[1]
            found = self._class_ids[class_id] = (body, (hint[0], hint[1])) if hint else _BODY_ONLY if body else _NOTHING
        return found

    def entered(self, parent: _Frame, traits: _Traits, block: bool) -> _Frame:
        """:func:`_enter` for traits without a hint of the element's own: the same
        arguments give the same frame, made once."""
        step = (parent, traits, block)
        frame = self._entered.get(step)
        if frame is None:
            frame = self._entered[step] = _enter(parent, traits, block, None)
        return frame


def _traits(tag: str, attrs: Optional[dict[str, str]], ident: Optional[str], in_article: bool, memo: _PageMemo) -> _Traits:
    """The traits of an element; *attrs* are its attributes (None when it has none),
    *ident* its id (None when the id says nothing); :data:`_NEUTRAL` when it passes
    on nothing of its own."""
    marks, hint = NOT_MARKED, None
    if tag != "html" and tag != "body":  # the page itself: its classes say nothing of parts of it
        get = (attrs or {}).get
        role = get("role") or ""
        itemprop = get("itemprop") or ""
        evidence = memo.class_evidence(get("class"), ident)
        if evidence is not _NOTHING or role or itemprop or tag in _EVIDENCE_TAGS:  # else neither says anything
            marks = marks_article(tag, role, itemprop, evidence)
            if not marks:
                hint = element_hint(tag, role, evidence, in_article)
    link = tag == "a" and attrs is not None and "href" in attrs
    if not (marks or hint or link or tag in _TRAIT_TAGS):
        return _NEUTRAL  # (most elements: without making a tuple to compare)
    traits = _Traits(marks, hint, tag == "article", link, tag in PRE_TAGS, tag in HEADING_TAGS)
    return traits if hint is not None else _PLAIN_TRAITS.setdefault(traits, traits)


def _enter(parent: _Frame, traits: _Traits, block: bool, el: Any) -> _Frame:
    """The frame of element *el* (a block element when *block*) with these traits,
    entered under *parent*. Without a hint of its own the element does not matter
    (*el* may be None) and the same arguments give an equal frame, which the caller may reuse."""
    body, hint, owner = parent.body, parent.hint, parent.owner
    if traits.marks:
        body, hint, owner = max(body, traits.marks), None, None
    elif traits.hint is not None:
        hint, owner = traits.hint, el
    if traits.article and body == MAIN_MARK:
        body = MAIN_MARK + 1  # an article inside the main content
    article = parent.article or body > 0 or traits.article
    link = parent.link or traits.link
    pre = parent.pre or traits.pre
    heading = parent.heading or traits.heading
    if (
        (not block or parent.block is None)
        and hint is parent.hint
        and owner is parent.owner
        and article == parent.article
        and body == parent.body
        and link == parent.link
        and pre == parent.pre
        and heading == parent.heading
    ):
        return parent  # an element that changes nothing (a block one inside a block frame)
    return _Frame(hint, owner, article, body, link, pre, None if block else parent.block or parent, heading)


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
