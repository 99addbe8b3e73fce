"""Sentences cut at inline elements by a scraper that writes every text node on its own
line (BeautifulSoup's ``get_text("\\n")``). The pages are written for these tests."""

from __future__ import annotations

import pytest

from boilerstrip import segment, strip

#: Paragraphs as text nodes: each link or emphasis is a node of its own, and the node
#: after it starts with the space that separated them in the HTML.
NODES = [
    ["The council of the village said on Monday that the ", "old wooden bridge",
     " over the river would be closed to all traffic from the first week of March."],
    ["Engineers who inspected the ", "bridge", " in the winter found that the heavy rain of the "
     "last season had washed away part of the stone pier on the northern bank."],
    ["The mayor told residents at a meeting in the ", "town hall",
     " that a ferry would run every half hour while the repairs go on, and that it would be free."],
    ["Shop owners on the northern side said they feared losing customers, and the ", "chamber of commerce",
     " asked the council to put up signs at both ends of the valley road."],
    ["Work on the new pier is expected to take ", "eleven weeks", ", the council said, "
     "if the weather allows the divers to reach the foundations."],
]
MENU = ["Home", "News", "Sport", "Weather", "Contact"]


def node_page(nodes: list[list[str]] = NODES) -> str:
    return "\n".join([*MENU, "Bridge to close for repairs", *(n for p in nodes for n in p), *MENU]) + "\n"


def test_split_sentences_become_one_block_each():
    page = node_page()
    spans = segment.join_split_text_nodes(page, segment.segment(page))
    blocks = [page[s:e] for s, e in spans]
    for p in NODES:
        assert "\n".join(p).strip() in blocks
    assert all(m in blocks for m in MENU)  # lines that no node split touches stay apart


def test_the_article_comes_out_whole_with_exact_offsets():
    page = node_page()
    result = strip(page)
    for p in NODES:
        assert "\n".join(p) in result.text
    assert "Weather" not in result.text
    for b in result.blocks:
        assert page[b.start : b.end].strip() == page[b.start : b.end]


def test_a_page_with_few_such_breaks_is_left_alone():
    one_split = [["The ferry will run every half hour, the mayor said at the", " town hall meeting."]]
    page = node_page(one_split * (segment.MIN_NODE_SPLITS - 1))
    spans = segment.segment(page)
    assert segment.join_split_text_nodes(page, spans) == spans


@pytest.mark.parametrize(
    "gap, kind",
    [
        ("\n ", "after"),  # the next node starts with its space
        (" \n", "before"),  # this node ends with its space
        (" \n ", "after"),
        ("\n", ""),  # no space: two lines, as html_text writes them
        ("\n\n ", ""),  # a blank line always separates
        ("              \n ", ""),  # layout padding (inscriptis tables)
        ("\n    ", ""),  # indentation
        ("\r\n ", ""),
    ],
)
def test_what_a_node_split_looks_like(gap, kind):
    text = "one" + gap + "two"
    assert segment._node_split(text, 3, len(text) - 3) == kind


@pytest.mark.parametrize(
    "gap, rest, kind",
    [
        ("\n", ", the council said", "punctuation"),
        ("\n", ") said the mayor", "punctuation"),
        ("\n\n", ", the council said", ""),
        ("\n", "The council said", ""),
    ],
)
def test_punctuation_after_a_link_continues_the_line(gap, rest, kind):
    text = "eleven weeks" + gap + rest
    assert segment._node_split(text, 12, 12 + len(gap)) == kind


def test_a_layout_rendering_with_one_space_indents_is_not_joined():
    # A table laid out with padding: rows open with one space, the cells before them
    # end in long runs of spaces.
    rows = [f"Row {i} of the table{' ' * 30}\n {i}. An entry in the second column" for i in range(10)]
    page = "\n".join(rows) + "\n"
    spans = segment.segment(page)
    assert segment.join_split_text_nodes(page, spans) == spans


