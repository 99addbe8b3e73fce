"""Keep a page inside libxml2's nesting limit, so that no text is lost.

libxml2's HTML parser stops at the first element that would open 2048 levels
deep (256 without lxml's ``huge_tree``): it reports a fatal ``ERR_RESOURCE_LIMIT``
("Excessive depth in document") and everything from there on, that element's
text included, is missing from the tree. No option lifts the limit.

When that happens, :func:`flatten` rewrites the page and it is parsed again: one
pass reads the tags, follows which elements are open the way libxml2 does (void
elements and ``<x/>`` open nothing, start tags close an open ``<p>``, ``<li>`` ...,
end tags close the elements above theirs unless a ``<div>`` or a table part is in
the way) and keeps at most :data:`NESTING_CAP` of them open. Deeper elements are treated as
children of the element at the cap, keeping their text and where lines break:

* an inline element's tags are dropped (its text joins the line as before);
* a block element is opened after the deep block element open before it is closed;
  where a deep block element ends that is no longer open, a ``<br>`` ends the line;
* a raw-text element (``<script>``, ``<style>`` ...) is kept whole, and so is one
  that is never shown (``<svg>``, ``hidden``, ``display:none`` ...), its content dropped;
* a deep start tag that libxml2 would let close the output's innermost element (which
  is not the page's innermost element there: inline elements between are dropped) is
  written as a ``<section>`` with the same attributes.

What a deep element says of the text inside it reaches that text only while it is
the open block element (a deep ``<nav>`` or ``class="related"`` no longer covers the
text after a block element inside it), and deep links are not links.

What is dropped is replaced by the line breaks it held, inside a comment (the parser
removes comments and joins the text around them), so source lines and offsets still
refer to the decoded page. One pass, with a dictionary and a few stacks: linear time.
"""

from __future__ import annotations

import re
from typing import Optional

from .render import _hidden
from .tags import BLOCK_TAGS, DROPPED_TAGS

#: At most this many elements stay open. libxml2 stops at 2048; the margin covers
#: the elements libxml2 adds itself (``<html>``, ``<body>``, ``<p>``) and the closing
#: rules :func:`flatten` does not know (it then counts more open elements than there are).
NESTING_CAP = 512

#: Elements without content (no end tag).
VOID_TAGS = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split()
)
#: Elements whose content is text up to their end tag (no markup inside).
RAW_TEXT_TAGS = frozenset("script style xmp iframe noembed noframes textarea title".split())

