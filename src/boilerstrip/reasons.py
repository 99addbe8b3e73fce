"""Every reason code a block can carry, in one table.

A block's ``reasons`` say what decided it: first the code of its context-free label
(a lexicon phrase, a shape, a text class), then the code of the pass that decided its
category. Each code is defined here once, with the category it leads to, the part of
the program that produces it and its meaning; the code compares against these
constants, never against string literals. A code with ``<...>`` in it is a family
(``lexicon:<category>``): its members are built by the function next to it.

``python -m boilerstrip.reasons --markdown`` prints the table that ``docs/algorithm.md``
carries between its ``reason codes`` markers (``tests/test_reasons.py`` checks it).
"""

from __future__ import annotations

import sys
from typing import NamedTuple

from . import categories as C
from .result import KEEP_REASON_PREFIX


class ReasonCode(NamedTuple):
    """One row of the registry."""

    code: str  #: the code, or its pattern with ``<placeholders>`` for a family
    category: str  #: the category (or text class) a block with this code gets
    producer: str  #: the module (and function) that gives it
    meaning: str  #: one line: what it says about the block


#: Every code, in the order the pipeline produces them.
REGISTRY: list[ReasonCode] = []

#: Categories, or text classes, written in the table for codes that lead to more than one.
_TEXT_CLASS = "text class"
_ITS_CATEGORY = "the category named in the code"


def _define(code: str, category: str, producer: str, meaning: str) -> str:
    REGISTRY.append(ReasonCode(code, category, producer, meaning))
    return code


# --- Context-free rules (rules.py, shape_rules.py, date_rules.py) ---------------------
LEXICON = _define(
    "lexicon:<category>", _ITS_CATEGORY, "rules.lexicon_rule",
    "the whole block is a phrase of that category's list",
)
LEXICON_PARTIAL = _define(
    "lexicon:<category>:<kind>", _ITS_CATEGORY, "rules.lexicon_rule",
    "a phrase starts (prefix), ends (suffix) or is inside (contains) a short block",
)
#: What every lexicon code starts with.
LEXICON_PREFIX = "lexicon:"


def lexicon(concept: str, kind: str = "exact") -> str:
    """``lexicon:<concept>`` for a whole-block phrase, else ``lexicon:<concept>:<kind>``."""
    return f"{LEXICON_PREFIX}{concept}" if kind == "exact" else f"{LEXICON_PREFIX}{concept}:{kind}"


NO_LETTERS = _define(
    "shape:no-letters", C.BOILERPLATE, "shape_rules.no_words",
    "punctuation, symbols or digits only (a price, a step number, a rating)",
)
COMMENT_COUNT = _define(
    "shape:comment-count", C.COMMENTS, "shape_rules.comment_count",
    "a comment thread's heading (\"14 thoughts on ...\"); opens the comments section",
)
MARKDOWN_IMAGE = _define(
    "shape:markdown-image", C.CAPTION, "shape_rules.markdown_image", "a Markdown image line; never a photo credit"
)
LINK_LINE = _define("shape:link-line", C.NAVIGATION, "shape_rules.link_line", "a Markdown block that is nearly all link text")
SHARE_ROW = _define("shape:share-row", C.SHARE, "shape_rules.share_row", "a short line of network and share-button names")
CAPS_LEAD_COLON = _define(
    "shape:caps-lead-colon", C.INLINE_PROMO, "shape_rules.inline_promo_shape",
    "an all-caps lead, a colon, a headline (\"WATCH: ...\")",
)
CREDIT_SLASH = _define("shape:credit-slash", C.CAPTION, "shape_rules.credit_shape", "a \"Name Name/Agency\" photo credit")
COPYRIGHT = _define("shape:copyright", C.FOOTER, "shape_rules.credit_shape", "a copyright line")
COPYRIGHT_CREDIT = _define(
    "shape:copyright-credit", C.CAPTION, "shape_rules.credit_shape", "a longer block with a copyright sign: a captioned credit"
)
CREDIT_TAIL = _define(
    "shape:credit-tail", C.CAPTION, "shape_rules.credit_tail", "a caption that ends with its credit (\"... Photo: J. Doe/AP\")"
)
DATE = _define("shape:date", C.BYLINE, "date_rules.date_shape", "a dateline: a short block that is mostly a date or time")
RELATIVE_TIME = _define("shape:relative-time", C.BYLINE, "date_rules.date_shape", "\"15 minutes ago\", \"5 min read\"")
URL = _define("shape:url", C.BOILERPLATE, "shape_rules.url_only", "a bare URL")
TRUNCATED_TEASER = _define(
    "shape:truncated-teaser", C.RELATED, "shape_rules.truncated_teaser", "a paragraph cut short with a bracketed ellipsis"
)
PITCH = _define(
    "shape:pitch", f"{C.NEWSLETTER} / {C.APP_PROMO}", "shape_rules.pitch_shape",
    "a short block dense with pitch words that addresses the reader",
)
COOKIE_CONSENT = _define(
    "shape:cookie-consent", C.COOKIE, "shape_rules.consent_shape", "names cookies and speaks a consent banner's words"
)

