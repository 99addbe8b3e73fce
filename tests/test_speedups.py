"""The speed-ups change no result: the block cache, the indexed phrase matcher, the
fast paths of measure() and the cheap tests before rule regexes."""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from boilerstrip.classify.page import Lexicons
from boilerstrip import Options, features, language, lexicon, pipeline, rules, shape_rules, strip
from boilerstrip.classify.first_labels import FirstLabeller
from boilerstrip.rules import RuleChain
from boilerstrip import categories as C
from boilerstrip.features import WORD
from boilerstrip.result import Block, new_block
from boilerstrip.lexicon import SCAN_LIMIT, SCAN_WORDS, Match, PhraseMatcher, credit_words, languages, months, stopwords
from boilerstrip.segment import segment

from strategies import PLAIN_PARAGRAPHS, hostile_text

# --- The block cache ------------------------------------------------------------------


def _decisions(text: str, options: Options | None = None) -> list[tuple[int, int, str, tuple[str, ...]]]:
    return [(b.start, b.end, b.category, b.reasons) for b in strip(text, options=options).blocks]


PAGE = "\n".join(
    [
        "Home",
        "Share",
        "Tweet",
        "The council voted on Tuesday to close the old bridge to heavy traffic from next month.",
        "Engineers found cracks in two of the supporting piers during a routine inspection.",
        "Advertisement",
        "Related Articles",
        "Five things to do this weekend",
    ]
)


def test_a_warm_cache_gives_the_same_result_as_a_cold_one() -> None:
    pipeline.clear_cache()
    cold = _decisions(PAGE)
    warm = _decisions(PAGE)
    assert warm == cold
    assert cold[1][2] == "share" and cold[3][2] == "body"  # checked by hand: the page is read


def test_the_cache_keeps_languages_apart() -> None:
    # One line, two page languages: stop words differ, so the features must too.
    line = "Die Regierung hat am Montag die neuen Regeln für die Stadt vorgestellt."
    pipeline.clear_cache()
    english_first = (_decisions(line, Options(language="en")), _decisions(line, Options(language="de")))
    pipeline.clear_cache()
    german_first = (_decisions(line, Options(language="de")), _decisions(line, Options(language="en")))
    assert english_first == german_first[::-1]


@given(st.lists(st.sampled_from(PLAIN_PARAGRAPHS + ["Share", "Home", "Read more", "Tweet"]), max_size=12))
def test_cache_never_changes_a_result(lines: list[str]) -> None:
    text = "\n".join(lines)
    warm = _decisions(text)
    pipeline.clear_cache()
    assert _decisions(text) == warm


def test_the_cache_is_bounded() -> None:
    labeller = FirstLabeller(RuleChain(), max_entries=5)
    labeller.use_matchers(lexicon.matcher(), lexicon.cut_matcher())
    for i in range(40):
        labeller.first_pass(f"Menu item number {i}", "en", STOP, months())
    young, old = labeller.sizes()
    assert 0 < young <= 5 and old == 5


# --- The indexed phrase matcher against a brute-force reference -------------------------

WORDS = ["a", "b", "c", "ab", "share", "read", "more"]
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
kinds = st.sampled_from(["exact", "prefix", "suffix", "contains"])
concepts = st.sampled_from(["share", "related", "footer"])


def _reference(entries: list[tuple[str, str, str]], norm: str) -> tuple[Match, ...]:
    """The matcher's documented semantics, the slow and obvious way."""
    table: dict[tuple[str, str], str] = {}
    for concept, kind, phrase in entries:
        table.setdefault((kind, phrase), concept)
    words = norm.split(" ") if norm else []
    hits = []
    if ("exact", norm) in table:
        hits.append(Match(table["exact", norm], "exact", norm))
    for kind in ("prefix", "suffix"):
        for n in range(len(words), 0, -1):  # the longest phrase wins
            key = " ".join(words[:n] if kind == "prefix" else words[-n:])
            if (kind, key) in table:
                hits.append(Match(table[kind, key], kind, key))
                break
    scanned = words[:SCAN_WORDS]
    found = None
    for i in range(len(scanned)):  # the first position wins, then the longest phrase
        here = [
            p for (kind, p) in table
            if kind == "contains" and scanned[i : i + p.count(" ") + 1] == p.split(" ")
        ]
        if here:
            found = max(here, key=len)
            break
    if found is not None:
        hits.append(Match(table["contains", found], "contains", found))
    return tuple(hits)


