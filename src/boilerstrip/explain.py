"""A human-readable view of every block and the decision about it."""

from __future__ import annotations

from .result import Result
from .visible import for_terminal

#: Characters of each block shown; the offsets give the rest.
PREVIEW = 72


def explain(source: str, result: Result) -> str:
    """One line per block: KEEP/DROP, category, offsets, reasons, and the text.

    The text is shown with control characters, line breaks inside a block and
    bidirectional formatting characters written as escapes (``\\x1b``,
    ``\\n``, ``\\u202e``, see ``visible.for_terminal``): a page cannot clear the
    terminal, set its title or reverse the line, and each block stays on one line.

    >>> from boilerstrip import strip
    >>> print(explain("Share", strip("Share")), end="")  # doctest: +NORMALIZE_WHITESPACE
    language: none   title: none   blocks: 1 kept: 0 removed: 1
    DROP share            0-5        lexicon:share   | Share
    """
    kept = sum(1 for b in result.blocks if b.kept)
    lines = [
        f"language: {result.language or 'none'}   title: "
        f"{repr(result.title) if result.title is not None else 'none'}   "
        f"blocks: {len(result.blocks)} kept: {kept} removed: {len(result.blocks) - kept}"
    ]
    for b in result.blocks:
        mark = "KEEP" if b.kept else ("TITL" if b.category == "title" else "DROP")
        preview = source[b.start : b.end]
        if len(preview) > PREVIEW:
            preview = preview[: PREVIEW - 1] + "…"
        preview = for_terminal(preview)
        lines.append(f"{mark} {b.category:<16} {f'{b.start}-{b.end}':<10} {','.join(b.reasons):<15} | {preview}")
    return "\n".join(lines) + "\n"
