"""Label every block: context-free labels first, then sections, region and context.

Passes, in the order pipeline.strip() runs them (each linear in the number of blocks):

1. ``first_labels``: rules (lexicons and shapes) or, when none fires, a text
   class from the block's own features: prose, sentence, heading, short.
2. ``mark_date_lists``: three or more datelines in a row are a schedule (with
   the date-led entries between them that run too long to be datelines).
3. ``mark_sections``: a heading such as "Related Articles" or "Comments" opens
   a section of clutter that runs until article prose resumes.
4. ``mark_captions``: caption text right above a photo credit;
   ``mark_gallery_captions``: slides of a gallery ("1 of 4 ...", "2 of 4 ...").
5. ``favour_prose_after_byline``, ``main_region`` and
   ``extend_over_inline_clutter``: the article is the densest run of prose
   (maximum-sum segment; the paragraph under the byline weighs more), widened
   over share rows and promos that separate it from more prose.
6. ``final_labels``: inside the region prose is body, headings and lists are
   body between prose, a list introduced by a colon and a schedule under its
   heading close the article; an attribute list (ingredients, specifications:
   ``attribute_list``) right above or below the region is kept;
   between the headline and the region a sentence is the standfirst; a second
   run of prose half as heavy as the region is body too, and so is a numbered
   list that goes on counting after the region (``numbered_list_after``); the
   rest is removed with the category its rule or section gave it.
7. ``sectioned_article``: a page with no kept prose takes its heaviest run of
   prose under a section heading; ``mark_author_bio``: an author's bio closing
   the article is a byline; ``drop_closing_box``: thin text after a sign-up
   or footer label inside the article is that box, not more article.
8. ``apply_precision`` / ``apply_recall`` (presets) and ``apply_keep`` (category
   switches) change decisions after that, each in one direction only.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Optional, Sequence

from . import categories as C
from .features import Features
from .lexicon import PhraseMatcher, common_words
from .lexicon import months as month_words
from .result import KEEP_REASON_PREFIX
from .rules import COMMENT_COUNT_REASON, MARKDOWN_IMAGE_REASON, MAX_CREDIT_WORDS, NO_LETTERS_REASON, first_rule

# Text classes for blocks no rule labelled.
PROSE = "prose"
SENTENCE = "sentence"
HEADING = "heading"
SHORT = "short"
#: An item of a schedule: one of several consecutive date lines ("June 9 – Tampa, FL").
LIST_ITEM = "list-item"
TEXT_CLASSES = (PROSE, SENTENCE, HEADING, SHORT, LIST_ITEM)

# --- Thresholds of the text classes -----------------------------------------------
#: Prose needs this many words ... (jusText's "good" paragraphs start near 10-15 words)
PROSE_MIN_WORDS = 10
#: ... and this share of stop words when the language is known (jusText uses 0.30
#: for "good"; scraped article paragraphs in the dev sets sit mostly above 0.25).
PROSE_MIN_STOP_RATIO = 0.2
#: Without a sentence end, a block needs this many words to be prose: headlines
#: have stop words too but stay shorter (see title.MAX_TITLE_WORDS).
UNTERMINATED_PROSE_WORDS = 25
#: A long block counts as prose with fewer stop words (lists of names, numbers).
LONG_PROSE_WORDS = 30
LONG_PROSE_MIN_STOP_RATIO = 0.1
#: Without a known language, prose is judged by length and punctuation alone.
NEUTRAL_PROSE_MIN_CHARS = 60
#: A short sentence: at least this many words and a sentence end.
SENTENCE_MIN_WORDS = 3
#: A heading: at most this many words, no sentence end.
HEADING_MAX_WORDS = 20

# --- Region weights -------------------------------------------------------------------
#: Words of a prose block count up to this cap, so one huge block cannot
#: outweigh a page, and one per ten words (so a 50-word paragraph weighs 6).
PROSE_WORD_CAP = 100
WEIGHT_SENTENCE = 0.5
WEIGHT_HEADING = -0.5
WEIGHT_SHORT = -1.5
WEIGHT_RULE = -2.0
#: Blocks of a related or comments section: prose there must not pull the region in.
WEIGHT_SECTION = -2.0
#: Clutter that often sits inside the article (promos, captions, headline copies).
WEIGHT_INLINE_CLUTTER = -1.0
INLINE_CLUTTER = frozenset({C.INLINE_PROMO, C.CAPTION, C.TITLE_DUPLICATE, C.ADVERTISEMENT, C.SHARE})

#: Clutter that may sit between two parts of an article, and how many such
#: blocks in a row the region may bridge to reach more prose.
BRIDGEABLE = INLINE_CLUTTER | {C.APP_PROMO}
MAX_BRIDGED_BLOCKS = 6

#: Words of article prose that must come before a "Comments" heading for it to
#: end the article; above the article the same words are share-row chrome.
MIN_WORDS_BEFORE_COMMENTS = 60
#: A comments or related phrase on a heading of at most this many words
#: ("Top Rated Comments", "[ 167 comments ]", "You may also like") opens a section.
MAX_MARKER_WORDS = 6
#: Consecutive date lines that make a schedule rather than datelines.
MIN_DATE_RUN = 3
#: Caption text above a credit line: blocks and words per block (captions in the
#: dev benchmarks are one or two sentences, alt text one line).
MAX_CAPTION_BLOCKS = 2
MAX_CAPTION_WORDS = 30
#: A caption-labelled block of at most rules.MAX_CREDIT_WORDS words is a credit
#: line ("Foto: Florian Stadler", "Jane Doe/Reuters").
#: An unterminated line between title and article needs this many words to
#: count as the standfirst; the walk from the article up to the headline
#: passes at most this many blocks.
MIN_STANDFIRST_WORDS = 8
MAX_STANDFIRST_GAP = 12
#: Longest run of headings and short lines kept between two prose blocks
#: (section headings, in-article lists). Longer runs are menus or link lists.
MAX_LIST_RUN = 15
#: Menus are one or two words an item; list items in articles are longer.
MIN_LIST_ITEM_WORDS = 3.0
#: A run of prose outside the article that weighs at least this share of it is more
#: of the article (an intro above a gallery, the text below a product table, a
#: post split by a widget), unless it reads as teaser cards or lies below the
#: footer (classify._doubtful_run). Measured on the dev benchmarks: F1 +0.007
#: (AEB) and +0.004/+0.005 (trafilatura-eval), neutral or better on both halves of
#: each; 0.4 keeps more, but costs AEB precision.
SURE_SECOND_REGION_SHARE = 1 / 2
#: A run of prose after the article that only a box of text lines stands between
#: (product lines, recipe headings, prices: headings, short lines, inline clutter and
#: lines without letters, no section or rule-labelled chrome) is more of it at this
#: lower share: the text below a product box or an ingredient list. Measured on
#: trafilatura-eval-dev half a: F1 html_text +.0008, inscriptis +.0031 (1/3: +.0001 /
#: +.0023; 1/5: +.0002 / +.0018, more leaks; these two without the menu test of
#: _only_box_between, which leaves 1/4 unchanged); half b and aeb-dev unchanged.
BOX_SECOND_REGION_SHARE = 1 / 4


@dataclass
class Draft:
    """The mutable working state of one call; never shared between calls."""

    label: str  # a category for rule hits, else a text class
    reason: str
    weight: float = 0.0
    #: The related or comments section the block stands in, if any. Kept apart
    #: from ``label`` so that the title and standfirst can still be found there.
    section: str = ""
    section_reason: str = ""
    category: str = ""
    reasons: tuple[str, ...] = ()
    #: The page's markup puts the block in the article body (HTML front end only).
    marked_body: bool = False


def text_class(f: Features, language_known: bool) -> tuple[str, str]:
    """The text class of a block no rule labelled, with its reason code."""
    if language_known:
        if f.words >= PROSE_MIN_WORDS and f.stop_ratio >= PROSE_MIN_STOP_RATIO and (
            f.terminal or f.words >= UNTERMINATED_PROSE_WORDS
        ):
            return PROSE, "text:prose"
        if f.words >= LONG_PROSE_WORDS and f.stop_ratio >= LONG_PROSE_MIN_STOP_RATIO:
            return PROSE, "text:long"
    elif f.chars >= NEUTRAL_PROSE_MIN_CHARS and (f.terminal or f.sentences > 1):
        return PROSE, "text:prose-neutral"
    if f.terminal and f.words >= SENTENCE_MIN_WORDS:
        return SENTENCE, "text:sentence"
    if f.colon and f.words >= SENTENCE_MIN_WORDS:
        return SENTENCE, "text:intro-colon"
    if f.words <= HEADING_MAX_WORDS and not f.terminal:
        return HEADING, "text:heading-like"
    return SHORT, "text:short"


def first_label(
    text: str, f: Features, matcher: PhraseMatcher, months: frozenset[str], language_known: bool
) -> tuple[str, str]:
    """The context-free label of one block and its reason: a rule's category, else a text class."""
    return first_rule(text, f, matcher, months) or text_class(f, language_known)


