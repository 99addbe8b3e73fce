"""The result types, errors and the public API surface."""

from __future__ import annotations

import json

import pytest

import boilerstrip
from boilerstrip import Block, BoilerstripError, InputError, Options, OptionsError, Result, strip
from boilerstrip import categories as C

PAGE = (
    "Home\n\nVillage Bridge Closed After Storm\n\nShare\n\n"
    "The council of the village said on the first day of the week that the old wooden bridge over "
    "the river would be closed to the families who live on the northern side of the valley.\n\n"
    "Engineers who looked at the bridge in the winter found that the heavy rain of the last season "
    "had carried part of the southern bank into the water, and that the road was no longer safe.\n"
)


def test_block_round_trip():
    b = Block(3, 9, C.SHARE, ("lexicon:share",), "share")
    d = b.to_dict()
    assert d == {"start": 3, "end": 9, "category": "share", "reasons": ["lexicon:share"], "first_label": "share"}
    assert Block.from_dict(json.loads(json.dumps(d))) == b


def test_block_kept_only_for_body():
    assert Block(0, 1, C.BODY).kept
    for category in C.ALL:
        if category != C.BODY:
            assert not Block(0, 1, category).kept, category


def test_result_round_trip_by_hand():
    blocks = (
        Block(0, 4, C.NAVIGATION, ("text:heading-like", "region:before-article"), "heading"),
        Block(6, 12, C.TITLE, ("text:heading-like", "title:chosen"), "heading"),
        Block(14, 20, C.BODY, ("text:prose", "region:inside"), "prose"),
    )
    r = Result(title="Bridge", title_span=(6, 12), text="x" * 6, blocks=blocks, language="en", separator="\n\n")
    d = r.to_dict()
    assert d["title_span"] == [6, 12]
    assert d["separator"] == "\n\n" and d["language"] == "en"
    assert [b["category"] for b in d["blocks"]] == ["navigation", "title", "body"]
    again = Result.from_dict(json.loads(json.dumps(d)))
    assert again == r
    assert isinstance(again.title_span, tuple) and isinstance(again.blocks, tuple)
    assert again.blocks[0].reasons == ("text:heading-like", "region:before-article")


def test_result_round_trip_without_title():
    r = Result(title=None, title_span=None, text="", blocks=(), language=None)
    assert r.to_dict()["title_span"] is None
    assert Result.from_dict(json.loads(json.dumps(r.to_dict()))) == r


def test_round_trip_of_a_real_result():
    r = strip(PAGE)
    assert Result.from_dict(json.loads(json.dumps(r.to_dict()))) == r


def test_spans_and_removed_come_from_the_blocks():
    r = strip(PAGE)
    assert r.spans == [(b.start, b.end) for b in r.blocks if b.category == C.BODY]
    assert r.removed == [b for b in r.blocks if b.category not in (C.BODY, C.TITLE)]
    assert len(r.spans) + len(r.removed) + (r.title is not None) == len(r.blocks)


def test_summary_dict():
    r = strip(PAGE)
    s = r.summary_dict()
    assert list(s) == ["title", "title_span", "text", "spans", "removed", "page_type", "page_type_evidence"]
    assert s["title"] == "Village Bridge Closed After Storm"
    assert PAGE[slice(*s["title_span"])] == s["title"]
    assert s["text"] == r.text
    assert s["spans"] == [[a, b] for a, b in r.spans]
    assert [PAGE[a:b] for a, b in s["spans"]] == r.text.split("\n")
    for item, block in zip(s["removed"], r.removed):
        assert item == {
            "start": block.start,
            "end": block.end,
            "category": block.category,
            "reason": ",".join(block.reasons),
        }
    assert {PAGE[i["start"] : i["end"]] for i in s["removed"]} == {"Home", "Share"}
    json.dumps(s)  # JSON-ready


@pytest.mark.parametrize("data", [b"bytes", bytearray(b"bytes"), memoryview(b"bytes")])
def test_bytes_raise_type_error_saying_decode(data):
    with pytest.raises(TypeError, match="decode"):
        strip(data)


@pytest.mark.parametrize("value", [None, 3, ["a"], object()])
def test_non_str_raises_type_error(value):
    with pytest.raises(TypeError):
        strip(value)


def test_str_subclass_is_accepted():
    class Page(str):
        pass

    assert strip(Page(PAGE)).text == strip(PAGE).text


@pytest.mark.parametrize("empty", ["", " ", "\n\n\r\n", "\t \u00a0\u3000\n"])
def test_empty_input_gives_an_empty_result(empty):
    r = strip(empty)
    assert isinstance(r, Result)
    assert r.text == ""
    assert r.blocks == ()
    assert r.title is None and r.title_span is None
    assert r.spans == [] and r.removed == []


def test_options_language_must_be_known():
    with pytest.raises(OptionsError) as info:
        Options(language="zz")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, BoilerstripError)
    assert "zz" in str(info.value)


def test_options_separator_must_be_str():
    with pytest.raises(OptionsError):
        Options(separator=None)


def test_options_are_frozen_and_defaults_are_documented():
    o = Options()
    assert (o.language, o.separator) == (None, "\n")
    with pytest.raises(AttributeError):
        o.language = "en"  # type: ignore[misc]
    assert Options(language="en").language == "en"


def test_options_are_keyword_only_on_strip():
    with pytest.raises(TypeError):
        strip(PAGE, Options())  # type: ignore[misc]
    assert strip(PAGE, options=Options(separator=" | ")).text == " | ".join(strip(PAGE).text.split("\n"))


def test_error_hierarchy():
    assert issubclass(OptionsError, BoilerstripError) and issubclass(OptionsError, ValueError)
    assert issubclass(InputError, BoilerstripError) and issubclass(InputError, ValueError)


