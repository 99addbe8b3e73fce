"""The headline (title.py): word limits, score over distance, the window, the <title> line."""

from __future__ import annotations

from boilerstrip import lexicon, strip, title
from boilerstrip import categories as C
from boilerstrip.lexicon import normalise
from blocks import PARA, measure, content, block, lex, headline_like


def test_headline_like_word_limits():
    n = title.LIMITS.max_title_words
    assert headline_like(block(n, 0, end=""))
    assert not headline_like(block(n + 1, 0, end=""))
    assert headline_like("Bridge Reopens")
    assert not headline_like("Bridge")
    assert not headline_like("The bridge reopens.")
    assert headline_like("Will the bridge reopen?")


def headline_of(words: int) -> str:
    text = " ".join(content(words, capitalise=True))
    assert lex(text, lexicon.matcher()) is None  # precondition
    return text


def test_title_max_words_end_to_end():
    n = title.LIMITS.max_title_words
    at, over = headline_of(n), headline_of(n + 1)
    result = strip("\n\n".join([at] + PARA))
    assert result.title == at
    assert result.text == "\n".join(PARA)
    result = strip("\n\n".join([over] + PARA))
    assert result.title is None
    assert result.text == "\n".join(PARA)


# Single words no lexicon knows: not removable, not headline-like (one word).
FILLER_LINES = ["Kellsmouth", "Aldbury", "Penrose", "Tallisford", "Wenlock", "Ambridge", "Borchester",
                "Felpersham", "Loxley", "Hollerton", "Darrington", "Edgeley"]


def _filler_ok():
    for w in FILLER_LINES:
        assert lexicon.matcher().match(normalise(w)) == ()


def test_title_min_score_over_distance():
    # A five-word headline scores +1 (headline length) and loses DISTANCE_PENALTY per
    # block between it and the article; below MIN_TITLE_SCORE it is not taken.
    _filler_ok()
    head = "Village Bridge Closed After Storm"
    far = max(d for d in range(1, title.LIMITS.title_window + 1) if 1 - title.LIMITS.distance_penalty * d >= title.LIMITS.min_title_score)
    assert far < title.LIMITS.title_window  # the score decides here, not the window
    at = strip("\n".join([head] + FILLER_LINES[: far - 1] + PARA))
    assert at.title == head
    beyond = strip("\n".join([head] + FILLER_LINES[:far] + PARA))
    assert beyond.title is None
    assert at.text == beyond.text == "\n".join(PARA)


def test_title_window_end_to_end():
    # A markdown level-1 heading scores high enough that only the window stops it.
    _filler_ok()
    n = title.LIMITS.title_window
    assert n + 1 <= len(FILLER_LINES)
    head = "# Village Bridge Closed After Storm"
    assert 3 + 1 - title.LIMITS.distance_penalty * (n + 1) >= title.LIMITS.min_title_score  # precondition
    near = strip("\n".join([head] + FILLER_LINES[: n - 1] + PARA))
    assert near.title is not None and near.title.endswith("Village Bridge Closed After Storm")
    far = strip("\n".join([head] + FILLER_LINES[:n] + PARA))
    assert far.title is None
    assert far.text == near.text == "\n".join(PARA)


def test_removed_blocks_do_not_count_towards_title_distance():
    head = "Village Bridge Closed After Storm"
    share = ["Share"] * (title.LIMITS.title_window + 2)
    result = strip("\n".join([head] + share + PARA))
    assert result.title == head
    assert [b.category for b in result.blocks[1 : 1 + len(share)]] == [C.SHARE] * len(share)


def test_page_title_site_name_max_site_words():
    head = "Village Bridge Closed After Storm"
    n = title.LIMITS.max_site_words
    for words, is_copy in ((n, True), (n + 1, False)):
        page_title = head + " - " + " ".join(w.capitalize() for w in ["gazette"] + content(words - 1))
        assert measure(page_title).words == 5 + words
        source = "\n".join([page_title, head] + PARA)
        result = strip(source)
        assert result.title == head
        first = result.blocks[0]
        if is_copy:
            assert (first.category, first.reasons[-1]) == (C.TITLE_DUPLICATE, "title:copy")
        else:
            assert first.category != C.TITLE_DUPLICATE
            assert "title:copy" not in first.reasons