def new_draft(label: str, reason: str, f: Features) -> Draft:
    """The working state of a block that starts with its first label."""
    return Draft(label, reason, first_weight(label, f))


def first_weight(label: str, f: Features) -> float:
    """The region weight of a block with this first label: a function of the label
    and the features alone (the pipeline caches it with the first pass)."""
    if label == PROSE:
        return 1.0 + min(f.words, PROSE_WORD_CAP) / 10.0
    if label == SENTENCE:
        return WEIGHT_SENTENCE
    if label == HEADING:
        return WEIGHT_HEADING
    if label == SHORT:
        return WEIGHT_SHORT
    if label in INLINE_CLUTTER:
        return WEIGHT_INLINE_CLUTTER
    return WEIGHT_RULE


def is_cut_heading(f: Features, cut: PhraseMatcher) -> bool:
    """A short block naming a section that ends the article ("Related Articles", ...)."""
    return f.words <= HEADING_MAX_WORDS and cut.matches(f.norm, f.norm_words)


#: A related section opened above all prose ends at a full-sentence prose block of
#: this many words: the article's first paragraph, where teasers are shorter
#: (trafilatura-eval-dev text F1 0.865 -> 0.874, both halves; aeb-dev 0.938 either way).
MIN_OPENING_PROSE_WORDS = 25
#: The article has started above a section heading once a paragraph stood there:
#: prose of at least this many sentences that ends with one. A menu long enough to
#: read as prose ("Catch more fish Mein Norwegen Reviere ..."), a long ``<title>``
#: line or a one-sentence notice ("If the address matches an account you will
#: receive an e-mail.") is not one, so the page's first paragraph can still end a
#: section opened under them. (trafilatura-eval-dev F1 html_text .8995 -> .9014,
#: inscriptis .8993 -> .9011, up on both halves; aeb-dev the same. With 1 the
#: one-sentence notice blocks the rule again (.9006 / .9004), with 3 a two-sentence
#: article above a "Website" box lets the box's blurb end the section (.8997 / .8994);
#: without the word count, a long article paragraph that ends without a full stop
#: lets a teaser under "You may also like" end it: aeb-dev .9573 -> .9531.)
MIN_PARAGRAPH_SENTENCES = 2


def mark_sections(
    drafts: list[Draft], feats: Sequence[Features], cut_headings: Sequence[bool]
) -> None:
    """Give the blocks under a "Related" or "Comments" heading that section's category.

    A related-type section ends where article prose resumes: a prose block
    ending in a full sentence that is followed by more prose (or by nothing);
    above the article (a "News" link list in the header), one such block of
    :data:`MIN_OPENING_PROSE_WORDS` words is enough. The article has not started
    while no paragraph (:data:`MIN_PARAGRAPH_SENTENCES`) and fewer than
    :data:`MIN_WORDS_BEFORE_COMMENTS` words of prose stood outside a section:
    a long menu line or ``<title>`` line that reads as prose does not start it.
    Teaser paragraphs are cut off mid-sentence or stand alone between headlines.
    A comments section, once the article has been seen, runs to the end.
    """
    n = len(drafts)
    section: Optional[str] = None
    marker = ""
    prose_words = 0
    paragraph_seen = False  # a paragraph stood outside any section (the article started)
    opened = 0  # index of the current section's heading
    for i, d in enumerate(drafts):
        f = feats[i]
        # Strong markers come from section_cut.txt; a weak one (any short comments
        # or related phrase) counts only when no prose follows it directly, as
        # under a real heading: author lines, dates, teaser headlines.
        is_marker = cut_headings[i] or d.reason == COMMENT_COUNT_REASON or (
            d.label in (C.COMMENTS, C.RELATED)
            and f.words <= MAX_MARKER_WORDS
            and not f.terminal
            and _next_text_label(drafts, i + 1, n) != PROSE
        )
        if is_marker:
            category = d.label if d.label in (C.COMMENTS, C.RELATED) else C.RELATED
            if category == C.COMMENTS and prose_words < MIN_WORDS_BEFORE_COMMENTS:
                category = C.RELATED  # chrome above the article: may resume
            section, marker, opened = category, feats[i].norm, i
            d.label, d.reason, d.weight = category, f"section-start:{category}", WEIGHT_SECTION
            continue
        if section is None:
            if d.label == PROSE:
                prose_words += feats[i].words
                paragraph_seen = paragraph_seen or (f.terminal and f.sentences >= MIN_PARAGRAPH_SENTENCES)
            continue
        # A heading, one headline, then article prose: "À lire aussi" + title,
        # an in-article promo box rather than a section.
        # (Teaser lists differ: their prose is followed by the next teaser's headline.)
        promo_box = (
            i == opened + 2
            and drafts[i - 1].label == HEADING
            and d.label == PROSE
            and prose_words > 0
            and (i + 1 >= n or drafts[i + 1].label != HEADING)
        ) or _after_link_box(drafts, feats, opened, i, prose_words)
        above_all_prose = not paragraph_seen and prose_words < MIN_WORDS_BEFORE_COMMENTS
        if section == C.RELATED and d.label == PROSE and feats[i].terminal and (
            promo_box
            or _prose_follows(drafts, i + 1, n)
            or _standfirst_over_byline(drafts, i, n)
            or (above_all_prose and feats[i].words >= MIN_OPENING_PROSE_WORDS)
        ):
            # The article resumes: the section was a box inside or above it. Its
            # blocks stay labelled but weigh nothing, so the region can span it.
            for j in range(opened, i):
                if drafts[j].weight == WEIGHT_SECTION:
                    drafts[j].weight = 0.0
                if promo_box:
                    drafts[j].label, drafts[j].section, drafts[j].reason = C.INLINE_PROMO, "", "context:promo-box"
            section = None
            prose_words += feats[i].words
            paragraph_seen = True
            continue
        if d.label in TEXT_CLASSES:
            d.section, d.section_reason, d.weight = section, f"section:{section}:{marker}", WEIGHT_SECTION


