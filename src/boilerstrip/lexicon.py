"""The phrase and word lists of every language, loaded once into a :class:`Lexicon`.

Each concept (share, related, cookie, ...) is a file
``lexicons/<lang>/<concept>.txt`` with one phrase a line and ``#`` comments;
``lexicons/_common`` holds the lists of no one language and the phrases that
several languages share. :mod:`boilerstrip.phrase_matcher` explains how
phrases match, ``lexicons/README.md`` the format and the checks that
:mod:`boilerstrip.lexicon_loader` makes when it reads the files.

All languages are loaded together: pages mix languages in their chrome.
Nothing is read at import: :func:`default_lexicon` loads the package's lists
on first use, and the module-level functions below (``matcher()``,
``stopwords(lang)``, ...) read from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from .lexicon_layout import (
    ABOUT_HEADING,
    AUTHOR_BIO,
    CATEGORY_CONCEPTS,
    COMMENT_COUNT,
    SECTION_CUT,
    LexiconError,
)
from .phrase_matcher import (
    SCAN_LIMIT,
    SCAN_WORDS,
    Match,
    PhraseMatcher,
    normalise,
    normalise_folded,
)

if TYPE_CHECKING:
    from .lexicon_layout import Root
    from .lexicon_loader import LexiconData

__all__ = [
    "ABOUT_HEADING",
    "AUTHOR_BIO",
    "CATEGORY_CONCEPTS",
    "COMMENT_COUNT",
    "SCAN_LIMIT",
    "SCAN_WORDS",
    "SECTION_CUT",
    "Lexicon",
    "LexiconError",
    "Match",
    "PhraseMatcher",
    "about_phrases",
    "bio_phrases",
    "comment_count_phrases",
    "common_words",
    "credit_words",
    "cut_matcher",
    "default_lexicon",
    "languages",
    "matcher",
    "months",
    "normalise",
    "normalise_folded",
    "stopwords",
    "word_set",
]

#: Job phrases by their first word, as word tuples (see :attr:`Lexicon.bio_phrases`).
BioPhrases = Mapping[str, tuple[tuple[str, ...], ...]]


class Lexicon:
    """Every phrase list and matcher of every language, read-only once built.

    Build one with :meth:`load`; share it freely (threads, several
    strippers). A pickled lexicon is rebuilt from its files where it is
    unpickled, which is what worker processes do.
    """

    # A plain class rather than a frozen dataclass: creating one of those costs
    # about a millisecond at import.
    __slots__ = (
        "about_phrases",
        "all_stopwords",
        "bio_phrases",
        "comment_count_phrases",
        "common_word_sets",
        "credit_words",
        "cut_matcher",
        "languages",
        "matcher",
        "months",
        "root",
        "stopwords_by_language",
        "word_sets",
    )

    #: The language codes that have a lexicon folder, sorted.
    languages: tuple[str, ...]
    #: The matcher over every removal category (``CATEGORY_CONCEPTS``) of every language.
    matcher: PhraseMatcher
    #: The matcher for headings that end the article (``section_cut.txt``).
    cut_matcher: PhraseMatcher
    #: The job phrases of ``author_bio.txt``, as word tuples by first word.
    bio_phrases: BioPhrases
    #: The heading openers of ``about_heading.txt``, as word tuples.
    about_phrases: frozenset[tuple[str, ...]]
    #: The openers of ``comment_count.txt``, as word tuples: a noun and a preposition
    #: that follow a count ("thoughts on"), or a whole singular opener ("one thought on").
    comment_count_phrases: frozenset[tuple[str, ...]]
    #: Month names and abbreviations of every supported language, normalised.
    months: frozenset[str]
    #: Words that introduce a photo credit ("Photo:", "Bild:", "Фото:"), casefolded, sorted.
    credit_words: tuple[str, ...]
    #: The stop words of every language together.
    all_stopwords: frozenset[str]
    #: The stop words of each language.
    stopwords_by_language: Mapping[str, frozenset[str]]
    #: The single words of each word list of every language (``pitch``, ``you``, ...).
    word_sets: Mapping[str, frozenset[str]]
    #: The words of each list in ``_common`` (``months``, ``units``, ...).
    common_word_sets: Mapping[str, frozenset[str]]
    #: The folder it was read from; None for the package's own lists.
    root: Root | None

    def __init__(
        self,
        *,
        languages: tuple[str, ...],
        matcher: PhraseMatcher,
        cut_matcher: PhraseMatcher,
        bio_phrases: BioPhrases,
        about_phrases: frozenset[tuple[str, ...]],
        comment_count_phrases: frozenset[tuple[str, ...]],
        months: frozenset[str],
        credit_words: tuple[str, ...],
        all_stopwords: frozenset[str],
        stopwords_by_language: Mapping[str, frozenset[str]],
        word_sets: Mapping[str, frozenset[str]],
        common_word_sets: Mapping[str, frozenset[str]],
        root: Root | None = None,
    ) -> None:
        init = object.__setattr__  # see __setattr__
        init(self, "languages", languages)
        init(self, "matcher", matcher)
        init(self, "cut_matcher", cut_matcher)
        init(self, "bio_phrases", bio_phrases)
        init(self, "about_phrases", about_phrases)
        init(self, "comment_count_phrases", comment_count_phrases)
        init(self, "months", months)
        init(self, "credit_words", credit_words)
        init(self, "all_stopwords", all_stopwords)
        init(self, "stopwords_by_language", stopwords_by_language)
        init(self, "word_sets", word_sets)
        init(self, "common_word_sets", common_word_sets)
        init(self, "root", root)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot be changed once built")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot be changed once built")

    def __repr__(self) -> str:
        where = "the package's lists" if self.root is None else repr(self.root)
        return f"<Lexicon of {', '.join(self.languages)} from {where}>"

    @classmethod
    def load(cls, root: Root | None = None) -> Lexicon:
        """Read and check the lists under *root* (default: the package's own lists).

        Raises :class:`LexiconError` naming the file and line of the first problem.
        """
        # Imported here: importing boilerstrip loads no lexicon, nor the code that reads one.
        from .lexicon_loader import read_lexicon

        return cls.from_data(read_lexicon(root), root)

    @classmethod
    def from_data(cls, data: LexiconData, root: Root | None = None) -> Lexicon:
        """The lexicon of lists already read by :func:`lexicon_loader.read_lexicon`."""
        phrases = data.phrases
        bio: dict[str, list[tuple[str, ...]]] = {}
        for _, phrase in phrases[AUTHOR_BIO]:
            words = tuple(phrase.split(" "))
            bio.setdefault(words[0], []).append(words)
        common = data.common
        return cls(
            languages=data.languages,
            matcher=PhraseMatcher(
                (concept, kind, phrase) for concept in CATEGORY_CONCEPTS for kind, phrase in phrases[concept]
            ),
            cut_matcher=PhraseMatcher((SECTION_CUT, kind, phrase) for kind, phrase in phrases[SECTION_CUT]),
            bio_phrases=MappingProxyType({word: tuple(tuples) for word, tuples in bio.items()}),
            about_phrases=_word_tuples(phrases[ABOUT_HEADING]),
            comment_count_phrases=_word_tuples(phrases[COMMENT_COUNT]),
            months=common["months"],
            credit_words=tuple(sorted(common["credit_words"])),
            all_stopwords=frozenset().union(*data.stopwords.values()),
            stopwords_by_language=MappingProxyType(dict(data.stopwords)),
            word_sets=MappingProxyType(dict(data.words)),
            common_word_sets=MappingProxyType(dict(common)),
            root=root,
        )

    def stopwords(self, lang: str) -> frozenset[str]:
        """The stop words of *lang* (empty for an unknown language)."""
        return self.stopwords_by_language.get(lang, frozenset())

    def word_set(self, concept: str) -> frozenset[str]:
        """The single words of the word list *concept* (``you``, ``pitch``, ...) in every language."""
        return self.word_sets[concept]

    def common_words(self, concept: str) -> frozenset[str]:
        """The words of ``_common/<concept>.txt`` (``months``, ``units``, ...)."""
        return self.common_word_sets[concept]

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from the files where it is unpickled: the package's own lists
        # become that process's default lexicon, loaded once there.
        if self.root is None:
            return (default_lexicon, ())
        return (Lexicon.load, (self.root,))


def _word_tuples(pairs: tuple[tuple[str, str], ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split(" ")) for _, phrase in pairs)


#: Holds the package's lexicon once loaded (a container filled once, never rebound).
_default: list[Lexicon] = []


def default_lexicon() -> Lexicon:
    """The lexicon of the package's own lists, loaded on the first call.

    Two threads that both make the first call may both load it; the first result
    stored is kept, and either is the same read-only data.
    """
    if not _default:
        lexicon = Lexicon.load()
        if not _default:
            _default.append(lexicon)
    return _default[0]


# --- The default lexicon's lists, for callers that take them one at a time ----------


def languages() -> tuple[str, ...]:
    """The language codes that have a lexicon folder."""
    return default_lexicon().languages


def stopwords(lang: str) -> frozenset[str]:
    """The stop words of *lang* (empty for an unknown language)."""
    return default_lexicon().stopwords(lang)


def matcher() -> PhraseMatcher:
    """The phrase matcher over every category concept of every language."""
    return default_lexicon().matcher


def cut_matcher() -> PhraseMatcher:
    """The matcher for headings that end the article (``section_cut.txt``)."""
    return default_lexicon().cut_matcher


def bio_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The job phrases of ``author_bio.txt`` in every language, as word tuples by first word.

    A new dict each call (the lexicon's own is read-only).
    """
    return dict(default_lexicon().bio_phrases)


def about_phrases() -> frozenset[tuple[str, ...]]:
    """The heading openers of ``about_heading.txt`` in every language, as word tuples."""
    return default_lexicon().about_phrases


def comment_count_phrases() -> frozenset[tuple[str, ...]]:
    """The openers of ``comment_count.txt`` in every language, as word tuples: a noun
    and a preposition that follow a count ("thoughts on"), or a whole singular opener
    ("one thought on")."""
    return default_lexicon().comment_count_phrases


def months() -> frozenset[str]:
    """Month names and abbreviations of every supported language, normalised."""
    return default_lexicon().months


def common_words(concept: str) -> frozenset[str]:
    """The words of ``lexicons/_common/<concept>.txt``, normalised."""
    return default_lexicon().common_words(concept)


def credit_words() -> tuple[str, ...]:
    """Words that introduce a photo credit ("Photo:", "Bild:", "Фото:"), casefolded."""
    return default_lexicon().credit_words


def word_set(concept: str) -> frozenset[str]:
    """The single words of ``<concept>.txt`` in every language, normalised."""
    return default_lexicon().word_set(concept)
