"""Raw text to blocks: every non-blank line, trimmed, as ``(start, end)`` offsets.

Offsets are half-open code-point indices into the untouched input, so
``text[start:end]`` is always exactly the block. Lines end at ``\\n``,
``\\r\\n`` or a lone ``\\r``; other separators (U+2028, U+0085, form feed)
stay inside the line, because renderers put them inside paragraphs. Leading and
trailing white space (``str.isspace``: spaces, tabs, NBSP, ...) is not part of
a block. Nothing is rewritten.
"""

from __future__ import annotations

import re

# A line: a run of anything but CR/LF. Matching runs of one negated class is linear.
_LINE = re.compile(r"[^\r\n]+")


def segment(text: str) -> list[tuple[int, int]]:
    """Return the trimmed spans of the non-blank lines of *text*.

    >>> segment("  Title \\r\\n\\r\\nBody.\\n")
    [(2, 7), (11, 16)]
    """
    spans: list[tuple[int, int]] = []
    append = spans.append
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        append((start, start + len(stripped)))
    return spans