def mark_date_lists(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """Turn runs of date lines into list items: a tour or event schedule.

    A dateline stands alone; :data:`MIN_DATE_RUN` or more date-shaped lines in
    a row are a list the article gives. Their weight is neutral, so they
    neither pull the region towards them nor push it away. An entry whose venue
    runs long ("June 20 -- Coastal Credit Union Music Park at Walnut Creek,
    Raleigh, NC") is too wordy to be a dateline, but it opens with a date like
    the entries around it: an unlabelled block that starts with a day and a
    month, between two datelines, is an entry too.
    """
    n = len(drafts)
    i = 0
    while i < n:
        if drafts[i].reason != "shape:date":
            i += 1
            continue
        j = i
        while j < n and (
            drafts[j].reason == "shape:date"
            or (
                j + 1 < n
                and drafts[j].label in TEXT_CLASSES
                and _opens_with_date(feats[j])
                and _date_entry_follows(drafts, feats, j + 1)
            )
        ):
            j += 1
        if j - i >= MIN_DATE_RUN:
            for d in drafts[i:j]:
                d.label, d.reason, d.weight = LIST_ITEM, "text:date-list", 0.0
        i = j


#: Blocks between two datelines of a schedule that may be entries too.
MAX_DATE_ENTRY_GAP = 2
#: Longest schedule entry that is not a dateline itself, in words.
MAX_DATE_ENTRY_WORDS = 20


def _opens_with_date(f: Features) -> bool:
    """An entry of a schedule: a short line, not a sentence, that starts with a day
    and a month either way round ("June 20 -- ...", "20. Juni: ...").

    The entries of a schedule leave the year to its heading; a line that opens
    with a full date ("Jun 25, 2019 Post title Jun 25, 2019") is a dated link of
    a blog archive.
    """
    words = f.norm_words[:3]
    if len(words) < 2 or f.terminal or f.words > MAX_DATE_ENTRY_WORDS:
        return False
    if len(words) == 3 and _is_year(words[2]):
        return False
    if words[0] in month_words():
        return _is_day(words[1])
    return _is_day(words[0]) and words[1] in month_words()


def _is_day(word: str) -> bool:
    return word.isdecimal() and len(word) <= 2 and 1 <= int(word) <= 31


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdecimal() and word[:2] in ("19", "20")


def _date_entry_follows(drafts: Sequence[Draft], feats: Sequence[Features], j: int) -> bool:
    """A dateline comes within :data:`MAX_DATE_ENTRY_GAP` date-led blocks after *j*."""
    for k in range(j, min(j + MAX_DATE_ENTRY_GAP, len(drafts))):
        if drafts[k].reason == "shape:date":
            return True
        if not (drafts[k].label in TEXT_CLASSES and _opens_with_date(feats[k])):
            return False
    return False


# A gallery's counter at the start of a block: "1 of 4 ...", "Bild 2 von 10", "3/12 ...".
_GALLERY_COUNTER = re.compile(
    r"(?:[^\W\d_]{1,12} )?(\d{1,3}) ?(?:of|von|sur|de|di|van|z|из|/) ?(\d{1,3})(?!\d)(?![.,:]\d)", re.IGNORECASE
)


# Speed: a counter is a number, a word or "/", and a number: pages without one anywhere
# (nearly all) skip the per-block pass.
_ANY_COUNTER = re.compile(r"\d ?(?:of|von|sur|de|di|van|z|из|/) ?\d", re.IGNORECASE)


def mark_gallery_captions(texts: Sequence[str], drafts: list[Draft], page: str) -> None:
    """Label the captions of a photo gallery, told by their counters.

    "1 of 4 Grass Valley's Dionicio Torres looks at ...", "2 of 4 A shopper ...":
    two or more blocks that open with a counter of the same total and different
    numbers are a gallery's slides. One such block alone ("1 of 4 Americans ...")
    is a sentence. *page*, the whole input, lets a page without any counter skip the pass.
    """
    if _ANY_COUNTER.search(page) is None:
        return
    counters: dict[str, set[str]] = {}
    found: list[tuple[int, str]] = []
    for i, t in enumerate(texts):
        if t[:1].isdigit() or t[:1].isalpha():
            m = _GALLERY_COUNTER.match(t)
            if m and 0 < int(m.group(1)) <= int(m.group(2)):
                counters.setdefault(m.group(2), set()).add(m.group(1))
                found.append((i, m.group(2)))
    for i, total in found:
        d = drafts[i]
        if len(counters[total]) >= 2 and d.label in TEXT_CLASSES:
            d.label, d.reason, d.weight = C.CAPTION, "context:gallery-counter", WEIGHT_INLINE_CLUTTER


#: The reason of a caption found by its neighbour, the photo credit below it.
ABOVE_CREDIT = "context:above-credit"
# Captions that are no photo credit: one found by this rule, and a Markdown image
# line (the image itself, which stands above its caption, not below it).
_NOT_CREDITS = frozenset({ABOVE_CREDIT, MARKDOWN_IMAGE_REASON})


def mark_captions(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """Label the caption text that stands right above a photo credit.

    Pages print an image's alt text and caption, then its credit ("Jane
    Doe/Reuters", "Foto: Florian Stadler"). The credit has a shape; the caption
    above it is an ordinary sentence, recognisable only by this neighbour. The
    block right above a credit is taken when it is one sentence of at most
    :data:`MAX_CAPTION_WORDS` words or a heading-like line (alt text); one more
    heading-like line above a taken sentence is taken too. A figure whose
    caption follows its credit ("Image copyright ...", "Image caption ...")
    gives no sentence above it to the caption, and neither does a figure
    without a caption below a paragraph: prose right after other prose is the
    text's next paragraph (:func:`_continues_prose`). Measured on the dev
    benchmarks: trafilatura-eval-dev F1 +0.0015 (html_text and inscriptis; halves
    +0.0022 / +0.0007 and +0.0023 / +0.0007), aeb-dev +0.0005 / +0.0006.
    """
    for i, d in enumerate(drafts):
        if d.label != C.CAPTION or feats[i].words > MAX_CREDIT_WORDS or d.reason in _NOT_CREDITS:
            continue
        # A caption of its own right below the credit ("Image copyright X", then
        # "Image caption ..."): the figure is credit-first, the text above is not its caption.
        captioned_below = i + 1 < len(drafts) and drafts[i + 1].label == C.CAPTION and feats[i + 1].words > MAX_CREDIT_WORDS
        j = i - 1
        while j >= 0 and i - j <= MAX_CAPTION_BLOCKS:
            dj, fj = drafts[j], feats[j]
            alt_text = dj.label in (HEADING, SHORT)
            one_sentence = dj.label in (PROSE, SENTENCE) and fj.sentences <= 2 and fj.words <= MAX_CAPTION_WORDS
            if dj.section or not (alt_text or (one_sentence and j == i - 1 and not captioned_below)):
                break
            if dj.label == PROSE and _continues_prose(drafts, feats, j):
                break
            dj.label, dj.reason, dj.weight = C.CAPTION, ABOVE_CREDIT, WEIGHT_INLINE_CLUTTER
            if alt_text:
                break
            j -= 1


def _continues_prose(drafts: Sequence[Draft], feats: Sequence[Features], j: int) -> bool:
    """Prose block *j* follows other prose: it is the next paragraph of a text, and an
    image without a caption stands below it. A caption printed twice (alt text, then
    the caption) has its own copy above it instead."""
    return j > 0 and drafts[j - 1].label == PROSE and feats[j - 1].norm != feats[j].norm


#: A box of headline links inside the article holds at least this many of them ...
MIN_BOX_LINKS = 2
#: ... and spans at most this many blocks (which also bounds the look back: linear).
MAX_BOX_BLOCKS = 20
#: ... each a headline of this many words: teaser cards carry source names and
#: repeat their headline.
MIN_BOX_LINK_WORDS = 4


def _after_link_box(
    drafts: Sequence[Draft], feats: Sequence[Features], opened: int, i: int, prose_words: int
) -> bool:
    """Block *i* is an article paragraph after a "Related" box of bare headlines.

    The box sits inside the article: article prose above it, then only
    headline lines (no teaser text) up to a full paragraph of its own length.
    Teaser lists differ: their first prose block follows a single headline.
    """
    if (
        prose_words < MIN_WORDS_BEFORE_COMMENTS
        or feats[i].words < MIN_OPENING_PROSE_WORDS
        or i - opened > MAX_BOX_BLOCKS
    ):
        return False
    seen: set[str] = set()
    for j in range(opened + 1, i):
        if drafts[j].label in TEXT_CLASSES:
            f = feats[j]
            if drafts[j].label != HEADING or f.words < MIN_BOX_LINK_WORDS or f.norm in seen:
                return False
            seen.add(f.norm)
    return len(seen) >= MIN_BOX_LINKS


def _next_text_label(drafts: Sequence[Draft], j: int, n: int) -> Optional[str]:
    """The text class of the next block that no rule labelled, or None."""
    while j < n and drafts[j].label not in TEXT_CLASSES:
        j += 1
    return drafts[j].label if j < n else None


def _prose_follows(drafts: Sequence[Draft], j: int, n: int) -> bool:
    """True if block *j* is prose or a sentence, or the page ends before it.

    Directly: teaser cards alternate prose with buttons or source lines, an
    article's paragraphs follow one another.
    """
    return j >= n or drafts[j].label in (PROSE, SENTENCE)


def _standfirst_over_byline(drafts: Sequence[Draft], i: int, n: int) -> bool:
    """True if prose block *i* is a standfirst: a byline or date below it, then the
    first paragraph.

    A teaser's date is followed by the next teaser's headline, not by a paragraph.
    A comment thread puts a byline above every comment: prose under a byline, or
    a paragraph with another byline below it, is a comment.
    """
    return (
        i > 0
        and i + 2 < n
        and drafts[i - 1].label != C.BYLINE
        and drafts[i + 1].label == C.BYLINE
        and drafts[i + 2].label == PROSE
        and (i + 3 >= n or drafts[i + 3].label != C.BYLINE)
    )


#: Extra region weight of the paragraph right after the article's byline and date.
WEIGHT_AFTER_BYLINE = 3.0
#: Blocks after a byline searched for that paragraph (the date, a share row between).
MAX_BYLINE_GAP = 2
_BETWEEN_BYLINE_AND_TEXT = frozenset({C.BYLINE, C.SHARE, C.CAPTION})


def favour_prose_after_byline(drafts: list[Draft]) -> None:
    """Give the region a pull towards the paragraph that follows the byline.

    "By Jane Doe", "November 20, 2019": an article starts under its byline and
    date. A page that carries only a short article (two paragraphs) can hold a
    longer paragraph of site text (a customer-service notice, an "about us")
    that would otherwise outweigh it. Only the first byline followed by prose
    counts, and only while less than half the page's prose lies above it:
    comment threads put a byline above every comment, below the article.
    """
    total = sum(d.weight for d in drafts if d.label == PROSE)
    above = 0.0
    for i, d in enumerate(drafts):
        if d.label == PROSE:
            above += d.weight
        elif d.label == C.BYLINE and 2 * above < total:
            for j in range(i + 1, min(i + 1 + MAX_BYLINE_GAP, len(drafts))):
                after = drafts[j]
                if after.label == PROSE and not after.section:
                    after.weight += WEIGHT_AFTER_BYLINE
                    return
                if after.label not in _BETWEEN_BYLINE_AND_TEXT:
                    break


def main_region(drafts: Sequence[Draft]) -> tuple[int, int]:
    """The maximum-weight run of blocks as ``(first, last + 1)``; empty if none is positive.

    Kadane's algorithm; ties go to the longer run, so removing clutter from a
    page never shrinks the region chosen for what is left.
    """
    return _heaviest_run([d.weight for d in drafts])


def _heaviest_run(weights: Sequence[float]) -> tuple[int, int]:
    best = 0.0
    best_span = (0, 0)
    run = 0.0
    run_start = 0
    for i, weight in enumerate(weights):
        if run < 0 or (run == 0 and weight < 0):
            run, run_start = 0.0, i
        run += weight
        if run > best or (run == best and run > 0 and i + 1 - run_start > best_span[1] - best_span[0]):
            best, best_span = run, (run_start, i + 1)
    return best_span


#: An author bio closing the article: at most this many words ...
MAX_BIO_WORDS = 80
#: ... its job phrase starting after at most this many words (the author's name) ...
MAX_BIO_NAME_WORDS = 4
#: ... in one of this many last kept blocks, with at least this many kept before it.
MAX_BIO_BLOCKS = 3
MIN_BLOCKS_BEFORE_BIO = 2


def mark_author_bio(
    drafts: list[Draft],
    feats: Sequence[Features],
    phrases: dict[str, tuple[tuple[str, ...], ...]],
    texts: Sequence[str],
    about: AbstractSet[tuple[str, ...]],
) -> None:
    """Remove the author's bio that closes an article.

    Articles end with a line about who wrote them: "Jane Doe is a freelance
    writer based in Berlin." It reads as prose and stands inside the article; what
    gives it away is its place and its opening: a name, then a job phrase
    (``author_bio.txt``: "is a freelance writer", "ist freie Autorin"). Such a
    block of at most :data:`MAX_BIO_WORDS` words among the last
    :data:`MAX_BIO_BLOCKS` kept blocks becomes a byline. So does a heading made
    of an opener (``about_heading.txt``: "About", "Über", "Sobre") and a
    person's name ("About Jane Doe") among the last kept blocks, with the
    blocks after it (*texts* are the blocks' text, for the name's capitals).
    """
    kept = [i for i, d in enumerate(drafts) if d.category == C.BODY]
    for i in kept[max(MIN_BLOCKS_BEFORE_BIO, len(kept) - MAX_BIO_BLOCKS) :]:
        f = feats[i]
        if f.words <= MAX_BIO_WORDS and _opens_bio(f.norm, phrases):
            _to_byline(drafts, (i,), "context:author-bio")
    for n in range(max(MIN_BLOCKS_BEFORE_BIO, len(kept) - MAX_BIO_BLOCKS - 1), len(kept) - 1):
        i = kept[n]
        if drafts[i].label == HEADING and _about_person(texts[i], feats[i], about):
            _to_byline(drafts, kept[n:], "context:author-bio")
            return


#: An author box's role line: at most this many words ("Redakteur in der Wirtschaft
#: der Frankfurter Allgemeinen Sonntagszeitung." has 10; "Senior reporter covering
#: energy and climate for the Gazette" 9). On the dev benchmarks no article block
#: of up to 15 words with a job word follows a name line.
MAX_ROLE_WORDS = 15


def mark_author_box(
    drafts: list[Draft], feats: Sequence[Features], texts: Sequence[str], jobs: AbstractSet[str]
) -> None:
    """Remove the author boxes a page prints next to its article.

    An author box puts the author's name on a line of its own and under it either
    the author's role ("Redakteur in der Wirtschaft.", "Staff reporter") or a bio
    that opens with the name again ("Jane Doe covers courts and crime for ...").
    Both read as text and can stand inside the article: where the box is shown
    beside the text, a renderer puts it between paragraphs. The name line (two or
    three capitalised words, no sentence end) gives them away:

    - a kept block of at most :data:`MAX_ROLE_WORDS` words right after it that holds
      a job word (``author_job.txt``: "reporter", "Redakteurin", "rédacteur") is the
      author's role, anywhere in the article;
    - a kept block of at most :data:`MAX_BIO_WORDS` words right after it that opens
      with the name is the author's bio when it holds a job word too, or when it is
      one of the last :data:`MAX_BIO_BLOCKS` kept blocks and no other name line in
      the body is followed the same way (that is a list of people, each under their
      name).

    The name line and the block under it become bylines (``context:author-box``).
    """
    name_pairs = []  # blocks that open with the name line above them, no job word
    for i in range(1, len(drafts)):
        d, f = drafts[i], feats[i]
        if d.category != C.BODY or not _name_line(texts[i - 1], feats[i - 1]):
            continue
        if f.words <= MAX_ROLE_WORDS and not jobs.isdisjoint(f.norm_words):
            _to_byline(drafts, (i - 1, i), "context:author-box")
        elif f.words <= MAX_BIO_WORDS and _opens_with_name(texts[i], texts[i - 1]):
            if jobs.isdisjoint(f.norm_words):
                name_pairs.append(i)
            else:  # "Jane Doe is a reporter ...": a bio wherever it stands
                _to_byline(drafts, (i - 1, i), "context:author-box")
    if len(name_pairs) != 1:
        return
    kept = [i for i, d in enumerate(drafts) if d.category == C.BODY]
    i = name_pairs[0]
    if i in kept[max(MIN_BLOCKS_BEFORE_BIO, len(kept) - MAX_BIO_BLOCKS) :]:
        _to_byline(drafts, (i - 1, i), "context:author-box")


def _name_line(text: str, f: Features) -> bool:
    """Two or three capitalised words and nothing else: "Jane Doe", "Markus Reuter"."""
    if not MIN_NAME_WORDS <= f.words <= MAX_NAME_WORDS or f.terminal or f.colon:
        return False
    words = text.split()
    return len(words) == f.words and _capitalised(words)


def _opens_with_name(text: str, name: str) -> bool:
    """"Jane Doe is ...", "Jane Doe, reporter, ...": the name, then a space or a comma."""
    return text.startswith(name) and text[len(name) : len(name) + 1] in (" ", ",")


def _to_byline(drafts: list[Draft], indices: Sequence[int], code: str) -> None:
    """Make the kept blocks among *indices* bylines, with *code* as the second reason."""
    for j in indices:
        d = drafts[j]
        if d.category == C.BODY:
            d.category, d.reasons = C.BYLINE, (d.reason, code)


#: The article's closing box: kept text after a sign-up or footer label inside the
#: article is removed when its prose (and sentence) words are fewer than this share
#: of the body's. An absolute floor (40 or 80 words) removes no more on the dev
#: benchmarks, and would take the last paragraph of a short story; 0.25 costs
#: article text on both (see :func:`drop_closing_box`).
MAX_CLOSING_BOX_SHARE = 0.15
#: The line that opens such a box is a label, not a pitch sentence: at most this
#: many words and no sentence end ("Newsletter", "Sign Me Up", "Jetzt anmelden").
#: A pitch sentence ("Enjoying this article? Get our briefing ...") stands alone
#: inside an article, and the article goes on after it.
MAX_CLOSER_WORDS = 10
#: Clutter that a page prints where its article has ended: a sign-up box, a footer
#: link. (A footer line only by its phrase: a "©" line is also a photo credit. App
#: promos are left out: "Download the app" banners stand between paragraphs, and as
#: closers they removed nothing more on the dev benchmarks.)
CLOSING_CATEGORIES = frozenset({C.NEWSLETTER})


def _opens_closing_box(d: Draft, f: Features) -> bool:
    """A short sign-up or footer label (see :data:`MAX_CLOSER_WORDS`)."""
    if f.words > MAX_CLOSER_WORDS or f.terminal:
        return False
    return d.label in CLOSING_CATEGORIES or (d.label == C.FOOTER and d.reason.startswith("lexicon:"))


def drop_closing_box(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """Remove the thin rest of the body after a sign-up or footer label inside it.

    A newsletter box, a membership pitch or the page footer opens with a label the
    rules know ("Newsletter", "Sign Up for the ... Newsletter", "Impressum") and goes
    on in full sentences that they do not ("The latest news, analysis and insights
    from our bureau chiefs.", "Mit der Anmeldung stimme ich ... zu."). The first such
    label between two kept blocks after which the kept text is thin (fewer prose
    words than :data:`MAX_CLOSING_BOX_SHARE` of the body's) opens the box: the kept
    blocks after it take the label's category (reason ``context:closing-box``). An
    article goes on at length after an inline promo; it does not after its sign-up box.
    (trafilatura-eval-dev text F1 0.8900 -> 0.8930 html_text, 0.8907 -> 0.8943
    inscriptis, up on both halves, recall unchanged; aeb-dev 0.9548 -> 0.9554 and
    0.9550 -> 0.9556, half a unchanged; HTML F1 0.9307 -> 0.9313 (trafilatura-eval)
    and 0.9702 -> 0.9704 (aeb), measured before the attribute lists.)
    """
    body = [i for i, d in enumerate(drafts) if d.category == C.BODY]
    if len(body) < 2:
        return
    # after[k]: prose words of body[k:], so each label's tail is weighed in constant time.
    after = [0] * (len(body) + 1)
    for k in range(len(body) - 1, -1, -1):
        after[k] = after[k + 1] + _prose_words(drafts, feats, body[k : k + 1])
    total = after[0]
    k = 0  # body[k:] are the kept blocks after block j
    for j in range(body[0] + 1, body[-1]):
        while body[k] <= j:
            k += 1
        if drafts[j].category != C.BODY and _opens_closing_box(drafts[j], feats[j]):
            words = after[k]
            if words < MAX_CLOSING_BOX_SHARE * total:
                for i in body[k:]:
                    d = drafts[i]
                    d.category, d.reasons = drafts[j].label, (d.reason, "context:closing-box")
                return


#: Words of a person's name after an "About" heading opener.
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 3


def _about_person(text: str, f: Features, about: AbstractSet[tuple[str, ...]]) -> bool:
    """"About Jane Doe": an opener, then two or three capitalised words (a company
    such as "About Nordex SE" or a topic such as "About Python" does not pass)."""
    words = f.norm_words
    for k in range(1, len(words) - MIN_NAME_WORDS + 1):
        if words[:k] in about:
            name = text.split()[k:]
            return (
                MIN_NAME_WORDS <= len(name) <= MAX_NAME_WORDS
                and len(name) == len(words) - k
                and _capitalised(name)
            )
    return False


def _capitalised(words: Sequence[str]) -> bool:
    """Every word a capital and then lower case ("Jane", "Doe", "J"): a person's name."""
    return all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) for w in words)


def _opens_bio(norm: str, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """A job phrase starts within the first words of *norm* (after a name)."""
    words = norm.split(" ", MAX_BIO_NAME_WORDS + 8)
    for k in range(min(MAX_BIO_NAME_WORDS + 1, len(words))):
        for phrase in phrases.get(words[k], ()):
            if tuple(words[k : k + len(phrase)]) == phrase:
                return True
    return False


def sectioned_article(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """Keep the article when a section heading above it took all of the page's prose.

    A heading that opens a related or comments section ("Online-Kommentare",
    "Beitragsnavigation") sometimes stands above the article, as a link in the page
    header; when the article's prose then never resumes as the section rule expects,
    nothing is kept. A page without a single kept prose block is rarely right: the
    heaviest run of prose with the section labels set aside is taken as the article.
    """
    if any(d.category == C.BODY and d.label == PROSE for d in drafts):
        return
    if not any(d.section and d.label == PROSE for d in drafts):
        return
    weights = [first_weight(d.label, f) if d.section else d.weight for d, f in zip(drafts, feats)]
    first, last = _heaviest_run(weights)
    for i in range(first, last):
        d = drafts[i]
        if d.section and d.label in (PROSE, SENTENCE, LIST_ITEM):
            d.category, d.reasons = C.BODY, (d.reason, "fallback:sectioned-article")


def extend_over_inline_clutter(drafts: Sequence[Draft], region: tuple[int, int]) -> tuple[int, int]:
    """Take in prose that only a share row, promo or ad separates from the region.

    Clutter inside an article weighs against it, so a short last (or first)
    paragraph behind a share row can lose to it in the maximum-weight run. Such
    clutter is removed anyway; prose on its far side that ends like a sentence
    is the article going on. At most :data:`MAX_BRIDGED_BLOCKS` blocks are bridged.
    """
    first, last = region
    if first == last:
        return region
    return _bridge(drafts, first - 1, -1) + 1, _bridge(drafts, last, +1)


def _bridge(drafts: Sequence[Draft], j: int, step: int) -> int:
    """From block *j* outward (step -1 or +1), the far end of the prose reached
    across runs of bridgeable clutter; *j* itself when none is reached."""
    n = len(drafts)
    end = j
    while True:
        k = j
        while 0 <= k < n and abs(k - j) < MAX_BRIDGED_BLOCKS and drafts[k].label in BRIDGEABLE and not drafts[k].section:
            k += step
        if k == j or not 0 <= k < n or drafts[k].label != PROSE or drafts[k].section:
            return end
        j = k + step
        end = j


def extend_over_list(drafts: Sequence[Draft], feats: Sequence[Features], region: tuple[int, int]) -> tuple[int, int]:
    """Take in the list that a region's last line introduces ("Our favourite spots:").

    The items are short and no prose follows them, so the region ends before
    them; the colon says they belong to the article.
    """
    first, last = region
    if last == 0 or not feats[last - 1].colon:
        return first, last
    end = last
    while end < len(drafts) and end - last < MAX_LIST_RUN and drafts[end].label in (HEADING, SHORT) and not drafts[end].section:
        end += 1
    run = list(range(last, end))
    if run and _article_run(run, feats):
        return first, end
    return first, last


# --- Attribute lists at the article's edge ----------------------------------------------
# A recipe prints its ingredients above the method ("350 g Zucker", "1 Pck. Backpulver")
# and its nutrition facts below it ("390 kcal"); a product page or a photo page prints a
# list of specifications next to its text ("Herkunftsland: Italien", "Optik: Teleobjektiv").
# The lines are short and carry no prose, so the region stops before them; but they are
# not a menu: each states one quantity or one labelled value of the article's subject.
# (trafilatura-eval-dev text F1 .8863 -> .8897 html_text, .8870 -> .8904 inscriptis,
# up on both halves; aeb-dev .9538 -> .9548 / .9540 -> .9550, one page up, half a
# unchanged; samples unchanged; HTML trafilatura-eval .931 -> .933, aeb .970 either way.
# The quantity lines alone help only half a (recipes; +.003), the labelled values both.)

#: An attribute list is at least this many attribute lines ...
MIN_ATTRIBUTE_LINES = 3
#: ... that make at least this share of the blocks from its first to its last one
#: (teaser lists with a rubric, "Reise: ...", alternate with dates and other lines) ...
MIN_ATTRIBUTE_SHARE = 2 / 3
#: ... and it starts at most this many blocks from the region: a recipe puts its
#: "Zubereitung" heading, step number and time between ingredients and method
#: (8 and 12 measure the same on the dev sets; 6 misses half of the recipes).
MAX_ATTRIBUTE_GAP = 8
#: Other lines in a row that a list may hold (an ingredient without a quantity,
#: a "Füllung:" subheading, a date line among the specifications).
MAX_ATTRIBUTE_MISSES = 2
#: An attribute line has at most this many words ...
MAX_ATTRIBUTE_WORDS = 12
#: ... and a labelled value, a label of at most MAX_LABEL_WORDS words before a colon and
#: a value of at most MAX_VALUE_WORDS: a headline with a rubric ("Witness: I was
#: concerned after Sondland conversations") runs longer.
MAX_LABEL_WORDS = 4
MAX_VALUE_WORDS = 5
#: A value of this many digits and no letters is a phone number (contact details
#: belong to the footer, like a value with an e-mail address).
MIN_PHONE_DIGITS = 6
#: The number of a quantity: digits and vulgar fractions ("2", "1¼", "½"), at most this many tokens
#: ("2 1/2 cups", "1,5 kg" are three).
_FRACTIONS = frozenset("½⅓⅔¼¾⅕⅛")
MAX_NUMBER_TOKENS = 3
#: A list may pass the headline (or a copy): the headline picker takes a line of
#: ingredients for it now and then; the headline keeps its label.
_TITLES = frozenset({C.TITLE, C.TITLE_DUPLICATE})


def _quantity_led(f: Features, units: AbstractSet[str]) -> bool:
    """A line that opens with a number and a unit (``_common/units.txt``): "350 g Zucker",
    "1 Pck. Backpulver", "2 1/2 cups flour", "390 kcal". A count of things ("12 Citations",
    "1 History") has no unit."""
    words = f.norm_words
    k = 0
    while k < len(words) and k < MAX_NUMBER_TOKENS and all(c.isdecimal() or c in _FRACTIONS for c in words[k]):
        k += 1
    return 0 < k < len(words) and words[k] in units


def _value_label(text: str) -> str:
    """The label of a labelled value, by its first word ("Art der Aufnahme: Digitalfoto"
    -> "art"), or "" when *text* is not one (see MAX_LABEL_WORDS, MIN_PHONE_DIGITS; a
    link is not a value either)."""
    colon = text.find(":")
    if colon <= 0 or colon >= len(text) - 1 or not text[colon + 1].isspace():
        return ""
    value = text[colon + 1 :]
    label, value_words = text[:colon].split(), value.split()
    if not 0 < len(label) <= MAX_LABEL_WORDS or not 0 < len(value_words) <= MAX_VALUE_WORDS:
        return ""
    if "@" in value or any(w.startswith(("http", "www.")) for w in value_words):
        return ""
    if sum(c.isdigit() for c in value) >= MIN_PHONE_DIGITS and not any(c.isalpha() for c in value):
        return ""
    words = [w for w in label if any(c.isalnum() for c in w)]  # past a bullet ("*", "-")
    return words[0].casefold() if words else ""


def _attribute_key(text: str, f: Features, units: AbstractSet[str]) -> Optional[str]:
    """For an attribute line, "" (a quantity) or its label (a labelled value); else None."""
    if not 0 < f.words <= MAX_ATTRIBUTE_WORDS:
        return None
    if _quantity_led(f, units):
        return ""
    return _value_label(text) or None


def attribute_list(
    drafts: Sequence[Draft], feats: Sequence[Features], texts: Sequence[str], j: int, step: int, units: AbstractSet[str]
) -> list[int]:
    """The text blocks of an attribute list next to the region, walking from block *j*
    away from it (*step* -1 above the region, +1 below it); empty when there is none.

    The list's first attribute line stands within :data:`MAX_ATTRIBUTE_GAP` blocks of
    *j*, with no prose, section or footer line before it. The list runs on while at most
    :data:`MAX_ATTRIBUTE_MISSES` other blocks come in a row, and ends at its last
    attribute line; it counts when it has :data:`MIN_ATTRIBUTE_LINES` attribute lines
    making :data:`MIN_ATTRIBUTE_SHARE` of its blocks. A label printed again does not
    count: specifications name different things, a teaser list repeats its rubric.
    Its headings, short lines and sentences are returned (rule-labelled blocks inside
    it keep their labels).
    """
    n = len(drafts)
    k = j
    while True:
        if not (0 <= k < n and abs(k - j) < MAX_ATTRIBUTE_GAP):
            return []
        d = drafts[k]
        if d.section or d.label in (PROSE, C.FOOTER):  # prose is not a list; a footer ends the page
            return []
        if d.label in (HEADING, SHORT, SENTENCE) and not d.category and _attribute_key(texts[k], feats[k], units) is not None:
            break
        k += step
    run: list[int] = []
    hits: list[int] = []
    labels: set[str] = set()
    misses = 0
    while 0 <= k < n:
        d = drafts[k]
        if d.section or d.label in (PROSE, C.FOOTER) or (d.category and d.category not in _TITLES):
            break
        if d.category:  # the headline or a copy: passed over, neither in the list nor a gap
            k += step
            continue
        key = _attribute_key(texts[k], feats[k], units) if d.label in (HEADING, SHORT, SENTENCE) else None
        if key is not None and key not in labels:
            if key:
                labels.add(key)
            hits.append(k)
            misses = 0
        else:
            misses += 1
            if misses > MAX_ATTRIBUTE_MISSES:
                break
        if d.label in TEXT_CLASSES:
            run.append(k)
        k += step
    if len(hits) < MIN_ATTRIBUTE_LINES or len(hits) < MIN_ATTRIBUTE_SHARE * (abs(hits[-1] - hits[0]) + 1):
        return []
    return run[: run.index(hits[-1]) + 1]


def schedule_end(drafts: Sequence[Draft], feats: Sequence[Features], last: int) -> int:
    """Where a schedule (:func:`mark_date_lists`) that closes the article ends, with
    its heading ("Tour Dates"); *last* itself when none starts at the region's end *last*."""
    if last == 0:
        return last
    if last < len(drafts) and _heads_schedule(drafts, feats, last):
        last += 1
    while last < len(drafts) and drafts[last].label == LIST_ITEM and not drafts[last].section:
        last += 1
    return last


def _heads_schedule(drafts: Sequence[Draft], feats: Sequence[Features], i: int) -> bool:
    """Block *i* is a heading right above a schedule (:func:`mark_date_lists`) whose
    entries open with their dates; a list of post titles dated at the end is not one."""
    run = range(i + 1, min(i + 1 + MIN_DATE_RUN, len(drafts)))
    return (
        drafts[i].label == HEADING
        and not drafts[i].section
        and len(run) == MIN_DATE_RUN
        and all(drafts[j].reason == "text:date-list" and not drafts[j].section for j in run)
        and all(_opens_with_date(feats[j]) for j in run)
    )


#: An item of a numbered list: "3) ...", "12. ..." at the start of a block.
_NUMBERED_ITEM = re.compile(r"(\d{1,3})[.)]\s")
#: Most blocks between two items of a numbered list (a link or an image line under each).
MAX_NUMBERED_GAP = 3


def numbered_list_after(texts: Sequence[str], drafts: Sequence[Draft], region: tuple[int, int]) -> list[int]:
    """The rest of a numbered list that the region's end breaks off.

    A list of "1) ... 2) ... 3) ..." items with a shop link or an image under each
    weighs little, and its links weigh against it, so the region stops at its
    first item. Items that go on counting from an item at the region's end, each
    at most :data:`MAX_NUMBERED_GAP` blocks after the one before, are the
    article's list: the unlabelled blocks up to the last of them are returned.
    """
    first, last = region
    number, prev = 0, -1
    for j in range(last - 1, max(first, last - 1 - MAX_NUMBERED_GAP) - 1, -1):
        m = _NUMBERED_ITEM.match(texts[j])
        if m:
            number, prev = int(m.group(1)), j
            break
    if prev < 0:
        return []
    end = prev
    j = last
    while j < len(drafts) and j - end <= MAX_NUMBERED_GAP + 1 and not drafts[j].section:
        m = _NUMBERED_ITEM.match(texts[j])
        if m and int(m.group(1)) == number + 1 and drafts[j].label in TEXT_CLASSES:
            number, end = number + 1, j
        j += 1
    return [i for i in range(last, end + 1) if drafts[i].label in TEXT_CLASSES and not drafts[i].category]


def final_labels(drafts: list[Draft], feats: Sequence[Features], region: tuple[int, int], texts: Sequence[str]) -> None:
    """Decide every block's category from its label, its place and its neighbours
    (*texts*, the blocks' text, for a numbered list that goes on after the region)."""
    first, last = region
    schedule = schedule_end(drafts, feats, last)
    list_end = extend_over_list(drafts, feats, (first, schedule))[1]
    # The list may start in the lines a colon or a schedule took in after the region.
    for i in numbered_list_after(texts, drafts, (first, list_end)):
        drafts[i].category, drafts[i].reasons = C.BODY, (drafts[i].reason, "context:numbered-list")
    lead_start = _standfirst_start(drafts, feats, first)
    under = lead_under_headline(drafts, feats, lead_start) if lead_start == first else set()
    if first < last:  # attribute lists right above the region and after what closes it
        units = common_words("units")
        for i in attribute_list(drafts, feats, texts, first - 1, -1, units) + attribute_list(
            drafts, feats, texts, list_end, +1, units
        ):
            drafts[i].category, drafts[i].reasons = C.BODY, (drafts[i].reason, "context:attribute-list")
    # After the attribute lists: a line they keep is not printed outside the article.
    in_list, printed_elsewhere = _runs_between_prose(drafts, feats, first, last, _printed_outside(drafts, feats, first, last))
    for i, d in enumerate(drafts):
        if d.category:  # already decided (the title and its copies)
            continue
        if d.label not in TEXT_CLASSES:
            d.category, d.reasons = d.label, (d.reason,)
        elif (lead_start <= i < first or i in under) and d.label in (PROSE, SENTENCE):
            d.category, d.reasons = C.BODY, (d.reason, "context:standfirst")
        elif (lead_start <= i < first or i in under) and _lead_like(d, feats[i]):
            # A headline-like line under the headline. Kept in the body it would
            # read as the headline of that body, so stripping twice would differ.
            d.category, d.reasons = C.SUBTITLE, (d.reason, "context:subheadline")
        elif d.section:
            d.category, d.reasons = d.section, (d.reason, d.section_reason)
        elif d.marked_body and d.label == PROSE and not first <= i < last:
            # The markup says article body: prose split off the densest run by
            # images, tables or link lists is still the article (HTML front end only).
            d.category, d.reasons = C.BODY, (d.reason, "context:marked-body-prose")
        elif i < first:
            d.category, d.reasons = C.NAVIGATION if d.label != PROSE else C.BOILERPLATE, (d.reason, "region:before-article")
        elif last <= i < schedule:
            d.category, d.reasons = C.BODY, (d.reason, "context:schedule")
        elif schedule <= i < list_end:
            d.category, d.reasons = C.BODY, (d.reason, "context:list-after-colon")
        elif i >= last:
            d.category, d.reasons = C.BOILERPLATE, (d.reason, "region:after-article")
        elif d.label in (PROSE, SENTENCE, LIST_ITEM):
            d.category, d.reasons = C.BODY, (d.reason, "region:inside")
        elif i in in_list:
            d.category, d.reasons = C.BODY, (d.reason, "context:between-prose")
        elif i in printed_elsewhere:
            d.category, d.reasons = C.BOILERPLATE, (d.reason, PRINTED_ELSEWHERE)
        elif d.marked_body:
            d.category, d.reasons = C.BODY, (d.reason, "context:marked-body")
        else:
            d.category, d.reasons = C.BOILERPLATE, (d.reason, "context:no-prose-around")
    # A second run of prose as heavy as half the article is more of it (see
    # SURE_SECOND_REGION_SHARE); the recall preset keeps lighter ones too.
    for i in second_region_blocks(drafts, feats, region, SURE_SECOND_REGION_SHARE, sure=True):
        drafts[i].category, drafts[i].reasons = C.BODY, (drafts[i].reason, "region:second")


def _standfirst_start(drafts: Sequence[Draft], feats: Sequence[Features], first: int) -> int:
    """Where the standfirst may start: just below the headline, else *first*.

    Between the headline and the article pages print the standfirst (a one or
    two sentence summary), bylines, share rows and the lead image; the summary
    is article text. Pages that print the headline several times may put the
    standfirst between two copies, so the walk up from the article goes on
    through headline copies, clutter and lead-like text, for at most
    :data:`MAX_STANDFIRST_GAP` blocks, and the standfirst may start after the
    highest copy of the headline it passed.
    """
    start = first
    walking = True  # still passing only headline copies, clutter and lead-like text
    for i in range(first - 1, max(-1, first - 1 - MAX_STANDFIRST_GAP), -1):
        d = drafts[i]
        if d.category == C.TITLE or (walking and d.category == C.TITLE_DUPLICATE):
            start = min(start, i + 1)
            if d.category == C.TITLE and not walking:
                break
        elif d.label in TEXT_CLASSES and not _lead_like(d, feats[i]):
            walking = False
    return start


#: Blocks passed below the headline before its standfirst (bylines, dates, credits,
#: subheadlines); see lead_under_headline. Four covers "author / date / reading
#: time / photo credit" in the dev benchmarks.
MAX_LEAD_OFFSET = 4


def lead_under_headline(drafts: Sequence[Draft], feats: Sequence[Features], first: int) -> set[int]:
    """The standfirst right below a headline that stands far above the article.

    When menus, a table of contents or a gallery stand between the standfirst and
    the article, the walk of :func:`_standfirst_start` does not reach the headline.
    The prose that follows the headline, after at most :data:`MAX_LEAD_OFFSET`
    rule-labelled or lead-like blocks, is still its standfirst: returned with the
    lead-like lines before it. The headline must not be the first block (the
    ``<title>`` line, which the page's chrome follows), and the blocks must stand
    in no section. Measured on the dev benchmarks: trafilatura-eval-dev F1 +0.0022 /
    +0.0015 (html_text, halves a / b) and +0.0007 / +0.0007 (inscriptis); AEB
    inscriptis -0.0002 on half b (one standfirst its gold leaves out, which the
    html_text rendering of that page already keeps).
    """
    title = next((i for i in range(first - 1, 0, -1) if drafts[i].category == C.TITLE), None)
    if title is None:
        return set()
    found: set[int] = set()
    for j in range(title + 1, min(first, title + 2 + MAX_LEAD_OFFSET)):
        d = drafts[j]
        if d.section or d.category:
            break
        if d.label in (PROSE, SENTENCE):
            found.add(j)
            return found
        if d.label in TEXT_CLASSES:
            if not _lead_like(d, feats[j]):
                break
            found.add(j)
    return set()


def _lead_like(d: Draft, f: Features) -> bool:
    """Prose, or a line long enough to be a subheadline."""
    return d.label in (PROSE, SENTENCE) or (d.label in (HEADING, SHORT) and f.words >= MIN_STANDFIRST_WORDS)


#: The reason of a line between two paragraphs that the page prints again outside the article.
PRINTED_ELSEWHERE = "context:printed-elsewhere"
#: Categories decided before the context labels that keep a block (the title, attribute lists).
_KEPT = frozenset({C.TITLE, C.BODY})


def _runs_between_prose(
    drafts: Sequence[Draft], feats: Sequence[Features], first: int, last: int, outside: frozenset[str]
) -> tuple[set[int], set[int]]:
    """Headings and short lines inside the region that belong to the article, and
    the single lines between prose that the page prints again outside it.

    Rule-labelled blocks are skipped over. A run of them is kept when prose
    stands on both sides and the run is either a single line (a section
    heading) or reads like an in-article list rather than a menu: at most
    :data:`MAX_LIST_RUN` lines that average at least :data:`MIN_LIST_ITEM_WORDS`
    words. A single line whose text stands again outside the region, where no
    title or kept block holds it, is not a section heading (a section is
    introduced once): it is a teaser headline also printed in the page's lists,
    a box label, an author's name. A list printed twice (a recipe's ingredients,
    a table of contents) keeps its lines. Measured on the dev benchmarks:
    trafilatura-eval-dev F1 +0.0003 (both renderers; halves a +0.0000, b
    +0.0006), aeb-dev +0.0002 / +0.0001; taking the lines of longer runs too
    costs a teaser list that holds the page's own headline (inscriptis, half a).
    *outside* holds the texts of the blocks outside the run
    (:func:`_printed_outside`), computed once by the caller.
    """
    keep: set[int] = set()
    printed: set[int] = set()
    run: list[int] = []
    seen_prose = False
    for i in range(first, last):
        label = drafts[i].label if not drafts[i].section else ""
        if label in (PROSE, SENTENCE):
            if run and seen_prose and _article_run(run, feats):
                (printed if len(run) == 1 and feats[run[0]].norm in outside else keep).update(run)
            run = []
            seen_prose = True
        elif label in (HEADING, SHORT):
            run.append(i)
    return keep, printed


def _printed_outside(drafts: Sequence[Draft], feats: Sequence[Features], first: int, last: int) -> frozenset[str]:
    """The texts of the blocks outside the region ``[first, last)`` that nothing kept
    (not the title, not an attribute list)."""
    return frozenset(feats[j].norm for j in range(len(drafts)) if not first <= j < last and drafts[j].category not in _KEPT)


def _article_run(run: list[int], feats: Sequence[Features]) -> bool:
    """A single line, or a list of at most MAX_LIST_RUN items that are not menu-short."""
    if len(run) == 1:
        return True
    if len(run) > MAX_LIST_RUN:
        return False
    words = sum(feats[i].words for i in run)
    return words >= MIN_LIST_ITEM_WORDS * len(run)


# --- Presets: after the balanced labels, remove or keep more -------------------------
# Each preset pass only changes the decision of blocks the balanced labels already
# decided, in one direction: "precision" only removes body blocks and "recall" only
# keeps removed ones, so precision's body is a subset of balanced's and recall's a
# superset. Every changed block gets the reason code that changed it.

#: The category a block the precision preset removes from the body gets.
PRECISION_CATEGORY = C.BOILERPLATE
#: A body's last section (from its last heading) with fewer prose words than this,
#: or than this share of the body's prose words, is an appendix: an author box,
#: "Explore further" and a teaser, a comment policy. Measured on the dev benchmarks:
#: with 40 words / 15 % this rule alone raises precision by 0.006 (AEB) and 0.026
#: (trafilatura-eval) for at most 0.003 of F1; 100 words cost 0.01 of F1.
THIN_SECTION_WORDS = 40
THIN_SECTION_SHARE = 0.15
#: A second run of prose outside the article is kept by the recall preset when its
#: weight is at least this share of the article's (a page with two stories, a
#: lead paragraph the region missed). The balanced decision keeps the surer runs
#: of at least SURE_SECOND_REGION_SHARE (see final_labels); one third keeps more
#: at no loss of F1 on the dev benchmarks.
SECOND_REGION_SHARE = 1 / 3


def apply_precision(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """The precision preset: remove the body's thin last section, its loose ends and
    repeated short lines (reasons ``precision:thin-last-section``, ``precision:loose-end``,
    ``precision:repeated-line``). Only body blocks change; they become boilerplate."""
    _drop_thin_last_section(drafts, feats)
    _drop_loose_ends(drafts, feats)
    _drop_repeated_lines(drafts, feats)


def apply_recall(drafts: list[Draft], feats: Sequence[Features], region: tuple[int, int]) -> None:
    """The recall preset: keep a second run of prose, the text the region's context
    rules removed, and headings right above kept prose (reasons ``recall:second-region``,
    ``recall:inside-article``, ``recall:heading-above-prose``). Only removed blocks
    change; they become body."""
    _keep_second_region(drafts, feats, region)
    _keep_text_inside(drafts, region)
    _keep_headings_above_prose(drafts)


def apply_keep(drafts: list[Draft], keep: AbstractSet[str]) -> None:
    """Mark the blocks of the categories in *keep* as kept (reason ``keep:<category>``)."""
    for d in drafts:
        if d.category in keep:
            d.reasons = d.reasons + (KEEP_REASON_PREFIX + d.category,)


def _body_indices(drafts: Sequence[Draft]) -> list[int]:
    return [i for i, d in enumerate(drafts) if d.category == C.BODY]


def _remove(d: Draft, code: str) -> None:
    d.category, d.reasons = PRECISION_CATEGORY, d.reasons + (f"precision:{code}",)


def _add(d: Draft, code: str) -> None:
    d.category, d.reasons = C.BODY, d.reasons + (f"recall:{code}",)


def _prose_words(drafts: Sequence[Draft], feats: Sequence[Features], indices: Sequence[int]) -> int:
    return sum(feats[i].words for i in indices if drafts[i].label in (PROSE, SENTENCE))


def _drop_thin_last_section(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """Remove the body's last section when it holds little prose (see THIN_SECTION_WORDS).

    Sections start at a heading or short line kept in the body; a run of them (a
    list) opens one section. A body without such a line is one section and stays.
    """
    body = _body_indices(drafts)
    start = None  # where the last section starts, as an index into body
    for k in range(1, len(body)):
        if drafts[body[k]].label in (HEADING, SHORT) and drafts[body[k - 1]].label not in (HEADING, SHORT):
            start = k
    if start is None:
        return
    last = body[start:]
    limit = max(THIN_SECTION_WORDS, THIN_SECTION_SHARE * _prose_words(drafts, feats, body))
    if _prose_words(drafts, feats, last) < limit:
        for i in last:
            _remove(drafts[i], "thin-last-section")


def _drop_loose_ends(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """Remove body blocks from either end until prose: a body starts with prose and
    ends with prose that ends like a sentence. Headings, short sentences and list
    lines at the ends, and a last paragraph cut off without a sentence end, are
    where the region most often runs into its neighbours. A body without any prose
    that ends like a sentence is emptied.
    """
    body = _body_indices(drafts)
    for i in body:
        if drafts[i].label == PROSE:
            break
        _remove(drafts[i], "loose-end")
    for i in reversed(body):
        if drafts[i].category != C.BODY or (drafts[i].label == PROSE and feats[i].terminal):
            break
        _remove(drafts[i], "loose-end")


def _drop_repeated_lines(drafts: list[Draft], feats: Sequence[Features]) -> None:
    """Remove headings and short lines of the body whose text occurs again on the page:
    commenters' names, labels and teaser headlines repeat, section headings do not."""
    counts: dict[str, int] = {}
    for f in feats:
        counts[f.norm] = counts.get(f.norm, 0) + 1
    for i, d in enumerate(drafts):
        if d.category == C.BODY and d.label in (HEADING, SHORT) and counts[feats[i].norm] > 1:
            _remove(d, "repeated-line")


def _addable(d: Draft) -> bool:
    """A removed text block outside any section, and not the headline or a subheadline."""
    return d.label in TEXT_CLASSES and not d.section and d.category not in (C.BODY, C.TITLE, C.SUBTITLE)


def _keep_second_region(drafts: list[Draft], feats: Sequence[Features], region: tuple[int, int]) -> None:
    """Keep the densest run of prose before and the one after the article when each
    weighs at least SECOND_REGION_SHARE of it (see :func:`second_region_blocks`)."""
    for i in second_region_blocks(drafts, feats, region, SECOND_REGION_SHARE):
        _add(drafts[i], "second-region")


def second_region_blocks(
    drafts: Sequence[Draft], feats: Sequence[Features], region: tuple[int, int], share: float, sure: bool = False
) -> list[int]:
    """The removed blocks to keep of the densest run of prose before the article and
    of the one after it, each taken when it weighs at least *share* of the article:
    its prose, sentences and list lines, and the headings between its prose blocks
    (as inside the article). With *sure*, a run is also left out when it reads as
    teaser cards, lies below a footer line, or is unmarked where the page's markup
    marks the article (see :func:`_doubtful_run`)."""
    first, last = region
    weight = sum(d.weight for d in drafts[first:last])
    if weight <= 0:
        return []
    found: list[int] = []
    for lo, hi in ((0, first), (last, len(drafts))):
        s, e = main_region(drafts[lo:hi])
        s, e = s + lo, e + lo
        need = share * weight
        if sure and lo == last and _only_box_between(drafts, feats, last, s):
            need = min(need, BOX_SECOND_REGION_SHARE * weight)
        if s == e or sum(d.weight for d in drafts[s:e]) < need:
            continue
        if sure and _doubtful_run(drafts, region, s, e):
            continue
        between = _runs_between_prose(drafts, feats, s, e, _printed_outside(drafts, feats, s, e))[0]
        for i in range(s, e):
            d = drafts[i]
            if _addable(d) and (d.label in (PROSE, SENTENCE, LIST_ITEM) or i in between):
                found.append(i)
    return found


def _only_box_between(drafts: Sequence[Draft], feats: Sequence[Features], last: int, s: int) -> bool:
    """True if blocks *last* to *s* (between the article and a run after it) are only
    a box of text lines: headings, short lines, list lines and sentences, inline
    clutter and lines without letters, none in a section, and the text lines
    average :data:`MIN_LIST_ITEM_WORDS` words (a menu's are shorter; see
    BOX_SECOND_REGION_SHARE)."""
    lines = words = 0
    for d, f in zip(drafts[last:s], feats[last:s]):
        if d.section or not (d.label in TEXT_CLASSES or d.label in INLINE_CLUTTER or d.reason == NO_LETTERS_REASON):
            return False
        if d.label in TEXT_CLASSES:
            lines, words = lines + 1, words + f.words
    return words >= MIN_LIST_ITEM_WORDS * lines


def _doubtful_run(drafts: Sequence[Draft], region: tuple[int, int], s: int, e: int) -> bool:
    """A run of prose outside the article (blocks *s* to *e*) that is not surely more of it:

    - teaser cards: two or more of its prose blocks are each followed by a rule-labelled
      block with the same reason (a summary, then its timestamp or "Read more");
    - below the page's end: a footer phrase ("Privacy Policy", "Impressum") stands
      between the article and the run;
    - the page's markup marks blocks of the article as its body but none of the run's
      (HTML front end only; in text mode no block is marked).
    """
    first, last = region
    seen: set[str] = set()
    for i in range(s, min(e, len(drafts) - 1)):
        after = drafts[i + 1]
        if drafts[i].label == PROSE and after.label not in TEXT_CLASSES:
            if after.reason in seen:
                return True
            seen.add(after.reason)
    if any(d.label == C.FOOTER and d.reason.startswith("lexicon:") for d in drafts[last:s]):
        return True
    marked = any(d.marked_body for d in drafts[first:last])
    return marked and not any(d.marked_body for d in drafts[s:e])


def _keep_text_inside(drafts: list[Draft], region: tuple[int, int]) -> None:
    """Keep the text inside the article that only its neighbours removed: short lines
    without prose around them or printed again outside the article, and caption text
    judged by the credit line below it."""
    first, last = region
    for d in drafts[first:last]:
        if d.category == C.BODY or d.section:
            continue
        if d.reasons[-1:] in (("context:no-prose-around",), (PRINTED_ELSEWHERE,)) or (
            d.label == C.CAPTION and d.reason == ABOVE_CREDIT
        ):
            _add(d, "inside-article")


def _keep_headings_above_prose(drafts: list[Draft]) -> None:
    """Keep a heading that stands right above a kept prose block (the heading of the
    first section, or of a second region's first paragraph)."""
    for i in range(1, len(drafts)):
        above = drafts[i - 1]
        if drafts[i].category == C.BODY and drafts[i].label == PROSE and above.label == HEADING and _addable(above):
            _add(above, "heading-above-prose")
