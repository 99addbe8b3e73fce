"""The forum-posts pass: on a forum page, each post's text is kept, its chrome labelled."""

from __future__ import annotations

import pytest

from boilerstrip import Options, Stripper
from boilerstrip import categories as C
from boilerstrip.classify import forum_posts
from boilerstrip.features import measure

FORUM = Options(page_type="forum")
#: No profiles: what the pass does on its own, whatever the fitted profiles say.
PLAIN = Stripper(profiles={})

QUESTION = (
    "My sourdough starter smells of nail varnish after three days on the counter, though it "
    "bubbles well. Is it ruined, or is this a stage that passes on its own?"
)
ANSWER_1 = (
    "That smell means it is hungry, not ruined. Feed it twice a day for a week and keep it somewhere "
    "a little cooler; the sharp note fades once the yeast keeps up with the bacteria."
)
ANSWER_2 = (
    "Same here with my first one. Switching a third of the flour to wholemeal rye sorted it out in "
    "about four days, and the loaves have been fine since then."
)
ANSWER_3 = (
    "Keep a spoonful aside before each feed in case you overdo it. You can always start again from "
    "that spoonful if the main jar goes off completely."
)



def thread(action: str) -> str:
    """A thread written by hand, in the shape of a forum engine's text: each post opens
    with the poster's name, counts and date, and closes with its action row, which
    starts with *action*."""
    return "\n\n".join(
        [
            "Bakers Corner",
            "Starter smells of nail varnish",
            "crumb_chaser",
            "Posts: 12",
            "May 2, 2024",
            QUESTION,
            action,
            "Quote",
            "rye_and_shine",
            "Posts: 2,318",
            "May 2, 2024",
            ANSWER_1,
            action,
            "Quote",
            "Like",
            "doughboy77",
            "Posts: 90",
            "May 3, 2024",
            ANSWER_2,
            action,
            "Quote",
            "PeterLoaf",
            "Posts: 431",
            "May 4, 2024",
            ANSWER_3,
            action,
            "Quote",
            "Terms and rules",
            "Privacy policy",
        ]
    )


THREAD = thread("Multi-quote")
POSTS = "\n".join([QUESTION, ANSWER_1, ANSWER_2, ANSWER_3])


def _block(result: object, line: str) -> object:
    text = THREAD
    return next(b for b in result.blocks if text[b.start : b.end] == line)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "token, expected",
    [
        ("marta_w", True),
        ("dave1974", True),
        ("DaleJack", True),
        ("j.smith", True),
        ("rye_and_shine", True),
        ("Top", False),
        ("Reply", False),
        ("Quote", False),
        ("Hello world", False),
        ("Done.", False),
    ],
)
def test_user_names_by_shape(token: str, expected: bool) -> None:
    assert forum_posts.is_username(token, measure(token, frozenset())) is expected


def test_every_post_of_a_thread_is_kept_and_its_chrome_labelled() -> None:
    # Worked out by hand: four posts under four headers (name, count, date); each
    # post's text is body, the header lines are bylines, the Reply/Quote rows comments.
    r = PLAIN.strip(THREAD, FORUM)
    assert r.text == POSTS
    for line in ("crumb_chaser", "rye_and_shine", "doughboy77", "PeterLoaf", "Posts: 2,318"):
        b = _block(r, line)
        assert b.category == C.BYLINE, line  # type: ignore[attr-defined]
    assert _block(r, "Like").category == C.COMMENTS  # type: ignore[attr-defined]
    assert "forum:post-actions" in _block(r, "Like").reasons  # type: ignore[attr-defined]
    assert "forum:post" in _block(r, ANSWER_2).reasons  # type: ignore[attr-defined]


def test_the_pass_is_what_keeps_the_answers() -> None:
    without = Stripper(disable=frozenset({"forum-posts"}), profiles={}).strip(THREAD, FORUM)
    assert ANSWER_3 not in without.text


def test_the_same_page_as_an_article_keeps_what_it_kept() -> None:
    for page_type in ("article", "listing"):
        options = Options(page_type=page_type)
        on = PLAIN.strip(THREAD, options)
        off = Stripper(disable=frozenset({"forum-posts"}), profiles={}).strip(THREAD, options)
        assert on == off
        assert not any(code.startswith("forum:") for b in on.blocks for code in b.reasons)


def test_an_article_with_a_short_comment_thread_is_left_alone() -> None:
    # The opening post (a long article) outweighs the replies: a blog post with
    # comments read as a forum; the comments stay removed.
    article = "\n\n".join([QUESTION + " " + ANSWER_3] * 3)
    page = THREAD.replace(QUESTION, article)
    r = PLAIN.strip(page, FORUM)
    off = Stripper(disable=frozenset({"forum-posts"}), profiles={}).strip(page, FORUM)
    assert r == off


def test_one_header_is_not_a_thread() -> None:
    page = "\n\n".join(["crumb_chaser", "May 2, 2024", QUESTION, "Reply", ANSWER_1, ANSWER_2])
    r = PLAIN.strip(page, FORUM)
    off = Stripper(disable=frozenset({"forum-posts"}), profiles={}).strip(page, FORUM)
    assert r == off


def test_a_reply_row_above_the_answers_keeps_the_forum_profile_off() -> None:
    # "Reply" is a comments phrase: as an article, the line opens a comments section
    # that runs to the end, and the pass leaves sections alone (a blog post read as a
    # forum keeps its comments removed). The thread then shows one post only, so the
    # forum profile's gate (a thread in the article run) fails: even a profile with the
    # sections pass off leaves the page as it was (tests/test_type_profiles.py has a
    # thread that passes the gate).
    page = thread("Reply")
    assert PLAIN.strip(page, FORUM).text == QUESTION
    assert Stripper(profiles={"forum": {"sections"}}).strip(page, FORUM).text == QUESTION
