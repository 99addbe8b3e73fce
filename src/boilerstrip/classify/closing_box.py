"""Pass 19, the closing box: thin text after a sign-up or footer label inside the
article is that box, not more article."""

from __future__ import annotations

from dataclasses import dataclass

from .. import categories as C
from .. import reasons as R
from ..features import Features
from ..thresholds import HAND, limit, measured
from .label import Label, body_indices, prose_words
from .page import Page


@dataclass(frozen=True)
class ClosingBoxLimits:
    max_closing_box_share: float = limit(
        0.15, measured("aeb-dev", "trafilatura-eval-dev"),
        "kept text after the label holds less than this share of the body's prose words; 0.25 costs article text",
    )
    max_closer_words: int = limit(10, HAND, "the label opening the box: no sentence end and at most this many words")
    min_body_blocks: int = limit(2, HAND, "a label between two kept blocks")


LIMITS = ClosingBoxLimits()
#: Clutter a page prints where its article has ended: a sign-up box (and a footer line
#: by its phrase: a "©" line is also a photo credit). App promos are left out:
#: "Download the app" banners stand between paragraphs.
CLOSING_CATEGORIES = frozenset({C.NEWSLETTER})


def _opens_closing_box(d: Label, f: Features) -> bool:
    """A short sign-up or footer label."""
    if f.words > LIMITS.max_closer_words or f.terminal:
        return False
    return d.clutter in CLOSING_CATEGORIES or (d.clutter == C.FOOTER and d.reason.startswith(R.LEXICON_PREFIX))


def apply(page: Page) -> None:
    """Remove the thin rest of the body after a sign-up or footer label inside it.

    A newsletter box, a membership pitch or the page footer opens with a label the
    rules know ("Newsletter", "Sign Up for the ... Newsletter", "Impressum") and goes on
    in full sentences that they do not. The first such label between two kept blocks
    after which the kept text is thin opens the box: the kept blocks after it take the
    label's category. An article goes on at length after an inline promo; it does not
    after its sign-up box.
    """
    labels, feats = page.labels, page.feats
    body = body_indices(labels)
    if len(body) < LIMITS.min_body_blocks:
        return
    # after[k]: prose words of body[k:], so each label's tail is weighed in constant time.
    after = [0] * (len(body) + 1)
    for k in range(len(body) - 1, -1, -1):
        after[k] = after[k + 1] + prose_words(labels, feats, body[k : k + 1])
    total = after[0]
    k = 0  # body[k:] are the kept blocks after block j
    for j in range(body[0] + 1, body[-1]):
        while body[k] <= j:
            k += 1
        if (
            labels[j].category != C.BODY
            and _opens_closing_box(labels[j], feats[j])
            and after[k] < LIMITS.max_closing_box_share * total
        ):
            for i in body[k:]:
                labels[i].decide(labels[j].clutter, R.CLOSING_BOX)
            return
