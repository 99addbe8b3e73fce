"""The author's bio closing an article (classify/author_bio.py)."""

from __future__ import annotations

import pytest

from boilerstrip import strip
from boilerstrip import categories as C
from blocks import CYCLE


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Doe is a freelance writer based in Leeds. Her work has appeared in several newspapers.",
        "Jana Muster ist freie Autorin in Hamburg und schreibt über Verkehr.",
        "Ana Pérez es periodista y vive en Sevilla.",
    ],
)
def test_an_author_bio_closing_the_article_is_a_byline(bio):
    result = strip("\n".join(["Cycle lanes approved", *CYCLE, bio]))
    assert result.text == "\n".join(CYCLE)
    assert result.blocks[-1].category == C.BYLINE
    assert result.blocks[-1].reasons[-1] == "context:author-bio"


def test_a_job_phrase_late_in_a_paragraph_or_mid_article_is_article_text():
    late = "The plan was drawn up over two years by the town engineer, who is the founder of the local cycling club."
    mid = "Anna Smith is the founder of the parents' group that collected the signatures for the petition."
    result = strip("\n".join(["Cycle lanes approved", CYCLE[0], mid, CYCLE[1], CYCLE[2], late]))
    assert mid in result.text and late in result.text


@pytest.mark.parametrize(
    ("heading", "bio"),
    [
        ("About Jane Doe", "Jane covers transport and the town council for the paper and lives by the harbour."),
        ("Über Jana Muster", "Jana schreibt seit zehn Jahren über Verkehr und Stadtplanung in Hamburg und Umgebung."),
        ("Sobre Ana Pérez", "Ana escreve sobre transportes e vive em Lisboa com a família há muitos anos."),
    ],
)
def test_a_bio_under_an_about_heading_with_a_name_is_a_byline(heading, bio):
    result = strip("\n".join(["Cycle lanes approved", *CYCLE, heading, bio]))
    assert result.text == "\n".join(CYCLE)
    assert [b.reasons[-1] for b in result.blocks[-2:]] == ["context:author-bio", "context:author-bio"]
