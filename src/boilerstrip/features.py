"""One frozen record of measurements per block, computed in a single pass."""

from __future__ import annotations

import re
from typing import Sequence

from .lexicon import SCAN_LIMIT, normalise_folded

# A word: a run of letters, digits or underscore (Unicode aware).
WORD = re.compile(r"\w+")
# The bytes of UTF-8 text with every ASCII character that is not a word character
# (``\w``: letters, digits, "_") turned into a space; the bytes of non-ASCII
# characters (0x80 and above) are kept as they are.
_ASCII_NON_WORD_TO_SPACE = bytes(b if b >= 0x80 or chr(b).isalnum() or b == 0x5F else 0x20 for b in range(256))


def word_tokens(text: str) -> list[str]:
    r"""``WORD.findall(text)``: the runs of word characters, found cheaper.

    Speed: the regex costs a search per token. Here the ASCII characters that are
    not word characters become spaces in one ``bytes.translate`` of the UTF-8 text
    (every byte of a non-ASCII character is 0x80 or above, so those pass
    unchanged), and ``str.split()`` cuts the rest at white space, which is never a
    word character. Each chunk that ``str.isalnum()`` is one token: ``\w`` is exactly
    the characters that are alphanumeric, and "_". Only the chunks that are not
    (a curly quote, a dash, an underscore, a soft hyphen in them) go through the
    regex (tests/test_speedups.py). "surrogatepass" carries lone surrogates through.
    """
    spaced = text.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD_TO_SPACE)
    chunks = spaced.decode("utf-8", "surrogatepass").split()
    if text.isascii() or all(map(str.isalnum, chunks)):
        return chunks  # ASCII text: every chunk is a run of [0-9A-Za-z_]
    tokens: list[str] = []
    for chunk in chunks:
        if chunk.isalnum():
            tokens.append(chunk)
        else:
            tokens.extend(WORD.findall(chunk))
    return tokens


# Sentence-ending characters: Latin, CJK (。！？．), Devanagari and Bengali (। ॥), Arabic
# (؟) and Urdu (۔), Armenian (։), Ethiopic (።), Burmese (။).
_TERMINALS = frozenset(".!?…。！？．।॥؟۔։።။")
# Characters that may follow the sentence end: closing quotes and brackets. German
# closes quotations with “ and ‘ („So.“, ‚So.‘) and with « in »So.«, which English
# and French use as opening marks; after a sentence end they can only be closing.
_CLOSERS = "\"'”’»“‘«)]›‹」』*_ "
# A sentence boundary inside a block: end mark, optional closer, space, capital or quote.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»“‘«)]?\s+[\"'“‘«„‚»(]?[A-ZÀ-ÖØ-ÞА-ЯЁ]")


#: Blocks of at most this many words keep their words (``Features.norm_words``)
#: between uses. Memory: a word is a string object of its own, about 50 bytes plus
#: its characters, so keeping the words of every block costs some ten times the
#: text; the rules that look at single words are for short lines (headings, bylines,
#: share rows: at most 20 words), and a longer block's words are split again on the
#: rare use (the phrase scan, once per block of up to 40 words).
MAX_KEPT_WORDS = 20


