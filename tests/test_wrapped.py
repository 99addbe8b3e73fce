"""Hard-wrapped text (html2text Markdown, e-mail) and Markdown links.

The pages here are written for these tests: an article wrapped at a fixed width
with ``textwrap``, a menu of Markdown links, and a few unwrapped pages that must
come through unchanged.
"""

from __future__ import annotations

import textwrap

import pytest

from boilerstrip import categories as C
from boilerstrip import features, rules, segment, strip, title
from boilerstrip.features import measure, visible_text

PARAGRAPHS = [
    "The town council approved the new harbour cycle lanes on Tuesday evening after a debate "
    "that ran for more than four hours and drew a crowd of residents to the old assembly hall.",
    "Residents of the hill district had asked for safer routes to the two primary schools for "
    "more than five years, and the parents' group handed in a petition with two thousand names.",
    "Work on the first lane will start in March, the council said, and the whole network of "
    "eleven kilometres should be finished before the autumn term begins in the first week of September.",
    "The shopkeepers on Market Street, who had feared losing the parking in front of their shops, "
    "said they would watch the first months closely and ask for changes if trade fell away.",
]
MENU = ["* [Home](https://gazette.example/)", "* [News](https://gazette.example/news/)",
        "* [Sport](https://gazette.example/sport/ \"All the sport\")", "* [Contact](https://gazette.example/contact/)"]


def wrapped_page(width: int = 78) -> str:
    body = "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)
    return "\n".join(MENU) + "\n\n# Harbour lanes approved\n\n" + body + "\n\n" + "\n".join(MENU) + "\n"


@pytest.mark.parametrize("width", [72, 78, 100])
def test_wrap_width_is_found(width):
    page = wrapped_page(width)
    found = segment.wrap_width(page, segment.segment(page))
    assert width - segment.WRAP_SLACK <= found <= width


def test_wrapped_paragraphs_are_one_block_each():
    page = wrapped_page()
    spans = segment.join_wrapped_lines(page, segment.segment(page))
    blocks = [page[s:e] for s, e in spans]
    for p in PARAGRAPHS:
        assert textwrap.fill(p, 78) in blocks
    assert "# Harbour lanes approved" in blocks
    assert all(m in blocks for m in MENU)  # list items are never joined


def test_a_wrapped_article_comes_out_whole_with_exact_offsets():
    page = wrapped_page()
    result = strip(page)
    assert result.text == "\n".join(textwrap.fill(p, 78) for p in PARAGRAPHS)
    for b in result.blocks:
        assert page[b.start : b.end].strip() == page[b.start : b.end]


def test_unwrapped_text_is_segmented_by_line():
    page = "Home\nNews\n\n" + "\n\n".join(PARAGRAPHS) + "\n" + "\n".join("Short line %d" % i for i in range(20))
    spans = segment.segment(page)
    assert segment.wrap_width(page, spans) == 0
    assert segment.join_wrapped_lines(page, spans) == spans


def test_too_few_lines_say_nothing():
    page = textwrap.fill(PARAGRAPHS[0], 40)
    assert len(page.splitlines()) < segment.MIN_WRAP_LINES
    assert segment.wrap_width(page, segment.segment(page)) == 0


def test_a_link_cut_by_the_line_break_continues_the_line_above():
    lines = [textwrap.fill(" ".join(PARAGRAPHS), 78), "[ ![Harbour at dusk", "](https://img.example/harbour.jpg) ](https://gazette.example/photos/)"]
    page = "\n".join(lines)
    blocks = [page[s:e] for s, e in segment.join_wrapped_lines(page, segment.segment(page))]
    assert blocks[-1] == "[ ![Harbour at dusk\n](https://img.example/harbour.jpg) ](https://gazette.example/photos/)"


def blocks_of(page: str) -> list[str]:
    return [page[s:e] for s, e in segment.join_wrapped_lines(page, segment.segment(page))]


def test_a_wrapped_quote_is_one_block_and_an_empty_quote_line_ends_it():
    quoted = textwrap.fill(PARAGRAPHS[1], 78, initial_indent="> ", subsequent_indent="> ")
    second = textwrap.fill(PARAGRAPHS[2], 78, initial_indent="> ", subsequent_indent="> ")
    page = wrapped_page() + "\n" + quoted + "\n>\n" + second + "\n"
    blocks = blocks_of(page)
    assert quoted.count("\n") >= 2  # the quote really runs over several lines
    assert quoted in blocks and second in blocks and ">" in blocks


def test_a_link_whose_text_or_target_the_wrap_cut_is_one_block():
    byline = 'By [Ann Lee](https://gazette.example/author/ann-lee/ "Articles by\nAnn") / 6 May / [No\ncomments](https://gazette.example/lanes/#respond)'
    image = "[![Harbour](https://gazette.example/wp-\ncontent/uploads/2020/07/harbour-at-\ndusk.png)](https://gazette.example/photos/)"
    page = wrapped_page() + "\n" + byline + "\n\n" + image + "\n"
    blocks = blocks_of(page)
    assert byline in blocks and image in blocks


