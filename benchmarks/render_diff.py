"""Where do other renderings lose against html_text on the same pages? (issue 18)

    python benchmarks/render_diff.py render OUT          # render soup-lines and markdown once
    python benchmarks/render_diff.py predict OUT run.json  # strip every rendering with PYTHONPATH's code
    python benchmarks/render_diff.py compare OUT a.json b.json   # per source and rendering, paired ΔF1 ± σ
    python benchmarks/render_diff.py worst OUT run.json --renderer soup-lines  # pages that lose most

``render`` writes ``OUT/<source>/<stem>.<rendering>.jsonl.gz`` in the shared files' record
format (gold fields copied from the html_text file), so ``paired.py --data OUT --renderer
soup-lines`` reads them too. ``predict`` strips html_text, inscriptis, soup-lines and
markdown; ``compare`` and ``worst`` score Markdown output as text (``markdown_as_text``),
which measures the extraction rather than the syntax.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import sys
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import renderers  # noqa: E402
import scoring  # noqa: E402
import sources  # noqa: E402
from _common import default_data_dir, read_jsonl  # noqa: E402

EXTRA = ("soup-lines", "markdown")
ALL = ("html_text", "inscriptis") + EXTRA


def _file(root: pathlib.Path, src: sources.Source, rendering: str) -> pathlib.Path:
    return root / src.name / f"{src.stem}.{rendering}.jsonl.gz"


def render(data: pathlib.Path, out: pathlib.Path) -> None:
    for src in sources.SOURCES:
        gold = read_jsonl(src.file(data, "html_text"))
        html = {r["id"]: r["html"] for r in read_jsonl(src.file(data, "html"))}
        (out / src.name).mkdir(parents=True, exist_ok=True)
        for rendering in EXTRA:
            fn = renderers.RENDERERS[rendering]
            with gzip.open(_file(out, src, rendering), "wt", encoding="utf-8") as f:
                for rec in gold:
                    row = dict(rec, renderer=rendering, raw_text=fn(html[rec["id"]]))
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(src.name, rendering, flush=True)
    (out / "score.py").write_bytes((data / "score.py").read_bytes())


def _records(data: pathlib.Path, out: pathlib.Path, src: sources.Source, rendering: str) -> list[dict[str, Any]]:
    return read_jsonl(src.file(data, rendering) if rendering in sources.RENDERERS else _file(out, src, rendering))


def predict(data: pathlib.Path, out: pathlib.Path, dest: pathlib.Path, renderings: list[str]) -> None:
    import boilerstrip

    preds: dict[str, dict[str, dict[str, str]]] = {}
    for rendering in renderings:
        preds[rendering] = {}
        for src in sources.SOURCES:
            recs = _records(data, out, src, rendering)
            preds[rendering][src.name] = {r["id"]: boilerstrip.strip(r["raw_text"]).text for r in recs}
    dest.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")


def _as_text(rendering: str, text: str) -> str:
    return renderers.markdown_as_text(text) if rendering == "markdown" else text


def _scores(scorer: Any, recs: list[dict[str, Any]], rendering: str, pred: dict[str, str]) -> scoring.PageScores:
    return scoring.score_pages(scorer, recs, {k: _as_text(rendering, v) for k, v in pred.items()})


def compare(data: pathlib.Path, out: pathlib.Path, a_path: pathlib.Path, b_path: pathlib.Path, renderings: list[str]) -> None:
    scorer = scoring.load(data / "score.py")
    a_all, b_all = (json.loads(p.read_text(encoding="utf-8")) for p in (a_path, b_path))
    print(f"{'source':<18} {'rendering':<11} {'changed':>7} {'F1 before':>15} {'F1 after':>15} {'ΔF1 (paired σ)':>18}")
    for rendering in renderings:
        for src in sources.SOURCES:
            recs = _records(data, out, src, rendering)
            a = _scores(scorer, recs, rendering, a_all[rendering][src.name])
            b = _scores(scorer, recs, rendering, b_all[rendering][src.name])
            sa, sb = scoring.bootstrap_sigma(a, metrics=("f1",)), scoring.bootstrap_sigma(b, metrics=("f1",))
            d = scoring.paired_bootstrap(a, b, metrics=("f1",))["f1"]
            changed = sum(1 for r in recs if a_all[rendering][src.name][r["id"]] != b_all[rendering][src.name][r["id"]])
            print(
                f"{src.name:<18} {rendering:<11} {changed:>7} {a.figures()['f1']:>8.4f}±{sa['f1']:.4f}"
                f" {b.figures()['f1']:>8.4f}±{sb['f1']:.4f} {d.diff:>+10.4f}±{d.sigma:.4f}",
                flush=True,
            )


def worst(data: pathlib.Path, out: pathlib.Path, run: pathlib.Path, rendering: str, n: int) -> None:
    """Pages where *rendering* scores lowest against html_text, with each page's F1 on both."""
    scorer = scoring.load(data / "score.py")
    allp = json.loads(run.read_text(encoding="utf-8"))
    rows = []
    for src in sources.SOURCES:
        base_recs = _records(data, out, src, "html_text")
        recs = _records(data, out, src, rendering)
        base = _scores(scorer, base_recs, "html_text", allp["html_text"][src.name])
        other = _scores(scorer, recs, rendering, allp[rendering][src.name])
        for i, pid in enumerate(base.ids):
            fb, fo = base.figures([i])["f1"], other.figures([i])["f1"]
            rows.append((fo - fb, src.name, pid, fb, fo))
    rows.sort()
    total = sum(r[0] for r in rows)
    print(f"sum of per-page ΔF1 {total:+.2f} over {len(rows)} pages; pages losing >0.1: {sum(r[0] < -0.1 for r in rows)}")
    for d, s, pid, fb, fo in rows[:n]:
        print(f"{d:+.3f} {fb:.3f} -> {fo:.3f} {s:<17} {pid}")


