"""Turn a hand-written annotation into gold labels with offsets.

A sample is ``samples/NAME.txt`` (the raw page text, exactly as a scraper gave it)
plus ``samples/NAME.ann``, written by a person who read the page:

    # language: en
    # layout: html_text
    # note: free text, optional
    navigation | Home
    title | The Headline Of The Page
    body | First paragraph of the article ...

There is one annotation line per non-blank line of the ``.txt``, in order:
``CATEGORY | TEXT`` where TEXT is the line with surrounding white space
trimmed. Lines are split on ``\\n``, ``\\r\\n`` and ``\\r``. This script checks
that every TEXT matches and writes ``samples/NAME.labels.json`` with half-open
code-point offsets into the ``.txt``.

    python tools/labels.py build samples/NAME      # one sample
    python tools/labels.py build --all             # every .ann under samples/
    python tools/labels.py check                   # every labels.json still matches
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "src"))

from boilerstrip.categories import ALL  # noqa: E402

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of *text*, trimmed of white space."""
    spans = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _LINE.match(text, pos)
        end = m.end()
        content_end = end
        while content_end > pos and text[content_end - 1] in "\r\n":
            content_end -= 1
        s, e = pos, content_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        if end == pos:
            break
        pos = end
    return spans


def read_annotation(path: pathlib.Path) -> tuple[dict, list[tuple[str, str]]]:
    meta: dict = {}
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            key, _, value = raw[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        category, sep, text = raw.partition(" | ")
        if not sep:
            raise SystemExit(f"{path}:{number}: expected 'CATEGORY | TEXT'")
        category = category.strip()
        if category not in ALL:
            raise SystemExit(f"{path}:{number}: unknown category {category!r}")
        rows.append((category, text.strip()))
    return meta, rows


def build(stem: pathlib.Path) -> dict:
    txt = stem.with_suffix(".txt")
    ann = stem.with_suffix(".ann")
    text = txt.read_bytes().decode("utf-8")
    meta, rows = read_annotation(ann)
    spans = lines_with_offsets(text)
    if len(spans) != len(rows):
        raise SystemExit(f"{ann}: {len(rows)} annotated lines, {len(spans)} non-blank lines in {txt.name}")
    blocks = []
    for i, ((start, end), (category, expected)) in enumerate(zip(spans, rows), 1):
        actual = text[start:end]
        if actual != expected:
            raise SystemExit(f"{ann}: block {i} text differs:\n  txt: {actual[:120]!r}\n  ann: {expected[:120]!r}")
        blocks.append({"start": start, "end": end, "category": category, "text": actual})
    if sum(b["category"] == "title" for b in blocks) > 1:
        raise SystemExit(f"{ann}: more than one block labelled 'title'")
    labels = {"sample": stem.name, **meta, "blocks": blocks}
    out = stem.with_suffix(".labels.json")
    out.write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return labels


def check() -> int:
    bad = 0
    for path in sorted(SAMPLES.glob("*.labels.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(labels["sample"] + ".txt").read_bytes().decode("utf-8")
        for block in labels["blocks"]:
            if text[block["start"]:block["end"]] != block["text"]:
                print(f"{path.name}: offsets {block['start']}-{block['end']} do not match")
                bad += 1
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        return check()
    if argv[:2] == ["build", "--all"]:
        for ann in sorted(SAMPLES.glob("*.ann")):
            build(ann.with_suffix(""))
            print("built", ann.stem)
        return 0
    if argv[:1] == ["build"] and len(argv) == 2:
        build(pathlib.Path(argv[1]).with_suffix(""))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
