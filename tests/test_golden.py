"""Golden tests: every labelled sample in samples/ is its own test.

A sample passes when every block the labels call body is kept, every other
block is removed, and the title found is the labelled one (or none). Known
misses are listed in KNOWN_MISSES and run as strict xfails, so a fix shows up.
"""

from __future__ import annotations

import json
import pathlib

import pytest

from boilerstrip import strip

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"
LABEL_FILES = sorted(SAMPLES.glob("*.labels.json"))

#: sample name -> why it fails today (checked by reading the --explain output).
KNOWN_MISSES: dict[str, str] = {
    "de_ratgeber_innertext_cookie": "table-of-contents questions above the article are kept: they "
    "read as in-article headings between prose",
    "de_wet_lokalsport": "'Ebenfalls lesenswert:' promo (mixed case, no lexicon phrase) and a "
    "league table flattened into one WET line are kept",
    "en_html_text_title_tag_only": "author bio as the last paragraph ('X is a retired librarian...') "
    "is prose; no author-bio rule yet",
    "en_innertext_spun_health": "in-article heading 'Get morning light' follows an ad label "
    "('Commercial') and the two-line run is too short to pass the list test",
    "en_inscriptis_nbsp_bullets": "'Key points' bullet list stands above the first paragraph, "
    "outside the main region",
    "en_inscriptis_single_line_article": "author bio and an inscriptis two-column grid of related "
    "links after the one-line article are kept",
    "en_recipe_html_text_crlf": "image alt text written as a sentence, with no credit line next to "
    "it, reads as article prose",
    "en_review_inscriptis_spec_table": "author bio as the last paragraph is kept",
    "en_wet_sports_match_report": "'<Site>'s live coverage: Relive ...' promo in mixed case is kept",
    "en_wet_spun_clutter": "spun related heading 'Linked Posts' is unknown, so the teasers after "
    "it (full sentences on WET lines) are kept",
    "es_wet_tecnologia": "WET line that starts 'Notas relacionadas' and holds the teasers exceeds "
    "MAX_PHRASE_WORDS, so the prefix does not decide it",
    "fr_culture_innertext_critique": "theatre credits after the review (short 'Avec : ...' lines) "
    "are dropped as a list after the region",
}


def _load(path: pathlib.Path) -> tuple[str, dict]:
    labels = json.loads(path.read_text(encoding="utf-8"))
    text = (SAMPLES / (labels["sample"] + ".txt")).read_bytes().decode("utf-8")
    return text, labels


def _params():
    for path in LABEL_FILES:
        name = path.name[: -len(".labels.json")]
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[name])] if name in KNOWN_MISSES else []
        yield pytest.param(path, id=name, marks=marks)


def test_there_are_enough_samples():
    assert len(LABEL_FILES) >= 30


def disagreements(text: str, labels: dict) -> list[str]:
    """Every labelled block whose keep/remove decision differs, and a wrong title."""
    result = strip(text)
    kept = [False] * len(text)
    for start, end in result.spans:
        for i in range(start, end):
            kept[i] = True
    problems = []
    for block in labels["blocks"]:
        want = block["category"] == "body"
        got = kept[block["start"] : block["end"]]
        if (want and not all(got)) or (not want and any(got)):
            verb = "dropped" if want else "kept"
            problems.append(f"{verb} {block['category']} {block['start']}-{block['end']}: {block['text'][:70]!r}")
    # The title may be any copy of the labelled headline (identical copies are
    # interchangeable), and may be the headline part of a "Headline - Site" line.
    titles = [b for b in labels["blocks"] if b["category"] == "title"]
    if not titles:
        if result.title is not None:
            problems.append(f"title {result.title!r}, expected none")
    else:
        want = titles[0]["text"]
        span = result.title_span
        copies = [b for b in labels["blocks"] if b["category"] in ("title", "title_duplicate")]
        inside_copy = span is not None and any(b["start"] <= span[0] < span[1] <= b["end"] for b in copies)
        same_text = result.title is not None and result.title in want and 2 * len(result.title) >= len(want)
        if not (inside_copy and same_text):
            problems.append(f"title {result.title!r}, expected {want!r}")
    return problems


@pytest.mark.parametrize("path", list(_params()))
def test_sample(path: pathlib.Path) -> None:
    text, labels = _load(path)
    problems = disagreements(text, labels)
    assert not problems, "\n".join(problems)
