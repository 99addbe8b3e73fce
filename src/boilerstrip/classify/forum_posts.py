"""Pass, forum posts: on a page of type forum, every post of the thread is content.

An article has one dense run of prose (the region); a thread has many short ones, each
under a post header (the poster's name, the post date, "Posts: 138", "Joined: ..."), and
the region finds one of them. This pass, on forum pages only, finds the post headers by
their shapes, and keeps the running text of each post; the header lines become
``byline`` (post chrome). A page with fewer than ``min_headers`` post headers is left
as the other passes made it. The short lines after a post's text, up to the next
header, are its action row ("Reply", "Quote", "Report", "2 likes"): ``comments``.

Shapes, not words: a header line is a block a rule labelled as a byline (a date, "Posted
by"), a short "Key: 123" line (a poster's counts or join date), or a user name (one
token with a digit, an underscore, a dot, a lowercase start or an inner capital:
"marta_w", "dave1974", "DaleJack"), or a post number ("#12"). A post runs from its
header to the next one, and ends early: at a run of ``max_gap_lines`` lines without
running text (the thread is over: a list of other topics, the footer); at a block a
rule labelled as related, footer, newsletter or cookie clutter; at comments or share
clutter after the post's text (its "Reply" or "Share" row); and at a related or
comments section (the sections pass), so that a blog post read as a forum keeps its
comment thread removed. Once posts have been kept, related clutter or a related
section ends the thread: header lines after it (the dates of other topics) are not posts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..thresholds import HAND, limit
from .label import LIST_ITEM, PROSE, SENTENCE, Label
from .page import Page

FORUM = "forum"


@dataclass(frozen=True)
class ForumLimits:
    min_headers: int = limit(2, HAND, "a thread has at least two posts, each under a header")
    max_stat_words: int = limit(6, HAND, "a poster's count or join date line ('Posts: 138', 'Joined: 4 Jul 2012')")
    min_username_chars: int = limit(2, HAND, "a user name on a line of its own: two characters at least")
    max_username_chars: int = limit(30, HAND, "and at most this many")
    max_gap_lines: int = limit(4, HAND, "lines without running text after which a post (and the thread) is over")
    max_action_words: int = limit(3, HAND, "a line of a post's action row ('Reply', 'Quote', '2 likes')")
    min_others_share: float = limit(
        1.0, HAND, "the other posts outweigh the longest one this many times, or it is an article with comments"
    )


LIMITS = ForumLimits()

_POST_TEXT = (PROSE, SENTENCE, LIST_ITEM)
#: Clutter that ends a post: the thread is over.
_ENDS_POST = frozenset({C.RELATED, C.FOOTER, C.NEWSLETTER, C.COOKIE})
#: Clutter that ends a post once it has text: its "Reply" or "Share" row.
_AFTER_TEXT = frozenset({C.COMMENTS, C.SHARE})
#: What a line of an action row may have been labelled before: nothing, or that row.
_ACTION_CLUTTER = frozenset({"", C.COMMENTS, C.SHARE})
#: Categories this pass never changes.
_TITLES = frozenset({C.TITLE, C.TITLE_DUPLICATE})
_FIXED = _TITLES | {C.BODY}
# "Key: 1..." or "Key: #..." at the start of a short line; bounded, so linear.
_STAT = re.compile(r"[^\W\d_][^\W\d_ ]{0,20}(?: [^\W\d_]{1,20}){0,2}: ?[#\d]")
_INNER_CAPITAL = re.compile(r"[^\W\d_][a-z]+[A-Z]")
# A post number: "#12".
_POST_NUMBER = re.compile(r"#\d{1,6}\Z")


def is_username(text: str, f: Features) -> bool:
    """One token that reads as a user name rather than a word or a heading."""
    token = text.strip()
    if not LIMITS.min_username_chars <= len(token) <= LIMITS.max_username_chars or f.terminal or any(c.isspace() for c in token):
        return False
    return (
        f.has_digits
        or "_" in token
        or "." in token.strip(".")
        or token[0].islower()
        or _INNER_CAPITAL.match(token) is not None
    )


def is_header(text: str, f: Features, d: Label) -> bool:
    """A line of a post header: a byline, a post number, a poster's count or join
    date, a user name."""
    if d.clutter == C.BYLINE or _POST_NUMBER.match(text.strip()) is not None:
        return True
    if d.clutter or d.text_class in (PROSE, SENTENCE):
        return False
    if f.words <= LIMITS.max_stat_words and _STAT.match(text.lstrip()) is not None:
        return True
    return is_username(text, f)


def apply(page: Page) -> None:
    """Keep the text of every post of a forum thread; label the post headers as bylines.

    A page whose longest post outweighs all its other posts together is an article
    with a comment thread (a blog post read as a forum), and is left as it is.
    """
    if page.page_type != FORUM:
        return
    labels, feats, texts = page.labels, page.feats, page.texts
    headers = [is_header(t, f, d) for t, f, d in zip(texts, feats, labels)]
    starts = [i for i, h in enumerate(headers) if h and (i == 0 or not headers[i - 1])]
    if len(starts) < LIMITS.min_headers:
        return
    n = len(labels)
    chrome: list[int] = []
    posts: list[int] = []
    actions: list[int] = []
    post_words: list[int] = []
    for k, start in enumerate(starts):
        i = start
        while i < n and headers[i]:
            chrome.append(i)
            i += 1
        before = len(posts)
        over = _post(page, i, starts[k + 1] if k + 1 < len(starts) else n, headers, (posts, actions))
        post_words.append(sum(feats[j].words for j in posts[before:]))
        if over and posts:  # the thread has begun, and is over
            break
    if max(post_words) * LIMITS.min_others_share >= sum(post_words) - max(post_words):
        return
    for i in chrome:
        if labels[i].category not in _TITLES:
            labels[i].decide(C.BYLINE, R.FORUM_CHROME)
    for i in actions:
        if labels[i].category not in _FIXED:
            labels[i].decide(C.COMMENTS, R.FORUM_ACTIONS)
    for i in posts:
        if labels[i].category not in _FIXED:
            labels[i].decide(C.BODY, R.FORUM_POST)


def _post(page: Page, start: int, end: int, headers: list[bool], out: tuple[list[int], list[int]]) -> bool:
    """Add to *out* ``(posts, actions)`` the running text of the post that starts at
    *start*, under its header (it ends by *end*), and the short lines after its text
    (its "Reply", "Quote", "Like" row).
    True when related clutter or a related section ended it: the thread is over."""
    posts, actions = out
    labels, feats = page.labels, page.feats
    kept: list[int] = []
    gap = 0
    over = False
    for i in range(start, end):
        d = labels[i]
        if headers[i]:
            continue
        if kept and d.clutter in _AFTER_TEXT:
            break
        if d.clutter in _ENDS_POST or d.section or page.cut_headings[i]:
            over = d.clutter == C.RELATED or d.section == C.RELATED
            break
        if d.text_class in _POST_TEXT and not d.clutter:
            gap = 0
            kept.append(i)
        else:
            gap += 1
            if gap >= LIMITS.max_gap_lines:
                break
    posts.extend(kept)
    if kept:
        for j in range(kept[-1] + 1, end):
            if headers[j] or feats[j].words > LIMITS.max_action_words or labels[j].clutter not in _ACTION_CLUTTER:
                break
            actions.append(j)
    return over
