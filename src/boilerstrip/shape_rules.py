"""Shape rules: clutter that no phrase list names still has a shape (credits, spun
"WATCH:" lines, pitches, share rows, ...). Each looks at one block and returns
``(category, reason)`` or None. Every regex here is linear: single character classes
under each quantifier, no nested quantifiers over overlapping classes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import categories as C
from . import reasons as R
from .features import WORD, Features, visible_text
from .lexicon import Lexicon, default_lexicon
from .rule_limits import LIMITS, Label


def _lists(lex: Optional[Lexicon]) -> Lexicon:
    """The lexicon a rule reads its word lists from: *lex*, else the package's own."""
    return default_lexicon() if lex is None else lex

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




def _credit_tail(credit_words: Optional[tuple[str, ...]] = None) -> re.Pattern[str]:
    """``<credit word>: Name`` closing a block, e.g. "... at dawn. Photo: J. Doe/AP"
    (the credit words of the package's lexicon when *credit_words* is None)."""
    return _credit_tail_of(default_lexicon().credit_words if credit_words is None else credit_words)


@lru_cache(maxsize=8)
def _credit_tail_of(credit_words: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(credit_words, key=len, reverse=True))
    # Speed: the lookahead for the words' first letters (implied by the alternation,
    # and case-folded the same way) spares trying every word after every space.
    initials = "".join(sorted({re.escape(w[0]) for w in credit_words}))
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


@lru_cache(maxsize=8)
def _longest_credit_word(credit_words: tuple[str, ...]) -> int:
    return max(map(len, credit_words))


def _credit_search_start(tail: str, credit_words: Optional[tuple[str, ...]] = None) -> int:
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
    words = default_lexicon().credit_words if credit_words is None else credit_words
    return max(0, sep - _longest_credit_word(words) - 2)


def credit_tail(text: str, f: Features, lex: Optional[Lexicon] = None) -> Label:
    """A caption that ends with its photo credit, or a credit alone."""
    if f.words > LIMITS.max_phrase_words:
        return None
    tail = text[-LIMITS.credit_tail_chars:].rstrip(")]")
    if not _may_end_with_credit(tail):
        return None
    words = _lists(lex).credit_words
    start = _credit_search_start(tail, words)
    if start >= 0 and _credit_tail_of(words).search(tail, start):
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


def pitch_shape(f: Features, text: str = "", lex: Optional[Lexicon] = None) -> Label:
    """A short block that addresses the reader with several pitch words.

    "Broaden your horizons ... Try it free for 1 month with unlimited access",
    "Register for our bulletin to get the latest news in your inbox": the
    wording varies, the vocabulary does not.
    """
    if f.words > LIMITS.max_pitch_words or f.words < LIMITS.min_pitch_words:
        return None
    lists = _lists(lex)
    pitch_words, strong_words = lists.word_set("pitch"), lists.common_words("pitch_strong")
    if pitch_words.isdisjoint(f.norm_words) and strong_words.isdisjoint(f.norm_words):
        return None  # no pitch word at all: score 0 (a fast exit for most blocks)
    tokens = set(f.norm_words)
    strong = tokens & strong_words
    cues = (tokens & pitch_words) | strong
    score = len(cues) + len(strong)  # a strong pitch word counts twice
    if score < LIMITS.pitch_cues_with_you or score < LIMITS.min_pitch_density * f.words:
        return None
    you = bool(tokens & lists.word_set("you")) or _formal_you(text)
    if score >= LIMITS.pitch_cues_alone or you:
        if cues & lists.common_words("app_cues"):
            return C.APP_PROMO, R.PITCH
        return C.NEWSLETTER, R.PITCH
    return None


def comment_count(f: Features, lex: Optional[Lexicon] = None) -> Label:
    """The heading of a comment thread: a count, a noun and a preposition, then the
    post's title ("14 thoughts on “Fixing Sash Windows”", "11 Antworten zu ...",
    "One thought on ..."); the openers are in ``comment_count.txt``."""
    words = f.norm_words
    if len(words) < LIMITS.min_comment_count_words or f.words > LIMITS.max_comment_count_words or (f.terminal and f.terminal_char == "."):
        return None  # a sentence ("14 thoughts on the plan kept us busy.") is not a heading
    phrases = _lists(lex).comment_count_phrases
    if (words[0].isdecimal() and words[1:3] in phrases) or words[:3] in phrases:
        return C.COMMENTS, R.COMMENT_COUNT
    return None




def consent_shape(f: Features, lex: Optional[Lexicon] = None) -> Label:
    """A block that names cookies and speaks the words of a consent banner.

    Consent banners explain at length what cookies and similar trackers are used for
    and ask the reader to accept them; phrase hits decide only short blocks, and these
    run long. A recipe's "cookie sheet" has none of the banner's other words.
    """
    if f.words > LIMITS.max_consent_words or "cookie" not in f.norm:
        return None
    if not any(w.startswith("cookie") for w in f.norm_words):
        return None
    if len(_lists(lex).word_set("consent").intersection(f.norm_words)) >= LIMITS.consent_cues:
        return C.COOKIE, R.COOKIE_CONSENT
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


def share_row(f: Features, lex: Optional[Lexicon] = None) -> Label:
    """A line of share buttons: "Share Facebook Twitter Email", "Teilen: X WhatsApp"."""
    if f.words > LIMITS.max_share_row_words:
        return None
    tokens = f.norm_words
    share_buttons = _lists(lex).word_set("share_buttons")
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


