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

# A block: from the first to the last non-space character of a line. ``\S`` and
# ``str.strip()`` agree on white space (both use ``str.isspace``), and CR and LF are
# white space, so a match never crosses a line end. Linear: the search scans for
# the first non-space once, and the greedy run backtracks at most over the line's
# trailing white space, which the next search then skips.
_BLOCK = re.compile(r"\S(?:[^\r\n]*\S)?")


def segment(text: str) -> list[tuple[int, int]]:
    """Return the trimmed spans of the non-blank lines of *text*.

    >>> segment("  Title \\r\\n\\r\\nBody.\\n")
    [(2, 7), (12, 17)]
    """
    return [match.span() for match in _BLOCK.finditer(text)]
