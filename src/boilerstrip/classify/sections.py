"""Pass 3, sections: a "Related Articles" or "Comments" heading opens a section of
clutter that runs until article prose resumes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..thresholds import HAND, limit, measured
from .label import HEADING, PROSE, PROSE_OR_SENTENCE, Label
from .page import Page
from .text_classes import WEIGHTS


@dataclass(frozen=True)
class SectionLimits:
    max_marker_words: int = limit(
        6, HAND, "a comments or related phrase on a heading this short ('Top Rated Comments') opens a section"
    )
    min_words_before_comments: int = limit(
        60, HAND, "article prose before a 'Comments' heading for it to end the article; above it, it is share-row chrome"
    )
    min_words_article_started: int = limit(
        60, HAND, "prose words outside any section after which the article has started"
    )
    min_paragraph_sentences: int = limit(
        2, measured("aeb-dev", "trafilatura-eval-dev"),
        "a paragraph that starts the article: a menu or <title> line that reads as prose has fewer",
    )
    min_opening_prose_words: int = limit(
        25, measured("aeb-dev", "trafilatura-eval-dev"),
        "above the article, one full paragraph this long ends a related section (teasers are shorter)",
    )
    min_words_before_link_box: int = limit(60, HAND, "article prose above a box of headline links inside it")
    min_box_links: int = limit(2, HAND, "a box of headline links inside the article holds at least this many")
    max_box_blocks: int = limit(20, HAND, "and spans at most this many blocks (which also bounds the look back)")
    min_box_link_words: int = limit(4, HAND, "each a headline: teaser cards carry source names and repeat their headline")
    promo_box_offset: int = limit(2, HAND, "a promo box is its heading, one headline, then the article's prose")
    max_code_token_words: int = limit(1, HAND, "a weak cue this short can be one token of split code ('name')")
    code_token_window: int = limit(2, HAND, "blocks either side of such a cue in which an operator line marks code")


LIMITS = SectionLimits()


def apply(page: Page) -> None:
    """Give the blocks under a "Related" or "Comments" heading that section's category.

    A related-type section ends where article prose resumes: a prose block ending in
    a full sentence that is followed by more prose (or by nothing); above the article
    (a "News" link list in the header), one such block of ``min_opening_prose_words``
    words is enough. The article has not started while no paragraph
    (``min_paragraph_sentences``) and fewer than ``min_words_article_started`` words
    of prose stood outside a section: a long menu line or ``<title>`` line that reads
    as prose does not start it. Teaser paragraphs are cut off mid-sentence or stand
    alone between headlines. A comments section, once the article has been seen,
    runs to the end.
    """
    labels, feats, cut_headings = page.labels, page.feats, page.cut_headings
    n = len(labels)
    section: Optional[str] = None
    code = ""  # the reason code of the open section
    prose_words = 0
    paragraph_seen = False  # a paragraph stood outside any section (the article started)
    opened = 0  # index of the current section's heading
    for i, d in enumerate(labels):
        f = feats[i]
        # Strong markers come from section_cut.txt; a weak one (any short comments
        # or related phrase) counts only when no prose follows it directly, as
        # under a real heading: author lines, dates, teaser headlines.
        is_marker = cut_headings[i] or d.reason == R.COMMENT_COUNT or (
            d.clutter in (C.COMMENTS, C.RELATED)
            and f.words <= LIMITS.max_marker_words
            and not f.terminal
            and _next_text_class(labels, i + 1, n) != PROSE
            and not (section is None and f.words <= LIMITS.max_code_token_words and _code_token(page, i))
        )
        if is_marker:
            category = d.clutter if d.clutter in (C.COMMENTS, C.RELATED) else C.RELATED
            if category == C.COMMENTS and prose_words < LIMITS.min_words_before_comments:
                category = C.RELATED  # chrome above the article: may resume
            section, opened = category, i
            code = R.section(category, f.norm)  # one string for every block of the section
            d.relabel(category, R.section_start(category), WEIGHTS.section)
            continue
        if section is None:
            if d.text_class == PROSE:
                prose_words += f.words
                paragraph_seen = paragraph_seen or (f.terminal and f.sentences >= LIMITS.min_paragraph_sentences)
            continue
        # A heading, one headline, then article prose: "À lire aussi" + title,
        # an in-article promo box rather than a section.
        # (Teaser lists differ: their prose is followed by the next teaser's headline.)
        promo_box = (
            i == opened + LIMITS.promo_box_offset
            and labels[i - 1].text_class == HEADING
            and d.text_class == PROSE
            and prose_words > 0
            and (i + 1 >= n or labels[i + 1].text_class != HEADING)
        ) or _after_link_box(labels, feats, opened, i, prose_words)
        above_all_prose = not paragraph_seen and prose_words < LIMITS.min_words_article_started
        if section == C.RELATED and d.text_class == PROSE and f.terminal and (
            promo_box
            or _prose_follows(labels, i + 1, n)
            or _standfirst_over_byline(labels, i, n)
            or (above_all_prose and f.words >= LIMITS.min_opening_prose_words)
        ):
            # The article resumes: the section was a box inside or above it. Its
            # blocks stay labelled but weigh nothing, so the region can span it.
            for j in range(opened, i):
                dj = labels[j]
                if dj.weight == WEIGHTS.section:
                    dj.weight = WEIGHTS.resumed_section
                if promo_box:
                    dj.relabel(C.INLINE_PROMO, R.PROMO_BOX, dj.weight)
                    dj.section = ""
            section = None
            prose_words += f.words
            paragraph_seen = True
            continue
        if d.text_class:
            d.section, d.section_reason, d.weight = section, code, WEIGHTS.section


def _after_link_box(labels: Sequence[Label], feats: Sequence[Features], opened: int, i: int, prose_words: int) -> bool:
    """Block *i* is an article paragraph after a "Related" box of bare headlines.

    The box sits inside the article: article prose above it, then only headline
    lines (no teaser text) up to a full paragraph of its own length. Teaser lists
    differ: their first prose block follows a single headline.
    """
    if (
        prose_words < LIMITS.min_words_before_link_box
        or feats[i].words < LIMITS.min_opening_prose_words
        or i - opened > LIMITS.max_box_blocks
    ):
        return False
    seen: set[str] = set()
    for j in range(opened + 1, i):
        if labels[j].text_class:
            f = feats[j]
            if labels[j].text_class != HEADING or f.words < LIMITS.min_box_link_words or f.norm in seen:
                return False
            seen.add(f.norm)
    return len(seen) >= LIMITS.min_box_links


# Code that a syntax highlighter colours token by token comes out of a scraper that writes
# every text node on a line of its own as one token a line: "name" / "=" / "'dispatch'".
# A token that happens to be a comment-form word ("name", "send", "submit") must not
# open a comments section, which would remove everything after it; a form label or a
# thread's "Reply" stands among words, not next to operator and bracket lines.
_CODE_MARKS = frozenset("=(){}[]<>;:,")
# Marks inside the token itself: an operator or a quote, or a bracket or colon that a
# text node of its own put on the next line. A button's own brackets ("[ Reply ]",
# "(reply)") and a Markdown link ("[Reply](url?replytocom=1)") are not code.
_CODE_IN_TOKEN = ("=", '"', "{", "}", "<", ">", "(\n", "\n)", "\n:")


def _code_token(page: Page, i: int) -> bool:
    """True if block *i* is one token of split code: it holds a code mark itself
    (``name=``, ``"name"``, ``(`` + ``name``, ``name`` + ``:`` cut into two text nodes),
    or a block within ``code_token_window`` of it is an operator or bracket line
    (no letters, and one of ``= ( ) { } [ ] < > ; : ,``)."""
    if page.evidence.hints is not None:
        return False  # the HTML front end lays code out line by line, as a browser does
    text = page.texts[i]
    if "](" in text:
        return False
    if any(mark in text for mark in _CODE_IN_TOKEN):
        return True
    window = LIMITS.code_token_window
    for k in range(max(0, i - window), min(len(page.texts), i + window + 1)):
        neighbour = page.texts[k]
        if k != i and not page.feats[k].has_letters and not _CODE_MARKS.isdisjoint(neighbour) and "](" not in neighbour:
            return True
    return False


def _next_text_class(labels: Sequence[Label], j: int, n: int) -> Optional[str]:
    """The text class of the next block that no rule labelled, or None."""
    while j < n and not labels[j].text_class:
        j += 1
    return labels[j].text_class if j < n else None


def _prose_follows(labels: Sequence[Label], j: int, n: int) -> bool:
    """True if block *j* is prose or a sentence, or the page ends before it.

    Directly: teaser cards alternate prose with buttons or source lines, an
    article's paragraphs follow one another.
    """
    return j >= n or labels[j].text_class in PROSE_OR_SENTENCE


def _standfirst_over_byline(labels: Sequence[Label], i: int, n: int) -> bool:
    """True if prose block *i* is a standfirst: a byline or date below it, then the
    first paragraph.

    A teaser's date is followed by the next teaser's headline, not by a paragraph.
    A comment thread puts a byline above every comment: prose under a byline, or
    a paragraph with another byline below it, is a comment.
    """
    return (
        i > 0
        and i + 2 < n
        and labels[i - 1].clutter != C.BYLINE
        and labels[i + 1].clutter == C.BYLINE
        and labels[i + 2].text_class == PROSE
        and (i + 3 >= n or labels[i + 3].clutter != C.BYLINE)
    )
