"""Lay out an HTML tree as lines of text, the way a browser shows the page.

One iterative walk over the lxml tree (deep nesting cannot hit Python's
recursion limit) emits lines:

* block-level elements (:data:`BLOCK_TAGS`) end the current line before and
  after themselves, ``<br>`` ends it too, inline elements join their text;
* white space is collapsed as CSS ``white-space: normal`` does (runs of ASCII
  white space become one space; NBSP stays), except inside ``<pre>``, whose
  lines are kept as written;
* scripts, styles, templates, ``<noscript>``, the ``<head>`` (but for
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
from typing import Any, Optional

from .evidence import ClassEvidence, Hint, class_evidence, element_hint, marks_article

#: Elements that start and end a line (HTML's block-level and table elements).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol p "
    "plaintext pre section summary table tbody thead tfoot tr td th caption ul option optgroup "
    "frameset frame noframes address".split()
)
#: Elements whose content is never shown as text.
DROPPED_TAGS = frozenset(
    "script style template noscript head svg math select iframe object embed canvas video audio "
    "map datalist textarea input button-hidden".split()
)
#: Elements whose text keeps its line breaks and spaces.
PRE_TAGS = frozenset({"pre", "listing", "plaintext", "textarea"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# CSS white-space: normal collapses ASCII white space only (not NBSP).
_WHITE = re.compile(r"[ \t\n\r\f]+")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# style="display: none" / "visibility:hidden", spaces and case as written.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One rendered line: a block of the rendered text and where it came from.

    Attributes:
        start, end: half-open code-point offsets of the line in the rendered text.
        element: the lxml element holding the line (its nearest block-level ancestor).
        xpath: that element's absolute XPath (as ``getroottree().getpath`` writes it).
        origin: the element whose text node (``.text``, or ``.tail`` when
            ``origin_tail``) gave the line its first characters.
        hint: the DOM evidence for the line (see :mod:`.evidence`), or None.
        hint_owner: the element the hint comes from, or None.
        in_article: inside ``<article>``, ``<main>`` or the article body element.
        in_body: inside an element marked as the article body (``itemprop="articleBody"`` ...).
        link_ratio: the share of the line's characters inside ``<a href>``.
        heading: the line is (in) an ``<h1>``..``<h6>``.
    """

    start: int
    end: int
    element: Any
    xpath: str
    origin: Any
    origin_tail: bool
    hint: Optional[Hint]
    hint_owner: Any
    in_article: bool
    in_body: bool
    link_ratio: float
    heading: bool


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
        body: bool,
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