class Features:
    """Measurements of one block; all counts are of the block text only.

    Immutable by convention (instances are shared between calls through the
    block cache of :mod:`boilerstrip.pipeline`); a plain slotted class because
    it is built once per block and a frozen dataclass costs several times more.

    ``letters``, ``digits`` and ``sentences`` may be given as None together with
    the block's *text*: they are then counted in it on first use (speed: each is a
    pass over every character, and the rules ask most blocks only whether they have
    a letter (:attr:`has_letters`), short ones whether they have a digit
    (:attr:`has_digits`), and few how many sentences).
    """

    __slots__ = (
        "chars",
        "words",
        "stopwords",
        "terminal",
        "terminal_char",
        "colon",
        "norm",
        "_norm_words",
        "_letters",
        "_digits",
        "_sentences",
        "_text",
    )

    #: The measurements, in the order of the constructor (and of ``repr``).
    FIELDS = (
        "chars",
        "words",
        "stopwords",
        "letters",
        "digits",
        "terminal",
        "terminal_char",
        "colon",
        "sentences",
        "norm",
    )

    def __init__(
        self,
        chars: int,
        words: int,
        stopwords: int,
        letters: int | None,
        digits: int | None,
        terminal: bool,
        terminal_char: str,
        colon: bool,
        sentences: int | None,
        norm: str,
        norm_words: tuple[str, ...] | None = None,
        text: str = "",
    ) -> None:
        self.chars = chars
        self.words = words
        self.stopwords = stopwords
        self._letters = letters
        self._digits = digits
        self.terminal = terminal  # ends like a sentence
        self.terminal_char = terminal_char  # the sentence-ending character, or ""
        self.colon = colon  # ends with a colon: introduces what follows
        self._sentences = sentences  # sentence breaks inside the block, plus one
        self.norm = norm  # normalised text (see lexicon.normalise); head and tail only for huge blocks
        # The words of ``norm`` when the caller has them already, else split on first use.
        self._norm_words = norm_words
        self._text = text  # the block as given, for the counts made on first use

    @property
    def norm_words(self) -> tuple[str, ...]:
        """The words of ``norm``: split once for all the rules that look at them when
        the block is short, split anew on every use when it is long (memory)."""
        words = self._norm_words
        if words is None:
            words = tuple(self.norm.split())
            if len(words) <= MAX_KEPT_WORDS:
                self._norm_words = words
        return words

    @property
    def letters(self) -> int:
        r"""Letters (``[^\W\d_]``) in the block as given."""
        return self._counts()[0]

    @property
    def digits(self) -> int:
        r"""Decimal digits (``\d``) in the block as given."""
        return self._counts()[1]

    def _counts(self) -> tuple[int, int]:
        """Both counts, made together on first use of either."""
        if self._letters is None or self._digits is None:
            self._letters, self._digits = _letters_and_digits(self._text)
        return self._letters, self._digits

    @property
    def has_letters(self) -> bool:
        """``letters > 0``, found by a search that stops at the first letter."""
        if self._letters is not None:
            return self._letters > 0
        return _LETTER.search(self._text) is not None

    @property
    def has_digits(self) -> bool:
        """``digits > 0``, found by a search that stops at the first digit."""
        if self._digits is not None:
            return self._digits > 0
        return _DIGIT.search(self._text) is not None

    @property
    def sentences(self) -> int:
        """Sentence breaks inside what a reader sees of the block, plus one."""
        if self._sentences is None:
            self._sentences = count_sentences(visible_text(self._text))
        return self._sentences

    @property
    def stop_ratio(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"Features({fields})"


def norm_words_of(feats: Sequence[Features]) -> list[tuple[str, ...]]:
    """``[f.norm_words for f in feats]``, faster: the words the records kept (short
    blocks keep theirs) are read without the property's call (speed: the page-type
    detector reads the words of every short line of a page)."""
    return [f._norm_words or f.norm_words for f in feats]


# Everything that is not a letter (for counting letters in one C-level pass).
_NON_LETTER = re.compile(r"[\W\d_]+")
# Everything that is not a decimal digit.
_NON_DIGIT = re.compile(r"\D+")
_DIGIT = re.compile(r"\d")
# One letter: what _NON_LETTER does not remove.
_LETTER = re.compile(r"[^\W\d_]")
# The ASCII letters and digits, as bytes for ``bytes.translate``: among ASCII
# characters these are exactly what the regexes above count (``[^\W\d_]`` and ``\d``).
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_DIGITS = b"0123456789"
_ASCII = bytes(range(128))


def _has_sentence_mark(text: str) -> bool:
    """A cheap test before the sentence-break regex: most short blocks have no mark."""
    return "." in text or "!" in text or "?" in text or "…" in text


def count_sentences(text: str) -> int:
    """Sentence breaks inside *text*, plus one."""
    return 1 + len(_SENTENCE_BREAK.findall(text)) if _has_sentence_mark(text) else 1


def _letters_and_digits(text: str) -> tuple[int, int]:
    r"""The letters (``[^\W\d_]``) and decimal digits (``\d``) of *text*.

    Speed: a regex pass over every character matches once per word gap and
    costs far more than byte-level counting. In UTF-8 every byte of a non-ASCII
    character is 0x80 or above, so the ASCII letters and digits are counted with
    ``bytes.translate`` (a C loop over a 256-entry table) on the encoded text,
    and deleting the ASCII bytes leaves the non-ASCII characters (a curly quote
    here and there in most text), which go through the Unicode-aware regexes.
    "surrogatepass" carries lone surrogates through (\W either way).
    """
    encoded = text.encode("utf-8", "surrogatepass")
    n = len(encoded)
    letters = n - len(encoded.translate(None, _ASCII_LETTERS))
    digits = n - len(encoded.translate(None, _ASCII_DIGITS))
    if n != len(text):
        rest = encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        letters += len(_NON_LETTER.sub("", rest))
        if _DIGIT.search(rest):
            digits += len(_NON_DIGIT.sub("", rest))
    return letters, digits


# What a reader does not see of a Markdown link, ``[text](target "title")``: its
# target, which a hard-wrapped line may break ("...incredibly-\n  useful-gadgets/)"),
# and its title; and bare URLs.
# Linear: the classes under each quantifier are disjoint, and a line break is taken
# once per repetition. A title may run over lines where the wrap cut it ("Share on
# facebook: ...\n... Berlin"); it is read up to MAX_LINK_TITLE_CHARS, which bounds the
# look for its closing quote.
MAX_LINK_TITLE_CHARS = 1000
_LINK_TARGET = re.compile(
    r"\]\([^()\s]*(?:[ \t]*\r?\n[ \t]*[^()\s\"][^()\s]*)*(?:\s+\"[^\"]{0,%d}\")?\)?" % MAX_LINK_TITLE_CHARS
)
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s()\[\]]*")


