"""Memory per block: what a page of hundreds of thousands of blocks keeps alive.

Allocations are counted with tracemalloc, which is exact and repeatable for a
given interpreter (no timing, no RSS). The bounds sit between the figures of
the fixed code and those before the fix, measured on this machine's CPython 3.11:
segment 130 -> 16 bytes a span, measure 10x -> under 3x the block text, a block
240 -> 72 bytes.
"""

from __future__ import annotations

import tracemalloc

from boilerstrip.features import measure
from boilerstrip.result import Block, new_block
from boilerstrip.segment import segment
from strategies import PLAIN_PARAGRAPHS


def _allocated(make):
    """(object, bytes still allocated after make() returned)."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        obj = make()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return obj, after - before


def test_spans_cost_about_16_bytes_each():
    text = "".join(f"line {i}\n" for i in range(20_000))  # numbers past 256: no shared small ints
    spans, size = _allocated(lambda: segment(text))
    assert len(spans) == 20_000 and spans[300] == (text.index("line 300"), text.index("line 300") + 8)
    assert size / len(spans) < 24, size / len(spans)


def test_spans_read_like_a_list_of_pairs():
    spans = segment("a\n bc \n\ndef")
    # Both ways round: a list on the left hands the comparison over to Spans.__eq__.
    assert spans == [(0, 1), (3, 5), (8, 11)] and [(0, 1), (3, 5), (8, 11)] == spans  # noqa: SIM300
    assert list(spans) == [(0, 1), (3, 5), (8, 11)] and len(spans) == 3
    assert spans[-1] == (8, 11) and spans[1:] == [(3, 5), (8, 11)] and spans[::2] == [(0, 1), (8, 11)]
    assert spans != [(0, 1)] and spans != "a"


def test_features_of_long_blocks_do_not_keep_their_words():
    # 1000 distinct paragraphs of 30-40 words: kept as word tuples, the features cost
    # about ten times the text; the normalised text alone is about its size.
    blocks = [f"{p} {i}" for i in range(250) for p in PLAIN_PARAGRAPHS]
    text_bytes = sum(len(b) for b in blocks)  # ASCII: one byte a character
    feats, size = _allocated(lambda: [measure(b, frozenset({"the", "of"})) for b in blocks])
    assert size < 3 * text_bytes, size / text_bytes
    f = feats[0]
    assert f.norm_words == tuple(f.norm.split()) and f.words == len(f.norm_words)


def test_blocks_have_slots():
    block = new_block(1000, 2000, "body", ("text:prose",), "prose")
    assert not hasattr(block, "__dict__") and not hasattr(Block(1, 2, "body"), "__dict__")
    blocks, size = _allocated(lambda: [new_block(i, i + 1, "body", (), "prose") for i in range(1000, 11_000)])
    assert size / len(blocks) < 150, size / len(blocks)  # the block, its two ints and the list's pointer