def test_a_paragraph_that_kept_the_space_before_its_end_tag_stays_apart():
    # Each paragraph's last text node ends in ". " (the space before </p>): a spaced
    # break, but after a sentence end and before a capital it is a paragraph break.
    paragraphs = [[*p[:-1], p[-1] + " "] for p in NODES]
    page = node_page(paragraphs)
    blocks = [page[s:e] for s, e in segment.join_split_text_nodes(page, segment.segment(page))]
    for p in NODES:
        assert "\n".join(p).strip() in blocks


@pytest.mark.parametrize(
    "end, rest, apart",
    [
        ("on Friday. ", "The council", True),
        ("on Friday.” ", "The council", True),  # a closing quote after the full stop
        ("on Friday! ", "Residents", True),
        ("on Friday. ", "the council", False),  # no capital: an abbreviation, a cut sentence
        ("on Friday ", "The council", False),  # no sentence end: a link in the sentence
        ("on Friday, ", "The Times", False),
    ],
)
def test_a_paragraph_break_is_a_sentence_end_before_a_capital(end, rest, apart):
    text = end + "\n" + rest
    assert segment._paragraph_break(text, len(end.rstrip()), len(end) + 1) is apart


@pytest.mark.parametrize(
    "line, kind",
    [
        ("the new parser (", "opening"),  # a bracket around a link
        ("see the notes [", "opening"),
        ("die Form der „", "opening"),  # German low opening quote
        ("the book “", "opening"),  # an opening quote after a space
        ("la revue «", "opening"),
        ("Er sagte: „So.“", ""),  # German closing quote: no space before it
        ("the old bridge", ""),
    ],
)
def test_an_opening_bracket_or_quote_continues_on_the_next_line(line, kind):
    text = line + "\n" + "simdjson"
    assert segment._node_split(text, len(line), len(line) + 1) == kind


def test_a_link_in_brackets_is_joined_with_its_sentence():
    nodes = [*NODES, ["We asked the engineers (", "report", "), and they said the pier will hold for years."]]
    page = node_page(nodes)
    blocks = [page[s:e] for s, e in segment.join_split_text_nodes(page, segment.segment(page))]
    assert "\n".join(nodes[-1]) in blocks


def test_a_sentence_that_opens_with_a_link_goes_on_with_the_paragraph_above():
    # "Sign up" is a link: its node ends without a space and the node after it opens
    # with one. The scraper cannot tell it from a new paragraph, so it stays joined.
    nodes = [*NODES, ["The bridge will reopen in the spring. ", "Sign up", " for our newsletter to hear first."]]
    page = node_page(nodes)
    blocks = [page[s:e] for s, e in segment.join_split_text_nodes(page, segment.segment(page))]
    assert "\n".join(nodes[-1]).strip() in blocks


def test_a_paragraph_that_opens_with_its_own_space_stays_apart():
    # Each paragraph's node opens with a space (after "</p>\n <p>"): a spaced break
    # before a capital after a sentence end, so a paragraph break.
    paragraphs = [["The bridge will reopen in the spring."], [" Divers will inspect the pier", " again", " in May."]]
    page = node_page([*NODES, *paragraphs])
    blocks = [page[s:e] for s, e in segment.join_split_text_nodes(page, segment.segment(page))]
    assert "The bridge will reopen in the spring." in blocks
    assert "\n".join(paragraphs[1]).strip() in blocks


@pytest.mark.parametrize(
    "line, kind",
    [
        ("2.", "number"),  # a list item's number in an element of its own
        ("3.1", "number"),  # a table of contents entry
        ("  4)", "number"),
        ("2019", ""),  # a year or a table cell: no dot, no bracket
        ("12,95", ""),  # a price
        ("1234.", ""),  # too long for an item number
        ("Chapter 2.", ""),
    ],
)
def test_an_item_number_goes_on_with_its_entry(line, kind):
    text = "Contents\n" + line + "\n" + "Why the bridge closed"
    end = len("Contents\n" + line)
    assert segment._numbered_entry(text, end, end + 1, len(text)) == kind