def test_public_names():
    assert set(boilerstrip.__all__) >= {"strip", "Options", "Result", "Block", "OptionsError", "BoilerstripError"}
    for name in boilerstrip.__all__:
        assert hasattr(boilerstrip, name), name


def test_categories():
    assert len(set(C.ALL)) == len(C.ALL)
    assert C.ALL[:2] == (C.BODY, C.TITLE)
    assert C.REMOVED == frozenset(C.ALL) - {C.BODY, C.TITLE}
    assert set(C.DESCRIPTIONS) == set(C.ALL)


# --- Result.from_dict checks what it reads ---------------------------------------------------


def _valid_dict():
    """A hand-made result: "Bridge" (6 chars) at 6..12 is the title; one body block of 6 chars."""
    return {
        "version": 1,
        "title": "Bridge",
        "title_span": [6, 12],
        "text": "xxxxxx",
        "language": "en",
        "separator": "\n",
        "blocks": [
            {"start": 0, "end": 4, "category": "navigation", "reasons": ["text:heading-like"], "first_label": "heading"},
            {"start": 6, "end": 12, "category": "title", "reasons": ["title:chosen"], "first_label": "heading"},
            {"start": 14, "end": 20, "category": "body", "reasons": ["text:prose"], "first_label": "prose"},
        ],
    }


def test_from_dict_reads_the_hand_made_dict():
    r = Result.from_dict(_valid_dict())
    assert r.title_span == (6, 12) and r.spans == [(14, 20)] and len(r.blocks) == 3


def _broken(change):
    d = _valid_dict()
    change(d)
    return d


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d.update(version=99), "version"),
        (lambda d: d.update(version=True), "version"),
        (lambda d: d.update(version="1"), "version"),
        (lambda d: d.pop("version"), "version"),
        (lambda d: d.pop("text"), "text"),
        (lambda d: d.pop("blocks"), "blocks"),
        (lambda d: d.pop("separator"), "separator"),
        (lambda d: d.update(text=None), "text"),
        (lambda d: d.update(title=7), "title"),
        (lambda d: d.update(language=["en"]), "language"),
        (lambda d: d.update(title_span=[6]), "title_span"),
        (lambda d: d.update(title_span=[6, "12"]), "title_span[1]"),
        (lambda d: d.update(title_span=[6.0, 12]), "title_span[0]"),
        (lambda d: d.update(title_span=[6, 13]), "title_span"),  # 7 characters for a 6-character title
        (lambda d: d.update(title_span=None), "title_span"),  # a title without a span
        (lambda d: d.update(blocks="none"), "blocks"),
        (lambda d: d["blocks"].append(3), "blocks[3]"),
        (lambda d: d["blocks"][1].pop("end"), "blocks[1].end"),
        (lambda d: d["blocks"][1].update(start="6"), "blocks[1].start"),
        (lambda d: d["blocks"][1].update(start=False), "blocks[1].start"),
        (lambda d: d["blocks"][0].update(start=-1), "blocks[0].start"),
        (lambda d: d["blocks"][2].update(start=21), "blocks[2]"),  # ends before it starts
        (lambda d: d["blocks"][2].update(category=None), "blocks[2].category"),
        (lambda d: d["blocks"][2].update(reasons="text:prose"), "blocks[2].reasons"),
        (lambda d: d["blocks"][2].update(reasons=["text:prose", 4]), "blocks[2].reasons[1]"),
        (lambda d: d["blocks"][2].pop("first_label"), "blocks[2].first_label"),
        (lambda d: d["blocks"][1].update(start=3), "blocks[1]"),  # overlaps block 0 (0..4)
        (lambda d: d.update(text="xxxxx"), "text"),  # the one kept block has 6 characters
    ],
)
def test_from_dict_names_the_bad_field(change, field):
    with pytest.raises(boilerstrip.ResultFormatError) as info:
        Result.from_dict(_broken(change))
    message = str(info.value)
    assert f" {field} " in message, message
    assert isinstance(info.value, ValueError) and isinstance(info.value, BoilerstripError)
    assert "\n" not in message


def test_from_dict_of_something_else():
    with pytest.raises(boilerstrip.ResultFormatError, match="must be an object"):
        Result.from_dict(["not", "a", "dict"])
    with pytest.raises(boilerstrip.ResultFormatError, match="start is missing"):
        Block.from_dict({"end": 3, "category": "body", "reasons": [], "first_label": "prose"})


def test_from_dict_body_length_counts_separators_and_kept_switches():
    # Two kept blocks of 6 and 4 characters joined by "\n\n": 12 characters. The
    # caption is kept by a switch (its last reason is keep:caption).
    d = _valid_dict()
    d["separator"] = "\n\n"
    d["blocks"].append(
        {"start": 22, "end": 26, "category": "caption", "reasons": ["shape:credit", "keep:caption"], "first_label": "caption"}
    )
    d["text"] = "x" * 12
    assert Result.from_dict(d).spans == [(14, 20), (22, 26)]
    d["text"] = "x" * 11
    with pytest.raises(boilerstrip.ResultFormatError, match="make 12"):
        Result.from_dict(d)


def test_block_is_immutable_and_pickles():
    import copy
    import dataclasses
    import pickle

    b = Block(3, 9, C.SHARE, ("lexicon:share",), "share")
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.category = C.BODY  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(b)) == b and copy.copy(b) == b
    assert b != (3, 9, C.SHARE, ("lexicon:share",), "share")
    assert hash(b) == hash(Block(3, 9, C.SHARE, ("lexicon:share",), "share"))
    assert repr(b) == "Block(start=3, end=9, category='share', reasons=('lexicon:share',), first_label='share')"
