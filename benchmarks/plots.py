"""Charts and an HTML report from the JSON that peers.py writes.

    python benchmarks/peers.py --json benchmarks/out/peers.json
    python benchmarks/plots.py benchmarks/out/peers.json      # -> benchmarks/out/report.html + *.png

Writes, into ``--out`` (default ``benchmarks/out``):

* ``quality_f1.png``, ``quality_precision.png``, ``quality_recall.png`` -- grouped
  bars, one group per dataset and input (a text rendering or the page HTML),
  one bar per method, each bar labelled with its value;
* ``throughput.png`` -- pages per second per method and input (log scale), each
  bar labelled with its rate and its ratio to boilerstrip timed in the same passes;
* ``report.html`` -- one self-contained page (images as base64 data URIs, no
  external assets): the run's settings, the table, the charts, and boilerstrip's
  worst pages side by side with the gold. On AEB pages the gold and the output
  are compared line by line with difflib (tokens as the AEB metric sees them):
  lines only in the gold are *missed*, lines only in the output *leaked*. The
  trafilatura-eval gold is a list of segments, not a text: the report lists them
  (found / missed, leaked / absent) and marks the output lines holding a leaked one.

Needs matplotlib (``pip install '.[plots]'``); without it the script says so and exits 2.
"""

from __future__ import annotations

import argparse
import base64
import difflib
import html
import json
import pathlib
import re
import sys
from typing import Any, Optional, Sequence

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "out"

#: Order of the input forms inside a dataset.
FORM_ORDER = ("html_text", "inscriptis", "html")
FORM_LABELS = {"html_text": "html_text", "inscriptis": "inscriptis", "html": "page HTML"}
QUALITY = (("f1", "F1"), ("precision", "Precision"), ("recall", "Recall"))
#: Lines shown per side of a worst page before the rest is cut.
MAX_LINES = 300
#: Identical lines kept at each end of a longer run of them in a diff.
SAME_CONTEXT = 2
#: Characters of the output and of the gold shown per line in the report.
MAX_LINE_CHARS = 600

AEB_TOKEN = re.compile(r"\w+")
WHITESPACE = re.compile(r"\s+")

Row = dict[str, Any]


# --- Loading ---------------------------------------------------------------------------


def load_pyplot() -> Any:
    """matplotlib's pyplot on the Agg backend, or None when matplotlib is missing."""
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def groups(rows: Sequence[Row]) -> list[tuple[str, str]]:
    """(dataset, input form) pairs in report order: datasets as run, forms as FORM_ORDER."""
    datasets = list(dict.fromkeys(r["dataset"] for r in rows))
    present = {(r["dataset"], r["input"]) for r in rows}
    return [(d, f) for d in datasets for f in FORM_ORDER if (d, f) in present]


def methods(rows: Sequence[Row]) -> list[str]:
    """Method names in the order peers.py ran them."""
    return list(dict.fromkeys(r["method"] for r in rows))


def index(rows: Sequence[Row]) -> dict[tuple[str, str, str], Row]:
    """Rows by (dataset, input, method)."""
    return {(r["dataset"], r["input"], r["method"]): r for r in rows}


# --- Charts ----------------------------------------------------------------------------


def _colours(plt: Any, names: Sequence[str]) -> dict[str, Any]:
    palette = plt.get_cmap("tab10").colors
    return {name: palette[i % len(palette)] for i, name in enumerate(names)}


def _bar_layout(rows: Sequence[Row]) -> list[tuple[float, float, Row]]:
    """(x, width, row) for every bar: each group packs only the methods it has."""
    by_key = index(rows)
    names = methods(rows)
    group_width = 0.84
    bars = []
    for gx, (dataset, form) in enumerate(groups(rows)):
        members = [by_key[(dataset, form, m)] for m in names if (dataset, form, m) in by_key]
        width = group_width / max(len(members), 3)
        start = gx - width * (len(members) - 1) / 2
        bars += [(start + i * width, width, row) for i, row in enumerate(members)]
    return bars