# --- Text classes (classify/text_classes.py, classify/date_lists.py) -------------------
PROSE = _define("text:prose", _TEXT_CLASS, "classify.text_classes", "prose: long enough, stop words, a sentence end")
LONG_PROSE = _define("text:long", _TEXT_CLASS, "classify.text_classes", "prose by length, with fewer stop words")
NEUTRAL_PROSE = _define(
    "text:prose-neutral", _TEXT_CLASS, "classify.text_classes", "prose by length and punctuation (no language known)"
)
SENTENCE = _define("text:sentence", _TEXT_CLASS, "classify.text_classes", "a short sentence")
INTRO_COLON = _define("text:intro-colon", _TEXT_CLASS, "classify.text_classes", "a line that introduces what follows")
HEADING_LIKE = _define("text:heading-like", _TEXT_CLASS, "classify.text_classes", "a short line without a sentence end")
SHORT = _define("text:short", _TEXT_CLASS, "classify.text_classes", "any other text")
DATE_LIST = _define("text:date-list", _TEXT_CLASS, "classify.date_lists", "an entry of a schedule of three or more dates")

# --- Sections (classify/sections.py) ----------------------------------------------------
SECTION_START = _define(
    "section-start:<category>", _ITS_CATEGORY, "classify.sections", "a heading that opens a related or comments section"
)
SECTION = _define(
    "section:<category>:<heading>", _ITS_CATEGORY, "classify.sections", "a block inside such a section (its heading normalised)"
)


def section_start(category: str) -> str:
    return f"section-start:{category}"


def section(category: str, heading: str) -> str:
    return f"section:{category}:{heading}"


PROMO_BOX = _define(
    "context:promo-box", C.INLINE_PROMO, "classify.sections",
    "a heading and a headline inside the article (\"Read also\" and one title): an in-article promo",
)

# --- Captions and galleries ----------------------------------------------------------------
ABOVE_CREDIT = _define("context:above-credit", C.CAPTION, "classify.captions", "caption text right above a credit line")
GALLERY_COUNTER = _define(
    "context:gallery-counter", C.CAPTION, "classify.galleries",
    "a gallery slide: two or more blocks open with counters of one total (\"1 of 4\")",
)

# --- The markup (HTML front end) -------------------------------------------------------------
DOM = _define(
    "dom:<evidence>", _ITS_CATEGORY, "html.evidence",
    "HTML mode only: what the page's markup says (dom:nav, dom:articlebody, ...; see docs/html.md)",
)

# --- The title --------------------------------------------------------------------------------
TITLE_CHOSEN = _define("title:chosen", C.TITLE, "classify.headline", "the headline")
TITLE_COPY = _define("title:copy", C.TITLE_DUPLICATE, "classify.headline", "another copy of the headline")

# --- Final labels ---------------------------------------------------------------------------------
NUMBERED_LIST = _define(
    "context:numbered-list", C.BODY, "classify.numbered_lists",
    "a numbered list that goes on counting from an item at the region's end",
)
ATTRIBUTE_LIST = _define(
    "context:attribute-list", C.BODY, "classify.attribute_lists",
    "a line of a list of quantities or labelled values right above or below the article",
)
STANDFIRST = _define("context:standfirst", C.BODY, "classify.final_labels", "a sentence between the headline and the article")
SUBHEADLINE = _define(
    "context:subheadline", C.SUBTITLE, "classify.final_labels", "a headline-like line between the headline and the article"
)
MARKED_BODY_PROSE = _define(
    "context:marked-body-prose", C.BODY, "classify.final_labels",
    "HTML mode only: prose the markup puts in the article body, kept outside the region",
)
BEFORE_ARTICLE = _define(
    "region:before-article", f"{C.NAVIGATION} / {C.BOILERPLATE}", "classify.final_labels", "text above the main region"
)
SCHEDULE = _define("context:schedule", C.BODY, "classify.final_labels", "a schedule (and its heading) right after the article")
LIST_AFTER_COLON = _define(
    "context:list-after-colon", C.BODY, "classify.final_labels", "the list that the article's last line introduces"
)
AFTER_ARTICLE = _define("region:after-article", C.BOILERPLATE, "classify.final_labels", "text below the main region")
INSIDE = _define("region:inside", C.BODY, "classify.final_labels", "prose, a sentence or a list line inside the main region")
BETWEEN_PROSE = _define(
    "context:between-prose", C.BODY, "classify.final_labels", "a heading or a short list between two prose blocks"
)
PRINTED_ELSEWHERE = _define(
    "context:printed-elsewhere", C.BOILERPLATE, "classify.final_labels",
    "a single line between two prose blocks whose text the page prints again outside the article",
)
MARKED_BODY = _define(
    "context:marked-body", C.BODY, "classify.final_labels",
    "HTML mode only: a block the markup puts in the article body, kept inside the region",
)
NO_PROSE_AROUND = _define(
    "context:no-prose-around", C.BOILERPLATE, "classify.final_labels", "a short line inside the region without prose around it"
)
SECOND_REGION = _define(
    "region:second", C.BODY, "classify.second_region", "in a second run of prose outside the main region"
)

