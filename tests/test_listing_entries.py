"""The listing-entries pass: on a listing or collection page, the run of entries is kept."""

from __future__ import annotations

import pytest

from boilerstrip import Options, Stripper
from boilerstrip import categories as C
from boilerstrip.classify.passes import PASSES
from boilerstrip.classify.listing_entries import CLUTTER, LINE, NO_LETTERS, RUNNING, SHORT_LINE, main_run

LISTING = Options(page_type="listing")
COLLECTION = Options(page_type="collection")
#: No profiles: what the pass does on its own, whatever the fitted profiles say.
PLAIN = Stripper(profiles={})
OFF = Stripper(disable=frozenset({"listing-entries"}), profiles={})

#: A hand-written index of walking routes: a title line, a line of facts and a date per
#: entry, under an intro sentence and above the pagination and the footer (the shape of
#: a content index whose entries have no teaser prose).
ENTRIES = [
    ("Ridge Path to the Old Quarry", "4.5 miles, a steep first mile, views over the valley"),
    ("Three Bridges Riverside Loop", "3 miles, flat and shaded, two cafes on the way"),
    ("Beech Wood and Chapel Circuit", "5 miles, muddy in winter, bluebells in May"),
    ("Canal Towpath to Lower Lock", "2 miles out and back on a level towpath"),
]
DATES = ["June 4, 2024", "May 28, 2024", "May 21, 2024", "May 14, 2024"]
INTRO = "Short walks from the village green, each under two hours and with a pub at the end."


def _index() -> str:
    lines = ["Walks | Hill & Dale Rambles", "Home", "Walks", "Maps", "Contact", "Village Walks", INTRO, "Sort by", "Newest"]
    for (title, teaser), date in zip(ENTRIES, DATES):
        lines += [title, teaser, date]
    lines += ["1", "2", "Next", "© 2024 Hill & Dale Rambles", "Privacy"]
    return "\n\n".join(lines)


INDEX = _index()


def _block(result, text):  # type: ignore[no-untyped-def]
    return next(b for b in result.blocks if INDEX[b.start : b.end] == text)


def test_the_entries_of_a_listing_are_kept() -> None:
    # Worked out by hand: the entries repeat (line, running text, dated line) four
    # times; the titles and teasers become body, the dates keep their byline label,
    # the intro stays body, and the menus, "Sort by" and the pagination stay removed.
    r = PLAIN.strip(INDEX, LISTING)
    assert r.text.split("\n") == [INTRO] + [line for entry in ENTRIES for line in entry]
    assert "listing:entry" in _block(r, ENTRIES[2][0]).reasons
    assert _block(r, DATES[0]).category == C.BYLINE


def test_the_pass_is_what_keeps_the_entries() -> None:
    off = OFF.strip(INDEX, LISTING)
    assert ENTRIES[3][0] not in off.text


def test_a_collection_keeps_names_and_prices() -> None:
    # A product grid: a name and a price per card; the button after the grid and the
    # pagination are not entries (the price slot there is a short line, not a price).
    names = ["Moorland Wool Scarf", "Harbour Stripe Beanie", "Heather Knit Mittens", "Fell Walker Socks"]
    prices = ["£38.00", "£24.00", "£19.50", "£12.00"]
    page = "\n\n".join(
        ["Knitwear | Loom & Fleece", "Shop", "Knitwear", "Basket", "Knitwear", "Sort by", "Featured"]
        + [x for pair in zip(names, prices) for x in pair]
        + ["Load more products", "Quick view", "1", "2", "© 2024 Loom & Fleece"]
    )
    r = PLAIN.strip(page, COLLECTION)
    assert r.text.split("\n") == [x for pair in zip(names, prices) for x in pair]


def test_articles_and_other_types_are_left_alone() -> None:
    for page_type in ("article", "product", "forum"):
        options = Options(page_type=page_type)
        assert PLAIN.strip(INDEX, options) == OFF.strip(INDEX, options)