def _gold_test(scorer: Any, rec: dict[str, Any]) -> Any:
    """A test of one block's text: True if it is article text by the page's gold (roughly)."""
    if "gold_body" in rec:
        gold = set(scorer.aeb_tokens(rec["gold_body"]))
        return lambda t: (lambda toks: bool(toks) and sum(x in gold for x in toks) >= 0.6 * len(toks))(scorer.aeb_tokens(t))
    withs = [scorer.ws_norm(w) for w in rec.get("with", [])]
    return lambda t: any(w and (w in scorer.ws_norm(t) or (len(t) > 20 and scorer.ws_norm(t) in w)) for w in withs)


def _reason(block: Any) -> str:
    section = [r for r in block.reasons if r.startswith(("section:", "section-start:"))]
    return section[0].rsplit(":", 1)[0] if section else (block.reasons[-1] if block.reasons else "")


def causes(data: pathlib.Path, out: pathlib.Path, run: pathlib.Path, rendering: str, n: int, threshold: float) -> None:
    """On pages that lose more than *threshold* F1 against html_text: the words of gold
    blocks dropped, and of other blocks kept, by reason, for *rendering* minus html_text."""
    from collections import Counter

    import boilerstrip

    scorer = scoring.load(data / "score.py")
    allp = json.loads(run.read_text(encoding="utf-8"))
    lost: Counter[str] = Counter()
    noise: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for src in sources.SOURCES:
        base_recs = _records(data, out, src, "html_text")
        recs = {r["id"]: r for r in _records(data, out, src, rendering)}
        base = _scores(scorer, base_recs, "html_text", allp["html_text"][src.name])
        other = _scores(scorer, list(recs.values()), rendering, allp[rendering][src.name])
        for i, pid in enumerate(base.ids):
            if other.figures([i])["f1"] - base.figures([i])["f1"] > -threshold:
                continue
            pages[src.name] += 1
            is_gold = _gold_test(scorer, recs[pid])
            page_lost: Counter[str] = Counter()
            for sign, rec in ((1, recs[pid]), (-1, base_recs[i])):
                text = rec["raw_text"]
                for b in boilerstrip.strip(text).blocks:
                    t = _as_text(rendering if sign == 1 else "html_text", text[b.start : b.end])
                    w = len(t.split())
                    gold = is_gold(t)
                    if gold and not b.kept:
                        lost[_reason(b)] += sign * w
                        page_lost[_reason(b)] += sign * w
                    elif not gold and b.kept:
                        noise[_reason(b)] += sign * w
            for k, v in page_lost.items():
                if v > 30:
                    examples.setdefault(k, []).append(f"{src.name}:{pid}")
    print("losing pages:", dict(pages))
    print("gold words dropped (rendering minus html_text), by reason:")
    for k, v in lost.most_common(n):
        print(f"  {v:>7} {k:<40} {' '.join(examples.get(k, [])[:4])}")
    print("other words kept (rendering minus html_text), by reason:")
    for k, v in noise.most_common(n):
        print(f"  {v:>7} {k}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("render", "predict", "compare", "worst", "causes"))
    ap.add_argument("out", type=pathlib.Path, help="folder of the extra renderings")
    ap.add_argument("runs", type=pathlib.Path, nargs="*")
    ap.add_argument("--data", type=pathlib.Path, default=default_data_dir())
    ap.add_argument("--renderer", default="soup-lines")
    ap.add_argument("--renderings", default=",".join(ALL))
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--threshold", type=float, default=0.05, help="causes: pages losing more F1 than this")
    args = ap.parse_args(argv)
    if args.command == "render":
        render(args.data, args.out)
    elif args.command == "predict":
        predict(args.data, args.out, args.runs[0], args.renderings.split(","))
    elif args.command == "compare":
        compare(args.data, args.out, args.runs[0], args.runs[1], args.renderings.split(","))
    elif args.command == "causes":
        causes(args.data, args.out, args.runs[0], args.renderer, args.n, args.threshold)
    else:
        worst(args.data, args.out, args.runs[0], args.renderer, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