# --- After the final labels -----------------------------------------------------------------------
SECTIONED_ARTICLE = _define(
    "fallback:sectioned-article", C.BODY, "classify.fallback",
    "nothing else was kept as prose: the heaviest run of prose under a section heading is the article",
)
AUTHOR_BIO = _define(
    "context:author-bio", C.BYLINE, "classify.author_bio",
    "the article's closing lines about its author: a name and a job phrase, or an \"About Jane Doe\" heading",
)
AUTHOR_BOX = _define(
    "context:author-box", C.BYLINE, "classify.author_box",
    "a name line and under it the author's role, or a bio that opens with the name",
)
CLOSING_BOX = _define(
    "context:closing-box", _ITS_CATEGORY, "classify.closing_box",
    "thin kept text after a short sign-up or footer label inside the article; it takes the label's category",
)

# --- Presets and switches (classify/presets.py) -------------------------------------------------------
THIN_LAST_SECTION = _define(
    "precision:thin-last-section", C.BOILERPLATE, "classify.presets", "precision preset: the body's thin last section"
)
LOOSE_END = _define(
    "precision:loose-end", C.BOILERPLATE, "classify.presets", "precision preset: a non-prose block at an end of the body"
)
REPEATED_LINE = _define(
    "precision:repeated-line", C.BOILERPLATE, "classify.presets",
    "precision preset: a heading or short line the page prints again",
)
RECALL_SECOND_REGION = _define(
    "recall:second-region", C.BODY, "classify.presets", "recall preset: a lighter second run of prose"
)
RECALL_INSIDE = _define(
    "recall:inside-article", C.BODY, "classify.presets", "recall preset: text inside the article that context removed"
)
RECALL_HEADING = _define(
    "recall:heading-above-prose", C.BODY, "classify.presets", "recall preset: a heading right above kept prose"
)
KEEP = _define(
    "keep:<category>", _ITS_CATEGORY, "classify.presets", "kept by an Options.keep switch (the category stays)"
)


def keep(category: str) -> str:
    return KEEP_REASON_PREFIX + category


# --- Page types (type_profiles.py, classify/profiled.py) ----------------------------------
PAGE_TYPE = _define(
    "type:<page type>", "the category of the decision",
    "classify.profiled",
    "the profile of the page's type (data/type_profiles.json) changed the block's category",
)
#: What every page-type code starts with.
PAGE_TYPE_PREFIX = "type:"


def page_type(name: str) -> str:
    """``type:<page type>``: the reason of a block the type's profile decided otherwise."""
    return PAGE_TYPE_PREFIX + name


# --- Forum threads (classify/forum_posts.py) ---------------------------------------------
FORUM_POST = _define(
    "forum:post", C.BODY, "classify.forum_posts", "on a forum page, running text of a post under a post header"
)
FORUM_ACTIONS = _define(
    "forum:post-actions", C.COMMENTS, "classify.forum_posts",
    "on a forum page, a short line after a post's text (its Reply / Quote / Like row)",
)
FORUM_CHROME = _define(
    "forum:post-chrome", C.BYLINE, "classify.forum_posts",
    "on a forum page, a post header line: a byline, a poster's counts or join date, a user name",
)


# --- Listing and collection pages (classify/listing_entries.py) --------------------------
LISTING_ENTRY = _define(
    "listing:entry", C.BODY, "classify.listing_entries",
    "on a listing or collection page, a block of the main run of entries repeating one shape",
)


def markdown_table() -> str:
    """The registry as the Markdown table of ``docs/algorithm.md``."""
    rows = ["| code | category | produced by | meaning |", "|---|---|---|---|"]
    for r in REGISTRY:
        rows.append(f"| `{r.code}` | {r.category} | `{r.producer}` | {r.meaning.replace('|', '/')} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    if argv != ["--markdown"]:
        print("usage: python -m boilerstrip.reasons --markdown", file=sys.stderr)
        return 2
    sys.stdout.write(markdown_table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
