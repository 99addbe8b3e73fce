"""Read the phrase lists (``lexicons/``) and check them before anything uses them.

The lists are package data, found through :mod:`importlib.resources` (see
:mod:`boilerstrip.lexicon_layout`), so they load from a zip file as well as from
a source checkout or an installed wheel. Any problem stops the load with a :class:`LexiconError` that names the file and
line: an unknown or missing file, a line with no letters or digits, a line
listed twice in one concept, a phrase listed under two removal categories, or
``...`` marks in a list that takes no marks. The rules are explained in
``lexicons/README.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from .lexicon_layout import (
    CATEGORY_CONCEPTS,
    COMMON,
    COMMON_CONCEPTS,
    LANGUAGE_CONCEPTS,
    MARKED_CONCEPTS,
    PLAIN_CONCEPTS,
    SHARED_CONCEPTS,
    STOPWORDS,
    WORD_CONCEPTS,
    LexiconError,
    as_folder,
)
from .phrase_matcher import normalise_lines, split_marks

if TYPE_CHECKING:
    from .lexicon_layout import Folder, Root

class LexiconData(NamedTuple):
    """The checked contents of a lexicon folder, normalised as the matcher reads text."""

    #: The language folders, sorted.
    languages: tuple[str, ...]
    #: ``(kind, phrase)`` pairs of each marked or plain phrase concept, in file
    #: order: the languages in order, then ``_common``.
    phrases: Mapping[str, tuple[tuple[str, str], ...]]
    #: The words of each of :data:`WORD_CONCEPTS`, all languages together.
    words: Mapping[str, frozenset[str]]
    #: The stop words of each language.
    stopwords: Mapping[str, frozenset[str]]
    #: The words of each of :data:`COMMON_CONCEPTS`.
    common: Mapping[str, frozenset[str]]


def read_lexicon(root: Root | None = None) -> LexiconData:
    """Read and check every list under *root* (default: the package's own lists).

    Raises :class:`LexiconError` on the first problem found.
    """
    folder = as_folder(root)
    languages, common = _folders(folder)
    files = {lang: _files(path, lang, LANGUAGE_CONCEPTS, LANGUAGE_CONCEPTS) for lang, path in languages.items()}
    files[COMMON] = _files(common, COMMON, COMMON_CONCEPTS + SHARED_CONCEPTS, COMMON_CONCEPTS)
    # The languages in order, then _common: the order in which phrases are listed.
    order = sorted(languages) + [COMMON]
    phrases = _read_phrases(files, order)
    words = {concept: _read_words(files, order, concept) for concept in WORD_CONCEPTS}
    stopwords = {lang: _read_words(files, [lang], STOPWORDS) for lang in sorted(languages)}
    common_words = {concept: _read_words(files, [COMMON], concept) for concept in COMMON_CONCEPTS}
    return LexiconData(tuple(sorted(languages)), phrases, words, stopwords, common_words)


def _folders(root: Folder) -> tuple[dict[str, Folder], Folder]:
    """The language folders by name, and the ``_common`` folder."""
    if not root.is_dir():
        raise LexiconError("no such lexicon folder", str(root))
    languages: dict[str, Folder] = {}
    common = None
    for entry in root.iterdir():
        name = entry.name
        if name.startswith(".") or name == "__pycache__":
            continue
        if entry.is_dir():
            if name == COMMON:
                common = entry
            elif name.startswith("_"):
                raise LexiconError(f"unknown folder (language folders are named by their code, plus {COMMON})", name)
            else:
                languages[name] = entry
        elif name.endswith(".txt"):
            raise LexiconError(f"a list belongs in a language folder or in {COMMON}", name)
    if common is None:
        raise LexiconError("missing folder", COMMON)
    if not languages:
        raise LexiconError("no language folder", str(root))
    return languages, common


def _files(
    folder: Folder, name: str, known: tuple[str, ...], required: tuple[str, ...]
) -> dict[str, Folder]:
    """The ``<concept>.txt`` files of *folder* by concept; any other file is an error."""
    found: dict[str, Folder] = {}
    for entry in folder.iterdir():
        if entry.name.startswith("."):
            continue
        path = f"{name}/{entry.name}"
        stem, dot, extension = entry.name.rpartition(".")
        if not dot or extension != "txt" or entry.is_dir():
            raise LexiconError("not a lexicon file (<concept>.txt)", path)
        if stem not in known:
            raise LexiconError(f"unknown concept {stem!r}; known here: {', '.join(sorted(known))}", path)
        found[stem] = entry
    for concept in required:
        if concept not in found:
            raise LexiconError("missing file (it may hold only comments)", f"{name}/{concept}.txt")
    return found


class _File(NamedTuple):
    """The lines of one list file that are not blank or comments."""

    path: str
    #: The position (from 0) of each line in the file.
    positions: list[int]
    #: The lines, stripped.
    lines: list[str]
    #: What a line stands for: ``(kind, normalised phrase)`` in a phrase list, the
    #: normalised line in a word list.
    keys: list[Any]

    def number(self, i: int) -> int:
        return self.positions[i] + 1


def _read(
    files: Mapping[str, Mapping[str, Folder]], folder: str, concept: str, marks: str = "refused"
) -> _File | None:
    """The lines of ``<folder>/<concept>.txt``, checked line by line; None if there is no such file.

    *marks* is ``"allowed"`` for the lists whose lines may carry ``...`` marks.
    """
    entry = files[folder].get(concept)
    if entry is None:
        return None
    path = f"{folder}/{concept}.txt"
    try:
        text = entry.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise LexiconError(f"not UTF-8 text ({e.reason} at byte {e.start})", path) from None
    stripped = list(map(str.strip, text.splitlines()))
    positions = [i for i, line in enumerate(stripped) if line and line[0] != "#"]
    lines = [stripped[i] for i in positions]
    # Speed: the whole file is normalised at one go. The marks are full stops at
    # either end, which normalising drops, so a line reads as the phrase between them.
    norms = normalise_lines(lines)
    found = _File(path, positions, lines, norms)
    if "" in norms:
        raise LexiconError("no letters or digits on this line", path, found.number(norms.index("")))
    joined = "\n" + "\n".join(lines) + "\n"
    if "\n." not in joined and ".\n" not in joined:  # Speed: no line can carry marks
        kinds = ["exact"] * len(lines)
    else:
        kinds = [split_marks(line)[0] if line[0] == "." or line[-1] == "." else "exact" for line in lines]
    if marks == "allowed":
        found.keys[:] = zip(kinds, norms)
    elif kinds.count("exact") < len(kinds):
        number = found.number(next(i for i, kind in enumerate(kinds) if kind != "exact"))
        raise LexiconError(f"{concept} takes no '...' marks (it is a list of plain phrases or words)", path, number)
    return found


def _listed_twice(concept: str, found: _File, earlier: list[tuple[str, _File]]) -> LexiconError:
    """The error for the first line of *found* that is already in *earlier* files or
    earlier in *found* (the slow path: only taken when there is such a line)."""
    first: dict[object, tuple[str, _File, int]] = {}
    for other_concept, other in earlier:
        for i, key in enumerate(other.keys):
            first.setdefault(key, (other_concept, other, i))
    for i, key in enumerate(found.keys):
        if key in first:
            first_concept, other, j = first[key]
            line, norm = found.lines[i], key[1] if isinstance(key, tuple) else key
            shown = repr(line) if line == norm else f"{line!r} (read as {norm!r})"
            return LexiconError(
                f"{shown} is already listed in {other.path} line {other.number(j)} ({first_concept})",
                found.path,
                found.number(i),
            )
        first[key] = (concept, found, i)
    raise AssertionError("no line is listed twice")  # pragma: no cover


def _check_new(concept: str, found: _File, seen: set[Any], earlier: list[tuple[str, _File]]) -> set[Any]:
    """The keys of *found*, which must be listed once there and not in *seen* (from *earlier*)."""
    keys = set(found.keys)
    if len(keys) != len(found.keys) or not seen.isdisjoint(keys):
        raise _listed_twice(concept, found, earlier)
    return keys


def _read_phrases(
    files: Mapping[str, Mapping[str, Folder]], order: list[str]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """The ``(kind, phrase)`` pairs of every phrase concept, checked."""
    categories: set[Any] = set()  # (kind, phrase) of every category concept
    category_files: list[tuple[str, _File]] = []
    phrases = {}
    for concept in MARKED_CONCEPTS + PLAIN_CONCEPTS:
        category, marked = concept in CATEGORY_CONCEPTS, concept in MARKED_CONCEPTS
        seen: set[Any] = set()
        read: list[tuple[str, _File]] = []
        pairs: list[tuple[str, str]] = []
        for folder in order:
            found = _read(files, folder, concept, "allowed" if marked else "refused")
            if found is None:
                continue
            if category:
                # A category's phrase may not be in any category: they share a matcher.
                categories |= _check_new(concept, found, categories, category_files)
                category_files.append((concept, found))
            else:
                seen |= _check_new(concept, found, seen, read)
                read.append((concept, found))
            pairs.extend(found.keys if marked else [("exact", phrase) for phrase in found.keys])
        phrases[concept] = tuple(pairs)
    return phrases


def _read_words(files: Mapping[str, Mapping[str, Folder]], order: list[str], concept: str) -> frozenset[str]:
    """The words of one word list in the folders of *order*, checked (each line once)."""
    seen: set[Any] = set()
    read: list[tuple[str, _File]] = []
    for folder in order:
        found = _read(files, folder, concept)
        if found is not None:
            seen |= _check_new(concept, found, seen, read)
            read.append((concept, found))
    return frozenset(" ".join(seen).split(" ")) if seen else frozenset()