def _group_axis(ax: Any, rows: Sequence[Row]) -> None:
    """The input of each group under its bars, each dataset's name once under its
    groups, and a thin line between datasets."""
    gs = groups(rows)
    ax.set_xticks(range(len(gs)))
    ax.set_xticklabels([FORM_LABELS.get(f, f) for _, f in gs], fontsize=9)
    first = 0
    for i in range(1, len(gs) + 1):
        if i == len(gs) or gs[i][0] != gs[i - 1][0]:
            ax.text((first + i - 1) / 2, -0.075, gs[first][0], transform=ax.get_xaxis_transform(),
                    ha="center", va="top", fontsize=9, fontweight="bold")
            if i < len(gs):
                ax.axvline(i - 0.5, color="0.6", linewidth=0.8, linestyle="--")
            first = i
    ax.set_xlim(-0.6, len(gs) - 0.4)


def _legend(ax: Any, plt: Any, names: Sequence[str], colours: dict[str, Any]) -> None:
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[n]) for n in names]
    ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=len(names),
              frameon=False, fontsize=9)


def quality_chart(plt: Any, rows: Sequence[Row], key: str, label: str, path: pathlib.Path) -> None:
    """Grouped bars of one quality figure, every bar labelled with its value."""
    names = methods(rows)
    colours = _colours(plt, names)
    fig, ax = plt.subplots(figsize=(max(12.0, 0.85 * len(groups(rows))), 5.2))
    for x, width, row in _bar_layout(rows):
        value = row[key]
        ax.bar(x, value, width * 0.92, color=colours[row["method"]])
        ax.text(x, value + 0.012, f"{value:.3f}", ha="center", va="bottom", fontsize=8, rotation=90)
    _group_axis(ax, rows)
    ax.set_ylim(0, 1.13)
    ax.set_yticks([i / 10 for i in range(11)])
    ax.set_ylabel(label)
    ax.grid(axis="y", color="0.9")
    ax.set_axisbelow(True)
    ax.set_title(f"{label} per dataset and input (AEB: shingle metric; trafilatura-eval: with/without segments)",
                 fontsize=10)
    _legend(ax, plt, names, colours)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def throughput_chart(plt: Any, rows: Sequence[Row], path: pathlib.Path) -> None:
    """Pages per second on a log scale, each bar labelled with its rate and its ratio to boilerstrip."""
    names = methods(rows)
    colours = _colours(plt, names)
    fig, ax = plt.subplots(figsize=(max(12.0, 0.85 * len(groups(rows))), 5.6))
    rates = [row["docs_per_s"] for _, _, row in _bar_layout(rows)]
    for x, width, row in _bar_layout(rows):
        rate = row["docs_per_s"]
        ax.bar(x, rate, width * 0.92, color=colours[row["method"]])
        ratio = row.get("ratio_to_boilerstrip")
        note = f"{rate:.0f}/s" if rate >= 10 else f"{rate:.1f}/s"
        if ratio is not None and row["method"] != "boilerstrip":
            note += f"\n×{ratio:.2f}" if ratio >= 0.1 else f"\n×{ratio:.3f}"
        ax.text(x, rate * 1.08, note, ha="center", va="bottom", fontsize=7.5, linespacing=1.1)
    rates += _reference_marks(ax, rows)
    ax.set_yscale("log")
    ax.set_ylim(min(rates) / 2, max(rates) * 3)
    ax.tick_params(axis="y", which="minor", labelsize=8)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.yaxis.set_minor_formatter(plt.FuncFormatter(_minor_label))
    _group_axis(ax, rows)
    ax.set_ylabel("pages per second (log scale)")
    ax.grid(axis="y", color="0.9", which="both")
    ax.set_axisbelow(True)
    ax.set_title("Throughput on one core; ×r = pages/s ÷ boilerstrip's in the same passes "
                 "(page HTML: vs boilerstrip on the html_text rendering)", fontsize=10)
    _legend(ax, plt, names, colours)
    fig.text(0.01, 0.01, "Absolute rates move with the machine's load from group to group; the ×r ratios "
             "(timed interleaved page by page with boilerstrip) are the figures to compare.",
             fontsize=8, color="0.35")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _minor_label(value: float, _pos: int) -> str:
    """Labels for the minor ticks 2 and 5 of each decade of a log axis, none for the rest."""
    leading = f"{value:.0e}"[0]
    return f"{value:g}" if leading in "25" else ""