def _hidden(el: Any) -> bool:
    get = el.get
    if get("hidden") is not None or (get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


class _Writer:
    """Collects text fragments into lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.lines: list[Line] = []
        self._frags: list[str] = []
        self._link: list[str] = []
        self._pre = False
        self._first: Any = None  # (frame, element, is_tail) of the line's first fragment
        self._uniform = True

    def add(self, text: str, frame: _Frame, element: Any, tail: bool, container: Any) -> None:
        if frame.pre:
            pieces = _NEWLINE.split(text)
            for i, piece in enumerate(pieces):
                if i:
                    self.flush()
                if piece:
                    self._add(piece, frame, element, tail, container)
            return
        self._add(text, frame, element, tail, container)

    def _add(self, text: str, frame: _Frame, element: Any, tail: bool, container: Any) -> None:
        if self._first is None:
            if not text.strip():
                return  # leading white space of a line
            self._first = (frame, element, tail, container)
            self._pre = frame.pre
            self._uniform = True
        elif frame.hint is not self._first[0].hint and text.strip():
            self._uniform = False
        self._frags.append(text)
        if frame.link:
            self._link.append(text)

    def flush(self) -> None:
        """End the current line (a no-op when it holds no visible text)."""
        if self._first is None:
            return
        raw = "".join(self._frags)
        text = raw.strip() if self._pre else _WHITE.sub(" ", raw).strip()
        frame, element, tail, (container, path) = self._first
        self._frags, self._first = [], None
        link = _WHITE.sub(" ", "".join(self._link)).strip() if self._link else ""
        self._link = []
        if not text:
            return
        hinted = frame if self._uniform else frame.block
        if self.lines:
            self.parts.append("\n")
            self.offset += 1
        start = self.offset
        self.parts.append(text)
        self.offset += len(text)
        self.lines.append(
            Line(
                start,
                self.offset,
                container,
                path,
                element,
                tail,
                hinted.hint,
                hinted.owner,
                frame.block.article,
                frame.block.body,
                min(1.0, len(link) / len(text)),
                frame.heading,
            )
        )


def render(root: Any) -> Rendered:
    """Lay out the tree under *root* (an lxml HTML element) as lines of text."""
    out = _Writer()
    title, meta, scripts = _head(root)
    top = _Frame(None, None, False, False, False, False, None, False)
    root_step = f"/{root.tag}"
    if title:
        out.add(title, top, root, False, (root, root_step))
        out.flush()
    # The walk: (element, closing, XPath step) on an explicit stack; frames and steps
    # parallel the open elements; containers are the open block elements with their XPath.
    frames: list[_Frame] = [top]
    steps: list[str] = []
    containers: list[tuple[Any, str]] = [(root, root_step)]
    stack: list[tuple[Any, bool, str]] = [(root, False, root_step)]
    seen: dict[str, ClassEvidence] = {}  # class/id strings repeat within a page
    while stack:
        el, closing, step = stack.pop()
        tag = el.tag
        if closing:
            steps.pop()
            frame = frames.pop()
            if frame.block is frame:
                out.flush()
                containers.pop()
            if el.tail:
                out.add(el.tail, frames[-1], el, True, containers[-1])
            continue
        if not isinstance(tag, str):  # comments and processing instructions
            if el.tail:
                out.add(el.tail, frames[-1], el, True, containers[-1])
            continue
        tag = tag.lower()
        if tag in DROPPED_TAGS or _hidden(el):
            if el.tail:
                out.add(el.tail, frames[-1], el, True, containers[-1])
            continue
        if tag == "br" or tag == "hr":
            out.flush()
            if el.tail:
                out.add(el.tail, frames[-1], el, True, containers[-1])
            continue
        parent = frames[-1]
        block = tag in BLOCK_TAGS
        frame = _open(el, tag, parent, block, seen)
        steps.append(step)
        if block:
            out.flush()
            containers.append((el, "".join(steps)))
        frames.append(frame)
        if el.text:
            out.add(el.text, frame, el, False, containers[-1])
        stack.append((el, True, step))
        stack.extend(reversed(_child_steps(el)))
    out.flush()
    return Rendered("".join(out.parts), out.lines, title, meta, scripts)


def _child_steps(el: Any) -> list[tuple[Any, bool, str]]:
    """The children of *el* with their XPath steps (``/p``, or ``/p[2]`` among several)."""
    children = list(el)
    counts: dict[str, int] = {}
    for child in children:
        if isinstance(child.tag, str):
            counts[child.tag] = counts.get(child.tag, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for child in children:
        tag = child.tag
        if not isinstance(tag, str):
            out.append((child, False, ""))
            continue
        if counts[tag] == 1:
            out.append((child, False, f"/{tag}"))
        else:
            seen[tag] = seen.get(tag, 0) + 1
            out.append((child, False, f"/{tag}[{seen[tag]}]"))
    return out


def _open(el: Any, tag: str, parent: _Frame, block: bool, seen: dict[str, ClassEvidence]) -> _Frame:
    """The frame of an element entered under *parent*; *seen* memoises class/id evidence."""
    get = el.get
    role = get("role") or ""
    cls, ident = get("class"), get("id")
    class_id = f"{cls or ''} {ident or ''}" if cls or ident else ""
    evidence = seen.get(class_id)
    if evidence is None:
        evidence = seen[class_id] = class_evidence(class_id)
    itemprop = get("itemprop") or ""
    body = parent.body
    hint, owner = parent.hint, parent.owner
    if tag not in ("html", "body"):
        if marks_article(tag, role, itemprop, evidence):
            body, hint, owner = True, None, None
        else:
            own = element_hint(tag, role, evidence, parent.article or body)
            if own is not None:
                hint, owner = own, el
    article = parent.article or body or tag == "article"
    link = parent.link or (tag == "a" and get("href") is not None)
    pre = parent.pre or tag in PRE_TAGS
    heading = parent.heading or tag in HEADING_TAGS
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
