"""Lexicon lines: on which pages of which source each line of each list decides something,
and what removing it does to each source's F1.

    python benchmarks/lexicon_lines.py --out lines.json            # every line, html_text, all sources
    python benchmarks/lexicon_lines.py --renderer inscriptis --out lines-inscriptis.json
    python benchmarks/lexicon_lines.py --report lines.json         # the table again, from a saved run

Every line of every list under ``src/boilerstrip/lexicons`` is taken out in turn (a copy of
the folder with that one line deleted, read with :meth:`boilerstrip.lexicon.Lexicon.load`
and given to :class:`boilerstrip.Stripper`):

* **fires**: the pages where the line labels a block that no other line or rule would have
  labelled the same way: without the line, some block's first label (its category, or
  whether it is a heading that ends the article) is different. For the lists that only the
  later passes read (``author_bio``, ``about_heading``, ``author_job``) a page counts when
  some block's final category changes.
* **ΔF1 ± σ** per source: the pages where the line fires are stripped again without it and
  scored with the dataset's own metric; ΔF1 is the source's F1 without the line minus its
  F1 with it, σ the paired-bootstrap deviation of that difference (as in ``ablate.py``). A
  negative ΔF1 means the line earns its place.

Not studied: ``stopwords``, ``months`` and ``units``, reference vocabularies of each
language (not lines written for pages), which the language detector, the datelines and the
attribute lists read as a whole.

Decision rule (the same for a switch of ``ablate.py``). The lists were written on aeb-dev
and trafilatura-eval-dev; wceb, dragnet and readability are the sources they were not
derived from (HELD_OUT). A line or switch

* **stays** when taking it out hurts (ΔF1 < -σ) on at least one held-out source, or hurts
  by more than 2σ on aeb or trafilatura-eval and helps (ΔF1 > +σ) on no held-out source;
* **goes** when it fires on no page of the held-out sources and changes aeb and
  trafilatura-eval by less than 1σ (a line made for a few dev pages), or when taking it
  out helps (ΔF1 > +σ) on a held-out source and hurts on none;
* is otherwise **neutral**: it fires on held-out pages without a measurable effect either way.

A line that fires on no page of any source is **untested**, not removed: most such lines
are the same chrome in a language the benchmarks hardly have (Polish, Russian, ...), and
no page says whether they were written for one page or for every site of that language.
For the same reason a line of a language other than English (a ``_common`` line counts as
English when the comment above it names ``en``) that fires on no held-out page is untested
rather than removed: the held-out sources are English, so they cannot tell a German line
made for one page from one that every German site needs.

With ``--max-pages N`` a line that fires on more than N pages is counted but not scored
(**unscored**): such a line is not one made for a few pages.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import pathlib
import shutil
import sys
import tempfile
from typing import Any, Optional

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _common import default_data_dir, load_scorer  # noqa: E402
from ablate import _bootstrap_sigma, _metric, _page_f1  # noqa: E402

import boilerstrip  # noqa: E402
from boilerstrip.classify.text_classes import first_weight, is_cut_heading, text_class  # noqa: E402
from boilerstrip.lexicon import Lexicon, normalise  # noqa: E402
from boilerstrip.lexicon_layout import COMMON_CONCEPTS, MARKED_CONCEPTS, PLAIN_CONCEPTS  # noqa: E402
from boilerstrip.phrase_matcher import split_marks  # noqa: E402
from boilerstrip.pipeline import PageEvidence  # noqa: E402
from boilerstrip.rules import RuleChain  # noqa: E402

HELD_OUT = ("wceb", "dragnet", "readability")
TUNED = ("aeb", "trafilatura-eval")
#: The language whose lines the held-out sources can test: their pages are English (wceb
#: 1,320 of 1,337, dragnet all, readability 39 of 44 by the language detector).
HELD_OUT_LANGUAGE = "en"
#: Reference vocabularies, not studied (see the docstring).
SKIPPED = frozenset({"stopwords", "months", "units"})
#: Lists that only the passes after the first labels read.
PASS_LISTS = frozenset({"author_bio", "about_heading", "author_job"})
LEXICONS = pathlib.Path(boilerstrip.__file__).resolve().parent / "lexicons"

# Set before the worker processes fork, so they share them.
_SOURCES: list[str] = []  # the source of each page
_TEXTS: list[str] = []
_BASE_TEXT: list[str] = []
_BASE_CATS: list[tuple[str, ...]] = []
_BLOCKS: list[tuple[Optional[str], str, Any, str, bool]] = []  # (language, text, features, label, cut)
_ENTRIES: list[Any] = []  # the first pass of each block, as the labeller caches it
_BLOCK_PAGES: list[list[int]] = []
_PAGE_BLOCKS: list[list[int]] = []  # the distinct blocks of each page
_INDEX: dict[str, list[int]] = {}  # lexicon word -> the blocks that hold it
_LINES: list[dict[str, Any]] = []
_COPY: list[pathlib.Path] = []  # this worker's copy of the lexicon folder
_MAX_PAGES: list[int] = [0]  # --max-pages


def _lines() -> list[dict[str, Any]]:
    """Every line of every studied list: folder, concept, line number, text and its words."""
    found = []
    for folder in sorted(p for p in LEXICONS.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.txt")):
            concept = path.stem
            if concept in SKIPPED:
                continue
            languages = [folder.name]
            for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                line = raw.strip()
                if folder.name == "_common" and line.startswith("#") and _is_language_list(line[1:]):
                    languages = line[1:].split()  # "# de en": the languages of the lines below
                if not line or line.startswith("#"):
                    continue
                phrase = split_marks(line)[1] if concept in MARKED_CONCEPTS else line
                words = normalise(phrase).split()
                phrase_list = concept in MARKED_CONCEPTS or concept in PLAIN_CONCEPTS
                found.append(
                    {"file": f"{folder.name}/{path.name}", "concept": concept, "number": number, "line": line,
                     "languages": languages,
                     "words": words, "all_words": phrase_list and concept not in COMMON_CONCEPTS}
                )
    return found


def _is_language_list(text: str) -> bool:
    """A ``_common`` comment that names the languages of the lines below it ("de en")."""
    codes = text.split()
    return bool(codes) and all(len(c) == 2 and c.isalpha() and c.islower() for c in codes)


def _candidates(line: dict[str, Any]) -> set[int]:
    """The blocks where the line can match: they hold all its words (a phrase) or one of them (a word list)."""
    if line["concept"] == "credit_words":  # matched in the raw text, case-insensitively
        word = line["line"].casefold()
        return {i for i, b in enumerate(_BLOCKS) if word in b[1].casefold()}
    postings = [set(_INDEX.get(w, ())) for w in line["words"]]
    if not postings:
        return set()
    return set.intersection(*postings) if line["all_words"] else set.union(*postings)


def _without(line: dict[str, Any]) -> Lexicon:
    """The lexicon with *line* deleted, from this worker's copy of the folder (restored after)."""
    path = _COPY[0] / line["file"]
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    assert lines[line["number"] - 1].strip() == line["line"]
    path.write_text("\n".join(lines[: line["number"] - 1] + lines[line["number"] :]), encoding="utf-8")
    try:
        return Lexicon.load(_COPY[0])
    finally:
        path.write_text(original, encoding="utf-8")


