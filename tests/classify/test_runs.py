"""Runs of lines between prose (classify/runs.py): in-article lists against menus."""

from __future__ import annotations

import math

from boilerstrip import categories as C
from boilerstrip.classify import runs
from blocks import EMPTY, content, block, blocks_of


LONG = block(100, 40)  # weighs enough to carry a long list inside the region


def test_list_run_between_prose_max_list_run(phrases):
    phrases(EMPTY)
    n = runs.LIMITS.max_list_run
    item = " ".join(content(math.ceil(runs.LIMITS.min_list_item_words), capitalise=True))
    for run, kept in ((n, True), (n + 1, False)):
        got = blocks_of("\n".join([LONG] + [item] * run + [LONG]))
        assert got[0][1] == got[-1][1] == C.BODY
        middle = {(g[1], g[2][-1]) for g in got[1:-1]}
        if kept:
            assert middle == {(C.BODY, "context:between-prose")}
        else:
            assert middle == {(C.BOILERPLATE, "context:no-prose-around")}


def test_list_run_min_item_words(phrases):
    phrases(EMPTY)
    words = math.ceil(runs.LIMITS.min_list_item_words)
    long_item = " ".join(content(words, capitalise=True))
    short_item = " ".join(content(words - 1, capitalise=True))
    kept = blocks_of("\n".join([LONG, long_item, long_item, LONG]))
    assert [g[1] for g in kept[1:3]] == [C.BODY, C.BODY]
    dropped = blocks_of("\n".join([LONG, short_item, short_item, LONG]))
    assert [g[1] for g in dropped[1:3]] == [C.BOILERPLATE, C.BOILERPLATE]
    # A single line between prose is a section heading, whatever its length.
    single = blocks_of("\n".join([LONG, "Aftermath", LONG]))
    assert single[1][1:] == (C.BODY, ("text:heading-like", "context:between-prose"))
