"""The state of one page while the passes run: :class:`Page`, and what a front end
may add to it (:class:`PageEvidence`)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence, Tuple

from .. import lexicon
from ..features import Features
from ..lexicon import PhraseMatcher
from ..options import Options
from ..title import TitleChoice
from .label import Label

#: A front end's evidence for one block: ``(category, reason)``. A removal category
#: relabels a block the text rules left unlabelled; ``categories.BODY`` marks a block
#: the page itself says is article text (see :mod:`.markup`).
Hint = Tuple[str, str]


@dataclass(frozen=True)
class PageEvidence:
    """What a front end knows about the blocks beyond their text (the HTML front end).

    Attributes:
        hints: one :data:`Hint` or None per block, from the page's markup; the
            blocks are then taken as given (no wrapped lines or split text nodes
            are joined). None (the default) is plain text.
        headlines: the blocks the page's metadata names as its headline (its
            JSON-LD ``headline`` or ``og:title``); they win the title wherever they
            stand above the article (see :func:`boilerstrip.title.find_title`).
    """

    hints: Optional[Sequence[Optional[Hint]]] = None
    headlines: AbstractSet[int] = field(default_factory=frozenset)


class Lexicons:
    """The lexicon lookups of the passes, in one place, read from one loaded
    :class:`~boilerstrip.lexicon.Lexicon` (the package's own lists by default)."""

    def __init__(self, source: Optional[lexicon.Lexicon] = None) -> None:
        self._source = source
        self._bio: Optional[dict[str, tuple[tuple[str, ...], ...]]] = None

    @property
    def source(self) -> lexicon.Lexicon:
        """The lexicon, loaded on first use (importing boilerstrip reads no list)."""
        if self._source is None:
            self._source = lexicon.default_lexicon()
        return self._source

    def matcher(self) -> PhraseMatcher:
        return self.source.matcher

    def cut_matcher(self) -> PhraseMatcher:
        return self.source.cut_matcher

    def stopwords(self, language: str) -> frozenset[str]:
        return self.source.stopwords(language)

    def months(self) -> frozenset[str]:
        return self.source.months

    def units(self) -> frozenset[str]:
        return self.source.common_words("units")

    def author_jobs(self) -> frozenset[str]:
        return self.source.word_set("author_job")

    def bio_phrases(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        if self._bio is None:
            self._bio = dict(self.source.bio_phrases)
        return self._bio

    def about_phrases(self) -> frozenset[tuple[str, ...]]:
        return self.source.about_phrases


#: The context-free facts of one block: its features, first label and that label's
#: reason, whether it is a heading that ends the article, and its region weight.
FirstPass = Tuple[Features, str, str, bool, float]


@dataclass
class Page:
    """Everything the passes read and write about one page.

    The front end fills the input fields; the first pass adds ``feats``, ``labels``
    and ``cut_headings`` (one per block); later passes add the fields below them.
    """

    text: str
    spans: Sequence[tuple[int, int]]
    texts: list[str]
    language: Optional[str]
    options: Options
    lexicons: Lexicons
    evidence: PageEvidence
    #: The first pass of one block (cached by the :class:`~boilerstrip.Stripper`),
    #: from its text and its tokens when the language detector has them.
    first_pass: Callable[[str, Optional[list[str]]], FirstPass]
    known_tokens: list[Optional[list[str]]]

    feats: list[Features] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    cut_headings: list[bool] = field(default_factory=list)
    #: The article's main region, ``(first, last + 1)`` (:mod:`.region`).
    region: tuple[int, int] = (0, 0)
    #: The headline (:mod:`.headline`).
    title: Optional[TitleChoice] = None
    #: Where the schedule and the list introduced by a colon after the region end
    #: (:mod:`.article_end`); both are the region's end when there is none.
    schedule_end: int = 0
    list_end: int = 0
    #: The standfirst: the blocks from ``lead_start`` to the region, and the
    #: lead under a headline far above it (:mod:`.standfirst`).
    lead_start: int = 0
    lead_under: frozenset[int] = frozenset()
    #: A reason the markup adds to each block's final reasons ("" for none; :mod:`.markup`).
    markup_reasons: list[str] = field(default_factory=list)
    #: The kind of page (:data:`boilerstrip.page_types.PAGE_TYPES`) and the evidence that
    #: decided it (:mod:`.page_type`); an article until that pass runs.
    page_type: str = "article"
    page_type_evidence: tuple[str, ...] = ()