def _init_worker() -> None:
    root = pathlib.Path(tempfile.mkdtemp(prefix="lexicon-lines-")) / "lexicons"
    shutil.copytree(LEXICONS, root, ignore=shutil.ignore_patterns("*.md", "__pycache__"))
    _COPY[:] = [root]


def _study(i: int) -> dict[str, Any]:
    """What line *i* fires on and the body text of each such page without it."""
    line = _LINES[i]
    blocks = _candidates(line)
    if not blocks:
        return {"i": i, "fired": [], "texts": {}, "measured": True}
    lex = _without(line)
    fired: set[int] = set()
    new_entries = {}
    if line["concept"] in PASS_LISTS:
        pages = {p for b in blocks for p in _BLOCK_PAGES[b]}
    else:
        chain = RuleChain()
        months = lex.months
        for b in blocks:
            language, text, f, label, cut = _BLOCKS[b]
            new = chain(text, f, lex.matcher, months, lex) or text_class(f, language is not None)
            new_cut = is_cut_heading(f, lex.cut_matcher)
            if new != _ENTRIES[b][1:3] or new_cut != cut:
                new_entries[b] = (f, new[0], new[1], new_cut, first_weight(new[0], f))
            if new[0] != label or new_cut != cut:
                fired.update(_BLOCK_PAGES[b])
        pages = fired
    if _MAX_PAGES[0] and len(pages) > _MAX_PAGES[0]:
        return {"i": i, "fired": sorted(fired), "texts": {}, "measured": False}
    stripper = boilerstrip.Stripper(lexicon=lex)
    # Speed: the first pass of every block is known (only the blocks above differ from the
    # base run), so the stripper's cache is filled with it and only the later passes run.
    stripper._labeller.use_matchers(lex.matcher, lex.cut_matcher, lex)
    cache = stripper._labeller._young
    for p in pages:
        for b in _PAGE_BLOCKS[p]:
            cache[(_BLOCKS[b][0], _BLOCKS[b][1])] = new_entries.get(b, _ENTRIES[b])
    texts = {}
    for p in sorted(pages):
        result = stripper.strip(_TEXTS[p])
        if line["concept"] in PASS_LISTS and tuple(b.category for b in result.blocks) != _BASE_CATS[p]:
            fired.add(p)
        if result.text != _BASE_TEXT[p]:
            texts[p] = result.text
    return {"i": i, "fired": sorted(fired), "texts": texts, "measured": True}