def _reference_marks(ax: Any, rows: Sequence[Row]) -> list[float]:
    """A dashed line over each page-HTML group at the rate of its boilerstrip reference; the rates."""
    marked = []
    for gx, (dataset, form) in enumerate(groups(rows)):
        if form != "html":
            continue
        refs = [r for r in rows if r["dataset"] == dataset and r["input"] == form and r.get("ratio_to_boilerstrip")]
        if not refs:
            continue
        rate = refs[0].get("speed_reference_docs_per_s") or refs[0]["docs_per_s"] / refs[0]["ratio_to_boilerstrip"]
        ax.plot([gx - 0.42, gx + 0.42], [rate, rate], color="0.25", linestyle="--", linewidth=1)
        label = str(refs[0].get("speed_reference") or "boilerstrip")
        ax.text(gx, rate * 1.08, f"{label}: {rate:.0f}/s", ha="center", va="bottom", fontsize=7.5, color="0.25")
        marked.append(rate)
    return marked


def write_charts(plt: Any, rows: Sequence[Row], out: pathlib.Path) -> list[tuple[str, pathlib.Path]]:
    """Every chart as a PNG in ``out``; (caption, path) pairs in report order."""
    charts = []
    for key, label in QUALITY:
        path = out / f"quality_{key}.png"
        quality_chart(plt, rows, key, label, path)
        charts.append((label, path))
    path = out / "throughput.png"
    throughput_chart(plt, rows, path)
    charts.append(("Throughput", path))
    return charts


# --- Worst pages -----------------------------------------------------------------------


def _esc(text: str) -> str:
    if len(text) > MAX_LINE_CHARS:
        text = text[:MAX_LINE_CHARS] + " …"
    return html.escape(text)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _tokens(line: str) -> str:
    """A line as the AEB metric sees it: its word tokens."""
    return " ".join(AEB_TOKEN.findall(line))