def visible_text(text: str) -> str:
    """*text* without Markdown link targets and bare URLs (*text* itself when it has none).

    A link line of html2text output ("[Home](https://example.com/)") reads as its
    link text; an URL's path is not words of the page.
    """
    if "](" not in text and "://" not in text and "www." not in text:
        return text
    return _BARE_URL.sub(" ", _LINK_TARGET.sub("] ", text))


def measure(text: str, stopwords: frozenset[str], tokens: list[str] | None = None) -> Features:
    """Measure one block's *text* against the page language's *stopwords*.

    *tokens* may give ``word_tokens(text.casefold())`` when the caller has them
    (the language detector's sample); they are not computed again. Words are
    counted in the :func:`visible_text`.
    """
    source, chars = text, len(text)
    visible = visible_text(text)
    if visible is not text:
        tokens = None
        text = visible
    if tokens is None:
        tokens = word_tokens(text.casefold())
    norm_words: tuple[str, ...] | None = None
    if len(text) > 2 * SCAN_LIMIT:
        folded = text.casefold()
        norm = normalise_folded(folded[:SCAN_LIMIT]) + " " + normalise_folded(folded[-SCAN_LIMIT:])
    elif "_" in text:
        norm = normalise_folded(text.casefold())
    else:
        # Speed: without underscores (word characters that normalise() drops), the
        # normalised text is exactly the word tokens joined by single spaces (link
        # targets went with visible_text), so it needs no second regex pass
        # (tests/test_speedups.py). No character casefolds to "_", so the text is
        # tested as given.
        norm = " ".join(tokens)
        if len(tokens) <= MAX_KEPT_WORDS:
            norm_words = tuple(tokens)
    stop = len([t for t in tokens if t in stopwords]) if stopwords else 0
    stripped = text.rstrip(_CLOSERS)
    last = stripped[-1] if stripped else ""
    terminal_char = last if last in _TERMINALS else ""
    return Features(
        chars,
        len(tokens),
        stop,
        None,  # letters, digits and sentences: counted in the source on first use
        None,
        bool(terminal_char),
        terminal_char,
        last in ":：",
        None,
        norm,
        norm_words,
        source,
    )
