"""The Label record: one meaning per field, slotted."""

from __future__ import annotations

import pytest

from boilerstrip import categories as C
from boilerstrip.classify.label import HEADING, PROSE, Label


def test_a_text_class_and_a_clutter_category_are_kept_apart() -> None:
    prose = Label(PROSE, "text:prose", 6.0)
    assert (prose.text_class, prose.clutter, prose.first, prose.weight) == (PROSE, "", PROSE, 6.0)
    share = Label(C.SHARE, "lexicon:share")
    assert (share.text_class, share.clutter, share.first) == ("", C.SHARE, C.SHARE)


def test_relabel_moves_a_block_between_text_and_clutter() -> None:
    d = Label(HEADING, "text:heading-like", -0.5)
    d.relabel(C.CAPTION, "context:above-credit", -1.0)
    assert (d.text_class, d.clutter, d.reason, d.weight) == ("", C.CAPTION, "context:above-credit", -1.0)
    d.relabel(PROSE, "text:prose", 2.0)
    assert (d.text_class, d.clutter) == (PROSE, "")


def test_undecided_until_decided() -> None:
    d = Label(PROSE, "text:prose")
    assert d.category is None and d.decided_by == ()
    d.decide(C.BODY, "region:inside")
    assert (d.category, d.decided_by) == (C.BODY, ("text:prose", "region:inside"))
    d.add_reason("keep:body")
    assert d.decided_by[-1] == "keep:body"


def test_a_label_is_slotted() -> None:
    d = Label(PROSE, "text:prose")
    assert not hasattr(d, "__dict__")
    with pytest.raises(AttributeError):
        d.colour = "red"  # type: ignore[attr-defined]