def test_a_link_opened_far_back_is_not_looked_for():
    # The look back is bounded: a "[" more than MAX_LINK_CHARS before the line end
    # opens nothing, so the next line, which is no continuation otherwise, stays apart.
    text = "[" + " ".join(PARAGRAPHS)
    while len(textwrap.fill(text, 78).rsplit("\n", 1)[1]) > 20:  # end on a short line
        text += " more"
    opened = textwrap.fill(text, 78)
    assert len(opened) > segment.MAX_LINK_CHARS + 78
    page = wrapped_page() + "\n" + opened + "\nmore](https://gazette.example/)\n"
    blocks = blocks_of(page)
    assert opened in blocks and "more](https://gazette.example/)" in blocks
    near = "[" + "Harbour news"
    page = wrapped_page() + "\n" + near + "\nmore](https://gazette.example/)\n"
    assert near + "\nmore](https://gazette.example/)" in blocks_of(page)


def test_a_sentence_line_that_starts_with_a_link_goes_on_but_a_link_line_does_not():
    first = "The town council approved the new harbour cycle lanes on Tuesday evening, and"
    assert 78 - segment.WRAP_SLACK <= len(first) <= 78
    sentence = first + "\n[the new plan](https://gazette.example/plan/) was read out."
    menu_after = first + "\n[Read the plan](https://gazette.example/plan/)"
    page = wrapped_page() + "\n" + sentence + "\n\n" + menu_after + "\n"
    blocks = blocks_of(page)
    assert sentence in blocks
    assert first in blocks and "[Read the plan](https://gazette.example/plan/)" in blocks


def test_a_markdown_hard_break_ends_the_line():
    dates = "\n".join(f"June {day} -- The Amphitheatre at the Harbour Front, Port Example, with guests  " for day in range(10, 16))
    page = wrapped_page() + "\n" + dates + "\n"
    blocks = blocks_of(page)
    for day in range(10, 16):
        assert f"June {day} -- The Amphitheatre at the Harbour Front, Port Example, with guests" in blocks


def test_table_rows_do_not_hide_wrapping():
    rows = [f"Row {i} of the comparison with a long first cell | and an even longer second cell here {i}" for i in range(12)]
    assert all(len(r) > 80 for r in rows)
    page = wrapped_page() + "\n" + "\n".join(rows) + "\n"
    assert 78 - segment.WRAP_SLACK <= segment.wrap_width(page, segment.segment(page)) <= 78


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("[Sport](https://gazette.example/sport/)", "[Sport] "),
        ('[Sport](https://gazette.example/sport/ "All the sport")', "[Sport] "),
        ("read [the\nreport](https://gazette.example/a-\n  long-path/) today", "read [the\nreport]  today"),
        ("See https://gazette.example/lanes for the map.", "See   for the map."),
        ('[ ![Mail](https://img.example/mail.svg) ]( "Share with mail: Harbour lanes\napproved") next', "[ ![Mail]  ]  next"),
        ('[Lanes](https://gazette.example/lanes\n"Harbour lanes approved") next', "[Lanes]  next"),
        ("No links here.", "No links here."),
    ],
)
def test_visible_text(text, visible):
    assert visible_text(text) == visible


def test_a_link_title_is_read_up_to_a_bound():
    # A closing quote further than MAX_LINK_TITLE_CHARS away is not looked for.
    words = "word " * (features.MAX_LINK_TITLE_CHARS // 5 + 1)
    assert visible_text(f'[Lanes]( "{words}") next') == f'[Lanes]  "{words}") next'


def test_words_are_counted_in_the_visible_text():
    f = measure("[Sport](https://gazette.example/sport/and/more/words/in/the/path)", frozenset())
    assert f.words == 1 and f.norm == "sport"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("* [Sport](https://gazette.example/sport/)", (C.NAVIGATION, "shape:link-line")),
        ("[ ![Harbour at dusk](https://img.example/h.jpg) Harbour lanes open ](https://gazette.example/p/)",
         (C.NAVIGATION, "shape:link-line")),
        ("The council published [the full plan](https://gazette.example/plan) on its website on Monday.", None),
        ("Plain text without any link at all.", None),
    ],
)
def test_link_line(text, label):
    assert rules.link_line(text) == label


def test_html2text_like_menus_are_removed_and_the_article_kept():
    result = strip(wrapped_page())
    assert "Home" not in result.text and "Contact" not in result.text
    assert result.text.count("\n") >= len(PARAGRAPHS) - 1


# --- The second test: the mark of greedy wrapping on each broken line ----------------

