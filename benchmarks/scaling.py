"""Time ``boilerstrip.strip()`` on hostile input shapes at sizes n, 2n, 4n, 8n, 16n.

    python benchmarks/scaling.py                  # every shape, full sizes, 3 repeats
    python benchmarks/scaling.py --quick          # n halved, 2 repeats (for CI)
    python benchmarks/scaling.py --quick --check  # exit 1 if a shape grows clearly worse than linear
    python benchmarks/scaling.py --shape one_line --shape run_spaces   # some shapes only
    python benchmarks/scaling.py --json out.json  # the figures as JSON too

Every step of the pipeline is meant to be linear in the input (README, "How it
decides"). This script is the evidence: for each shape it prints the seconds per
size, the growth ratio per doubling t(2k)/t(k) (linear: about 2) and the overall
ratio t(16n)/t(n) (linear: 16). ``--check`` fails when a shape's overall ratio
exceeds ``--max-ratio`` (default 40: clearly worse than linear, yet well above
the noise of a shared 2-core machine; a quadratic step gives about 256).
Absolute times are printed but never checked.

Each size is timed as the minimum of ``--repeats`` runs with
:func:`time.perf_counter`, after a garbage collection; the garbage collector
stays on during the run, as it is in real use. The inputs are built in code and
are the same on every run. n is chosen per shape so that the smallest size
takes at least some 20-50 ms here (timer noise does not dominate); where the
shape's description names a largest size (20 MB, 1 million lines, ...), n is
that size / 16, and the smallest size then takes longer (up to about 1 s for
one-word lines). ``--quick`` halves every n.
"""

from __future__ import annotations

import argparse
import gc
import json
import pathlib
import random
import sys
import time
from dataclasses import dataclass
from typing import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import boilerstrip  # noqa: E402

#: Multiples of n that are timed.
FACTORS = (1, 2, 4, 8, 16)
#: Linear growth from n to 16n.
LINEAR_RATIO = FACTORS[-1] / FACTORS[0]

# --- Deterministic material ----------------------------------------------------------

_VOCABULARY = (
    "the of and to in that was a it for on with as his her they at from this had not but were which "
    "their have been would there when who into after than also some could other is he she we an or "
    "town river council water school winter morning children farmers road bridge harbour village "
    "teachers doctors plan officials residents said found built opened moved decided heavy small old "
    "quiet early long cold bright garden station engineers valley forest hospital library museum "
    "workers families walked carried repaired expected measured planted crossed narrow wooden northern "
    "southern project study season harvest flood storm rain meeting mayor neighbours students careful "
    "slowly together Share Home News Tweet Email Subscribe Login Menu Search Privacy Cookies"
).split()

_PROSE = (
    "The council met in the old hall on the first evening of the week.",
    "Residents said that the road by the river was closed again after the rain.",
    "Engineers expect the work on the bridge to take most of the winter.",
    "The mayor told the meeting that the school would open as planned.",
    "Farmers in the valley said the harvest was the best in years.",
)


def _words(count: int, seed: int = 1) -> list[str]:
    """*count* words drawn from the vocabulary with a fixed seed."""
    rng = random.Random(seed)
    return [rng.choice(_VOCABULARY) for _ in range(count)]


_WORD_BLOCK: list[str] = []


def _word_block() -> str:
    """About 64 KB of space-separated words, made once."""
    if not _WORD_BLOCK:
        _WORD_BLOCK.append(" ".join(_words(10_000)))
    return _WORD_BLOCK[0]


def _repeat_to(unit: str, chars: int, joiner: str = " ") -> str:
    """*unit* repeated (joined by *joiner*) and cut to exactly *chars* characters."""
    copies = chars // (len(unit) + len(joiner)) + 1
    return joiner.join([unit] * copies)[:chars]


def one_line(chars: int) -> str:
    """One line of space-separated words, no newline at all."""
    return _repeat_to(_word_block(), chars).rstrip() + "."