@settings(max_examples=400)
@given(st.lists(st.tuples(concepts, kinds, phrases), max_size=12), st.lists(st.sampled_from(WORDS), max_size=8))
@example([("share", "suffix", "read more")], ["a", "read", "more"])
@example([("share", "prefix", "read more"), ("footer", "prefix", "read")], ["read", "more", "a"])
@example([("share", "contains", "b"), ("footer", "contains", "share b")], ["a", "share", "b", "c"])
@example([("share", "exact", "ab"), ("footer", "suffix", "ab")], ["ab"])
def test_matcher_agrees_with_the_reference(entries: list[tuple[str, str, str]], words: list[str]) -> None:
    norm = " ".join(words)
    matcher = PhraseMatcher(entries)
    assert matcher.match(norm) == _reference(entries, norm)
    assert matcher.match(norm) == _reference(entries, norm)  # memoised: the same again
    assert matcher.match(norm, tuple(norm.split())) == _reference(entries, norm)  # words given
    assert matcher.matches(norm) == matcher.matches(norm, tuple(norm.split())) == bool(_reference(entries, norm))


@pytest.mark.parametrize("norm", [" share b", "share b ", "share  b", " ", "  ", "a  share b c"])
def test_given_words_that_are_not_the_space_split_are_not_used(norm: str) -> None:
    # A huge block's norm is head + " " + tail, either of which may be empty:
    # its split() words are not its split(" ") words, which the matcher reads.
    entries = [("share", "prefix", "share b"), ("footer", "suffix", "b"), ("related", "contains", "share b")]
    matcher = PhraseMatcher(entries)
    assert matcher.match(norm, tuple(norm.split())) == _reference(entries, norm) == matcher.match(norm)
    assert matcher.matches(norm, tuple(norm.split())) == bool(_reference(entries, norm))


# --- Features: the fast paths of measure() against the plain regex passes -------------

_NON_WORD = re.compile(r"[\W_]+")
_LINK_TARGET = re.compile(r"\]\([^()\[\]\s]*\)?")
_NON_LETTER = re.compile(r"[\W\d_]+")
_NON_DIGIT = re.compile(r"\D+")


def _reference_norm(folded: str) -> str:
    return _NON_WORD.sub(" ", _LINK_TARGET.sub(" ", folded)).strip()


def _reference_measure(text: str) -> tuple[object, ...]:
    """Words, letters, digits and the normalised text, each by its own regex pass.

    Letters and digits are counted in the block as given; words and the normalised
    text in what a reader sees of it (features.visible_text: no link targets or URLs).
    """
    letters, digits = len(_NON_LETTER.sub("", text)), len(_NON_DIGIT.sub("", text))
    text = features.visible_text(text)
    folded = text.casefold()
    if len(text) <= 2 * SCAN_LIMIT:
        norm = _reference_norm(folded)
    else:
        norm = _reference_norm(folded[:SCAN_LIMIT]) + " " + _reference_norm(folded[-SCAN_LIMIT:])
    tokens = WORD.findall(folded)
    stop = len([t for t in tokens if t in STOP])
    return (len(tokens), stop, letters, digits, norm, tuple(norm.split()))


