"""A comment-form word that is one token of split code does not open a comments section
(classify/sections.py, ``_code_token``). A scraper that writes every text node on a line
of its own turns syntax-highlighted code into one token a line; "name", "send" or
"submit" among those tokens is code, not a form label. The pages are written for these tests."""

from __future__ import annotations

import pytest

from boilerstrip import strip
from boilerstrip.classify import sections

INTRO = [
    "Every report that the service sends out starts as a small settings object, and the "
    "first thing the scheduler does each night is to read those objects from the database.",
    "The object below names the report and says which team receives it. Nothing else is "
    "needed for the first run, because every other field of the object has a sensible default value.",
]
AFTER = [
    "Once the object is saved, the scheduler picks it up on its next pass and writes the "
    "first report into the shared folder of the team that was named in the settings.",
    "If the report does not appear after a day, the log of the scheduler says which field "
    "it could not read, and the object can be fixed and saved again without a restart.",
]
FOOTER = ["About us", "Privacy", "Contact"]


def _page(code: list[str]) -> str:
    return "\n".join(["Scheduling your first report", *INTRO, *code, *AFTER, *FOOTER]) + "\n"


@pytest.mark.parametrize(
    "code",
    [
        ["settings", "=", "Report", "(", "name", "=", "'weekly'", ",", "team", "=", "'sales'", ")"],
        ["settings", "=", "{", '"name"\n:', "'weekly'", ",", '"team"\n:', "'sales'", "}"],
        ["report", ".", "send", "(", "team", ")"],
    ],
)
def test_a_code_token_does_not_remove_the_rest_of_the_article(code):
    assert sum(len(p.split()) for p in INTRO) >= sections.LIMITS.min_words_before_comments
    result = strip(_page(code))
    for paragraph in INTRO + AFTER:
        assert paragraph in result.text
    assert "Privacy" not in result.text
    assert not any(b.category == "comments" and b.reasons[0].startswith("section") for b in result.blocks)


def test_a_comment_form_after_the_article_still_opens_comments():
    form = ["Name", "Email", "Website", "Post Comment"]
    source = "\n".join(["Scheduling your first report", *INTRO, *AFTER, *form, "Nice guide, it worked for me."]) + "\n"
    result = strip(source)
    assert result.text == "\n".join(INTRO + AFTER)
    name = next(b for b in result.blocks if source[b.start : b.end] == "Name")
    assert name.reasons == ("section-start:comments",)


def test_a_button_in_brackets_is_not_code():
    # "[ Reply ]" under a comment has brackets of its own: it still opens the thread.
    first = "I tried this with a monthly report as well and it worked the same way, thanks."
    second = "Does the team field take a list of teams, or only one name at a time?"
    thread = ["Jane Doe", first, "[ Reply ]", "Tom Smith", second, "[ Reply ]"]
    source = "\n".join(["Scheduling your first report", *INTRO, *AFTER, *thread]) + "\n"
    result = strip(source)
    assert second not in result.text
    reply = next(b for b in result.blocks if source[b.start : b.end] == "[ Reply ]")
    assert reply.reasons == ("section-start:comments",)
