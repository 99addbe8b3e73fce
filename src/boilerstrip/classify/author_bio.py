"""Pass 17, the author's bio: the line about the author that closes an article."""

from __future__ import annotations

from dataclasses import dataclass

from .. import reasons as R
from ..thresholds import HAND, limit
from .label import HEADING, body_indices
from .names import about_person, to_byline
from .page import Page


@dataclass(frozen=True)
class AuthorBioLimits:
    max_bio_words: int = limit(80, HAND, "an author bio closing the article is at most this long")
    max_bio_name_words: int = limit(4, HAND, "its job phrase starts after at most this many words (the name)")
    max_bio_blocks: int = limit(3, HAND, "it is one of this many last kept blocks")
    min_blocks_before_bio: int = limit(2, HAND, "with at least this many kept blocks before it")
    bio_scan_words: int = limit(8, HAND, "words split off after the name to look for the job phrase in")


LIMITS = AuthorBioLimits()


def apply(page: Page) -> None:
    """Remove the author's bio that closes an article.

    Articles end with a line about who wrote them: "Jane Doe is a freelance writer
    based in Berlin." It reads as prose and stands inside the article; what gives it
    away is its place and its opening: a name, then a job phrase (``author_bio.txt``:
    "is a freelance writer", "ist freie Autorin"). Such a short block among the last
    kept blocks becomes a byline. So does a heading made of an opener
    (``about_heading.txt``: "About", "Über", "Sobre") and a person's name ("About
    Jane Doe") among the last kept blocks, with the blocks after it.
    """
    labels, feats, texts = page.labels, page.feats, page.texts
    phrases, about = page.lexicons.bio_phrases(), page.lexicons.about_phrases()
    kept = body_indices(labels)
    for i in kept[max(LIMITS.min_blocks_before_bio, len(kept) - LIMITS.max_bio_blocks) :]:
        f = feats[i]
        if f.words <= LIMITS.max_bio_words and _opens_bio(f.norm, phrases):
            to_byline(labels, (i,), R.AUTHOR_BIO)
    for n in range(max(LIMITS.min_blocks_before_bio, len(kept) - LIMITS.max_bio_blocks - 1), len(kept) - 1):
        i = kept[n]
        if labels[i].text_class == HEADING and about_person(texts[i], feats[i], about):
            to_byline(labels, kept[n:], R.AUTHOR_BIO)
            return


def _opens_bio(norm: str, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """A job phrase starts within the first words of *norm* (after a name)."""
    words = norm.split(" ", LIMITS.max_bio_name_words + LIMITS.bio_scan_words)
    for k in range(min(LIMITS.max_bio_name_words + 1, len(words))):
        for phrase in phrases.get(words[k], ()):
            if tuple(words[k : k + len(phrase)]) == phrase:
                return True
    return False