@pytest.mark.parametrize(
    "rest, kind",
    [
        ("\nWhy the bridge closed", "number"),
        ("\nDoe J. Bridges of the north. J Eng. 2001.", ""),  # a reference ends a sentence
        ("\n3.", ""),  # the next number
        ("\n\nWhy the bridge closed", ""),  # a blank line
        ("\n Why the bridge closed", ""),  # indented
    ],
)
def test_an_item_number_joins_only_an_entry_directly_below(rest, kind):
    text = "Contents\n2." + rest
    start = len(text) - len(rest.lstrip())
    assert segment._numbered_entry(text, 11, start, len(text)) == kind


def test_a_table_of_contents_comes_out_one_entry_a_line():
    entries = ["1.", "How the pier was built", "2.", "What the divers found", "2.1", "The northern bank"]
    page = node_page([*NODES[:3], entries, *NODES[3:]])
    blocks = [page[s:e] for s, e in segment.join_split_text_nodes(page, segment.segment(page))]
    assert "1.\nHow the pier was built" in blocks
    assert "2.1\nThe northern bank" in blocks


@pytest.mark.parametrize(
    "line, rest, kind",
    [
        ("the BKA", "-Präsident said", "hyphen"),  # the rest of a compound word
        ("the CO2", "-Ausstoß fell", "hyphen"),
        ("Shopping list", "- milk", ""),  # a list item: a hyphen and a space
        ("Shopping list:", "-milk", ""),  # the line above ends in punctuation
        ("Scores", "-5 points", ""),  # a negative number
    ],
)
def test_a_hyphen_before_a_letter_continues_a_compound_word(line, rest, kind):
    text = line + "\n" + rest
    assert segment._node_split(text, len(line), len(line) + 1) == kind


def test_a_word_cut_by_an_inline_element_is_joined_inside_running_text():
    # "Lokalpoliti" / "k": an element inside a word, no space on either side.
    nodes = [*NODES, ["The closure worries the ", "local councillo", "rs and the shop owners alike."]]
    page = node_page(nodes)
    blocks = [page[s:e] for s, e in segment.join_split_text_nodes(page, segment.segment(page))]
    assert "\n".join(nodes[-1]) in blocks


@pytest.mark.parametrize(
    "block, line, goes_on",
    [
        ("The closure worries the \nlocal councillo", "rs and the shop owners", True),
        ("The closure worries the \nlocal councillors", "and the shop owners", True),  # a source line break
        ("local councillo", "rs and the shop owners", False),  # the block joins no text nodes
        ("Follow us on \nfacebook", "twitter", False),  # one word: a menu item
        ("The closure worries the \nlocal councillors.", "and the shop owners", False),
        ("The closure worries the \nlocal councillors", "The shop owners", False),
    ],
)
def test_a_lower_case_break_goes_on_only_in_running_text(block, line, goes_on):
    text = block + "\n" + line
    assert segment._sentence_goes_on(text, 0, len(block), len(block) + 1, len(text)) is goes_on


# A paragraph whose HTML source is hard-wrapped: get_text("\n") breaks it where the
# source does, with no space on either side, starting at its very first line.
SOURCE_WRAPPED = [
    "The ferry across the river will run every half hour",
    "from six in the morning until the last train has left the station,",
    "and the council will pay for it out of the money set aside for the repairs.",
]


def test_a_paragraph_wrapped_in_the_html_source_becomes_one_block():
    page = node_page() + "\n".join(SOURCE_WRAPPED) + "\n"
    spans = segment.join_split_text_nodes(page, segment.segment(page))
    assert "\n".join(SOURCE_WRAPPED) in [page[s:e] for s, e in spans]


@pytest.mark.parametrize(
    "lines",
    [
        ["Opening hours", "from six in the morning"],  # a short lower-case line is a label or a cell
        ["Read the whole story", "Subscribe to the newsletter of the village council today"],  # capital
        ["The ferry runs again.", "and the council will pay for it out of the money set aside"],  # full stop
    ],
)
def test_lines_that_do_not_go_on_with_a_sentence_stay_apart(lines):
    page = node_page() + "\n".join(lines) + "\n"
    blocks = [page[s:e] for s, e in segment.join_split_text_nodes(page, segment.segment(page))]
    assert lines[0] in blocks and lines[1] in blocks