def test_a_run_lighter_than_the_kept_text_is_not_the_main_structure() -> None:
    # The same index under a long article: the entries weigh less than the prose the
    # region keeps, so they are a list beside the content, and stay removed.
    prose = (
        "The parish council has agreed to repair the stiles on every footpath before the summer, "
        "after walkers wrote to say that several had rotted through over the wet winter months."
    )
    page = INDEX.replace(INTRO, "\n\n".join([prose] * 5))
    assert PLAIN.strip(page, LISTING) == OFF.strip(page, LISTING)


def test_a_comment_thread_is_not_a_run_of_entries() -> None:
    # A post followed by its comments: each comment is a "Posted by" line and a
    # paragraph, a run of period two, but it stands in a comments section (the post
    # has the prose a "Comments" heading needs to end it).
    post = (
        "The footbridge at the bottom of the lane is closed until the end of the month while the "
        "council replaces its rotten boards, so the riverside walks start from the church for now. "
        "The stepping stones by the mill are the only other crossing, and they are underwater after rain. Walkers coming from the station should follow the road to the church instead."
    )
    comments = [
        "Thanks for the warning, we were planning to take the children down there on Saturday morning.",
        "Does anyone know whether the ford is passable in wellies, or is the river still too high?",
        "The ford was fine yesterday afternoon, though the stepping stones were slippery in places.",
        "Good to hear they are fixing it at last; those boards have been loose for two winters.",
    ]
    lines = ["Bridge closed | Hill & Dale Rambles", "Bridge closed", post, "Comments"]
    for k, comment in enumerate(comments):
        lines += [f"Posted by walker{k} at 7:{10 + k} AM", comment]
    page = "\n\n".join(lines)
    on, off = PLAIN.strip(page, LISTING), OFF.strip(page, LISTING)
    assert comments[2] not in off.text
    assert on == off


@pytest.mark.parametrize(
    "shapes, expected",
    [
        # (line, price) four times after two short lines: the run is the four pairs.
        ([SHORT_LINE, SHORT_LINE] + [LINE, NO_LETTERS] * 4 + [SHORT_LINE], (2, 10)),
        # Only two entries: a coincidence, no run.
        ([SHORT_LINE, LINE, RUNNING, LINE, RUNNING, SHORT_LINE], (0, 0)),
        # A run of menu items (short lines) is not entries.
        ([SHORT_LINE] * 8, (0, 0)),
        # Nor is a run of paragraphs (period one, running text).
        ([RUNNING] * 6, (0, 0)),
        # Nor a period without a line or running text (dates and numbers).
        ([CLUTTER, NO_LETTERS] * 4, (0, 0)),
        # A bare list of lines (one shape over and over) is not entries.
        ([LINE] * 4 + [SHORT_LINE], (0, 0)),
        ([LINE, LINE] * 3, (0, 0)),
        # A partial entry at the end is left out: seven blocks of a period two run
        # (line, clutter) are three whole entries and a line.
        ([LINE, CLUTTER] * 3 + [LINE, SHORT_LINE], (0, 6)),
    ],
)
def test_main_run(shapes: list[str], expected: tuple[int, int]) -> None:
    assert main_run(shapes, [5] * len(shapes)) == expected


def test_the_heaviest_run_wins() -> None:
    # Two runs of period two; the second has more words in its lines.
    shapes = [LINE, NO_LETTERS] * 3 + [SHORT_LINE] + [LINE, CLUTTER] * 3
    words = [4, 1] * 3 + [1] + [9, 3] * 3
    assert main_run(shapes, words) == (7, 13)


def test_the_pass_runs_after_everything_that_keeps_text() -> None:
    # Its guard weighs the run against the body kept outside it: the region, the
    # second region and the fallback must have kept theirs before it runs.
    names = [p.name for p in PASSES]
    assert names.index("listing-entries") > max(names.index(n) for n in ("region", "second-region", "fallback"))
