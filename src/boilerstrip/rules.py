"""Context-free rules: each looks at one block and returns ``(category, reason)`` or None.

Lexicon rules come first (known phrases), then shape rules (patterns that no
phrase list can enumerate: credits, datelines, spun "WATCH:" lines). Every
regex here is linear: single character classes under each quantifier, no
nested quantifiers over overlapping classes.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional, Tuple

from . import categories as C
from . import reasons as R
from .features import WORD, Features, visible_text
from .thresholds import HAND, PAPER, limit, measured
from .lexicon import (
    CATEGORY_CONCEPTS,
    Match,
    PhraseMatcher,
    comment_count_phrases,
    common_words,
    credit_words,
    word_set,
)

Label = Optional[Tuple[str, str]]


@dataclass(frozen=True)
class RuleLimits:
    """The thresholds of the context-free rules."""

    max_phrase_words: int = limit(
        40, measured("aeb-dev", "trafilatura-eval-dev"),
        'largest block a prefix, suffix or contains phrase may decide; promo and pitch blocks are at most ~40 words'
    )
    max_byline_words: int = limit(8, HAND, 'bylines are short; a "by ..." prefix on a longer block is a sentence')
    max_promo_words: int = limit(30, HAND, 'an inline promo is a marker plus a headline')
    max_dated_byline_words: int = limit(16, HAND, 'a byline that also carries the date runs longer')
    min_byline_prose_stop_ratio: float = limit(
        0.3, PAPER,
        'jusText\'s stop-word share of good paragraphs: a "By then, ..." sentence',
    )
    min_promo_headline_words: int = limit(3, HAND, "words of the headline after an inline promo's lead")
    max_credit_words: int = limit(8, HAND, 'longest "Name Name/Agency" credit')
    max_bare_copyright_words: int = limit(6, HAND, 'a "©" block this short is a copyright line even without a year')
    credit_tail_chars: int = limit(120, HAND, 'characters at the end of a block searched for a credit tail')
    max_pitch_words: int = limit(60, HAND, 'sign-up boxes and paywall notes run to two or three sentences')
    pitch_cues_with_you: int = limit(2, HAND, 'distinct pitch words needed with a second-person word')
    pitch_cues_alone: int = limit(3, HAND, 'and without one')
    min_pitch_density: float = limit(
        0.1, measured("aeb-dev", "trafilatura-eval-dev"),
        'distinct pitch words per word: pitches are dense with them, a blog paragraph is not'
    )
    min_pitch_words: int = limit(3, HAND, 'two words are a button')
    max_appeal_words: int = limit(
        60, measured("aeb-dev", "trafilatura-eval-dev"),
        'a reader appeal runs to one to three sentences; article paragraphs that quote a "we" run longer'
    )
    min_comment_count_words: int = limit(3, HAND, 'a count, a noun and a preposition')
    max_comment_count_words: int = limit(30, HAND, "the post's title follows the opener")
    max_consent_words: int = limit(120, HAND, 'cookie banners run to a paragraph or two')
    consent_cues: int = limit(2, HAND, 'distinct consent words needed besides a cookie word')
    max_dateline_words: int = limit(20, HAND, '"Published ... | Updated ..." lines run to ~18')
    min_date_share: float = limit(0.35, HAND, 'share of date tokens (digits, months, am/pm) in a dateline')
    max_bare_dateline_words: int = limit(10, HAND, 'a line this short without a sentence end needs only a date')
    max_relative_time_words: int = limit(6, HAND, '"15 minutes ago", "5 min read"')
    max_date_link_letters: int = limit(
        3, HAND,
        'a word this short may stand between a month and its number ("de", "of")',
    )
    max_day_or_year_digits: int = limit(4, HAND, 'a day or a year')
    teaser_tail_chars: int = limit(12, HAND, 'characters at the end of a block searched for a bracketed ellipsis')
    max_share_row_words: int = limit(12, HAND, 'a share row is short')
    min_share_row_share: float = limit(0.5, HAND, 'share of its words that are network or button names')
    min_share_buttons: int = limit(2, HAND, 'one network name is a mention, two a row of buttons')
    min_link_line_share: float = limit(0.9, HAND, 'a Markdown block whose letters are this much link text is a link')


LIMITS = RuleLimits()

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


# --- Shape rules --------------------------------------------------------------------

# Inline promo: an all-caps lead of 1-3 words (letters only, 4+ letters in the
# first), a colon, then a headline. "WATCH: ...", "READ MORE: ...", and spun
# forms such as "REGARD: ..." all have this shape.
_PROMO_LEAD = re.compile(
    r"\A[^\w]{0,3}"  # optional bullet or quote
    r"(?=[^\W\d_a-zß-ÿа-я ]{4}|[^\W\d_a-zß-ÿа-я]{3} [^\W\d_a-zß-ÿа-я])"  # 4+ capitals, or 3 and another word
    r"[^\W\d_a-zß-ÿа-я]{3,}"  # first word: upper-case letters (no lower-case Latin/Cyrillic)
    r"(?: [^\W\d_a-zß-ÿа-я]{2,}){0,2}"  # up to two more upper-case words
    r" ?[:|»›>]\s"  # the marker
)


def inline_promo_shape(text: str, f: Features) -> Label:
    """``LEAD: Headline-like text`` without a final full stop."""
    if f.words > LIMITS.max_promo_words or text.rstrip().endswith("."):
        return None
    m = _PROMO_LEAD.match(text)
    if m and f.words - len(WORD.findall(m.group())) >= LIMITS.min_promo_headline_words:
        return C.INLINE_PROMO, R.CAPS_LEAD_COLON
    return None


# Photo credit: "Name Name/Agency", "© Agency", "Photo: ...".
_CREDIT_SLASH = re.compile(r"\A[^\W\d_][\w.'’ -]{1,50}/ ?[^\W\d_][\w.'’&  -]{1,50}\Z")
_COPYRIGHT_SIGN = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")




def _may_have_copyright_sign(text: str) -> bool:
    """A cheap test before :data:`_COPYRIGHT_SIGN`, true whenever the regex can match.

    Under IGNORECASE "c", "p", "y" and "r" match only their ASCII capitals
    (unlike "i", "k" and "s"), so "(c)" and the "pyr" of "copyright" are found as
    "(c)"/"(C)" and in the lower-cased text.
    """
    return "©" in text or "(c)" in text or "(C)" in text or "pyr" in text.lower()


def credit_shape(text: str, f: Features) -> Label:
    """Photo credits and copyright lines."""
    if f.words <= LIMITS.max_credit_words and not f.terminal and "/" in text and _CREDIT_SLASH.match(text):
        return C.CAPTION, R.CREDIT_SLASH
    if f.words <= LIMITS.max_phrase_words and _may_have_copyright_sign(text) and _COPYRIGHT_SIGN.search(text):
        if _YEAR.search(text) or "reserved" in f.norm or f.words <= LIMITS.max_bare_copyright_words:
            return C.FOOTER, R.COPYRIGHT
        return C.CAPTION, R.COPYRIGHT_CREDIT
    return None




@lru_cache(maxsize=None)
def _credit_tail() -> re.Pattern[str]:
    """``<credit word>: Name`` closing a block, e.g. "... at dawn. Photo: J. Doe/AP"."""
    words = "|".join(re.escape(w) for w in sorted(credit_words(), key=len, reverse=True))
    # Speed: the lookahead for the words' first letters (implied by the alternation,
    # and case-folded the same way) spares trying every word after every space.
    initials = "".join(sorted({re.escape(w[0]) for w in credit_words()}))
    return re.compile(
        r"(?:\A|[\s(\[—–|-])"  # start, or a space, bracket or dash before the credit word
        r"(?=[" + initials + r"])"  # a credit word's first letter
        r"(?:" + words + r")"  # the credit word
        r"\s?[:.]\s?"  # its colon (or the "Fot." abbreviation)
        r"[^\s.!?][^.!?]{1,80}\Z",  # a name, no sentence end after it
        re.IGNORECASE,
    )


def _may_end_with_credit(tail: str) -> bool:
    """A cheap test before :func:`_credit_tail`, true whenever the regex can match.

    The credit's name runs to the end without ".", "!" or "?", so the tail does not
    end in one; and the credit word is followed by ":" or ".".
    """
    return tail[-1:] not in ".!?" and (":" in tail or "." in tail)


@lru_cache(maxsize=None)
def _longest_credit_word() -> int:
    return max(map(len, credit_words()))


def _credit_search_start(tail: str) -> int:
    r"""The first index of *tail* where :func:`_credit_tail` can match, or -1 for none.

    The name after the credit word's colon or full stop has no ".", "!" or "?", so
    that colon or full stop is the tail's last sentence mark (a full stop) or a
    colon after it; before it come at most the credit word (matched character by
    character, so as long as the word), a space and the character before the word.
    Searching from there finds the same match (``\A`` matches only at the tail's
    real start) without trying the earlier positions.
    """
    mark = max(tail.rfind("."), tail.rfind("!"), tail.rfind("?"))
    sep = mark if mark >= 0 and tail[mark] == "." else tail.find(":", mark + 1)
    if sep == -1:
        return -1
    return max(0, sep - _longest_credit_word() - 2)


def credit_tail(text: str, f: Features) -> Label:
    """A caption that ends with its photo credit, or a credit alone."""
    if f.words > LIMITS.max_phrase_words:
        return None
    tail = text[-LIMITS.credit_tail_chars:].rstrip(")]")
    if not _may_end_with_credit(tail):
        return None
    start = _credit_search_start(tail)
    if start >= 0 and _credit_tail().search(tail, start):
        return C.CAPTION, R.CREDIT_TAIL
    return None




# German (and Dutch "U") formal address, told from "sie" (she, they) by its capital
# after a lower-case word: "... bestellen Sie es", "... für Ihre Daten".
_FORMAL_YOU = re.compile(r"[a-zäöüß,] (?:Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen)\b")
# A block that opens with the possessive addresses the reader as often as it means
# "her" or "their": "Ihre Meinung zu diesem Thema", "Ihr Beitrag hilft ...".
_OPENING_FORMAL_YOU = re.compile(r"Ih(?:r|re|ren|rem|rer|res|nen)\b")


def _formal_you(text: str) -> bool:
    if text[:2] == "Ih" and _OPENING_FORMAL_YOU.match(text):
        return True
    return ("Sie" in text or "Ih" in text) and _FORMAL_YOU.search(text) is not None


def pitch_shape(f: Features, text: str = "") -> Label:
    """A short block that addresses the reader with several pitch words.

    "Broaden your horizons ... Try it free for 1 month with unlimited access",
    "Register for our bulletin to get the latest news in your inbox": the
    wording varies, the vocabulary does not.
    """
    if f.words > LIMITS.max_pitch_words or f.words < LIMITS.min_pitch_words:
        return None
    pitch_words, strong_words = word_set("pitch"), common_words("pitch_strong")
    if pitch_words.isdisjoint(f.norm_words) and strong_words.isdisjoint(f.norm_words):
        return None  # no pitch word at all: score 0 (a fast exit for most blocks)
    tokens = set(f.norm_words)
    strong = tokens & strong_words
    cues = (tokens & pitch_words) | strong
    score = len(cues) + len(strong)  # a strong pitch word counts twice
    if score < LIMITS.pitch_cues_with_you or score < LIMITS.min_pitch_density * f.words:
        return None
    you = bool(tokens & word_set("you")) or _formal_you(text)
    if score >= LIMITS.pitch_cues_alone or you:
        if cues & common_words("app_cues"):
            return C.APP_PROMO, R.PITCH
        return C.NEWSLETTER, R.PITCH
    return None


# A block that opens with a quotation mark is somebody quoted in the article.
_OPENING_QUOTES = "\"“„«»‘‚'「"


def reader_appeal(f: Features, text: str = "") -> Label:
    """A publication speaking to its reader about its own work.

    "If you liked our article, support this kind of journalism", "Tell us what you
    think: send your feedback and corrections to ...", "We may receive compensation
    if you click on these links": the site as "we" (``we.txt``), the reader as "you"
    (``you.txt``, or German formal "Sie"), and a word of support, feedback or
    disclosure (``appeal.txt``) in a short block. Article prose says "we" and "you"
    (a blogger, an interview), but rarely asks for donations or owns up to its
    advertisers within three sentences.
    """
    if f.words > LIMITS.max_appeal_words or word_set("appeal").isdisjoint(f.norm_words):
        return None
    if text[:1] in _OPENING_QUOTES or word_set("we").isdisjoint(f.norm_words):
        return None
    if word_set("you").isdisjoint(f.norm_words) and not _formal_you(text):
        return None
    return C.INLINE_PROMO, R.READER_APPEAL




def comment_count(f: Features) -> Label:
    """The heading of a comment thread: a count, a noun and a preposition, then the
    post's title ("14 thoughts on “Fixing Sash Windows”", "11 Antworten zu ...",
    "One thought on ..."); the openers are in ``comment_count.txt``."""
    words = f.norm_words
    if len(words) < LIMITS.min_comment_count_words or f.words > LIMITS.max_comment_count_words or (f.terminal and f.terminal_char == "."):
        return None  # a sentence ("14 thoughts on the plan kept us busy.") is not a heading
    phrases = comment_count_phrases()
    if (words[0].isdecimal() and words[1:3] in phrases) or words[:3] in phrases:
        return C.COMMENTS, R.COMMENT_COUNT
    return None




def consent_shape(f: Features) -> Label:
    """A block that names cookies and speaks the words of a consent banner.

    "We use cookies and other tracking technologies to improve your browsing
    experience ...", "Diese Cookies sind unbedingt erforderlich, um Ihnen die
    auf unserer Webseite ...": phrase hits decide only short blocks, and these
    run long. A recipe's "cookie sheet" has none of the banner's other words.
    """
    if f.words > LIMITS.max_consent_words or "cookie" not in f.norm:
        return None
    if not any(w.startswith("cookie") for w in f.norm_words):
        return None
    if len(word_set("consent").intersection(f.norm_words)) >= LIMITS.consent_cues:
        return C.COOKIE, R.COOKIE_CONSENT
    return None


# Datelines: a date or time and little else.
_TIME_WORDS = frozenset({"am", "pm", "a", "p", "m", "h", "uhr", "hrs"})
# A numeric date or a clock time. Two patterns rather than one alternation: a
# pattern that starts with a digit class lets the regex engine skip ahead to the
# next digit, and the clock time is looked for only when there is a colon.
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")  # 13-02-2025, 2025-02-13, 13.02.25
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d\d\b")  # 16:02
_RELATIVE_TIME = re.compile(
    r"\b\d{1,3} ?(?:[mhd]|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|std|stunden?|tagen?|minuten?|heures?|jours?|horas?|días?|dias?|ore|giorni|uur|dagen)\b"
    r".{0,12}\b(?:ago|read|geleden|fa|atrás|назад|lesezeit|lecture|lectura|leitura|lettura)",
    re.IGNORECASE,
)


def _has_date(text: str, f: Features, months: frozenset[str]) -> bool:
    """A numeric date or time, or a month name next to a day or year number."""
    if not f.has_digits:
        return False
    return (
        _NUMERIC_DATE.search(text) is not None
        or (":" in text and _CLOCK_TIME.search(text) is not None)
        or (not months.isdisjoint(f.norm_words) and _month_with_number(f.norm_words, months))
    )


def _month_with_number(words: tuple[str, ...], months: frozenset[str]) -> bool:
    """A month name near a number: "Aug 5", "5 août", "March 2020", "20 de abril".
    Short month names are also words ("Next-Gen" holds Italian "gen", "mar" is Spanish
    for sea); only the number next to them makes them a date."""
    n = len(words)
    for i, word in enumerate(words):
        if word not in months:
            continue
        for step in (-1, 1):
            j = i + step
            if 0 <= j < n and len(words[j]) <= LIMITS.max_date_link_letters and not _day_or_year(words[j]):
                j += step  # past "de", "of": "20 de abril de 2022", "the 5th of May"
            if 0 <= j < n and _day_or_year(words[j]):
                return True
    return False




def _day_or_year(word: str) -> bool:
    """1 to 4 digits, maybe with an ordinal ending: "5", "2020", "14th", "1er"."""
    digits = word[:-2] if word[-2:] in _ORDINAL_ENDINGS else word
    return 0 < len(digits) <= LIMITS.max_day_or_year_digits and digits.isdecimal()


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th", "er"})


def date_shape(text: str, f: Features, months: frozenset[str]) -> Label:
    """A short block that is mostly a date, a time or "15 minutes ago".

    "October 9, 2018 at 4:02 pm", "Published April 14, 2024 at 11:42 p.m. |
    Updated ...": a date is present and date tokens (digits, month names, am/pm)
    make up at least :data:`LIMITS.min_date_share` of the words.
    """
    if f.words > LIMITS.max_dateline_words or not f.has_digits:
        return None
    tokens = f.norm_words
    if _has_date(text, f, months):
        dateish = sum(1 for t in tokens if t.isdigit() or t in months or t in _TIME_WORDS)
        if dateish >= LIMITS.min_date_share * len(tokens) or (f.words <= LIMITS.max_bare_dateline_words and not f.terminal):
            return C.BYLINE, R.DATE
    if f.words <= LIMITS.max_relative_time_words and _RELATIVE_TIME.search(text):
        return C.BYLINE, R.RELATIVE_TIME
    return None


# Teaser cut short by the site: "... the first results […]", "... more (...)".
_TRUNCATED = re.compile(r"(?:\[\s?(?:…|\.\.\.)\s?\]|\(\s?(?:…|\.\.\.)\s?\))\s*\Z")


def truncated_teaser(text: str, f: Features) -> Label:
    """A paragraph that ends in a bracketed ellipsis is a teaser for another page."""
    tail = text[-LIMITS.teaser_tail_chars:]
    if tail.rstrip().endswith(("]", ")")) and _TRUNCATED.search(tail):  # cheap test first
        return C.RELATED, R.TRUNCATED_TEASER
    return None


# A Markdown link or image target, ``(src)`` or ``(src "title")``, which a hard-wrapped
# line may cut at a hyphen ("(https://example.com/wp-\ncontent/a.jpg)") and whose title
# may run over lines. Linear: each repetition of the cut pieces takes one line break,
# and the title is read up to its closing quote, at most 300 characters.
_TARGET = r"""\([^)\s]*(?:[ \t]*\r?\n[ \t]*[^)\s"][^)\s]*)*(?:\s+"[^"]{0,300}")?\)"""
# A markdown image alone on its line: ![alt text](image.jpg), or wrapped in a link,
# [![alt](image.jpg)](page) (html2text may pad the link text: "[ ![alt](image.jpg) ](page)").
_MARKDOWN_IMAGE = re.compile(r"\A(?:\[[ \t]?)?!\[[^\]]{0,300}\]" + _TARGET + r"(?:[ \t]?\]" + _TARGET + r")?\Z")




def markdown_image(text: str) -> Label:
    """``![alt](src)``: an image; its alt text is not article text."""
    if text.startswith(("![", "[![", "[ ![")) and _MARKDOWN_IMAGE.match(text):
        return C.CAPTION, R.MARKDOWN_IMAGE
    return None


# The text of a Markdown link or image, ``[text]`` or ``![alt]``, once its target is gone
# (features.visible_text); applied twice for an image inside a link.
_BRACKETED = re.compile(r"!?\[[^\[\]]*\]")


def link_line(text: str) -> Label:
    """A Markdown block that is all link: a menu entry, a teaser headline, an image link.

    Markdown renderings (html2text) keep what HTML marks as links; a block whose
    visible letters are nearly all link text is navigation, whatever it says.
    """
    if "](" not in text:
        return None
    visible = visible_text(text)
    outside = _BRACKETED.sub("", _BRACKETED.sub("", visible))
    total = sum(1 for c in visible if c.isalpha())
    if total and sum(1 for c in outside if c.isalpha()) <= (1 - LIMITS.min_link_line_share) * total:
        return C.NAVIGATION, R.LINK_LINE
    return None


def share_row(f: Features) -> Label:
    """A line of share buttons: "Share Facebook Twitter Email", "Teilen: X WhatsApp"."""
    if f.words > LIMITS.max_share_row_words:
        return None
    tokens = f.norm_words
    share_buttons = word_set("share_buttons")
    if share_buttons.isdisjoint(tokens):
        return None  # no button name: a fast exit for most blocks
    buttons = sum(1 for t in tokens if t in share_buttons)
    if buttons >= LIMITS.min_share_buttons and buttons >= LIMITS.min_share_row_share * len(tokens):
        return C.SHARE, R.SHARE_ROW
    return None




def no_words(f: Features) -> Label:
    """Punctuation, bullets, symbols or digits only."""
    if not f.has_letters:
        return C.BOILERPLATE, R.NO_LETTERS
    return None


_URL = re.compile(r"\A(?:https?://|www\.)\S*\Z", re.IGNORECASE)


def url_only(text: str) -> Label:
    """A bare URL on its own line."""
    # A cheap test first: under IGNORECASE only these match "h" and "w" (tests/test_speedups.py).
    if text[:1] in "hHwW" and _URL.match(text):
        return C.BOILERPLATE, R.URL
    return None


#: A rule: ``(text, features, phrase matcher, month names) -> (category, reason) or None``.
Rule = Callable[[str, Features, PhraseMatcher, frozenset[str]], Label]

#: The context-free rules in the order they are tried (the first that fires decides),
#: each under the name that switches it off (:class:`boilerstrip.Stripper`). The
#: lexicon rule is switched off one concept at a time: ``lexicon:<concept>``.
RULES: tuple[tuple[str, Rule], ...] = (
    ("shape:no-letters", lambda text, f, m, months: no_words(f)),
    ("lexicon", lexicon_rule),
    ("shape:comment-count", lambda text, f, m, months: comment_count(f)),
    ("shape:markdown-image", lambda text, f, m, months: markdown_image(text)),
    ("shape:link-line", lambda text, f, m, months: link_line(text)),
    ("shape:share-row", lambda text, f, m, months: share_row(f)),
    ("shape:caps-lead-colon", lambda text, f, m, months: inline_promo_shape(text, f)),
    ("shape:credit", lambda text, f, m, months: credit_shape(text, f)),
    ("shape:credit-tail", lambda text, f, m, months: credit_tail(text, f)),
    ("shape:date", lambda text, f, m, months: date_shape(text, f, months)),
    ("shape:url", lambda text, f, m, months: url_only(text)),
    ("shape:truncated-teaser", lambda text, f, m, months: truncated_teaser(text, f)),
    ("shape:pitch", lambda text, f, m, months: pitch_shape(f, text)),
    ("shape:reader-appeal", lambda text, f, m, months: reader_appeal(f, text)),
    ("shape:cookie-consent", lambda text, f, m, months: consent_shape(f)),
)
_LEXICON_RULE = "lexicon"


def rule_switches() -> tuple[str, ...]:
    """The names that switch off a rule family, in the order the rules are tried."""
    names: list[str] = []
    for name, _ in RULES:
        if name == _LEXICON_RULE:
            names.extend(R.lexicon(concept) for concept in CATEGORY_CONCEPTS)
        else:
            names.append(name)
    return tuple(names)


class RuleChain:
    """The context-free rules with the families in *off* switched off (see :data:`RULES`)."""

    def __init__(self, off: AbstractSet[str] = frozenset()) -> None:
        concepts_off = frozenset(c for c in CATEGORY_CONCEPTS if R.lexicon(c) in off)
        rules: list[Rule] = []
        for name, rule in RULES:
            if name == _LEXICON_RULE and concepts_off:
                rules.append(lambda text, f, m, months: lexicon_rule(text, f, m, months, concepts_off))
            elif name not in off:
                rules.append(rule)
        self._rules = tuple(rules)

    def __call__(self, text: str, f: Features, matcher: PhraseMatcher, months: frozenset[str]) -> Label:
        """The first rule that fires decides."""
        for rule in self._rules:
            hit = rule(text, f, matcher, months)
            if hit is not None:
                return hit
        return None


_ALL_RULES = RuleChain()


def first_rule(text: str, f: Features, matcher: PhraseMatcher, months: frozenset[str]) -> Label:
    """Run the context-free rules in order; the first that fires decides."""
    return _ALL_RULES(text, f, matcher, months)
