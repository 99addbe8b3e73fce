"""Hypothesis strategies for boilerstrip's tests.

- :func:`hostile_text`: arbitrary strings salted with the characters scraped
  text really contains and that break naive code (NUL, lone surrogates, every
  line-break flavour, NBSP, zero-width and bidi marks, ZWJ emoji, bullets).
- :func:`article`: a labelled article made of a headline and plain English
  paragraphs, returned with its parts so tests know the right answer.
- :func:`boilerplate_block`: one kind of page clutter, as lines, to insert into
  an article.

The vocabularies are kept here, in plain sight. They avoid words that are
clutter phrases on their own ("share", "more", "read", "home", "news", month
names, digits), so that the generated article is unambiguous prose and its
headline an ordinary headline.
"""

from __future__ import annotations

from typing import List, Tuple

from hypothesis import strategies as st

# --- Hostile text -------------------------------------------------------------------

#: Pieces that stress segmentation, trimming, offsets and encoding.
HOSTILE_PIECES = (
    "\x00",  # NUL
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "\ud83d",  # high half of an emoji, alone
    "\r\n",  # CRLF
    "\r",  # lone CR
    "\n",
    "\n\n",
    "\u2028",  # LINE SEPARATOR
    "\u2029",  # PARAGRAPH SEPARATOR
    "\u0085",  # NEXT LINE
    "\x0b",  # vertical tab
    "\x0c",  # form feed
    "\u00a0",  # NBSP
    "\u202f",  # narrow NBSP
    "\u3000",  # ideographic space
    "\u200b",  # zero-width space (not white space for str.isspace)
    "\ufeff",  # BOM / zero-width no-break space
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066",  # LEFT-TO-RIGHT ISOLATE
    "مرحبا بالعالم",  # Arabic
    "שלום עולם",  # Hebrew
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # family emoji joined by ZWJ
    "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
    "\U0001f44d\U0001f3fd",  # thumbs up, skin tone
    "\t",
    " \t ",
    "•",
    "• ",
    "· ",
    "WATCH: ",
    "Share",
    "the ",
    ". ",
    "...",
    "©",
    "https://",
    "2024-01-02",
    "\u0301",  # combining acute accent, alone
    "İ",  # casefolds to two code points
    "ß",
    "ﬃ",  # ligature: casefolds to three code points
)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Arbitrary text mixed with hostile pieces, in any order."""
    parts = draw(
        st.lists(
            st.one_of(
                st.text(max_size=30),
                st.sampled_from(HOSTILE_PIECES),
                st.sampled_from(HOSTILE_PIECES),
                st.sampled_from(HOSTILE_PIECES),
                st.characters(codec=None, exclude_categories=()),  # any code point, surrogates too
            ),
            max_size=40,
        )
    )
    return "".join(parts)


# --- Articles -----------------------------------------------------------------------

#: Function words: make up about half of every generated paragraph.
FUNCTION_WORDS = (
    "the", "the", "the", "of", "of", "and", "and", "to", "to", "in", "in", "that",
    "was", "a", "a", "it", "for", "on", "with", "as", "his", "her", "they", "at",
    "from", "this", "had", "not", "but", "were", "which", "their", "have", "been",
    "would", "there", "when", "who", "into", "after", "than", "also", "some",
    "could", "other", "is", "he", "she", "we", "an", "or", "its", "be", "so",
)

#: Content words: nouns, verbs, adjectives with no clutter meaning.
CONTENT_WORDS = (
    "town", "river", "council", "water", "school", "winter", "morning", "children",
    "farmers", "road", "bridge", "harbour", "village", "teachers", "doctors",
    "plan", "officials", "residents", "said", "found", "built", "opened", "moved",
    "decided", "heavy", "small", "old", "quiet", "early", "long", "cold", "bright",
    "garden", "station", "engineers", "valley", "forest", "hospital", "library",
    "museum", "workers", "families", "walked", "carried", "repaired", "expected",
    "measured", "planted", "crossed", "narrow", "wooden", "northern", "southern",
    "project", "study", "season", "harvest", "flood", "storm", "rain",
    "meeting", "mayor", "neighbours", "students", "careful", "slowly", "together",
)

#: Words for headlines and teaser headlines (capitalised when used).
HEADLINE_WORDS = (
    "river", "council", "approves", "bridge", "harbour", "village", "school",
    "opens", "winter", "flood", "plan", "farmers", "forest", "hospital", "library",
    "museum", "station", "valley", "workers", "families", "storm", "mayor",
    "students", "garden", "engineers", "repair", "quiet", "northern", "southern",
    "wooden", "narrow", "season", "harvest", "rain", "road", "teachers", "doctors",
)


def _word(draw: st.DrawFn, i: int) -> str:
    """Word *i* of a paragraph: function words at even places, content words at odd ones.

    Half of every paragraph is function words, whatever Hypothesis shrinks to.
    """
    return draw(st.sampled_from(FUNCTION_WORDS if i % 2 == 0 else CONTENT_WORDS))


@st.composite
def paragraph(draw: st.DrawFn, min_words: int = 20, max_words: int = 60) -> str:
    """Sentences of 5-14 words, min_words..max_words words in all, ending with a full stop."""
    target = draw(st.integers(min_words, max_words))
    words = [_word(draw, i) for i in range(target)]
    i = 0
    while i < target:
        end = min(i + draw(st.integers(5, 14)), target)
        if target - end < 5:  # no room for another sentence: this one takes the rest
            end = target
        words[i] = words[i].capitalize()
        words[end - 1] += "."
        i = end
    return " ".join(words)


@st.composite
def headline(draw: st.DrawFn, min_words: int = 4, max_words: int = 8) -> str:
    """Capitalised words, no final punctuation."""
    words = draw(st.lists(st.sampled_from(HEADLINE_WORDS), min_size=min_words, max_size=max_words))
    return " ".join(w.capitalize() for w in words)


@st.composite
def article(draw: st.DrawFn) -> Tuple[str, List[str], str]:
    """``(text, paragraphs, headline)``: a headline line and 4-8 distinct paragraphs.

    Blocks are separated by blank lines; the text ends with a newline.
    """
    head = draw(headline())
    paragraphs = draw(st.lists(paragraph(), min_size=4, max_size=8, unique=True))
    text = "\n\n".join([head] + paragraphs) + "\n"
    return text, paragraphs, head


# --- Boilerplate ----------------------------------------------------------------------

#: Labels of share and social buttons, one a line in a share row.
SHARE_WORDS = ("Share", "Tweet", "Email", "Facebook", "Twitter", "WhatsApp", "Pinterest", "LinkedIn", "Print")

BOILERPLATE_KINDS = ("share_row", "app_promo", "related_list", "headline_copy")


def share_row() -> st.SearchStrategy[List[str]]:
    """2-5 share labels, each on its own line, starting with "Share"."""
    return st.lists(st.sampled_from(SHARE_WORDS[1:]), min_size=1, max_size=4, unique=True).map(
        lambda rest: ["Share"] + rest
    )


def app_promo() -> st.SearchStrategy[List[str]]:
    return st.just(["DOWNLOAD THE APP", "Get it on Google Play"])


def related_list() -> st.SearchStrategy[List[str]]:
    """"Related Articles" and three teaser headlines (4-8 capitalised words, no final stop)."""
    return st.lists(headline(4, 8), min_size=3, max_size=3).map(lambda heads: ["Related Articles"] + heads)


def boilerplate_block(head: str, kind: str | None = None) -> st.SearchStrategy[List[str]]:
    """The lines of one clutter block; *head* is the article's headline (for the copy).

    *kind* picks one of :data:`BOILERPLATE_KINDS`; None draws any.
    """
    makers = {
        "share_row": share_row(),
        "app_promo": app_promo(),
        "related_list": related_list(),
        "headline_copy": st.just([head]),
    }
    if kind is not None:
        return makers[kind]
    return st.one_of(*makers.values())


#: Four hand-written article paragraphs (plain English, 30-40 words each) for
#: end-to-end tests that need a fixed article.
PLAIN_PARAGRAPHS = [
    "The council of the village said on the first day of the week that the old wooden bridge over "
    "the river would be closed to the families who live on the northern side of the valley.",
    "Engineers who looked at the bridge in the winter found that the heavy rain of the last season "
    "had carried part of the southern bank into the water, and that the road was no longer safe.",
    "The mayor told a meeting of the residents that the work on a new bridge would start early in "
    "the spring and that a small ferry would carry the children to the school until it was finished.",
    "Many of the people at the meeting said that they were glad of the plan, but some of them asked "
    "why the council had waited so long when the problem was known to everyone in the village.",
]
