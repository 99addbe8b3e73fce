"""Gallery slides (classify/galleries.py), told by their counters."""

from __future__ import annotations

from boilerstrip import strip
from blocks import CYCLE


def test_gallery_counters_of_one_total_mark_captions():
    slides = ["1 of 3 The new lane on Harbour Street seen from the bridge on Tuesday morning.",
              "2 of 3 Cyclists wait at the lights by the market square before the opening.",
              "3 of 3 The mayor cuts the ribbon at the school on the hill, watched by parents."]
    page = "\n".join(["Cycle lanes open", CYCLE[0], *slides, CYCLE[1], CYCLE[2]])
    result = strip(page)
    assert not any(s in result.text for s in slides)
    assert {b.reasons[-1] for b in result.blocks if page[b.start : b.end] in slides} == {"context:gallery-counter"}


def test_one_counter_alone_is_a_sentence():
    sentence = "1 of 4 residents of the hill district now cycle to work at least once a week, the survey found."
    result = strip("\n".join(["Cycle lanes open", CYCLE[0], sentence, CYCLE[1], CYCLE[2]]))
    assert sentence in result.text