def _prepare(records: list[tuple[str, dict[str, Any]]]) -> None:
    """The base run: every page's body text, and the first pass of every distinct block."""
    stripper = boilerstrip.Stripper()
    seen: dict[tuple[Optional[str], str], int] = {}
    vocabulary = {w for line in _LINES for w in line["words"]}
    for p, (source, record) in enumerate(records):
        text = record["raw_text"]
        _SOURCES.append(source)
        _TEXTS.append(text)
        result = stripper.strip(text)
        _BASE_TEXT.append(result.text)
        _BASE_CATS.append(tuple(b.category for b in result.blocks))
        page = stripper._page(text, boilerstrip.Options(), PageEvidence())  # the blocks as strip() makes them
        _PAGE_BLOCKS.append([])
        for t, tokens in zip(page.texts, page.known_tokens):
            key = (page.language, t)
            b = seen.get(key)
            if b is None:
                entry = page.first_pass(t, tokens)
                f, label, _, cut, _ = entry
                b = seen[key] = len(_BLOCKS)
                _BLOCKS.append((page.language, t, f, label, cut))
                _ENTRIES.append(entry)
                _BLOCK_PAGES.append([])
                for w in vocabulary.intersection(f.norm_words):
                    _INDEX.setdefault(w, []).append(b)
            if not _BLOCK_PAGES[b] or _BLOCK_PAGES[b][-1] != p:
                _BLOCK_PAGES[b].append(p)
                _PAGE_BLOCKS[p].append(b)


def decide(row: dict[str, Any]) -> str:
    """``keep``, ``go`` or ``neutral`` by the rule of the docstring, from the per-source figures."""
    per = row["sources"]

    def delta(s: str) -> float:
        return float(per.get(s, {}).get("delta_f1", 0.0))

    def sigma(s: str) -> float:
        return float(per.get(s, {}).get("sigma", 0.0))

    hurts_held = any(delta(s) < -sigma(s) and delta(s) < 0 for s in HELD_OUT)
    helps_held = any(delta(s) > sigma(s) and delta(s) > 0 for s in HELD_OUT)
    hurts_tuned_2 = any(delta(s) < -2 * sigma(s) and delta(s) < 0 for s in TUNED)
    if hurts_held or (hurts_tuned_2 and not helps_held):
        return "keep"
    if not row.get("measured", True):
        return "unscored"  # fires on more pages than --max-pages: counted, not scored
    fires_held = any(per.get(s, {}).get("fired", 0) for s in HELD_OUT)
    if not fires_held and not any(per.get(s, {}).get("fired", 0) for s in TUNED):
        return "untested"  # fires on no page at all: nothing to judge it by (see the docstring)
    if not fires_held and HELD_OUT_LANGUAGE not in row.get("languages", [row["file"].split("/")[0]]):
        return "untested"  # a language the held-out sources have (next to) no page in
    small_tuned = all(abs(delta(s)) <= sigma(s) for s in TUNED)
    if (not fires_held and small_tuned) or helps_held:
        return "go"
    return "neutral"