#: Long link lines that a wrapper cannot break: they make the first test give up.
LONG_LINKS = [
    "Read the full council minutes [here](https://gazette.example/council/minutes/2024/03/harbour-lanes-final-vote.pdf)",
    "Photos by the [Gazette picture desk](https://gazette.example/photos/harbour-lanes-in-pictures/all?page=1&sort=new)",
]
#: Short single-line paragraphs (captions, labels) below the band of the wrapped lines.
SHORT_LINES = ["The harbour at dusk.", "Council chamber, Tuesday.", "A cyclist on Market Street.",
               "The new signs.", "Parents at the school gate.", "The old bridge."] * 3


def link_heavy_page(width: int = 78) -> str:
    longer = [" ".join(PARAGRAPHS[i : i + 2]) for i in range(len(PARAGRAPHS) - 1)]
    body = "\n\n".join(textwrap.fill(p, width) for p in [*PARAGRAPHS, *longer])
    return "\n\n".join([*SHORT_LINES, body, *LONG_LINKS, *SHORT_LINES]) + "\n"


def test_the_first_test_alone_gives_up_on_a_page_of_captions_and_long_links():
    # The premise of the second test: without it, this page is not seen as wrapped.
    page = link_heavy_page()
    spans = segment.segment(page)
    measured = [e - s for s, e in spans if e - s >= segment.MIN_WRAPPED_LENGTH and " " in page[s:e]]
    over = [n for n in measured if n > 78]
    assert len(over) > segment.MAX_OVER_SHARE * len(measured)


@pytest.mark.parametrize("width", [72, 78, 100])
def test_greedy_wrapping_is_found_where_the_band_test_gives_up(width):
    page = link_heavy_page(width)
    spans = segment.segment(page)
    found = segment.wrap_width(page, spans)
    assert width - segment.WRAP_SLACK <= found <= width
    blocks = [page[s:e] for s, e in segment.join_wrapped_lines(page, spans)]
    for p in PARAGRAPHS:
        assert textwrap.fill(p, width) in blocks


def unwrapped_page_with(lines: list[str]) -> str:
    """An unwrapped article (one long line per paragraph) with *lines* below it."""
    return "\n\n".join(PARAGRAPHS) + "\n\n" + "\n".join(lines) + "\n"


def test_a_repeated_menu_of_similar_lines_is_not_wrapped_prose():
    # Lines of near-equal length, each followed by another that starts with a long
    # word: the greedy-wrap mark, by chance, at one width. Few distinct lengths.
    menu = ["Family counselling and youth services", "Debt advice and insolvency help and more",
            "Pregnancy counselling and support today"] * 6
    page = unwrapped_page_with(menu)
    spans = segment.segment(page)
    assert len({len(m) for m in menu}) < segment.MIN_PAIR_LENGTHS
    assert segment.wrap_width(page, spans) == 0
    assert segment.join_wrapped_lines(page, spans) == spans


def test_a_list_of_similar_short_lines_is_not_wrapped_at_a_narrow_width():
    # Embassy-style lists: many distinct lines of 40-50 characters, each followed by
    # one starting with the same long word.
    places = ["France", "Belgium", "Canada", "Switzerland", "Austria", "Portugal", "Denmark",
              "Norway", "Ireland", "Finland", "Italy", "Spain", "Luxembourg"]
    lines = [f"Embassy of {p} in the Czech Republic today" for p in places]
    page = unwrapped_page_with(lines)
    assert len({len(x) for x in lines}) >= segment.MIN_PAIR_LENGTHS
    assert max(len(x) for x in lines) < segment.MIN_PAIR_WIDTH
    assert segment.wrap_width(page, segment.segment(page)) == 0


@pytest.mark.parametrize(
    "heading",
    ["# Harbour lanes approved", "## **Harbour lanes approved**", "Harbour lanes approved"],
)
def test_the_title_is_the_headline_without_its_markdown(heading):
    page = wrapped_page().replace("# Harbour lanes approved", heading)
    result = strip(page)
    assert result.title == "Harbour lanes approved"
    start, end = result.title_span
    assert page[start:end] == "Harbour lanes approved"


@pytest.mark.parametrize(
    "text, headline",
    [
        ('### [Harbour lanes approved](https://gazette.example/lanes "Lanes")', "Harbour lanes approved"),
        ("[**Harbour lanes approved**](https://gazette.example/lanes)", "Harbour lanes approved"),
        ("#hashtag on its own", "#hashtag on its own"),  # no space: not a heading mark
        ("[Harbour](https://a.example/) and [lanes](https://b.example/)", None),  # two links: kept whole
    ],
)
def test_markdown_around_a_headline(text, headline):
    a, b = title._inside_markup(text)
    assert text[a:b] == (headline if headline is not None else text)


def test_a_headline_with_a_link_inside_keeps_it():
    heading = "# Harbour lanes approved, [council says](https://gazette.example/council)"
    page = wrapped_page().replace("# Harbour lanes approved", heading)
    assert strip(page).title == heading[2:]
