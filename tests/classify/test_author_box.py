"""Author boxes (classify/author_box.py): a name line, then a role or a bio."""

from __future__ import annotations

import pytest

from boilerstrip import strip
from boilerstrip import categories as C
from boilerstrip.classify import author_box
from blocks import CYCLE
from strategies import PLAIN_PARAGRAPHS


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Jane Doe", "Senior reporter on the business desk."),
        ("Jana Muster", "Redakteurin im Ressort Wirtschaft."),
        ("Anne Martin", "Rédactrice au service Économie"),
    ],
)
def test_an_author_box_with_a_role_line_inside_the_article_is_a_byline(name, role):
    # The box stands between two paragraphs, as where it is shown beside the text.
    result = strip("\n".join(["Cycle lanes approved", CYCLE[0], name, role, *CYCLE[1:]]))
    assert result.text == "\n".join(CYCLE)
    boxed = [b for b in result.blocks if b.reasons[-1] == "context:author-box"]
    assert len(boxed) == 2 and all(b.category == C.BYLINE for b in boxed)


def test_role_line_word_limit():
    name = "Jane Doe"
    role = "Reporter"
    n = author_box.LIMITS.max_role_words
    at = " ".join([role] + ["harbour"] * (n - 1))
    over = " ".join([role] + ["harbour"] * n)
    assert strip("\n".join(["Cycle lanes approved", CYCLE[0], name, at, *CYCLE[1:]])).text == "\n".join(CYCLE)
    kept = strip("\n".join(["Cycle lanes approved", CYCLE[0], name, over, *CYCLE[1:]])).text
    assert over in kept


def test_a_job_word_under_a_line_that_is_not_a_name_is_article_text():
    # One word, or a line with a lower-case word, is a heading, not a name.
    for heading in ("Reporters", "Jane the reporter"):
        line = "The reporter asked the mayor about the cost of the new lanes."
        result = strip("\n".join(["Cycle lanes approved", CYCLE[0], heading, line, *CYCLE[1:]]))
        assert line in result.text


_NAMED_BIO = "Jane Doe covers transport and the town council for the paper and lives by the harbour."


def test_a_closing_bio_that_opens_with_the_name_above_it_is_a_byline():
    result = strip("\n".join(["Cycle lanes approved", *CYCLE, "Jane Doe", _NAMED_BIO]))
    assert result.text == "\n".join(CYCLE)
    assert [b.reasons[-1] for b in result.blocks[-2:]] == ["context:author-box", "context:author-box"]


def test_a_bio_with_a_job_word_under_the_name_is_a_byline_mid_article():
    bio = "Jane Doe, reporter on the city desk, has covered the town council and its budget for the paper since 2015."
    assert len(bio.split()) > author_box.LIMITS.max_role_words  # not a role line
    rest = [*CYCLE[1:], *PLAIN_PARAGRAPHS]  # enough text after it: not a closing bio
    result = strip("\n".join(["Cycle lanes approved", CYCLE[0], "Jane Doe", bio, *rest]))
    assert result.text == "\n".join([CYCLE[0], *rest])
    # Without the job word, the same block mid-article is article text.
    plain = bio.replace("reporter on", "at home by")
    assert plain in strip("\n".join(["Cycle lanes approved", CYCLE[0], "Jane Doe", plain, *rest])).text


def test_a_list_of_people_under_their_names_stays_in_the_article():
    people = [
        "John Roe",
        "John Roe runs the bicycle shop by the station and has asked for the lanes for years.",
        "Jane Doe",
        "Jane Doe teaches at the school on the hill and cycles there with her pupils each day.",
    ]
    result = strip("\n".join(["Cycle lanes approved", *CYCLE, *people]))
    assert result.text == "\n".join([*CYCLE, *people])


@pytest.mark.parametrize("heading", ["About Python", "About Nordex SE", "About the new lanes", "About Cycling Today Magazine Online"])
def test_an_about_heading_without_a_person_s_name_stays_in_the_article(heading):
    more = "The lanes will be painted green at junctions so that drivers can see them from further away."
    result = strip("\n".join(["Cycle lanes approved", *CYCLE, heading, more]))
    assert result.text == "\n".join([*CYCLE, heading, more])
