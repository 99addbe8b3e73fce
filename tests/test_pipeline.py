"""The Stripper: its switches for ablations, its own cache, the evidence argument."""

from __future__ import annotations

import pathlib

import pytest

from boilerstrip import Options, PageEvidence, Stripper, pipeline, strip
from boilerstrip import categories as C
from boilerstrip import reasons
from boilerstrip.classify.passes import PASSES
from boilerstrip.lexicon import CATEGORY_CONCEPTS
from strategies import PLAIN_PARAGRAPHS as PARA

SAMPLES = sorted((pathlib.Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))

#: A page written by hand: a menu, a share line, a dateline, the article, then a related section.
PAGE = "\n".join(
    ["Home", "News", "Share", "12 November 2024", *PARA[:3], "Related Articles", "Five things to do this weekend"]
)


def _reasons(result: object) -> list[str]:
    return [code for block in result.blocks for code in block.reasons]  # type: ignore[attr-defined]


def test_switches_name_rule_families_then_passes_in_pipeline_order() -> None:
    names = Stripper.switches()
    assert len(names) == len(set(names))
    assert names[0] == "shape:no-letters"  # the first rule tried
    assert [n for n in names if n.startswith("lexicon:")] == [f"lexicon:{c}" for c in CATEGORY_CONCEPTS]
    passes = [n for n in names if not n.startswith(("lexicon:", "shape:"))]
    assert passes == [p.name for p in PASSES if p.switchable]
    assert "sections" in passes and "first-labels" not in passes and "final-labels" not in passes


def test_an_unknown_switch_is_refused() -> None:
    with pytest.raises(ValueError, match="no-such-pass"):
        Stripper(disable=frozenset({"no-such-pass"}))
    with pytest.raises(ValueError):
        Stripper(disable=frozenset({"final-labels"}))  # a pass that cannot be switched off


def test_the_default_stripper_is_strip() -> None:
    stripper = Stripper()
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        assert stripper.strip(text) == strip(text)
    assert stripper.strip(PAGE, Options(preset="precision")) == strip(PAGE, options=Options(preset="precision"))


def test_the_hand_page_reads_as_expected() -> None:
    # Worked out by hand: the menu and the share line are chrome, the date a byline,
    # the paragraphs the article, and the related heading opens its section.
    r = strip(PAGE)
    assert r.text == "\n".join(PARA[:3])
    assert [b.category for b in r.blocks][2:4] == [C.SHARE, C.BYLINE]
    assert r.blocks[-2].reasons[0] == "section-start:related"


def test_a_switched_off_rule_does_not_fire() -> None:
    on = _reasons(strip(PAGE))
    assert "lexicon:share" in on and "shape:date" in on
    off = _reasons(Stripper(disable=frozenset({"lexicon:share", "shape:date"})).strip(PAGE))
    assert "lexicon:share" not in off and "shape:date" not in off
    assert "lexicon:navigation" in off  # the other lexicon concepts still fire


def test_a_switched_off_pass_does_not_run() -> None:
    off = Stripper(disable=frozenset({"sections"})).strip(PAGE)
    assert not any(code.startswith(("section-start:", "section:")) for code in _reasons(off))


@pytest.mark.parametrize("switch", Stripper.switches())
def test_switching_off_anything_never_crashes(switch: str) -> None:
    stripper = Stripper(disable=frozenset({switch}))
    for text in [PAGE, "", "\n\n", *(p.read_text(encoding="utf-8") for p in SAMPLES[:5])]:
        for options in (Options(), Options(preset="recall", keep={"caption"}), Options(preset="precision")):
            r = stripper.strip(text, options)
            assert [text[b.start : b.end].strip() == text[b.start : b.end] != "" for b in r.blocks] == [True] * len(r.blocks)
            assert all(b.category in C.ALL for b in r.blocks)


def test_each_stripper_has_its_own_cache() -> None:
    one, two = Stripper(), Stripper(disable=frozenset({"lexicon:share"}))
    assert one.strip("Share").blocks[0].category == C.SHARE
    assert two.strip("Share").blocks[0].category != C.SHARE  # not the first one's cached label
    one.clear_cache()
    pipeline.clear_cache()
    assert one.strip("Share") == strip("Share")


def test_evidence_hints_relabel_and_mark_the_body() -> None:
    text = "\n".join(["Bridge to close", *PARA[:3]])
    hints = [("navigation", "dom:nav"), ("body", "dom:articlebody"), None, None]
    r = strip(text, evidence=PageEvidence(hints=hints))
    assert r.blocks[0].category == C.NAVIGATION and r.blocks[0].reasons[0] == "dom:nav"
    assert r.blocks[1].reasons[-1] == "dom:articlebody" and r.blocks[1].kept
    assert r.blocks[2].reasons[-1] != "dom:articlebody"
    with pytest.raises(ValueError):
        strip(text, evidence=PageEvidence(hints=hints[:2]))


def test_every_first_label_reason_has_its_rule_family() -> None:
    from boilerstrip.rules import RULES, family_of

    assert family_of("lexicon:share:prefix") == "lexicon:share" and family_of("lexicon:byline") == "lexicon:byline"
    assert family_of("text:prose") is None
    shape_codes = [r.code for r in reasons.REGISTRY if r.code.startswith("shape:")]
    assert {family_of(code) for code in shape_codes} == {name for name, _, _ in RULES if name != "lexicon"}


def _lexicon_copy(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the package's lexicon folder, to edit."""
    import shutil

    import boilerstrip

    root = tmp_path / "lexicons"
    shutil.copytree(pathlib.Path(boilerstrip.__file__).parent / "lexicons", root)
    return root


def test_a_stripper_reads_the_phrases_of_its_own_lexicon(tmp_path: pathlib.Path) -> None:
    from boilerstrip.lexicon import Lexicon

    root = _lexicon_copy(tmp_path)
    with open(root / "en" / "footer.txt", "a", encoding="utf-8") as out:
        out.write("\nharbour notice board\n")
    page = "\n".join([*PARA[:3], "Harbour notice board"])
    assert strip(page).blocks[-1].category != C.FOOTER
    block = Stripper(lexicon=Lexicon.load(root)).strip(page).blocks[-1]
    assert block.category == C.FOOTER and "lexicon:footer" in block.reasons


def test_the_shape_rules_read_the_word_lists_of_the_strippers_lexicon(tmp_path: pathlib.Path) -> None:
    from boilerstrip.lexicon import Lexicon

    root = _lexicon_copy(tmp_path)
    line = "Telegram WhatsApp Reddit"
    page = "\n".join([*PARA[:3], line])
    assert "shape:share-row" in strip(page).blocks[-1].reasons
    for folder in root.iterdir():  # no button names in any language
        if (folder / "share_buttons.txt").exists():
            (folder / "share_buttons.txt").write_text("# none\n", encoding="utf-8")
    assert "shape:share-row" not in Stripper(lexicon=Lexicon.load(root)).strip(page).blocks[-1].reasons
    assert "shape:share-row" in strip(page).blocks[-1].reasons  # the package's lists are untouched
