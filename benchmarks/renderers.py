"""Does text-mode quality hold on text from other renderers? Score it on three more.

    python benchmarks/renderers.py                  # every source, the three extra renderings
    python benchmarks/renderers.py --sources dragnet,readability --renderers soup-lines
    python benchmarks/renderers.py --limit 50       # a quick look

The shared benchmarks come rendered by html_text and inscriptis, which is what the
rules were tuned on. This renders the same pages' HTML (``*.html.jsonl.gz``) two more
ways, runs text-mode ``boilerstrip.strip`` on the result (no DOM evidence), and
scores it against the same gold with the benchmark's ``score.py``:

- ``soup-lines``: BeautifulSoup's ``get_text("\\n")`` after dropping script, style,
  noscript and template: every text node on its own line, no blank lines, links and
  inline tags split off their sentences (what a quick scraper script produces);
- ``browser-lines``: boilerstrip's own HTML renderer (``boilerstrip.html.render``),
  which lays the page out like a browser's ``innerText``; hints are not used;
- ``markdown``: html2text with its defaults (Markdown links and images, paragraphs
  hard-wrapped at 78 columns: what LLM and "reader" pipelines often feed on), except
  ``unicode_snob``: by default html2text writes ASCII look-alikes for character
  references ("d&oacute;lares" becomes "dolares"), which no extractor can undo and
  which would count as misses against the gold.

The gold is plain text, so the kept Markdown is scored twice: as returned
(``markdown``), where link targets count as extra words and a gold segment with a
link or emphasis inside is not found, and with the Markdown syntax removed first
(``markdown-as-text``: links read as their text, images, emphasis, heading and list
marks and backslash escapes dropped). The second measures the extraction; the
first what a plain-text consumer of the output gets.

Needs the ``html`` extra (lxml, beautifulsoup4); ``markdown`` needs html2text (in the
``bench`` extra) and is skipped without it.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys
from typing import Any, Callable

import sources
from _common import ROOT, default_data_dir, read_jsonl, run_scorer

sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402

#: Every source with HTML: name -> (HTML file, gold file), relative to the data folder.
SOURCES = {
    s.stem: (
        str(s.file(pathlib.Path(), "html")),
        str(s.file(pathlib.Path(), "html_text")),
    )
    for s in sources.SOURCES
}
DROPPED = ("script", "style", "noscript", "template")


def soup_lines(html: str) -> str:
    import warnings

    from bs4 import BeautifulSoup

    with warnings.catch_warnings():  # a few pages are XHTML; parsing them as HTML is the point
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "lxml")
    for tag in soup(DROPPED):
        tag.decompose()
    return "\n".join(line for line in soup.get_text("\n").split("\n") if line.strip())


def browser_lines(html: str) -> str:
    from boilerstrip.html.page import parse
    from boilerstrip.html.render import render

    return render(parse(html)).text


def markdown(html: str) -> str:
    import html2text

    converter = html2text.HTML2Text()  # defaults: paragraphs hard-wrapped at 78 columns
    converter.unicode_snob = True  # real characters, not ASCII look-alikes
    return converter.handle(html)


_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_SYNTAX = re.compile(r"(?m)\*\*|__|`|^[ \t]*[#>]+[ \t]*|^[ \t]*[*+-][ \t]+|\[|\]|(?<!\w)_|_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


def markdown_as_text(text: str) -> str:
    """*text* with Markdown syntax removed, for scoring against plain-text gold.

    Every pattern is a single character class run or a literal, so each is linear.
    """
    text = _LINK_TARGET.sub("]", _IMAGE.sub(" ", text))
    return _ESCAPE.sub(r"\1", _SYNTAX.sub(" ", text))


RENDERERS: dict[str, Callable[[str], str]] = {
    "soup-lines": soup_lines,
    "browser-lines": browser_lines,
    "markdown": markdown,
}


def score(data: pathlib.Path, dataset: str, renderer: str, limit: int) -> list[tuple[str, dict[str, Any]]]:
    """(row name, figures) for *renderer* on *dataset*: one row, two for Markdown."""
    html_file, gold_file = SOURCES[dataset]
    pages = read_jsonl(data / html_file)[: limit or None]
    gold = {r["id"]: r for r in read_jsonl(data / gold_file)}
    render = RENDERERS[renderer]
    kept = [(p["id"], boilerstrip.strip(render(p["html"])).text) for p in pages]
    subset = [gold[p["id"]] for p in pages] if limit else None
    variants = [(renderer, lambda t: t)]
    if renderer == "markdown":
        variants.append(("markdown-as-text", markdown_as_text))
    rows = []
    for name, convert in variants:
        preds = [{"id": i, "text": convert(t)} for i, t in kept]
        figures, _ = run_scorer(data / "score.py", data / gold_file, preds, gold_subset=subset)
        rows.append((name, figures))
    return rows


def _has_html2text() -> bool:
    try:
        import html2text  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages of each dataset")
    ap.add_argument("--sources", help=f"comma-separated (default: all of {', '.join(sources.SOURCE_NAMES)})")
    ap.add_argument("--renderers", help=f"comma-separated (default: {', '.join(RENDERERS)})")
    args = ap.parse_args(argv)
    chosen = {s.stem for s in sources.select_sources(args.sources.split(",") if args.sources else None)}
    renderers = args.renderers.split(",") if args.renderers else list(RENDERERS)
    try:
        import bs4  # noqa: F401
        import lxml  # noqa: F401
    except ImportError:
        print("needs the html extra: pip install '.[html]'")
        return 2
    print(f"{'dataset':<22} {'renderer':<18} {'P':>6} {'R':>6} {'F1':>6}")
    for dataset, (html_file, _) in SOURCES.items():
        if dataset not in chosen:
            continue
        if not (args.data / html_file).exists():
            print(f"skipped: {dataset} not found under {args.data}")
            continue
        for renderer in renderers:
            if renderer == "markdown" and not _has_html2text():
                print(f"skipped: {dataset} {renderer} (pip install html2text)")
                continue
            for name, f in score(args.data, dataset, renderer, args.limit):
                print(f"{dataset:<22} {name:<18} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
