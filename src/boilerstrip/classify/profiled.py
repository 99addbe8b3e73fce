"""A page run under its type's profile (:mod:`boilerstrip.type_profiles`).

The passes after the page-type pass run twice on a page whose type has a non-empty
profile: once as on an article (on a copy of the page) and once with the profile's
switches off. The second run is the result; a block whose category differs between
the two carries the reason ``type:<page type>``, so a reader sees what the profile
did. An article page (empty profile) runs once, exactly as before profiles existed.
Both runs are linear in the number of blocks. When the type's profile has a gate
(:data:`boilerstrip.type_profiles.GATES`) that the page run as an article does not
pass, the article run is the result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Set as AbstractSet
from typing import Callable, Optional

from .. import reasons as R
from ..lexicon import Lexicon
from ..rules import RuleChain, family_of
from ..type_profiles import THREAD
from .label import Label
from .page import Page
from .text_classes import first_weight, text_class


def copy_page(page: Page) -> Page:
    """A copy of *page* whose working state (labels and the lists the passes fill) is its own."""
    return dataclasses.replace(
        page,
        labels=[d.copy() for d in page.labels],
        feats=list(page.feats),
        cut_headings=list(page.cut_headings),
        markup_reasons=list(page.markup_reasons),
    )


def relabel_rules(page: Page, off: AbstractSet[str], chain: RuleChain, lexicon: Optional[Lexicon]) -> None:
    """Give every block whose first label came from a rule family in *off* the first
    label *chain* (the rules without those families) gives it: what the first labels
    would have been with the families switched off."""
    matcher, months = page.lexicons.matcher(), page.lexicons.months()
    language_known = page.language is not None
    for i, d in enumerate(page.labels):
        if family_of(d.reason) not in off:
            continue
        f = page.feats[i]
        first, reason = chain(page.texts[i], f, matcher, months, lexicon) or text_class(f, language_known)
        page.labels[i] = Label(first, reason, first_weight(first, f))


def mark_changes(page: Page, unprofiled: Page) -> None:
    """Add ``type:<page type>`` to the reasons of each block of *page* whose category
    differs from its category in *unprofiled* (the same page run without the profile)."""
    code = R.page_type(page.page_type)
    for d, before in zip(page.labels, unprofiled.labels):
        if d.category != before.category:
            d.add_reason(code)


def has_thread(page: Page) -> bool:
    """The gate "thread": the forum-posts pass found a thread in *page* (it marks the
    post headers of a thread it accepts, and only then)."""
    return any(R.FORUM_CHROME in d.decided_by for d in page.labels)


#: The predicate of each gate name, over the page run as an article.
GATE_TESTS: dict[str, Callable[[Page], bool]] = {THREAD: has_thread}
