"""The verb: :func:`strip` text down to its article, and the :class:`Stripper` behind it."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Callable, NamedTuple, Optional

from .classify.first_labels import FirstLabeller
from .classify.page import Hint, Lexicons, Page, PageEvidence
from .classify.passes import PAGE_TYPE_PASS, PASSES
from .classify.profiled import GATE_TESTS, copy_page, mark_changes, relabel_rules
from .language import SAMPLE_CHARS, detect_sample, sample_tokens
from .lexicon import Lexicon
from .options import NO_LANGUAGE, Options
from .page_types import ARTICLE
from .result import Result, new_block
from .rules import RuleChain, rule_switches
from .type_profiles import GATES, Profiles, check, shipped
from .segment import join_split_text_nodes, join_wrapped_lines, segment

__all__ = ["Hint", "PageEvidence", "Stripper", "clear_cache", "strip"]

_DEFAULT_OPTIONS = Options()
_NO_EVIDENCE = PageEvidence()
_RULE_SWITCHES = frozenset(rule_switches())
_AFTER_PAGE_TYPE = [p.name for p in PASSES].index(PAGE_TYPE_PASS) + 1


class _Plan(NamedTuple):
    """How a page of one type runs the passes after the page-type pass under its profile."""

    rules_off: frozenset[str]  #: rule families whose first labels are made again without them
    chain: RuleChain  #: the rules without those families (and without the Stripper's)
    tail: tuple[Callable[[Page], None], ...]  #: the passes the profile leaves on
    gate: Optional[Callable[[Page], bool]]  #: the profile applies only if the article run passes it


class Stripper:
    """Strips pages; owns the lexicon access and the cache of context-free block labels.

    Args:
        disable: names of passes or rule families to switch off, for an ablation
            (every valid name: :meth:`switches`). A switched-off rule does not fire;
            a switched-off pass leaves the page as it found it. An unknown name
            raises ValueError.
        lexicon: the phrase and word lists to use (:meth:`Lexicon.load` of a folder);
            None (the default) is the package's own lists, loaded on first use.
        profiles: per page type, the switches its pages run without
            (:mod:`boilerstrip.type_profiles`); None (the default) is the package's
            fitted profiles, read on first use; ``{}`` runs every type as an article.

    One instance may strip any number of pages, one at a time; results never depend
    on what it stripped before. :func:`strip` uses one default instance.
    """

    def __init__(
        self,
        disable: AbstractSet[str] = frozenset(),
        lexicon: Optional[Lexicon] = None,
        profiles: Optional[Profiles] = None,
    ) -> None:
        unknown = sorted(set(disable) - set(self.switches()))
        if unknown:
            raise ValueError(f"unknown switch {', '.join(unknown)}; known: {', '.join(self.switches())}")
        self.disabled = frozenset(disable)
        self.lexicons = Lexicons(lexicon)
        self._lexicon = lexicon
        on = [p for p in PASSES if p.name not in self.disabled]
        self._head = tuple(p.apply for p in on if p in PASSES[:_AFTER_PAGE_TYPE])
        self._tail = tuple(p.apply for p in on if p in PASSES[_AFTER_PAGE_TYPE:])
        self._labeller = FirstLabeller(RuleChain(self.disabled))
        self._profiles = None if profiles is None else check(profiles)
        self._plans: dict[str, Optional[_Plan]] = {}

    @staticmethod
    def switches() -> tuple[str, ...]:
        """Every name :class:`Stripper` accepts in *disable*, in pipeline order: the
        rule families of the first labels, then the passes that can be switched off."""
        return rule_switches() + tuple(p.name for p in PASSES if p.switchable)

    def clear_cache(self) -> None:
        """Forget every cached block (for cold-start benchmarks; results never depend on it)."""
        self._labeller.clear()

    def strip(
        self, text: str, /, options: Optional[Options] = None, *, evidence: Optional[PageEvidence] = None
    ) -> Result:
        """Split *text* into blocks, label each, and return the article with provenance.

        Args:
            text: the raw text of a scraped page, exactly as given.
            options: how to work; ``Options()`` when omitted.
            evidence: what a front end knows beyond the text (:class:`PageEvidence`:
                the HTML front end's per-block hints and headline blocks). None is plain text.
        """
        if not isinstance(text, str):
            if isinstance(text, (bytes, bytearray, memoryview)):
                raise TypeError("strip() takes str; decode bytes first, e.g. data.decode('utf-8')")
            raise TypeError(f"strip() takes str, not {type(text).__name__}")
        page = self._page(text, options or _DEFAULT_OPTIONS, evidence or _NO_EVIDENCE)
        for apply in self._head:
            apply(page)
        plan = None if page.page_type == ARTICLE else self._plan(page.page_type)
        if plan is None:
            for apply in self._tail:
                apply(page)
            return self._result(page)
        # The page runs as an article on a copy, then under its profile; the blocks whose
        # category differs carry the type's reason (classify/profiled.py).
        unprofiled = copy_page(page)
        for apply in self._tail:
            apply(unprofiled)
        if plan.gate is not None and not plan.gate(unprofiled):
            return self._result(unprofiled)
        if plan.rules_off:
            relabel_rules(page, plan.rules_off, plan.chain, self._lexicon)
        for apply in plan.tail:
            apply(page)
        mark_changes(page, unprofiled)
        return self._result(page)

    def _plan(self, page_type: str) -> Optional[_Plan]:
        """How pages of *page_type* run after the page-type pass; None: as articles."""
        if page_type not in self._plans:
            if self._profiles is None:
                self._profiles = shipped()
            off = self._profiles.get(page_type, frozenset()) - self.disabled
            rules_off = off & _RULE_SWITCHES
            tail = tuple(p.apply for p in PASSES[_AFTER_PAGE_TYPE:] if p.name not in self.disabled | off)
            gate = GATE_TESTS[GATES[page_type]] if page_type in GATES else None
            self._plans[page_type] = _Plan(rules_off, RuleChain(self.disabled | rules_off), tail, gate) if off else None
        return self._plans[page_type]

    def _page(self, text: str, opts: Options, evidence: PageEvidence) -> Page:
        """The page's blocks, its language and the first pass to label them with."""
        spans = segment(text)
        if evidence.hints is None:  # the HTML front end's lines are its blocks, and it never wraps
            spans = join_split_text_nodes(text, join_wrapped_lines(text, spans))
        texts = [text[s:e] for s, e in spans]
        if opts.language:
            language: Optional[str] = None if opts.language == NO_LANGUAGE else opts.language
            known_tokens: list[Optional[list[str]]] = [None] * len(texts)
        else:
            sample = sample_tokens(texts)
            language = detect_sample(sample, self._lexicon)
            # The sample's tokens of a block are measure()'s tokens unless the block was cut short.
            known_tokens = [tokens if len(t) <= SAMPLE_CHARS else None for t, tokens in zip(texts, sample)]
            known_tokens += [None] * (len(texts) - len(sample))
        lex = self.lexicons
        stop = lex.stopwords(language) if language else frozenset()
        months = lex.months()
        self._labeller.use_matchers(lex.matcher(), lex.cut_matcher(), self._lexicon)
        first_pass = self._labeller.for_page(language, stop, months)
        return Page(text, spans, texts, language, opts, lex, evidence, first_pass, known_tokens)

    @staticmethod
    def _result(page: Page) -> Result:
        blocks = tuple(
            [
                new_block(s, e, d.category or "", d.decided_by, d.clutter or d.text_class)
                for (s, e), d in zip(page.spans, page.labels)
            ]
        )
        body = page.options.separator.join([t for t, b in zip(page.texts, blocks) if b.kept])
        title, text = page.title, page.text
        return Result(
            title=text[title.start : title.end] if title else None,
            title_span=(title.start, title.end) if title else None,
            text=body,
            blocks=blocks,
            language=page.language,
            separator=page.options.separator,
            page_type=page.page_type,
            page_type_evidence=page.page_type_evidence,
        )


_DEFAULT = Stripper()


def strip(text: str, /, *, options: Optional[Options] = None, evidence: Optional[PageEvidence] = None) -> Result:
    """Split *text* into blocks, label each, and return the article with provenance.

    Args:
        text: the raw text of a scraped page, exactly as given.
        options: how to work; ``Options()`` when omitted. ``preset`` and ``keep``
            change decisions only after the balanced labels are made.
        evidence: what a front end knows beyond the text (:class:`PageEvidence`);
            None (the default) is plain text.

    Returns:
        A :class:`Result`: the title once, the body text, and every block with its
        offsets into *text*, its category and the reasons that decided it.

    >>> r = strip("Home\\nNews\\n\\nA long enough sentence that is plainly part of the story, as it goes on.")
    >>> r.text
    'A long enough sentence that is plainly part of the story, as it goes on.'
    """
    return _DEFAULT.strip(text, options, evidence=evidence)


def clear_cache() -> None:
    """Forget every block cached by :func:`strip` (for cold-start benchmarks; results never depend on it)."""
    _DEFAULT.clear_cache()
