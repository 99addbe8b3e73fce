"""The type profiles: what the pipeline switches off per page type, and how it reports it."""

from __future__ import annotations

import json
import pathlib

import pytest

from boilerstrip import Options, Stripper, strip, type_profiles
from boilerstrip import categories as C
from boilerstrip.classify.passes import PAGE_TYPE_PASS, PASSES
from boilerstrip.page_types import ARTICLE, PAGE_TYPES

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPE_SAMPLES = sorted((ROOT / "samples" / "page_types").glob("*.txt"))
ARTICLE_SAMPLES = sorted((ROOT / "samples").glob("*.txt"))[:8]

#: A thread written by hand: the question, a "2 Comments" heading, two answers under usernames.
THREAD = """Boiler knocks every morning

Posted by jim_k

My combi boiler has started knocking loudly every morning when the heating comes on at six. \
It lasts about ten minutes and then goes quiet. The pressure gauge reads a little over one bar \
and the radiators all get warm. Has anyone had this before, and is it something I can sort out \
myself or do I need an engineer?

2 Comments

marta_w

That sounds like air in the pipes. Bleed the radiators, starting with the one furthest from the \
boiler, and top the pressure back up afterwards.

dave1974

It could also be scale on the heat exchanger, which is common in hard water areas. A power flush \
usually cures it, but get an engineer to look first."""

ANSWERS = (
    "That sounds like air in the pipes. Bleed the radiators, starting with the one furthest from the "
    "boiler, and top the pressure back up afterwards."
)

#: A thread whose structure shows before any comments cue: three posts under a user name
#: and a date, then a "Reply" line (a comments cue) above the fourth post.
POSTED_THREAD = """Boiler knocks every morning

jim_k
Posted 3 March 2026

My combi boiler has started knocking loudly every morning when the heating comes on at six. \
It lasts about ten minutes and then goes quiet. Has anyone had this before?

marta_w
Posted 3 March 2026

That sounds like air in the pipes, which is the most common cause of a knock at start-up. Bleed \
the radiators, starting with the one furthest from the boiler, and top the pressure back up to \
about one and a half bar afterwards.

jim_k
Posted 3 March 2026

Thanks, I bled all six radiators tonight and topped it up. I will see what it does in the \
morning and report back here.

Reply

dave1974
Posted 4 March 2026

It could also be scale on the heat exchanger, which is common in hard water areas. A power flush \
usually cures it, but get an engineer to look first."""

LAST_POST = "It could also be scale on the heat exchanger"


def test_the_profile_passes_are_the_switchable_passes_after_the_page_type_pass() -> None:
    names = [p.name for p in PASSES]
    after = [p.name for p in PASSES[names.index(PAGE_TYPE_PASS) + 1 :] if p.switchable]
    assert list(type_profiles.PROFILE_PASSES) == after
    assert set(type_profiles.PROFILE_SWITCHES) <= set(Stripper.switches())


def test_the_shipped_profiles_are_valid_and_leave_articles_alone() -> None:
    shipped = type_profiles.shipped()
    assert set(shipped) <= set(PAGE_TYPES)
    assert not shipped.get(ARTICLE)
    raw = json.loads((ROOT / "src" / "boilerstrip" / "data" / "type_profiles.json").read_text(encoding="utf-8"))
    assert type_profiles.parse(raw) == shipped