def run(
    data: pathlib.Path, renderer: str, jobs: int, resamples: int, concepts: set[str], partial: Any = None
) -> list[dict[str, Any]]:
    """The figures of every line; each row is also written to *partial* (JSON Lines) as it is done."""
    scorer = load_scorer(data / "score.py")
    paths = sorted(data.glob(f"*/*.{renderer}.jsonl.gz"))
    records = [(path.parent.name, r) for path in paths for r in scorer.load_dataset(str(path))]
    _LINES[:] = [line for line in _lines() if not concepts or line["concept"] in concepts]
    _prepare(records)
    print(f"{len(records)} pages, {len(_BLOCKS)} distinct blocks, {len(_LINES)} lines", file=sys.stderr)
    metric = {}
    base_counts: dict[str, list[Any]] = {}
    pages_of: dict[str, list[int]] = {}
    for p, (source, record) in enumerate(records):
        pages_of.setdefault(source, []).append(p)
    for source, pages in pages_of.items():
        counts_of, aggregate = _metric(scorer, records[pages[0]][1])
        metric[source] = (counts_of, aggregate)
        base_counts[source] = [counts_of(records[p][1], _BASE_TEXT[p]) for p in pages]
    rows = []
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker) as pool:
        for n, got in enumerate(pool.imap_unordered(_study, range(len(_LINES)), chunksize=4), 1):
            if n % 200 == 0:
                print(f"{n}/{len(_LINES)} lines", file=sys.stderr, flush=True)
            line = _LINES[got["i"]]
            row = {k: line[k] for k in ("file", "concept", "number", "line", "languages")}
            row["measured"] = got["measured"]
            per: dict[str, Any] = {}
            texts = {int(k): v for k, v in got["texts"].items()}
            for source, pages in pages_of.items():
                fired = sum(1 for p in got["fired"] if _SOURCES[p] == source)
                changed = [j for j, p in enumerate(pages) if p in texts]
                if not fired and not changed:
                    continue
                counts_of, aggregate = metric[source]
                base = base_counts[source]
                off = list(base)
                for j in changed:
                    off[j] = counts_of(records[pages[j]][1], texts[pages[j]])
                per[source] = {
                    "fired": fired,
                    "changed": len(changed),
                    "helped": sum(1 for j in changed if _page_f1(off[j]) > _page_f1(base[j])),
                    "hurt": sum(1 for j in changed if _page_f1(off[j]) < _page_f1(base[j])),
                    "delta_f1": aggregate(off)["f1"] - aggregate(base)["f1"] if changed else 0.0,
                    "sigma": _bootstrap_sigma(aggregate, base, off, resamples, seed=0) if changed else 0.0,
                }
            row["sources"] = per
            row["decision"] = decide(row)
            rows.append(row)
            if partial is not None:
                partial.write(json.dumps(row, ensure_ascii=False) + "\n")
                partial.flush()
    rows.sort(key=lambda r: (r["file"], r["number"]))
    return rows


def report(rows: list[dict[str, Any]], all_lines: bool = False) -> None:
    """Totals by decision, then every line that fires somewhere (or every line)."""
    decisions: dict[str, int] = {}
    for r in rows:
        decisions[r["decision"]] = decisions.get(r["decision"], 0) + 1
    fired_any = [r for r in rows if any(c["fired"] or c["changed"] for c in r["sources"].values())]
    print(f"{len(rows)} lines studied, {len(fired_any)} fire on some page; decisions: {decisions}")
    sources = [*TUNED, *HELD_OUT]
    print(f"{'decision':<8} {'line':<58} " + " ".join(f"{s[:11]:>22}" for s in sources))
    for r in rows if all_lines else fired_any:
        cells = []
        for s in sources:
            c = r["sources"].get(s)
            cells.append(f"{c['fired']:>3}p {c['delta_f1']:+.4f}±{c['sigma']:.4f}" if c else f"{'':>22}")
        name = f"{r['file']}:{r['number']} {r['line']}"
        print(f"{r['decision']:<8} {name[:58]:<58} " + " ".join(f"{c:>22}" for c in cells))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory (default: ../shared/benchmarks)")
    ap.add_argument("--renderer", default="html_text", help="rendering of the pages (default html_text)")
    ap.add_argument("--concepts", default="", help="comma-separated lists to study (default: all but the skipped ones)")
    ap.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    ap.add_argument("--resamples", type=int, default=200, help="bootstrap resamples (default 200)")
    ap.add_argument("--max-pages", type=int, default=0,
                    help="only count where a line fires, without scoring it, when it fires on more pages (0: no limit)")
    ap.add_argument("--out", type=pathlib.Path, default=None, help="write the figures of every line here (JSON)")
    ap.add_argument("--report", type=pathlib.Path, default=None, help="print the table of a saved run and stop")
    ap.add_argument("--all", action="store_true", help="list every line, not only those that fire")
    args = ap.parse_args(argv)
    if args.report:
        rows = json.loads(args.report.read_text(encoding="utf-8"))
        for r in rows:
            r["decision"] = decide(r)
        report(rows, args.all)
        return 0
    concepts = {c for c in args.concepts.split(",") if c}
    _MAX_PAGES[0] = args.max_pages
    partial = open(f"{args.out}.partial", "w", encoding="utf-8") if args.out else None
    rows = run(args.data or default_data_dir(), args.renderer, args.jobs, args.resamples, concepts, partial)
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    report(rows, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
