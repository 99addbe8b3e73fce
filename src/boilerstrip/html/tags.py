"""The HTML elements the renderer treats alike: block-level, dropped, preformatted, headings, cells."""

from __future__ import annotations

#: Elements that start and end a line (HTML's block-level and table elements).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol p "
    "plaintext pre section summary table tbody thead tfoot tr td th caption ul option optgroup "
    "frameset frame noframes address".split()
)
#: Elements whose content is never shown as text.
DROPPED_TAGS = frozenset(
    "script style template head svg math select iframe object embed canvas video audio "
    "map datalist textarea input button-hidden".split()
)
#: Elements whose text keeps its line breaks and spaces.
PRE_TAGS = frozenset({"pre", "listing", "plaintext", "textarea"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Table cells: a row's cells share one line, a space apart, as a browser shows the
#: row (trafilatura-eval-dev recall 0.890 -> 0.892, aeb-dev unchanged; 4 % fewer lines).
CELL_TAGS = frozenset({"td", "th"})