#: Characters where the fast paths could go wrong: underscores, link targets,
#: non-ASCII letters, digits and number signs, case folds that change length.
TRICKY = st.sampled_from(
    ["_", "](", "](x.example/a_b)", "[Share]", "://", "https://x.example/p_q", "www.", ' "t"', " ", "  ", "\t", "é", "ß", "ﬁ", "İ", "ı", "K", "ſ", "\u0345", "’", "“", "—",
     "\u00a0", "٣", "０", "²", "½", "x", "X", "7", "the", "Photo", ".", ":", "\ud800", "中文", "Ж", "\n",
     "\ud835\udc00", "\ud835", "\udc00", "\U0001d400", "\U0001d7ce", "\U0001f600"]  # lone surrogates, astral letter, digit, emoji
)
TEXTS = st.lists(st.one_of(TRICKY, st.text(max_size=12)), max_size=30).map("".join)
STOP = frozenset({"the", "of", "é", "ж"})


@settings(max_examples=300)
@given(TEXTS, st.integers(min_value=0, max_value=3))
@example("a_b [Share](x.example/s) 12", 0)
@example("Straße ﬁx İstanbul ½ ² ٣", 0)
@example("!!! " * 250 + "tail", 0)
def test_measure_agrees_with_plain_regex_passes(text: str, repeat: int) -> None:
    text = text * (1 + repeat * 40)  # some past 2 * SCAN_LIMIT characters: head and tail only
    f = features.measure(text, STOP)
    assert (f.words, f.stopwords, f.letters, f.digits, f.norm, f.norm_words) == _reference_measure(text)
    given_tokens = features.measure(text, STOP, WORD.findall(text.casefold()))  # as the pipeline passes them
    assert repr(given_tokens) == repr(f) and given_tokens.norm_words == f.norm_words
    # Counted on first use: the letter test without the count, and the sentences.
    fresh = features.measure(text, STOP)
    assert fresh.has_letters == (f.letters > 0) and fresh.has_digits == (f.digits > 0)
    visible = features.visible_text(text)
    marks = 1 + len(features._SENTENCE_BREAK.findall(visible))
    assert fresh.sentences == marks


def test_no_character_casefolds_to_what_the_fast_path_tests_for() -> None:
    # measure() looks for "_" (and visible_text for "](") in the text as given, not in its casefolded form.
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c not in "_](" and not {"_", "]", "("}.isdisjoint(c.casefold())]


# --- Prechecks before the rule regexes: true whenever the regex matches ------------------

@functools.lru_cache(maxsize=None)
def _credit_tail_without_lookahead() -> re.Pattern[str]:
    return re.compile(shape_rules._credit_tail().pattern.replace("(?=[" + _initials() + "])", ""), re.IGNORECASE)


def _initials() -> str:
    return "".join(sorted({re.escape(w[0]) for w in credit_words()}))


def test_the_initials_lookahead_folds_case_like_the_credit_words() -> None:
    # Under IGNORECASE a character class must accept exactly the characters that the
    # words' first letters accept as literals (İ and ı for "i", for instance).
    assert "(?=[" + _initials() + "])" in shape_rules._credit_tail().pattern
    initials = re.compile("[" + _initials() + "]", re.IGNORECASE)
    literals = [re.compile(re.escape(c), re.IGNORECASE) for c in {w[0] for w in credit_words()}]
    for code in range(0x10000):
        c = chr(code)
        assert bool(initials.fullmatch(c)) == any(p.fullmatch(c) for p in literals), hex(code)


