"""The speed-ups change no result: the block cache and the indexed phrase matcher."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from boilerstrip import Options, pipeline, strip
from boilerstrip.lexicon import SCAN_WORDS, Match, PhraseMatcher

from strategies import PLAIN_PARAGRAPHS

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


def test_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CACHE_MAX_ENTRIES", 5)
    pipeline.clear_cache()
    strip("\n".join(f"Menu item number {i}" for i in range(40)))
    assert 0 < len(pipeline._cache) <= 5 and len(pipeline._old_cache) <= 5
    pipeline.clear_cache()


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


def test_swapping_the_phrase_matcher_empties_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    page = "Quarterly garden notes\n" + PAGE
    before = _decisions(page)  # cached with the real lexicons
    assert before[0][2] != "share"
    custom = PhraseMatcher([("share", "exact", "quarterly garden notes")])
    monkeypatch.setattr(pipeline, "matcher", lambda: custom)
    after = _decisions(page)
    assert after[0][2] == "share" and after[0][3] == ("lexicon:share",)
