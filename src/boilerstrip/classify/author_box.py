"""Pass 18, author boxes: the author's name on a line of its own, and under it the
author's role or a bio."""

from __future__ import annotations

from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..thresholds import HAND, limit
from .author_bio import LIMITS as BIO_LIMITS
from .label import body_indices
from .names import name_line, opens_with_name, to_byline
from .page import Page


@dataclass(frozen=True)
class AuthorBoxLimits:
    max_role_words: int = limit(
        15, HAND, "an author's role line under a name line; no article block this short with a job word follows a name line"
    )
    max_box_bio_words: int = limit(80, HAND, "a bio under the name line that opens with the name")


LIMITS = AuthorBoxLimits()


def apply(page: Page) -> None:
    """Remove the author boxes a page prints next to its article.

    An author box puts the author's name on a line of its own and under it either the
    author's role ("Redakteur in der Wirtschaft.", "Staff reporter") or a bio that opens
    with the name again ("Jane Doe covers courts and crime for ..."). Both read as text
    and can stand inside the article. The name line (two or three capitalised words, no
    sentence end) gives them away:

    - a kept block of at most ``max_role_words`` words right after it that holds a job
      word (``author_job.txt``) is the author's role, anywhere in the article;
    - a kept block of at most ``max_box_bio_words`` words right after it that opens with
      the name is the author's bio when it holds a job word too, or when it is one of the
      last kept blocks (as an author bio) and no other name line in the body is followed
      the same way (that is a list of people, each under their name).

    The name line and the block under it become bylines (``context:author-box``).
    """
    labels, feats, texts, jobs = page.labels, page.feats, page.texts, page.lexicons.author_jobs()
    name_pairs = []  # blocks that open with the name line above them, no job word
    for i in range(1, len(labels)):
        d, f = labels[i], feats[i]
        if d.category != C.BODY or not name_line(texts[i - 1], feats[i - 1]):
            continue
        if f.words <= LIMITS.max_role_words and not jobs.isdisjoint(f.norm_words):
            to_byline(labels, (i - 1, i), R.AUTHOR_BOX)
        elif f.words <= LIMITS.max_box_bio_words and opens_with_name(texts[i], texts[i - 1]):
            if jobs.isdisjoint(f.norm_words):
                name_pairs.append(i)
            else:  # "Jane Doe is a reporter ...": a bio wherever it stands
                to_byline(labels, (i - 1, i), R.AUTHOR_BOX)
    if len(name_pairs) != 1:
        return
    kept = body_indices(labels)
    i = name_pairs[0]
    if i in kept[max(BIO_LIMITS.min_blocks_before_bio, len(kept) - BIO_LIMITS.max_bio_blocks) :]:
        to_byline(labels, (i - 1, i), R.AUTHOR_BOX)