#: A start tag closes these elements while one of them is the innermost open element
#: (libxml2's rules, as observed by parsing ``<old>x<new>`` for the HTML elements:
#: an element libxml2 closes that :func:`flatten` kept open would let a later end
#: tag close more elements than libxml2 does).
_CLOSES: dict[str, frozenset[str]] = {
    new: frozenset(old.split())
    for new, old in {
        "a": "a",
        "address": "p ul",
        "blockquote": "p",
        "caption": "p",
        "center": "b font i p",
        "colgroup": "caption colgroup p",
        "dd": "address dir dt menu p pre",
        "dir": "p",
        "div": "p",
        "dl": "address dir dt menu p pre",
        "dt": "address dd dir menu p pre",
        "fieldset": "a h1 h2 h3 h4 h5 h6 legend p pre",
        "form": "address dir dl form h1 h2 h3 h4 h5 h6 menu ol p pre ul",
        "frameset": "p",
        "h1": "p",
        "h2": "p",
        "h3": "p",
        "h4": "p",
        "h5": "p",
        "h6": "p",
        "hr": "p",
        "li": "address dl h1 h2 h3 h4 h5 h6 li p pre",
        "menu": "p ul",
        "ol": "p",
        "optgroup": "option",
        "option": "option",
        "p": "b big h1 h2 h3 h4 h5 h6 i p s small strike tt u",
        "pre": "p ul",
        "table": "a h1 h2 h3 h4 h5 h6 p pre",
        "tbody": "caption colgroup p tbody td tfoot th thead tr",
        "td": "a b font i p span td th u",
        "tfoot": "caption colgroup p tbody td th thead tr",
        "th": "a b font i p span td th u",
        "thead": "caption colgroup",
        "title": "p",
        "tr": "caption colgroup p td th tr",
        "ul": "address dir menu p pre",
        "xmp": "p",
    }.items()
}
#: An end tag closes the open elements above its own element only when none of them
#: ranks higher than it (others rank 100): ``</span>`` does not close a ``<div>``.
_END_RANK = {"div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190, "head": 200, "body": 200, "html": 220}
_RANKS = sorted(set(_END_RANK.values()))
#: Elements a page has once: a second start tag opens nothing.
_ONCE = frozenset({"html", "head", "body"})

_GAP = re.compile(r"[\t\n\f\r /]*")
_NAME = re.compile(r"[^\t\n\f\r />]*")
_ATTRIBUTE = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")
# After an attribute name: "= value" (an unclosed quote leaves its group None: the
# tag, and with it the page, runs to the end). Each part is one character class, so
# a match is linear.
_VALUE = re.compile(r"""[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)(")?|'([^']*)(')?|([^\t\n\f\r >]*))""")
_RAW_END = {tag: re.compile(rf"</{tag}(?![^\t\n\f\r />])", re.IGNORECASE) for tag in RAW_TEXT_TAGS}


def _tag(html: str, pos: int) -> Optional[tuple[str, dict[str, str], int]]:
    """The tag whose name starts at *pos* (after ``<`` or ``</``): its lower-case
    name, attributes and end offset; None when the page ends inside it. (It ends in
    ``/>`` when ``html[end - 2] == "/"``: a value cannot end there in a slash.)"""
    end = _NAME.match(html, pos).end()  # type: ignore[union-attr]  # (matches the empty string)
    name = html[pos:end].lower()
    attrs: dict[str, str] = {}
    n = len(html)
    while True:
        end = _GAP.match(html, end).end()  # type: ignore[union-attr]
        if end >= n:
            return None
        if html[end] == ">":
            return name, attrs, end + 1
        found = _ATTRIBUTE.match(html, end)
        assert found is not None  # html[end] is none of the gap characters nor ">"
        key, end = found.group().lower(), found.end()
        value = _VALUE.match(html, end)
        text = ""
        if value is not None:
            if (value.group(1) is not None and value.group(2) is None) or (value.group(3) is not None and value.group(4) is None):
                return None  # an unclosed quote
            text = value.group(1) or value.group(3) or value.group(5) or ""
            end = value.end()
        attrs.setdefault(key, text)


def _letter(char: str) -> bool:
    """Whether *char* is an ASCII letter (a tag name starts with one)."""
    return char.isascii() and char.isalpha()


def _unshown(tag: str, attrs: dict[str, str]) -> bool:
    """Whether the renderer drops this element with its content."""
    return tag in DROPPED_TAGS or _hidden(attrs)


def _blank(text: str) -> str:
    """What replaces dropped markup: its line breaks, in a comment."""
    breaks = text.count("\n")
    return f"<!--{chr(10) * breaks}-->" if breaks else ""


class _Open:
    """The open elements as libxml2 would have them, and which of those beyond the
    cap the output has open (at most a block element and a leaf inside it)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.at: dict[str, list[int]] = {}  # name -> indexes where it is open
        self.ranked: dict[int, list[int]] = {rank: [] for rank in _RANKS}  # rank -> indexes
        self.block = -1  # the index of the deep block element the output has open
        self.leaf = -1  # ... of the deep raw-text or unshown element it has open
        self.hiding = False  # the leaf is unshown: its content is dropped
        self.block_tag = self.leaf_tag = ""  # their names as written to the output
        self.raw = False  # in a raw-text element inside the never-shown one: kept as written

    def push(self, name: str) -> int:
        index = len(self.names)
        self.names.append(name)
        self.at.setdefault(name, []).append(index)
        rank = _END_RANK.get(name)
        if rank is not None:
            self.ranked[rank].append(index)
        return index

    def pop_to(self, size: int) -> str:
        """Close the elements from index *size* on; returns the end tags that close
        those of them beyond the cap that the output has open."""
        out = ""
        names = self.names
        while len(names) > size:
            index = len(names) - 1
            name = names.pop()
            self.at[name].pop()
            rank = _END_RANK.get(name)
            if rank is not None:
                self.ranked[rank].pop()
            if index == self.leaf:
                out += f"</{self.leaf_tag}>"
                self.leaf, self.hiding = -1, False
            elif index == self.block:
                out += f"</{self.block_tag}>"
                self.block = -1
        return out

    def target(self, name: str) -> int:
        """The index an end tag closes down to, or -1 when libxml2 ignores it."""
        found = self.at.get(name)
        if not found:
            return -1
        index = found[-1]
        rank = _END_RANK.get(name, 100)
        for higher in _RANKS:
            if higher > rank:
                above = self.ranked[higher]
                if above and above[-1] > index:
                    return -1
        return index


#: What a deep element is written as when its own start tag would close an element
#: libxml2 should keep open: a block element that no start tag closes and that closes none.
_NEUTRAL_TAG = "section"


def _neutral(tag: str, name: str, index: int, shown: int, shown_tag: str) -> tuple[str, str]:
    """The start tag *tag* (of element *name* at *index*) as written beyond the cap, and
    the name it is written with. The output's innermost open element is the one at
    index *shown* (written as *shown_tag*), which the page did not have innermost here
    (inline elements between are dropped): a tag that would close it (``<li>`` an
    ``<li>``, ``<p hidden>`` a ``<p>``) is written as :data:`_NEUTRAL_TAG`, attributes kept."""
    closes = _CLOSES.get(name)
    if closes is None or shown == index - 1 or shown_tag not in closes:
        return tag, name
    return f"<{_NEUTRAL_TAG}{tag[1 + len(name):]}", _NEUTRAL_TAG


def flatten(html: str, cap: int = NESTING_CAP) -> str:
    """*html* with at most *cap* elements open at any point, and a block element and
    a raw-text or hidden one inside it beyond them (see the module doc).

    Beyond the cap, the tags of inline elements are dropped (their text stays where
    it is); a block element is opened after the deep block element open before it is
    closed, and where a deep block element ends that is no longer open, a ``<br>``
    ends the line; a raw-text or never-shown element is kept whole (the content of a
    never-shown one is dropped).
    """
    out: list[str] = []
    state = _Open()
    names = state.names
    n = len(html)
    done = 0  # html[:done] is written (or replaced)
    pos = 0

    def emit(until: int, replacement: Optional[str] = None) -> None:
        """Write html[done:until], or *replacement* for it (dropped text inside a hidden leaf)."""
        nonlocal done
        if replacement is not None:
            out.append(replacement)
        else:
            piece = html[done:until]
            out.append(_blank(piece) if state.hiding and not state.raw else piece)
        done = until

    while True:
        lt = html.find("<", pos)
        if lt < 0 or lt + 1 >= n:
            break
        nxt = html[lt + 1]
        if html.startswith("<!--", lt):
            close = html.find("-->", lt + 4) if not html.startswith(("<!-->", "<!--->"), lt) else html.find(">", lt + 2)
            if close < 0:
                break
            pos = close + (3 if html[close] == "-" else 1)
            continue
        if nxt == "!" or nxt == "?" or (nxt == "/" and not _letter(html[lt + 2 : lt + 3])):
            close = html.find(">", lt + 1)  # a doctype, a processing instruction, a bogus comment
            if close < 0:
                break
            pos = close + 1
            continue
        if nxt == "/":
            found = _tag(html, lt + 2)
            if found is None:
                break
            name, _, end = found
            emit(lt)
            index = state.target(name)
            if index < 0:
                # libxml2 ignores it (or, as </br>, makes it a <br>). When a deep element
                # blocks it, the output may not have that element open: drop it there.
                emit(end, None if name == "br" or len(names) <= cap or state.hiding else _blank(html[lt:end]))
            elif state.hiding and index > state.leaf:
                state.pop_to(index)  # inside a never-shown element: nothing the output has open
                emit(end)
                state.raw = False
            elif index < cap:
                emit(end, state.pop_to(index) + html[lt:end])
            else:
                was_open = index in (state.block, state.leaf)
                closing = state.pop_to(index)
                if not was_open and name in BLOCK_TAGS:
                    closing += "<br>"  # the end of a deep block element that is no longer open
                emit(end, closing + _blank(html[lt:end]))
            pos = end
            continue
        if not _letter(nxt):
            pos = lt + 1
            continue
        found = _tag(html, lt + 1)
        if found is None:
            break
        name, attrs, end = found
        emit(lt)
        # libxml2 opens nothing for <x/> (any element, unlike HTML5) nor for a void element.
        empty = name in VOID_TAGS or html[end - 2] == "/"
        tag = html[lt:end]
        closes = _CLOSES.get(name)
        closing = ""
        if closes is not None:
            size = len(names)
            while size and names[size - 1] in closes:
                size -= 1
            closing = state.pop_to(size)
        raw = name in RAW_TEXT_TAGS and not empty
        if state.hiding:
            if not empty:
                state.push(name)
            # A never-shown element's <meta> and JSON-LD <script> are still read
            # (render._head): those stay, with their text, unless their start tag closes
            # an element (the output's innermost open element is not the page's here).
            keep = (raw or empty) and name not in _CLOSES
            state.raw = keep and raw
            if not keep:
                tag = _blank(tag)
        elif empty or (name in _ONCE and state.at.get(name)):
            if len(names) >= cap:
                shown = state.block if state.block >= 0 else cap - 1
                if _neutral(tag, name, len(names), shown, state.block_tag if shown == state.block else names[shown])[1] != name:
                    tag = f"<{_NEUTRAL_TAG}></{_NEUTRAL_TAG}>" + _blank(tag)  # (an empty element: nothing but where it is)
        else:
            index = state.push(name)
            if index < cap:
                pass
            elif raw or _unshown(name, attrs):
                shown = state.block if state.block >= 0 else cap - 1
                tag, written = _neutral(tag, name, index, shown, state.block_tag if shown == state.block else names[shown])
                state.leaf, state.hiding, state.leaf_tag = index, name not in RAW_TEXT_TAGS, written
            elif name in BLOCK_TAGS:
                if state.block >= 0:
                    closing += f"</{state.block_tag}>"
                    state.block = -1
                tag, written = _neutral(tag, name, index, cap - 1, names[cap - 1])
                state.block, state.block_tag = index, written
            else:
                tag = _blank(tag)  # an inline element: its text joins the line as it would
        emit(end, closing + tag)
        pos = end
        if name == "plaintext":
            break  # the rest of the page is its text
        if raw:
            stop = _RAW_END[name].search(html, end)
            if stop is None:
                break
            pos = stop.start()
    emit(n)
    return "".join(out)
