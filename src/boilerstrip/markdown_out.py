"""``--format markdown``: the title and body as Markdown, from the structure the blocks carry.

Only what the classifier already knows is written as Markdown: the title
becomes a level-1 heading, a kept block whose first label is a heading becomes
a level-2 heading, and one labelled a list item becomes a list item. Every
other kept block is a paragraph. The words are the input's, as in the plain
body: nothing is reworded, escaped or reflowed (a heading's line breaks become
spaces, because a Markdown heading is one line).
"""

from __future__ import annotations

from typing import Optional

from .result import Result

#: First labels (see classify.py's text classes) that carry structure.
HEADING_LABEL = "heading"
LIST_ITEM_LABEL = "list-item"
#: A list item that already starts with a Markdown bullet keeps it.
_BULLETS = ("- ", "* ", "+ ")


def render_markdown(text: str, result: Result, title: Optional[str] = None) -> str:
    """The Markdown of *result* over its input *text*; *title* overrides ``result.title``
    (the HTML front end's title). Blocks are separated by a blank line, consecutive
    list items by a line break; the output ends with a newline unless it is empty.

    >>> from boilerstrip import strip
    >>> page = "A short headline here\\n\\nThe whole story is told in this one paragraph, which is long enough."
    >>> print(render_markdown(page, strip(page)), end="")
    # A short headline here
    <BLANKLINE>
    The whole story is told in this one paragraph, which is long enough.
    """
    parts: list[str] = []
    headline = title if title is not None else result.title
    if headline:
        parts.append("# " + _one_line(headline))
    previous_item = False
    for block in result.blocks:
        if not block.kept:
            continue
        chunk = text[block.start : block.end]
        item = block.first_label == LIST_ITEM_LABEL
        if block.first_label == HEADING_LABEL:
            chunk = "## " + _one_line(chunk)
        elif item and not chunk.startswith(_BULLETS):
            chunk = "- " + chunk
        if item and previous_item:
            parts[-1] += "\n" + chunk
        else:
            parts.append(chunk)
        previous_item = item
    return "\n\n".join(parts) + ("\n" if parts else "")


def with_title(body: str, title: Optional[str]) -> str:
    """``--with-title``: the headline, a blank line, the body (just the body without a headline)."""
    if not title:
        return body
    return f"{_one_line(title)}\n\n{body}" if body else _one_line(title)


def _one_line(text: str) -> str:
    return " ".join(text.split())