@pytest.mark.parametrize(
    "profiles, message",
    [
        ({"blog": {"sections"}}, "unknown page type"),
        ({"forum": {"no-such-pass"}}, "unknown switches"),
        ({"forum": {"final-labels"}}, "unknown switches"),  # a pass no profile can switch off
        ({"forum": {"first-labels"}}, "unknown switches"),
        ({"forum": "sections"}, "not a string"),
        ({ARTICLE: {"sections"}}, "article profile must be empty"),
    ],
)
def test_a_bad_profile_is_refused(profiles: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Stripper(profiles=profiles)  # type: ignore[arg-type]


# The listing type has no gate (type_profiles.GATES): its profile applies to every page
# read as a listing, so the mechanism is tested on it.


def test_a_profile_keeps_the_answers_and_says_so() -> None:
    # Worked out by hand: as an article, "2 Comments" opens a comments section that runs
    # to the end, so both answers go; with the sections pass off they stay, and each
    # block whose category changed carries "type:listing".
    as_article = Stripper(profiles={}).strip(THREAD, Options(page_type="listing"))
    assert ANSWERS not in as_article.text
    r = Stripper(profiles={"listing": {"sections"}}).strip(THREAD, Options(page_type="listing"))
    assert ANSWERS in r.text
    changed = [b for b, a in zip(r.blocks, as_article.blocks) if b.category != a.category]
    assert len(changed) == 4  # two usernames, two answers
    for b in r.blocks:
        assert ("type:listing" in b.reasons) == (b in changed)
    assert all(b.category == C.BODY for b in changed)


def test_the_forum_profile_needs_a_thread_in_the_article_run() -> None:
    # THREAD run as an article shows one post above "2 Comments" (the comments section
    # hides the answers from the forum-posts pass), so it is read as a post with its
    # comments: the forum profile's gate fails and the page comes out as an article.
    stripper = Stripper(profiles={"forum": {"sections"}})
    options = Options(page_type="forum")
    assert stripper.strip(THREAD, options) == Stripper(profiles={}).strip(THREAD, options)


def test_the_forum_profile_applies_where_the_thread_shows() -> None:
    # POSTED_THREAD run as an article: three posts under headers before "Reply", and the
    # longest (the first answer) is shorter than the other two together, so the forum-posts
    # pass accepts the thread and the gate passes. The profile (sections off) then keeps
    # the fourth post, which the comments section after "Reply" removes in the article run.
    options = Options(page_type="forum")
    as_article = Stripper(profiles={}).strip(POSTED_THREAD, options)
    assert any("forum:post-chrome" in b.reasons for b in as_article.blocks)
    assert LAST_POST not in as_article.text
    r = Stripper(profiles={"forum": {"sections"}}).strip(POSTED_THREAD, options)
    assert LAST_POST in r.text
    last = next(b for b in r.blocks if POSTED_THREAD[b.start : b.end].startswith(LAST_POST))
    assert last.category == C.BODY and "type:forum" in last.reasons


def test_a_profile_fitted_under_another_gate_is_refused() -> None:
    data = {"profiles": {"forum": {"off": ["sections"], "gate": "none"}}}
    with pytest.raises(ValueError, match="gate"):
        type_profiles.parse(data)
    assert type_profiles.parse({"profiles": {"forum": {"off": ["sections"], "gate": "thread"}}}) == {
        "forum": frozenset({"sections"})
    }


def test_a_rule_family_in_a_profile_relabels_the_first_labels() -> None:
    # "2 Comments" is a comments phrase; without that rule family it is a plain line.
    r = Stripper(profiles={"listing": {"lexicon:comments"}}).strip(THREAD, Options(page_type="listing"))
    heading = next(b for b in r.blocks if THREAD[b.start : b.end] == "2 Comments")
    assert heading.first_label != C.COMMENTS
    assert not any(code.startswith("lexicon:comments") for code in heading.reasons)


def test_the_profile_only_acts_on_its_own_type() -> None:
    stripper = Stripper(profiles={"listing": {"sections", "lexicon:comments"}})
    for page_type in ("forum", ARTICLE):
        r = stripper.strip(THREAD, Options(page_type=page_type))
        assert r == Stripper(profiles={}).strip(THREAD, Options(page_type=page_type))
        assert not any(code.startswith("type:") for b in r.blocks for code in b.reasons)


@pytest.mark.parametrize("path", TYPE_SAMPLES + ARTICLE_SAMPLES, ids=lambda p: p.stem)
def test_a_profile_strips_as_the_switches_do_on_a_forced_type(path: pathlib.Path) -> None:
    # Without a gate, a profile is its switches switched off for the page's type: the same
    # categories as Stripper(disable=...), with "type:" codes on the changed blocks.
    text = path.read_text(encoding="utf-8")
    off = frozenset({"sections", "lexicon:comments", "shape:link-line", "second-region", "headline"})
    options = Options(page_type="listing")
    profiled = Stripper(profiles={"listing": off}).strip(text, options)
    switched = Stripper(disable=off, profiles={}).strip(text, options)
    plain = Stripper(profiles={}).strip(text, options)
    assert profiled.text == switched.text
    assert [b.category for b in profiled.blocks] == [b.category for b in switched.blocks]
    for b, s, p in zip(profiled.blocks, switched.blocks, plain.blocks):
        assert b.reasons == s.reasons + (("type:listing",) if b.category != p.category else ())


@pytest.mark.parametrize("path", ARTICLE_SAMPLES, ids=lambda p: p.stem)
def test_an_article_page_is_stripped_as_without_profiles(path: pathlib.Path) -> None:
    text = path.read_text(encoding="utf-8")
    options = Options(page_type=ARTICLE)
    assert strip(text, options=options) == Stripper(profiles={}).strip(text, options)
