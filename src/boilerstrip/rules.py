"""Context-free rules: each looks at one block and returns ``(category, reason)`` or None.

The lexicon rule (known phrases) is here; the shape rules (patterns that no phrase
list can enumerate: credits, spun "WATCH:" lines, pitches) are in :mod:`.shape_rules`
and the datelines in :mod:`.date_rules`; their thresholds in :mod:`.rule_limits`.
:data:`RULES` orders them all, and :class:`RuleChain` runs them with some switched off.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Callable, Optional

from . import categories as C
from . import reasons as R
from .features import Features
from .lexicon import (
    CATEGORY_CONCEPTS,
    Lexicon,
    Match,
    PhraseMatcher,
    default_lexicon,
)
from .date_rules import _has_date, date_shape
from .rule_limits import LIMITS, Label
from .shape_rules import (
    comment_count,
    consent_shape,
    credit_shape,
    credit_tail,
    inline_promo_shape,
    link_line,
    markdown_image,
    no_words,
    pitch_shape,
    share_row,
    truncated_teaser,
    url_only,
)

# --- Word limits for phrase hits that are not whole-block matches -------------------
# A phrase inside a long paragraph is usually the article talking about the thing
# ("the app store said ..."), so partial hits decide only short blocks.
_MAX_WORDS = {C.BYLINE: LIMITS.max_byline_words, C.INLINE_PROMO: LIMITS.max_promo_words}
#: No prefix, suffix or contains hit decides a longer block (the largest limit above).
_MAX_PARTIAL_HIT_WORDS = max(LIMITS.max_phrase_words, LIMITS.max_dated_byline_words, *_MAX_WORDS.values())


def lexicon_rule(
    text: str, f: Features, matcher: PhraseMatcher, months: frozenset[str], off: AbstractSet[str] = frozenset()
) -> Label:
    """The category of the first phrase that decides the block, if any (phrases of
    the concepts in *off* are passed over)."""
    if f.words > _MAX_PARTIAL_HIT_WORDS:
        # Speed: only a whole-block phrase can decide a long block; skip the word scan.
        concept = matcher.exact_match(f.norm)
        return (concept, R.lexicon(concept)) if concept is not None and concept not in off else None
    for hit in matcher.match(f.norm, f.norm_words):
        if hit.concept in off:
            continue
        if hit.kind == "exact":
            return hit.concept, R.lexicon(hit.concept)
        limit = _MAX_WORDS.get(hit.concept, LIMITS.max_phrase_words)
        if hit.concept == C.BYLINE and _has_date(text, f, months):
            limit = LIMITS.max_dated_byline_words
        if f.words <= limit and not _is_prose_sentence(f, hit):
            return hit.concept, R.lexicon(hit.concept, hit.kind)
    return None


def _is_prose_sentence(f: Features, hit: Match) -> bool:
    """A byline prefix on a sentence ("By then, the talks had ...") is prose."""
    return hit.concept == C.BYLINE and f.terminal and f.stop_ratio >= LIMITS.min_byline_prose_stop_ratio


#: A rule: ``(text, features, phrase matcher, month names, lexicon) -> (category, reason)
#: or None``; the shape rules read their word lists from the lexicon.
Rule = Callable[[str, Features, PhraseMatcher, frozenset[str], Lexicon], Label]

#: The context-free rules in the order they are tried (the first that fires decides),
#: each under the name that switches it off (:class:`boilerstrip.Stripper`), with the
#: reason codes it gives. The lexicon rule is switched off one concept at a time:
#: ``lexicon:<concept>``.
RULES: tuple[tuple[str, Rule, tuple[str, ...]], ...] = (
    ("shape:no-letters", lambda text, f, m, months, lex: no_words(f), (R.NO_LETTERS,)),
    ("lexicon", lambda text, f, m, months, lex: lexicon_rule(text, f, m, months), ()),  # its codes: R.lexicon(concept, kind)
    ("shape:comment-count", lambda text, f, m, months, lex: comment_count(f, lex), (R.COMMENT_COUNT,)),
    ("shape:markdown-image", lambda text, f, m, months, lex: markdown_image(text), (R.MARKDOWN_IMAGE,)),
    ("shape:link-line", lambda text, f, m, months, lex: link_line(text), (R.LINK_LINE,)),
    ("shape:share-row", lambda text, f, m, months, lex: share_row(f, lex), (R.SHARE_ROW,)),
    ("shape:caps-lead-colon", lambda text, f, m, months, lex: inline_promo_shape(text, f), (R.CAPS_LEAD_COLON,)),
    ("shape:credit", lambda text, f, m, months, lex: credit_shape(text, f), (R.CREDIT_SLASH, R.COPYRIGHT, R.COPYRIGHT_CREDIT)),
    ("shape:credit-tail", lambda text, f, m, months, lex: credit_tail(text, f, lex), (R.CREDIT_TAIL,)),
    ("shape:date", lambda text, f, m, months, lex: date_shape(text, f, months), (R.DATE, R.RELATIVE_TIME)),
    ("shape:url", lambda text, f, m, months, lex: url_only(text), (R.URL,)),
    ("shape:truncated-teaser", lambda text, f, m, months, lex: truncated_teaser(text, f), (R.TRUNCATED_TEASER,)),
    ("shape:pitch", lambda text, f, m, months, lex: pitch_shape(f, text, lex), (R.PITCH,)),
    ("shape:cookie-consent", lambda text, f, m, months, lex: consent_shape(f, lex), (R.COOKIE_CONSENT,)),
)
_LEXICON_RULE = "lexicon"


def rule_switches() -> tuple[str, ...]:
    """The names that switch off a rule family, in the order the rules are tried."""
    names: list[str] = []
    for name, _, _ in RULES:
        if name == _LEXICON_RULE:
            names.extend(R.lexicon(concept) for concept in CATEGORY_CONCEPTS)
        else:
            names.append(name)
    return tuple(names)


#: The switch name of each shape rule's reason codes.
_FAMILY_OF_CODE = {code: name for name, _, codes in RULES for code in codes}


def family_of(reason: str) -> Optional[str]:
    """The rule family (its switch name) that gives a first label with *reason*; None
    for a text class."""
    if reason.startswith(R.LEXICON_PREFIX):
        return R.lexicon(reason[len(R.LEXICON_PREFIX) :].split(":", 1)[0])
    return _FAMILY_OF_CODE.get(reason)


class RuleChain:
    """The context-free rules with the families in *off* switched off (see :data:`RULES`)."""

    def __init__(self, off: AbstractSet[str] = frozenset()) -> None:
        concepts_off = frozenset(c for c in CATEGORY_CONCEPTS if R.lexicon(c) in off)
        rules: list[Rule] = []
        for name, rule, _ in RULES:
            if name == _LEXICON_RULE and concepts_off:
                rules.append(lambda text, f, m, months, lex: lexicon_rule(text, f, m, months, concepts_off))
            elif name not in off:
                rules.append(rule)
        self._rules = tuple(rules)
        # With every family on (the usual case) one function runs the rules inline: the
        # loop over wrappers costs two calls a rule on every block that is not cached.
        self._all = not off

    def __call__(
        self, text: str, f: Features, matcher: PhraseMatcher, months: frozenset[str], lex: Optional[Lexicon] = None
    ) -> Label:
        """The first rule that fires decides; the shape rules read the word lists of
        *lex* (default: the package's lexicon)."""
        if lex is None:
            lex = default_lexicon()
        if self._all:
            return _every_rule(text, f, matcher, months, lex)
        for rule in self._rules:
            hit = rule(text, f, matcher, months, lex)
            if hit is not None:
                return hit
        return None


def _every_rule(text: str, f: Features, matcher: PhraseMatcher, months: frozenset[str], lex: Lexicon) -> Label:
    """Every rule of :data:`RULES`, in its order, written out (tests/test_rules.py checks
    that it gives what the loop over :data:`RULES` gives)."""
    return (
        no_words(f)
        or lexicon_rule(text, f, matcher, months)
        or comment_count(f, lex)
        or markdown_image(text)
        or link_line(text)
        or share_row(f, lex)
        or inline_promo_shape(text, f)
        or credit_shape(text, f)
        or credit_tail(text, f, lex)
        or date_shape(text, f, months)
        or url_only(text)
        or truncated_teaser(text, f)
        or pitch_shape(f, text, lex)
        or consent_shape(f, lex)
    )


_ALL_RULES = RuleChain()


def first_rule(
    text: str, f: Features, matcher: PhraseMatcher, months: frozenset[str], lex: Optional[Lexicon] = None
) -> Label:
    """Run the context-free rules in order; the first that fires decides (the shape
    rules read the word lists of *lex*, default the package's lexicon)."""
    return _ALL_RULES(text, f, matcher, months, lex)

