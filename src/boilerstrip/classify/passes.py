"""The passes of the classifier, in the order they run: :data:`PASSES`.

Every pass has the same shape, ``apply(page) -> None``: it reads what the passes
before it left in the :class:`~.page.Page` and adds to it. Each is linear in the
number of blocks. Passes marked switchable may be switched off for an ablation
(:class:`boilerstrip.Stripper`); the others make the result what it is (without the
first labels, the region or the final labels there is no decision to report).
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from . import (
    article_end,
    attribute_lists,
    author_bio,
    author_box,
    byline_pull,
    captions,
    closing_box,
    date_lists,
    fallback,
    final_labels,
    first_labels,
    forum_posts,
    galleries,
    listing_entries,
    headline,
    markup,
    numbered_lists,
    page_type,
    presets,
    region,
    second_region,
    sections,
    standfirst,
)
from .page import Page


class Pass(NamedTuple):
    name: str
    apply: Callable[[Page], None]
    switchable: bool = True


#: The pass that says what kind of page it is; the type profiles act on the passes after it.
PAGE_TYPE_PASS = "page-type"

PASSES: tuple[Pass, ...] = (
    Pass("first-labels", first_labels.apply, switchable=False),  # rules, else a text class
    Pass(PAGE_TYPE_PASS, page_type.apply, switchable=False),  # article, forum, listing, ... (reported)
    Pass("date-lists", date_lists.apply),  # three datelines in a row: a schedule
    Pass("sections", sections.apply),  # "Related" / "Comments" headings open sections
    Pass("captions", captions.apply),  # the text right above a photo credit
    Pass("galleries", galleries.apply),  # "1 of 4", "2 of 4": slides
    Pass("markup", markup.apply_hints),  # the HTML front end's hints
    Pass("byline-pull", byline_pull.apply),  # the paragraph under the byline weighs more
    Pass("region", region.apply, switchable=False),  # the densest run of prose
    Pass("headline", headline.apply),  # the title and its copies
    Pass("article-end", article_end.apply),  # a schedule or a list after a colon closes it
    Pass("numbered-lists", numbered_lists.apply),  # a numbered list going on after it
    Pass("standfirst", standfirst.apply),  # between the headline and the article
    Pass("attribute-lists", attribute_lists.apply),  # ingredients, specifications
    Pass("final-labels", final_labels.apply, switchable=False),  # every other block, by PRECEDENCE
    Pass("forum-posts", forum_posts.apply),  # forum pages: the text of every post
    Pass("second-region", second_region.apply),  # a second run of prose as heavy as half
    Pass("fallback", fallback.apply),  # no prose kept: the heaviest run under a section
    Pass("listing-entries", listing_entries.apply),  # listing, collection pages: the run of entries
    Pass("author-bio", author_bio.apply),  # "Jane Doe is a freelance writer ..."
    Pass("author-box", author_box.apply),  # a name line, then a role or a bio
    Pass("closing-box", closing_box.apply),  # thin text after a sign-up label
    Pass("markup-reasons", markup.add_reasons),  # the markup's reasons on what it marked
    Pass("precision", presets.precision),  # Options(preset="precision")
    Pass("recall", presets.recall),  # Options(preset="recall")
    Pass("keep", presets.keep),  # Options(keep=...)
)