CREDITISH = st.lists(
    st.one_of(
        st.sampled_from(["Photo", "PHOTO", "Foto", "Fot", "fotografía", "PİCTURE", "pıcture", "Image", "Bild", "Фото",
                         "credit", "ſource", ":", ".", " ", "(", ")", "]", "—", "|", "!", "?", "Jane Doe", "AP", "Reuters",
                         "©", "(c)", "(C)", "copyright", "COPYRIGHT", "CopyRİght", "coPYrıght", "2024"]),
        st.text(max_size=6),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=500)
@given(CREDITISH)
@example("At dawn. Photo: Jane Doe/AP")
@example("PİCTURE: Jane Doe")
@example("Fot. Jan Kowalski")
@example("Copyrıght Reuters")
@example("Seen at dawn! Fotografía: Jane Doe: AP")
@example("The longest word " * 6 + "—fotografía . Jane Doe")
def test_credit_prechecks_never_skip_a_match(text: str) -> None:
    tail = text[-rules.LIMITS.credit_tail_chars :].rstrip(")]")
    assert bool(shape_rules._credit_tail().search(tail)) == bool(_credit_tail_without_lookahead().search(tail))
    if shape_rules._credit_tail().search(tail):
        assert shape_rules._may_end_with_credit(tail)
        start = shape_rules._credit_search_start(tail)
        assert 0 <= start <= shape_rules._credit_tail().search(tail).start()
        assert shape_rules._credit_tail().search(tail, start)
    if shape_rules._COPYRIGHT_SIGN.search(text):
        assert shape_rules._may_have_copyright_sign(text)


_OLD_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b\d{1,2}:\d\d\b")
DATEISH = st.lists(st.sampled_from(["1", "12", "2024", ".", "/", "-", ":", " ", "a", "_", "٣", "pm", "[", "]", "(", ")", "…", "..."]), max_size=16).map("".join)


@settings(max_examples=500)
@given(DATEISH)
@example("at 16:02")
@example("a16:02")
@example("13.02.2025")
@example("the first results [...]")
def test_date_and_teaser_shortcuts_agree_with_the_single_regex(text: str) -> None:
    f = features.measure(text, STOP)
    no_month = frozenset({"nomonth"})
    assert rules._has_date(text, f, no_month) == (f.digits > 0 and bool(_OLD_NUMERIC_DATE.search(text)))
    assert (rules.truncated_teaser(text, f) is not None) == bool(shape_rules._TRUNCATED.search(text[-12:]))


def _reference_lexicon_rule(text: str, f: features.Features, matcher: PhraseMatcher) -> object:
    """lexicon_rule without its shortcut for long blocks."""
    for hit in matcher.match(f.norm):
        if hit.kind == "exact":
            return hit.concept, f"lexicon:{hit.concept}"
        limit = rules._MAX_WORDS.get(hit.concept, rules.LIMITS.max_phrase_words)
        if hit.concept == C.BYLINE and rules._has_date(text, f, MONTHS):
            limit = rules.LIMITS.max_dated_byline_words
        if f.words <= limit and not rules._is_prose_sentence(f, hit):
            return hit.concept, f"lexicon:{hit.concept}:{hit.kind}"
    return None


MONTHS = months()
RULE_ENTRIES = [
    ("byline", "prefix", "by"), ("share", "suffix", "share"), ("related", "contains", "see also"),
    ("footer", "exact", " ".join(["word"] * 45)), ("inline_promo", "prefix", "read more"),
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["by", "share", "see", "also", "word", "read", "more", "12", "may", "2024", "."]), max_size=60))
@example(["word"] * 45)
@example(["by"] + ["word"] * 45)
def test_lexicon_rule_agrees_on_long_and_short_blocks(words: list[str]) -> None:
    text = " ".join(words)
    matcher = PhraseMatcher(RULE_ENTRIES)
    f = features.measure(text, STOP)
    assert rules.lexicon_rule(text, f, matcher, MONTHS) == _reference_lexicon_rule(text, f, matcher)


def test_swapping_the_phrase_matcher_empties_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    page = "Quarterly garden notes\n" + PAGE
    before = _decisions(page)  # cached with the real lexicons
    assert before[0][2] != "share"
    custom = PhraseMatcher([("share", "exact", "quarterly garden notes")])
    monkeypatch.setattr(Lexicons, "matcher", lambda self: custom)
    after = _decisions(page)
    assert after[0][2] == "share" and after[0][3] == ("lexicon:share",)


# --- Segmentation: one regex match per block against the line-by-line reference --------

_LINE = re.compile(r"[^\r\n]+")


