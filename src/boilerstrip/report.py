"""HTML reports: the input with every block highlighted by what was decided about it.

A report is one self-contained page (no scripts, no external assets, a content
security policy that forbids both) that shows the input exactly as given, so a
person can see at a glance what was kept and why the rest was removed, and
cross-check offsets against the JSON output. A batch gets one page per record
and an index page linking them.

Everything on the page is derived from ``result.blocks``: each block becomes a
``<span class="blk cat-<category> kept|removed">`` carrying ``data-start``,
``data-end``, ``data-category`` and ``data-reasons``; the text between blocks
(blank lines, indentation) is kept in ``<span class="gap">``. The title block
counts as kept (it is kept in its own field), like ``categories`` says.

Some characters cannot travel through HTML at all: NUL (the parser drops or
replaces it) and lone surrogates (not encodable). Others would act on the page
instead of being shown: control characters, and bidirectional formatting such
as U+202E, which would show the rest of its paragraph reversed. Each of these is
shown as a visible mark in ``<span class="ctl" data-char="XXXX">`` naming its
code point (see ``visible.py``), so the exact input can still be rebuilt from
the page. A carriage return is written as ``&#13;`` because HTML parsers turn a
raw CR or CRLF into LF.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

from . import categories as C
from .errors import InputError
from .result import Block, Result
from .visible import html_attr as _attr
from .visible import html_text as _text

__all__ = ["IndexEntry", "render_index", "render_report", "report_filename"]

# --- colours ---------------------------------------------------------------------------

#: Per category: (strong colour for labels and borders, light tint for backgrounds).
#: Chosen by eye on the seed screenshot (docs/report-seed.png): kept categories are a calm
#: green and gold, clutter categories spread over distinct hues; every strong colour
#: carries white label text at a contrast ratio of at least 4.5:1.
COLOURS = {
    C.BODY: ("#2e7d32", "#e4f3e5"),
    C.TITLE: ("#8a6100", "#fff0bf"),
    C.TITLE_DUPLICATE: ("#7b5e57", "#f2ebe8"),
    C.SUBTITLE: ("#6d4c41", "#f3e9e4"),
    C.APP_PROMO: ("#7b1fa2", "#f4e6f9"),
    C.RELATED: ("#1565c0", "#e3edf9"),
    C.SHARE: ("#00727d", "#ddf1f3"),
    C.NEWSLETTER: ("#ad1457", "#fbe4ee"),
    C.COOKIE: ("#8d4f00", "#fbeedd"),
    C.COMMENTS: ("#4527a0", "#ebe6f7"),
    C.CAPTION: ("#bf360c", "#fde9e1"),
    C.NAVIGATION: ("#455a64", "#e7ecef"),
    C.BYLINE: ("#5d6b00", "#f1f4d9"),
    C.FOOTER: ("#5f5f5f", "#ededed"),
    C.ADVERTISEMENT: ("#c62828", "#fce4e4"),
    C.INLINE_PROMO: ("#00695c", "#dff2ee"),
    C.BOILERPLATE: ("#6a6a3a", "#f0f0e2"),
}
#: Colours of a category this version does not know (a result read with ``from_dict``).
UNKNOWN_COLOURS = ("#616161", "#eeeeee")

#: Only these characters survive in a report file name; every other run becomes "_".
_UNSAFE_NAME_RUN = re.compile(r"[^A-Za-z0-9._-]+")
#: Longest record-id part of a report file name (keeps names well under file-system limits).
MAX_ID_CHARS = 60
#: Characters that are not allowed in a CSS class name built from a category.
_CSS_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")

_STYLE = """
:root{color-scheme:light}
body{margin:0 auto;max-width:1180px;padding:16px 24px 48px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1d;background:#fafafa}
h1{font-size:20px;margin:0 0 4px}
.summary{margin:0 0 12px;color:#444}
.summary dt{display:inline;font-weight:600}
.summary dd{display:inline;margin:0 14px 0 4px}
.note{color:#666;font-size:13px;margin:4px 0}
.legend{margin:8px 0 4px}
.legend ul{display:flex;flex-wrap:wrap;gap:6px 10px;margin:4px 0 8px;padding:0;list-style:none}
.legend h2{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:#555;margin:6px 0 0}
.legend li{display:flex;align-items:center;gap:6px;padding:3px 10px 3px 6px;border-radius:6px;background:var(--bg);border:1px solid var(--c);font-size:13px}
.legend .sw{width:14px;height:14px;border-radius:3px;background:var(--c)}
.legend .count{font-weight:700;font-variant-numeric:tabular-nums}
.legend .desc{color:#555}
.switch-row{display:inline-block;margin:4px 0 12px;padding:8px 12px;background:#fff;border:1px solid #ddd;border-radius:6px;font-size:14px}
#kept-only{transform:scale(1.2);margin-right:8px;vertical-align:-1px}
.switch-row label{font-weight:600;cursor:pointer}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:13.5px/1.7 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;background:#fff;border:1px solid #ddd;border-radius:6px;padding:14px 16px;margin:0}
.blk{--c:#616161;--bg:#eee;background:var(--bg);border-radius:3px;box-decoration-break:clone;-webkit-box-decoration-break:clone;padding:1px 2px}
.blk::before{content:attr(data-category) " " attr(data-start) "\\2013" attr(data-end) "  " attr(data-reasons);font:600 10.5px/1.3 system-ui,sans-serif;color:#fff;background:var(--c);border-radius:3px;padding:1px 5px;margin-right:6px;vertical-align:1px;white-space:normal}
.blk.kept{color:#111}
.blk.removed{color:#6b6b6b;background:repeating-linear-gradient(135deg,var(--bg) 0 7px,rgba(255,255,255,.6) 7px 9px)}
.blk.cat-title{font-weight:700;color:#000;outline:2px solid var(--c);outline-offset:1px}
.blk.cat-title::before{content:"\\2605  TITLE  " attr(data-start) "\\2013" attr(data-end) "  " attr(data-reasons)}
.ctl{color:#b00020;font-weight:700}
#kept-only:checked~.text .removed,#kept-only:checked~.text .gap{display:none}
#kept-only:checked~.text .kept{display:block;margin:0 0 10px}
table{border-collapse:collapse;background:#fff;width:100%;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;width:1%;white-space:nowrap}
tr.error td{background:#fdecea}
.err{color:#8b0000;white-space:pre-wrap}
"""

#: No script, no network: even a mistake in escaping could not run code or fetch anything.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _category_css() -> str:
    """One rule per known category setting its two colour variables."""
    rules = [f".cat-{cat}{{--c:{strong};--bg:{tint}}}" for cat, (strong, tint) in COLOURS.items()]
    return "\n".join(rules)


_CSS = _STYLE + _category_css() + "\n"

# --- small helpers ---------------------------------------------------------------------


def _plain(value: str) -> str:
    """Escape a short piece of text (a name, a title) for display outside the text area."""
    return _text(value) if value else ""


def _css_class(category: str) -> str:
    """``cat-<category>`` with anything a class name should not hold replaced by "_"."""
    return "cat-" + _CSS_UNSAFE.sub("_", category)


#: Categories a report shows as kept: the body, and the title (kept in its own field).
#: Anything else, including a category this version does not know, is shown as removed.
KEPT_CATEGORIES = frozenset({C.BODY, C.TITLE})


def _check_blocks(text: str, blocks: Sequence[Block]) -> None:
    """Refuse blocks that do not fit *text*: the page would not show the input exactly."""
    previous_end = 0
    for block in blocks:
        if not previous_end <= block.start <= block.end <= len(text):
            raise InputError(
                f"block {block.start}-{block.end} does not fit the text (length {len(text)}, "
                f"previous block ends at {previous_end}); was the result made from this text?"
            )
        previous_end = block.end


def _ordered_categories(counts: Counter[str]) -> list[str]:
    """Categories present, known ones in ``categories.ALL`` order, unknown ones after."""
    known = [cat for cat in C.ALL if counts[cat]]
    return known + sorted(cat for cat in counts if cat not in C.ALL)


# --- the report page -------------------------------------------------------------------


def _shown_as_kept(block: Block) -> bool:
    """The title, body, and blocks of a category kept by ``Options(keep=...)``."""
    return block.kept or block.category in KEPT_CATEGORIES


def _block_html(text: str, block: Block) -> str:
    """One highlighted block: the exact slice of *text* with its decision as attributes."""
    decision = "kept" if _shown_as_kept(block) else "removed"
    reasons = ", ".join(block.reasons)
    hover = f"{block.category} {block.start}\u2013{block.end}: {reasons or 'no reason recorded'}"
    element_id = ' id="title-block"' if block.category == C.TITLE else ""
    return (
        f'<span{element_id} class="blk {_css_class(block.category)} {decision}" '
        f'data-start="{block.start}" data-end="{block.end}" data-category="{_attr(block.category)}" '
        f'data-reasons="{_attr(reasons)}" title="{_attr(hover)}">'
        f"{_text(text[block.start:block.end])}</span>"
    )


def _text_parts(text: str, blocks: Sequence[Block]) -> Iterator[str]:
    """The text area's content in one pass: gaps and blocks in input order."""
    position = 0
    for block in blocks:
        if block.start > position:
            yield f'<span class="gap">{_text(text[position:block.start])}</span>'
        yield _block_html(text, block)
        position = block.end
    if position < len(text):
        yield f'<span class="gap">{_text(text[position:])}</span>'


def _legend_item(category: str, count: int) -> str:
    """One legend entry: colour swatch, category name, block count and what it means."""
    decision = "kept" if category in KEPT_CATEGORIES else "removed"
    description = C.DESCRIPTIONS.get(category, "a category this version does not describe")
    return (
        f'<li class="{_css_class(category)} {decision}" data-category="{_attr(category)}" data-count="{count}">'
        f'<span class="sw"></span><span class="name">{_plain(category)}</span>'
        f'<span class="count">{count}</span><span class="desc">{_plain(description)}</span></li>'
    )


def _legend(counts: Counter[str]) -> str:
    """The legend: kept categories, then removed ones, each with its count of blocks."""
    if not counts:
        return '<p class="note legend-empty">No blocks: the input has no non-blank line.</p>'
    ordered = _ordered_categories(counts)
    kept = [_legend_item(cat, counts[cat]) for cat in ordered if cat in KEPT_CATEGORIES]
    removed = [_legend_item(cat, counts[cat]) for cat in ordered if cat not in KEPT_CATEGORIES]
    kept_html = "".join(kept) or '<li class="none">nothing was kept</li>'
    removed_html = "".join(removed) or '<li class="none">nothing was removed</li>'
    return (
        '<section class="legend" aria-label="Legend: colour and number of blocks per category">'
        f'<h2>Kept</h2><ul>{kept_html}</ul><h2>Removed</h2><ul>{removed_html}</ul></section>'
    )


def _summary(text: str, result: Result, counts: Counter[str]) -> str:
    """The line under the heading: title, language and totals."""
    total = sum(counts.values())
    kept = counts[C.BODY]
    title = (
        f'<a href="#title-block">{_plain(result.title)}</a>' if result.title is not None else "<i>none</i>"
    )
    return (
        '<dl class="summary">'
        f"<dt>Title</dt><dd>{title}</dd>"
        f"<dt>Language</dt><dd>{_plain(result.language or 'none')}</dd>"
        f'<dt>Blocks</dt><dd data-total="{total}">{total}: {kept} body, {counts[C.TITLE]} title, '
        f"{total - kept - counts[C.TITLE]} removed</dd>"
        f"<dt>Characters</dt><dd>{len(text)}</dd></dl>"
    )


def _page(title: str, body_parts: Iterable[str]) -> str:
    """A complete HTML document around *body_parts* with the report style sheet."""
    head = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_CSS}</style></head><body>\n"
    )
    return "".join([head, *body_parts, "\n</body></html>\n"])


def render_report(text: str, result: Result, *, name: str = "") -> str:
    """Render *result* over *text* as one self-contained HTML page.

    The page shows every character of *text* in input order with each block
    highlighted by category, a label with its offsets and reason codes, a legend
    with the number of blocks per category, and a switch (a CSS-only checkbox,
    no script) that hides everything removed.

    Args:
        text: the exact string that was passed to :func:`~boilerstrip.strip`.
        result: what ``strip(text)`` returned.
        name: what the page is about (a file name or record id), shown in its heading.

    Returns:
        The HTML document as a string; its size is linear in ``len(text)``.

    Raises:
        InputError: a block of *result* lies outside *text* or overlaps the one before.

    >>> from boilerstrip import strip
    >>> page = render_report("Share", strip("Share"), name="demo")
    >>> 'data-category="share" data-count="1"' in page
    True
    """
    _check_blocks(text, result.blocks)
    counts = Counter(block.category for block in result.blocks)
    heading = f"boilerstrip report: {name}" if name else "boilerstrip report"
    parts = [
        f"<header><h1>{_plain(heading)}</h1>",
        _summary(text, result, counts),
        _legend(counts),
        (
            '<p class="note">Each label gives the category, the half-open code-point offsets '
            "<code>start\u2013end</code> into the input (as in the JSON output) and the reason codes; "
            "hover a block for the same.</p></header>\n"
        ),
        (
            '<input type="checkbox" id="kept-only" class="switch">'
            '<label for="kept-only" class="switch-row">Show only what was kept (title and body)</label>\n'
        ),
        '<div class="text" id="source">',
        *_text_parts(text, result.blocks),
        "</div>",
    ]
    if not text:
        parts.append('<p class="note">The input is empty.</p>')
    elif not any(_shown_as_kept(block) for block in result.blocks):
        parts.append('<p class="note nothing-kept">Nothing was kept from this input.</p>')
    return _page(_attr(heading), parts)


# --- the batch index -------------------------------------------------------------------


@dataclass(frozen=True)
class IndexEntry:
    """One row of the batch index page.

    Attributes:
        href: relative link to the record's report page (ignored for error records).
        name: what identifies the record (its id, or "line N").
        title: the record's headline, or None.
        kept: number of body blocks kept.
        removed: number of blocks removed (the title is neither).
        error: the error message of a record that could not be processed, else None.
    """

    href: str
    name: str
    title: Optional[str]
    kept: int
    removed: int
    error: Optional[str] = None

    @classmethod
    def from_result(cls, href: str, name: str, result: Result) -> IndexEntry:
        """The row for a processed record, counting its blocks the way the report does."""
        kept = sum(1 for block in result.blocks if block.kept)
        return cls(href, name, result.title, kept, len(result.removed))


def _safe_href(href: str) -> str:
    """*href* as a relative link: a scheme (``javascript:``) or ``//host`` gets "./" in front."""
    if urlsplit(href).scheme or href.startswith(("//", "\\")):
        return "./" + href
    return href


def _index_row(number: int, entry: IndexEntry) -> str:
    """One table row: a link and counts, or the error message without a link."""
    name = _plain(entry.name) or "<i>unnamed</i>"
    if entry.error is not None:
        return (
            f'<tr class="error" data-error="{_attr(entry.error)}"><td class="num">{number}</td>'
            f'<td>{name}</td><td colspan="3" class="err">error: {_plain(entry.error)}</td></tr>'
        )
    title = _plain(entry.title) if entry.title is not None else "<i>none</i>"
    return (
        f'<tr class="ok" data-kept="{entry.kept}" data-removed="{entry.removed}">'
        f'<td class="num">{number}</td><td><a href="{_attr(_safe_href(entry.href))}">{name}</a></td>'
        f'<td>{title}</td><td class="num">{entry.kept}</td><td class="num">{entry.removed}</td></tr>'
    )


def _index_totals(entries: Sequence[IndexEntry]) -> tuple[int, int, int]:
    """Number of error records, and kept and removed blocks over the good ones."""
    good = [entry for entry in entries if entry.error is None]
    return len(entries) - len(good), sum(e.kept for e in good), sum(e.removed for e in good)


def render_index(entries: Sequence[IndexEntry]) -> str:
    """Render the index page of a batch: one table row per record, in the order given.

    Processed records link to their report page; error records show their message
    and no link. Every name, title, link and message is escaped.

    >>> page = render_index([IndexEntry("00001-a.html", "a", "A <b>", 3, 2)])
    >>> "A &lt;b&gt;" in page and 'href="00001-a.html"' in page
    True
    """
    errors, kept, removed = _index_totals(entries)
    rows = [_index_row(number, entry) for number, entry in enumerate(entries, start=1)]
    parts = [
        "<header><h1>boilerstrip batch report</h1>",
        (
            f'<p class="summary" data-records="{len(entries)}" data-errors="{errors}">'
            f"{len(entries)} records, {errors} with errors; {kept} body blocks kept, "
            f"{removed} blocks removed.</p></header>\n"
        ),
        (
            '<table><thead><tr><th class="num">#</th><th>record</th><th>title</th>'
            '<th class="num">kept</th><th class="num">removed</th></tr></thead><tbody>\n'
        ),
        "\n".join(rows),
        "\n</tbody></table>",
    ]
    return _page("boilerstrip batch report", parts)


def report_filename(number: int, record_id: object | None) -> str:
    """A safe file name for the report of record *number*: ``00001-<id>.html``.

    The id keeps only ``[A-Za-z0-9._-]`` (every other run becomes "_"), loses
    leading and trailing dots, dashes and underscores, and is cut to
    ``MAX_ID_CHARS``; so the name never holds a path separator, never starts with
    a dot and is unique per *number*.

    >>> report_filename(1, "../../etc/passwd")
    '00001-etc_passwd.html'
    >>> report_filename(12, None)
    '00012.html'
    """
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise ValueError(f"report number must be a non-negative int, not {number!r}")
    prefix = f"{number:05d}"
    if record_id is None:
        return prefix + ".html"
    cleaned = _UNSAFE_NAME_RUN.sub("_", str(record_id)).strip("._-")[:MAX_ID_CHARS].rstrip("._-")
    return f"{prefix}-{cleaned}.html" if cleaned else prefix + ".html"
