"""What an element passes on to the text inside it, while the renderer walks the tree.

An element's traits come from its tag and attributes (does it mark the article body,
carry a hint, is it a link, a heading, preformatted); its frame combines them with its
parent's. Both are worked out once per distinct value on a page (:class:`PageMemo`):
elements repeat (``<li class="menu-item">``), so the walk stays linear and cheap.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Optional

from .evidence import MAIN_MARK, NOT_MARKED, TAG_HINTS, ClassEvidence, Hint, class_evidence, element_hint, marks_article
from .tags import HEADING_TAGS, PRE_TAGS


class Frame:
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
        block: "Frame | None",
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
        self._as_block: Optional[Frame] = None

    def as_block(self) -> "Frame":
        """The frame of a block element inside this one that passes on nothing of its
        own: this frame when it is a block's, else a block frame with the same values
        (made once and shared by such siblings: the ``<div>`` elements in a ``<span>``)."""
        if self.block is None:
            return self
        copy = self._as_block
        if copy is None:
            copy = self._as_block = Frame(self.hint, self.owner, self.article, self.body, self.link, self.pre, None, self.heading)
        return copy


#: Tags that change what an element without attributes passes on (see :func:`traits_of`).
PLAIN_CHANGES = frozenset(TAG_HINTS) | PRE_TAGS | HEADING_TAGS | {"header", "main", "article", "html", "body"}


class Traits(NamedTuple):
    """What an element passes on of itself, whatever its parent passes on: from its
    tag and attributes (and whether it is inside the article, see :func:`.evidence.element_hint`).

    Attributes:
        marks: how it marks the article body (:func:`.evidence.marks_article`).
        hint: its own hint (None when it marks the article body); the lines of
            elements with the same hint object share it (see :meth:`PageMemo.class_evidence`).
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
NEUTRAL = Traits(NOT_MARKED, None, False, False, False, False)
#: Traits without a hint are plain values: one object for each (a few dozen at most).
_PLAIN_TRAITS: dict[Traits, Traits] = {NEUTRAL: NEUTRAL}
#: Tags that pass on something of their own whatever their attributes (see :class:`Traits`).
_TRAIT_TAGS = PRE_TAGS | HEADING_TAGS | {"article"}
#: Class/id evidence without a hint (shared: there is no hint object to keep apart).
_NOTHING: ClassEvidence = (False, None)
_BODY_ONLY: ClassEvidence = (True, None)
#: Tags with evidence of their own (see :func:`.evidence.marks_article` and :func:`.evidence.element_hint`).
_EVIDENCE_TAGS = frozenset(TAG_HINTS) | {"main", "header"}


class PageMemo:
    """What the elements of one page say of themselves, worked out once per distinct
    tag, context and attributes: they repeat within a page (``<li class="menu-item">``)."""

    __slots__ = ("traits", "_entered", "_class_ids", "_evidence")

    def __init__(self) -> None:
        self.traits: dict[Any, Traits] = {}  # the walk's own table (see render)
        self._entered: dict[tuple[Frame, Traits, bool], Frame] = {}
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

    def entered(self, parent: Frame, traits: Traits, block: bool) -> Frame:
        """:func:`enter` for traits without a hint of the element's own: the same
        arguments give the same frame, made once."""
        step = (parent, traits, block)
        frame = self._entered.get(step)
        if frame is None:
            frame = self._entered[step] = enter(parent, traits, block, None)
        return frame


def traits_of(tag: str, attrs: Optional[dict[str, str]], ident: Optional[str], in_article: bool, memo: PageMemo) -> Traits:
    """The traits of an element; *attrs* are its attributes (None when it has none),
    *ident* its id (None when the id says nothing); :data:`NEUTRAL` when it passes
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
        return NEUTRAL  # (most elements: without making a tuple to compare)
    traits = Traits(marks, hint, tag == "article", link, tag in PRE_TAGS, tag in HEADING_TAGS)
    return traits if hint is not None else _PLAIN_TRAITS.setdefault(traits, traits)


def enter(parent: Frame, traits: Traits, block: bool, el: Any) -> Frame:
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
    return Frame(hint, owner, article, body, link, pre, None if block else parent.block or parent, heading)