def _reference_segment(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


@settings(max_examples=400)
@given(hostile_text())
@example(" \u2028a\x0c b \u00a0\r\n\r\x85\n\t c\u3000")
@example("a" + " " * 50 + "b" + " " * 50)
def test_segment_agrees_with_line_by_line_trimming(text: str) -> None:
    assert segment(text) == _reference_segment(text)


# --- Language detection: the shared token sample against the plain count --------------------


def _reference_detect(blocks: list[str]) -> str | None:
    tokens: list[str] = []
    for text in blocks:
        tokens.extend(WORD.findall(text[:2000].casefold()))
        if len(tokens) >= language.SAMPLE_TOKENS:
            break
    if not tokens:
        return None
    counts = Counter(tokens)
    best, best_hits = None, 0
    for lang in languages():
        hits = sum(counts[w] for w in stopwords(lang) if w in counts)
        if hits > best_hits:
            best, best_hits = lang, hits
    if best is None or best_hits < language.MIN_SHARE * len(tokens):
        return None
    return best


#: Stop words of several languages (some shared: "de", "la", "in"), and other words.
MIXED_WORDS = st.sampled_from(["the", "and", "der", "und", "le", "de", "la", "in", "het", "и", "в", "że", "city", "Zeit", "中文", "42"])


@settings(max_examples=300)
@given(st.lists(st.lists(MIXED_WORDS, max_size=40).map(" ".join), max_size=12))
@example(["the " * 1500, "der " * 1600, "und " * 10])  # the sample stops inside the second block
@example(["x" * 2100 + " der"])  # a block read only up to SAMPLE_CHARS
def test_detect_agrees_with_the_plain_count(blocks: list[str]) -> None:
    assert language.detect(blocks) == _reference_detect(blocks)


@settings(max_examples=60)
@given(st.lists(st.sampled_from(PLAIN_PARAGRAPHS + ["Share", "Home", "x" * 2100 + " the end.", "a_b [Read](x.example/r)"]), max_size=12))
def test_handing_on_the_sample_tokens_changes_no_result(lines: list[str]) -> None:
    text = "\n".join(lines)
    pipeline.clear_cache()
    handed_on = strip(text)
    pipeline.clear_cache()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "SAMPLE_CHARS", -1)  # no block's tokens are handed on
        measured = strip(text)
    pipeline.clear_cache()
    assert handed_on == measured


# --- Result blocks built in one step ------------------------------------------------------

@pytest.mark.parametrize("reasons", [(), ("text:prose",), ("lexicon:share", "keep:share")])
def test_new_block_is_the_block_the_constructor_makes(reasons: tuple[str, ...]) -> None:
    made = Block(3, 17, "share", reasons, "heading")
    fast = new_block(3, 17, "share", reasons, "heading")
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert [getattr(fast, name) for name in Block.__slots__] == [getattr(made, name) for name in Block.__slots__]
    assert fast.kept == made.kept and fast.to_dict() == made.to_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 0  # type: ignore[misc]


def test_only_h_and_w_open_what_url_only_matches() -> None:
    # rules.url_only tests the first character before its IGNORECASE regex.
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch("[hw]", c, re.IGNORECASE)] == list("HWhw")
    assert rules.url_only("HtTpS://x.example/a") and rules.url_only("wWw.x.example") and not rules.url_only("")


# --- Word tokens without a regex search per token ------------------------------------------

def test_word_characters_are_the_alphanumeric_ones_and_underscore() -> None:
    # features.word_tokens relies on both: a chunk that isalnum() is one \w run, and
    # the white space split() cuts at is never a word character.
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        is_word = WORD.fullmatch(c) is not None
        assert is_word == (c.isalnum() or c == "_"), hex(code)
        assert not (is_word and c.isspace()), hex(code)


@settings(max_examples=500)
@given(TEXTS)
@example("don’t „Straße“ – a_b ½ ٣\xadx \ud800y ﬁ")
@example("")
def test_word_tokens_are_the_regex_tokens(text: str) -> None:
    assert features.word_tokens(text) == WORD.findall(text)
    assert features.word_tokens(text.casefold()) == WORD.findall(text.casefold())