def word_lines(lines: int) -> str:
    """One word per line."""
    pool = _words(4096, seed=2)
    return "\n".join(pool[i % 4096] for i in range(lines)) + "\n"


IDENTICAL_LINE = "The council said on Monday that the old wooden bridge would close for repairs."


def identical_lines(lines: int) -> str:
    """The same sentence on every line."""
    return "\n".join([IDENTICAL_LINE] * lines) + "\n"


def run_spaces(chars: int) -> str:
    """ "a", a run of spaces, "b": one line that is nearly all white space."""
    return "a" + " " * max(chars - 2, 0) + "b"


def run_dots(chars: int) -> str:
    """A run of full stops."""
    return "." * chars


def run_dot_space(chars: int) -> str:
    """". " repeated: a sentence end before every space."""
    return _repeat_to(".", chars)


def run_separators(chars: int) -> str:
    """" - | " repeated: every character a title separator or the space around one."""
    return "Title" + _repeat_to(" -", chars - 10) + " Site"


def headlines(lines: int) -> str:
    """Near-duplicate "Headline - Site" lines (the number varies) between short prose lines."""
    out = []
    for i in range(lines // 2 + lines % 2):
        out.append(f"Headline number {i} about the council - Site")
        out.append(_PROSE[i % len(_PROSE)])
    return "\n".join(out[:lines]) + "\n"


_PAGES: list[str] = []


def realistic(chars: int) -> str:
    """The texts of samples/*.txt one after another, repeated, cut at a line end."""
    if not _PAGES:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
        _PAGES.append("\n".join(t.rstrip("\n") for t in texts) + "\n")
    pages = _PAGES[0]
    text = pages * (chars // len(pages) + 1)
    cut = text.rfind("\n", 0, chars)
    return text[: cut + 1 if cut > 0 else chars]


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[int], str]
    n: int  # smallest size, in units (full run)
    unit: str  # what n counts: "chars" or "lines"
    description: str


SHAPES = (
    Shape("one_line", one_line, 1_250_000, "chars", "one line of words, no newline (20 MB at 16n)"),
    Shape("word_lines", word_lines, 62_500, "lines", "one word per line (1 million lines at 16n)"),
    Shape("identical_lines", identical_lines, 6_250, "lines", "copies of one line (100 000 at 16n)"),
    Shape("run_spaces", run_spaces, 312_500, "chars", '"a" + spaces + "b" (5 MB at 16n)'),
    Shape("run_dots", run_dots, 312_500, "chars", '"." repeated (5 MB at 16n)'),
    Shape("run_dot_space", run_dot_space, 312_500, "chars", '". " repeated (5 MB at 16n)'),
    Shape("run_separators", run_separators, 312_500, "chars", '"Title - - - ... Site" (5 MB at 16n)'),
    Shape("headlines", headlines, 1_000, "lines", '"Headline number N about the council - Site" / prose, alternating'),
    Shape("realistic", realistic, 75_000, "chars", "samples/*.txt concatenated and repeated (1.2 MB at 16n)"),
)


# --- Timing ----------------------------------------------------------------------------


def time_strip(text: str, repeats: int) -> float:
    """The fastest of *repeats* runs of ``strip(text)``, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        result = boilerstrip.strip(text)
        elapsed = time.perf_counter() - t0
        del result
        best = min(best, elapsed)
    return best


def measure(shape: Shape, n: int, repeats: int) -> dict:
    sizes, chars, seconds = [], [], []
    for factor in FACTORS:
        size = n * factor
        text = shape.build(size)
        sizes.append(size)
        chars.append(len(text))
        seconds.append(time_strip(text, repeats))
        del text
    doubling = [seconds[i + 1] / seconds[i] for i in range(len(seconds) - 1)]
    return {
        "shape": shape.name,
        "description": shape.description,
        "unit": shape.unit,
        "sizes": sizes,
        "chars": chars,
        "seconds": seconds,
        "doubling_ratios": doubling,
        "ratio": seconds[-1] / seconds[0],
    }


def _size(value: int, unit: str) -> str:
    if unit == "chars":
        return f"{value / 1e6:.2f} MB" if value >= 1_000_000 else f"{value / 1e3:.0f} KB"
    return f"{value:,} lines"


def report(row: dict, out=sys.stdout) -> None:
    print(f"{row['shape']}: {row['description']}", file=out)
    for size, chars, secs in zip(row["sizes"], row["chars"], row["seconds"]):
        extra = f" ({chars / 1e6:.2f} M chars)" if row["unit"] != "chars" else ""
        print(f"    {_size(size, row['unit']):>16}{extra:>18}  {secs:9.4f} s", file=out)
    doubling = "  ".join(f"{r:.2f}" for r in row["doubling_ratios"])
    print(f"    per doubling: {doubling}   t(16n)/t(n) = {row['ratio']:.1f} (linear: {LINEAR_RATIO:.0f})", file=out)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="n halved and 2 repeats (for CI)")
    p.add_argument("--repeats", type=int, default=None, help="runs per size; the minimum counts (default 3, 2 with --quick)")
    p.add_argument("--check", action="store_true", help="exit 1 if a shape's t(16n)/t(n) exceeds --max-ratio")
    p.add_argument("--max-ratio", type=float, default=40.0, help="largest t(16n)/t(n) --check accepts (default 40)")
    p.add_argument("--shape", action="append", choices=[s.name for s in SHAPES], help="only this shape (repeatable)")
    p.add_argument("--json", metavar="FILE", help="write the figures as JSON to FILE")
    args = p.parse_args(argv)
    repeats = args.repeats if args.repeats is not None else (2 if args.quick else 3)
    if repeats < 1:
        p.error("--repeats must be at least 1")

    boilerstrip.strip(realistic(20_000))  # load the lexicons and compile the patterns first
    shapes = [s for s in SHAPES if not args.shape or s.name in args.shape]
    print(f"boilerstrip {boilerstrip.__version__}, Python {sys.version.split()[0]}, "
          f"{'quick' if args.quick else 'full'} run, minimum of {repeats} runs per size")
    rows = []
    started = time.perf_counter()
    for shape in shapes:
        n = max(shape.n // 2, 1) if args.quick else shape.n
        row = measure(shape, n, repeats)
        rows.append(row)
        report(row)
        sys.stdout.flush()
    total = time.perf_counter() - started

    failed = [r for r in rows if r["ratio"] > args.max_ratio]
    print()
    print(f"{'shape':<16} {'t(n) s':>9} {'t(16n) s':>9}  {'per doubling':<27} {'t(16n)/t(n)':>11}")
    for r in rows:
        doubling = " ".join(f"{x:5.2f}" for x in r["doubling_ratios"])
        flag = "  <-- worse than linear" if r in failed else ""
        print(f"{r['shape']:<16} {r['seconds'][0]:9.4f} {r['seconds'][-1]:9.4f}  {doubling:<27} {r['ratio']:11.1f}{flag}")
    print(f"total {total:.1f} s")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {"quick": args.quick, "repeats": repeats, "max_ratio": args.max_ratio, "factors": list(FACTORS),
                 "python": sys.version.split()[0], "total_seconds": total, "shapes": rows},
                f,
                indent=2,
            )
            f.write("\n")
    if args.check:
        if failed:
            for r in failed:
                doubling = ", ".join(f"{x:.2f}" for x in r["doubling_ratios"])
                print(f"FAIL {r['shape']}: t(16n)/t(n) = {r['ratio']:.1f} > {args.max_ratio:g} "
                      f"(per doubling: {doubling})", file=sys.stderr)
            return 1
        print(f"check passed: every t(16n)/t(n) <= {args.max_ratio:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
