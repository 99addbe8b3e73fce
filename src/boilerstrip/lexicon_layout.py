"""What a lexicon folder holds, and where it is read from.

The concepts (one ``<concept>.txt`` list each) and the folders they live in are
named here, with the error raised for a folder that breaks the rules
(``lexicons/README.md``); :mod:`boilerstrip.lexicon_loader` reads and checks the
files.

The loader walks a folder through the few methods of
:class:`importlib.resources.abc.Traversable` that it needs (``Folder``), so the
package's own lists load wherever the package does: a zip file or any importer
with resources, through :mod:`importlib.resources`. One shortcut: when the
package is a folder on disk (its import spec says where), as in a source
checkout or an installed wheel, that folder is read directly, because
importing ``importlib.resources`` (pathlib, tempfile, zipfile) costs about half
as much CPU again as reading and checking every list.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import BoilerstripError

if TYPE_CHECKING:
    from typing import Protocol

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

    #: Where a lexicon is read from: a folder as a path, or a package resource.
    Root = Traversable | str | os.PathLike[str]

    class Folder(Protocol):
        """A file or folder of a lexicon: what the loader uses of ``Traversable``
        (only for type checks: defining a Protocol at run time costs time at import)."""

        @property
        def name(self) -> str: ...

        def iterdir(self) -> Iterator[Folder]: ...

        def is_dir(self) -> bool: ...

        def read_text(self, encoding: str | None = None) -> str: ...

_PACKAGE = __name__.rpartition(".")[0]

#: Removal categories (file name = category name). They share one matcher, so
#: a phrase (with its marks) may be listed under only one of them.
CATEGORY_CONCEPTS = (
    "share",
    "app_promo",
    "related",
    "newsletter",
    "cookie",
    "comments",
    "caption",
    "navigation",
    "byline",
    "footer",
    "advertisement",
    "inline_promo",
    "boilerplate",
)
#: Headings that end the article when they appear on their own line.
SECTION_CUT = "section_cut"
#: Job phrases that open an author bio ("... is a freelance writer").
AUTHOR_BIO = "author_bio"
#: Words that open a heading over an author bio ("About Jane Doe").
ABOUT_HEADING = "about_heading"
#: Openers of a comment thread's heading ("14 thoughts on ...", "Ein Kommentar zu ...").
COMMENT_COUNT = "comment_count"
#: Word lists that rules test blocks against (every language's words together).
WORD_CONCEPTS = ("pitch", "you", "consent", "share_buttons", "author_job")
#: The stop words of one language (kept apart per language).
STOPWORDS = "stopwords"
#: Word lists that only ``_common`` has (all languages in one file).
COMMON_CONCEPTS = ("app_cues", "credit_words", "months", "pitch_strong", "units")

#: Phrase lists whose lines may carry ``...`` marks (prefix, suffix, contains).
MARKED_CONCEPTS = CATEGORY_CONCEPTS + (SECTION_CUT,)
#: Phrase lists read as plain word sequences (no marks).
PLAIN_CONCEPTS = (AUTHOR_BIO, ABOUT_HEADING, COMMENT_COUNT)
#: Concepts whose lists of every language are used as one list; phrases that
#: several languages use go in ``_common/<concept>.txt``.
SHARED_CONCEPTS = MARKED_CONCEPTS + PLAIN_CONCEPTS + WORD_CONCEPTS
#: Every language folder has one file for each of these (an empty one is fine).
LANGUAGE_CONCEPTS = SHARED_CONCEPTS + (STOPWORDS,)
#: The folder of lists that belong to no one language.
COMMON = "_common"


class LexiconError(BoilerstripError, ValueError):
    """A lexicon file is missing, unknown or holds a line the loader refuses.

    ``file`` is the path inside the lexicon folder (``en/share.txt``) and ``line``
    its line number (None when the whole file is at fault).
    """

    def __init__(self, message: str, file: str, line: int | None = None) -> None:
        where = file if line is None else f"{file} line {line}"
        super().__init__(f"{where}: {message}")
        self.file = file
        self.line = line


class DiskFolder:
    """A file or folder on disk, with the ``Folder`` methods (no pathlib needed)."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def iterdir(self) -> Iterator[DiskFolder]:
        with os.scandir(self.path) as entries:
            return iter([DiskFolder(entry.path) for entry in entries])

    def is_dir(self) -> bool:
        return os.path.isdir(self.path)

    def read_text(self, encoding: str | None = None) -> str:
        with open(self.path, encoding=encoding) as f:
            return f.read()

    def __str__(self) -> str:
        return self.path


def package_folder() -> Folder:
    """The ``lexicons`` folder shipped inside the package."""
    spec = sys.modules[_PACKAGE].__spec__
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = os.path.join(location, "lexicons")
        if os.path.isdir(folder):
            return DiskFolder(folder)
    # Not a folder on disk (a zip file, another importer): ask importlib.resources.
    # Imported here, as it costs milliseconds and most installs never need it.
    from importlib.resources import files

    return files(_PACKAGE) / "lexicons"


def as_folder(root: Root | None) -> Folder:
    """*root* as a :class:`Folder`: the package's own lists for None, a path read from disk."""
    if root is None:
        return package_folder()
    if isinstance(root, (str, os.PathLike)):
        return DiskFolder(os.fspath(root))
    return root