def aligned_diff(gold: str, output: str) -> list[tuple[str, str, str, str]]:
    """(gold class, gold line, output class, output line) rows from a line diff.

    Classes: "same", "missed" (only in the gold), "leaked" (only in the output), "" (padding).
    """
    g, o = _lines(gold), _lines(output)
    matcher = difflib.SequenceMatcher(None, [_tokens(x) for x in g], [_tokens(x) for x in o], autojunk=False)
    rows: list[tuple[str, str, str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = g[i1:i2], o[j1:j2]
        lc, rc = ("same", "same") if tag == "equal" else ("missed", "leaked")
        for k in range(max(len(left), len(right))):
            rows.append((lc if k < len(left) else "", left[k] if k < len(left) else "",
                         rc if k < len(right) else "", right[k] if k < len(right) else ""))
    return rows


def _fold_same(rows: list[tuple[str, str, str, str]]) -> list[Optional[tuple[str, str, str, str]]]:
    """Rows with long runs of identical lines cut to their ends; None marks each cut."""
    folded: list[Optional[tuple[str, str, str, str]]] = []
    run: list[tuple[str, str, str, str]] = []
    for row in rows + [("end", "", "end", "")]:
        if row[0] == "same":
            run.append(row)
            continue
        if len(run) > 2 * SAME_CONTEXT + 1:
            folded += run[:SAME_CONTEXT]
            folded.append(None)
            folded += run[-SAME_CONTEXT:]
        else:
            folded += run
        run = []
        if row[0] != "end":
            folded.append(row)
    return folded


def _diff_row(row: Optional[tuple[str, str, str, str]]) -> str:
    if row is None:
        return '<tr><td colspan="2" class="more">… identical lines …</td></tr>'
    lc, lt, rc, rt = row
    return f'<tr><td class="{lc}">{_esc(lt)}</td><td class="{rc}">{_esc(rt)}</td></tr>'


def _diff_table(page: Row) -> str:
    rows = aligned_diff(page["gold"], page["output"])
    missed = sum(1 for r in rows if r[0] == "missed")
    leaked = sum(1 for r in rows if r[2] == "leaked")
    shown = _fold_same(rows)
    body = "".join(_diff_row(row) for row in shown[:MAX_LINES])
    more = f'<tr><td colspan="2" class="more">… {len(shown) - MAX_LINES} more rows</td></tr>' if len(shown) > MAX_LINES else ""
    return (f"<p>{missed} gold lines missed, {leaked} output lines leaked.</p>"
            f'<table class="diff"><tr><th>gold</th><th>boilerstrip output</th></tr>{body}{more}</table>')


def _norm(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _segments_table(page: Row) -> str:
    """Gold segments (found / missed, leaked / absent) next to the output lines."""
    missed = {_norm(s) for s in page.get("missed", [])}
    leaked = {_norm(s) for s in page.get("leaked", [])}
    items = [("missed" if _norm(s) in missed else "same", "with", s) for s in page["with"]]
    items += [("leaked" if _norm(s) in leaked else "same", "without", s) for s in page["without"]]
    left = "".join(
        f'<div class="{cls}"><b>{kind}</b> {_esc(seg)} '
        f"<i>({('missed' if cls == 'missed' else 'found') if kind == 'with' else ('leaked' if cls == 'leaked' else 'absent')})</i></div>"
        for cls, kind, seg in items
    )
    out_lines = _lines(page["output"])
    right = "".join(
        f'<div class="{"leaked" if any(s in _norm(line) for s in leaked) else ""}">{_esc(line)}</div>'
        for line in out_lines[:MAX_LINES]
    )
    if len(out_lines) > MAX_LINES:
        right += f'<div class="more">… {len(out_lines) - MAX_LINES} more lines</div>'
    if not out_lines:
        right = '<div class="more">(empty output)</div>'
    return (f'<table class="diff"><tr><th>gold segments</th><th>boilerstrip output</th></tr>'
            f"<tr><td>{left}</td><td>{right}</td></tr></table>")


def worst_section(view: Row) -> str:
    """One dataset/rendering's worst pages as HTML."""
    parts = [f"<h3>{html.escape(view['dataset'])} / {html.escape(view['renderer'])}</h3>"]
    for page in view["pages"]:
        url = page.get("url") or ""
        counts = (f"precision {page['precision']:.3f}, recall {page['recall']:.3f}" if "gold" in page and page.get("precision") is not None
                  else f"segments: {page.get('tp', 0)} found, {page.get('fn', 0)} missed, {page.get('fp', 0)} leaked")
        parts.append(f"<details><summary>F1 {page['f1']:.3f} ({counts}) &mdash; <code>{html.escape(page['id'])}</code> "
                     f"{html.escape(url)}</summary>")
        parts.append(_diff_table(page) if "gold" in page else _segments_table(page))
        parts.append("</details>")
    return "\n".join(parts)


# --- Report ----------------------------------------------------------------------------

CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1em; max-width: 1300px; color: #222; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.diff { width: 100%; table-layout: fixed; font-size: 12px; }
table.diff td div, table.diff td { white-space: pre-wrap; word-wrap: break-word; }
table.diff td div { border-bottom: 1px solid #eee; padding: 1px 0; }
.missed { background: #fbd3d3; } .leaked { background: #ffe3a8; } .more { color: #777; font-style: italic; }
img { max-width: 100%; } summary { cursor: pointer; margin: 4px 0; } code { font-size: 12px; }
.legend span { padding: 0 6px; margin-right: 8px; }
"""


def _data_uri(path: pathlib.Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _ratio(value: Optional[float]) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"


def _docs(row: Row) -> str:
    failed = row.get("failures")
    return f"{row['docs']} ({failed} failed)" if failed else str(row["docs"])


def results_table(rows: Sequence[Row]) -> str:
    """The figures as an HTML table."""
    head = ("<tr><th>method</th><th>dataset</th><th>input</th><th>P</th><th>R</th><th>F1</th><th>docs</th>"
            "<th>s</th><th>docs/s</th><th>MB/s</th><th>÷ boilerstrip</th></tr>")
    body = "".join(
        f"<tr><td>{html.escape(r['method'])}</td><td>{html.escape(r['dataset'])}</td><td>{html.escape(r['input'])}</td>"
        f"<td class=num>{r['precision']:.3f}</td><td class=num>{r['recall']:.3f}</td><td class=num><b>{r['f1']:.3f}</b></td>"
        f"<td class=num>{_docs(r)}</td>"
        f"<td class=num>{r['seconds']:.2f}</td><td class=num>{r['docs_per_s']:.1f}</td>"
        f"<td class=num>{r['mb_per_s']:.2f}</td><td class=num>{_ratio(r.get('ratio_to_boilerstrip'))}</td></tr>"
        for r in rows
    )
    return f"<table>{head}{body}</table>"


def meta_list(meta: Row) -> str:
    """The run's settings as an HTML list."""
    versions = ", ".join(f"{k} {v}" for k, v in meta.get("versions", {}).items() if v)
    def esc(key: str) -> str:
        return html.escape(str(meta.get(key, "")))

    items = [
        f"command: <code>{esc('command')}</code>",
        (f"date: {esc('date')}; Python {esc('python')}; {esc('platform')}; "
         f"{esc('cpu_count')} CPUs, pinned to CPU {esc('pinned_cpu')}"),
        (f"pages per dataset: {meta.get('limit') or 'all'}; timing: fastest of {esc('repeat')} pass(es); "
         f"wall time {meta.get('wall_seconds', 0):.0f} s"),
        f"versions: {html.escape(versions)}",
    ]
    items += [f"note: {html.escape(n)}" for n in meta.get("notes", [])]
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def report(doc: Row, charts: Sequence[tuple[str, pathlib.Path]]) -> str:
    """The whole report page."""
    images = "\n".join(f'<h3>{html.escape(caption)}</h3><img alt="{html.escape(caption)}" src="{_data_uri(path)}">'
                       for caption, path in charts)
    worst = "\n".join(worst_section(v) for v in doc.get("worst", []))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>boilerstrip and peers</title><style>{CSS}</style></head>
<body>
<h1>boilerstrip and peers</h1>
{meta_list(doc.get("meta", {}))}
<h2>Figures</h2>
<p>P, R, F1 from the benchmark's score.py (AEB: 4-gram shingles, macro-averaged; trafilatura-eval:
with/without segments, micro-averaged). Speed: extraction calls only, one core; ÷ boilerstrip = pages/s
divided by boilerstrip's pages/s in the same passes on the same pages (page HTML rows: boilerstrip on the
html_text rendering, whose rendering time is not counted).</p>
{results_table(doc["results"])}
<h2>Charts</h2>
{images}
<h2>boilerstrip's worst pages</h2>
<p class="legend"><span class="missed">missed: only in the gold</span><span class="leaked">leaked: only in the output</span>
AEB pages: lines compared by their word tokens (difflib). trafilatura-eval pages: the gold is a set of segments;
an output line is marked when it holds a leaked segment (segments spanning lines are not marked).</p>
{worst}
</body></html>
"""


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("json", type=pathlib.Path, nargs="?", default=DEFAULT_OUT / "peers.json",
                    help="peers.py --json output (default: benchmarks/out/peers.json)")
    ap.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT, help="output folder (default: benchmarks/out)")
    args = ap.parse_args(argv)
    plt = load_pyplot()
    if plt is None:
        print("plots: matplotlib is not installed; install the extra with: pip install '.[plots]'", file=sys.stderr)
        return 2
    try:
        doc = json.loads(args.json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"plots: cannot read {args.json}: {exc}", file=sys.stderr)
        return 1
    if not doc.get("results"):
        print(f"plots: {args.json} holds no results", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    charts = write_charts(plt, doc["results"], args.out)
    target = args.out / "report.html"
    target.write_text(report(doc, charts), encoding="utf-8")
    print(f"wrote {target} and {len(charts)} PNGs in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
