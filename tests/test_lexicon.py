"""The lexicon loader: the shipped lists load cleanly, and each check stops a bad list.

The error cases use small lexicon folders of our own (every required file, empty
unless a test writes it), so they do not depend on what the shipped lists hold.
"""

from __future__ import annotations

import importlib.resources
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from boilerstrip import BoilerstripError, lexicon
from boilerstrip.lexicon import Lexicon, LexiconError, default_lexicon, normalise
from boilerstrip.lexicon_layout import COMMON_CONCEPTS, LANGUAGE_CONCEPTS
from boilerstrip.lexicon_loader import read_lexicon
from boilerstrip.phrase_matcher import normalise_lines, split_marks

SRC = Path(lexicon.__file__).resolve().parent.parent


def make_lexicon(root: Path, files: Optional[dict[str, Optional[str]]] = None, langs=("de", "en")) -> Path:
    """A lexicon folder with every required file (a comment only), then *files*
    written over it (``None`` deletes a file)."""
    for folder, concepts in [(lang, LANGUAGE_CONCEPTS) for lang in langs] + [("_common", COMMON_CONCEPTS)]:
        (root / folder).mkdir(parents=True, exist_ok=True)
        for concept in concepts:
            (root / folder / f"{concept}.txt").write_text("# nothing here\n", encoding="utf-8")
    for name, text in (files or {}).items():
        if text is None:
            (root / name).unlink()
        else:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    return root


def load_error(tmp_path: Path, files: dict[str, Optional[str]]) -> LexiconError:
    with pytest.raises(LexiconError) as e:
        Lexicon.load(make_lexicon(tmp_path, files))
    return e.value


# --- Normalising a whole file at once -----------------------------------------------

#: Lines as a list file holds them: words, marks, punctuation, link targets, odd case foldings.
_LINE_TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from(list("ab _-.:'’ß](İΣσ\u00a0\t/()[]#1ǅ") + ["](x.example/a_b)", "...", "[x](y)"]),
            st.characters(codec="utf-8"),
        ),
        max_size=20,
    )
    .map("".join)
    .filter(lambda line: len(line.splitlines()) <= 1 and "\n" not in line)  # one line each
)


@given(st.lists(_LINE_TEXT.map(str.strip), max_size=6))
@example(["a_b", "_x_", "read__more ...", "[Tweet](https://x.example/a_b) now", "ΣΑΣ İ", "e-mail", "a\u00a0 b", "—"])
def test_normalising_lines_at_once_equals_one_by_one(lines):
    assert normalise_lines(lines) == [normalise(line) for line in lines]


@given(_LINE_TEXT.map(str.strip).filter(bool))
@example("...[x](y)...")
@example("... a_b ...")
def test_marks_do_not_change_the_normalised_phrase(line):
    # The loader normalises whole lines, marks and all: that must equal the phrase between them.
    assert normalise(line) == normalise(split_marks(line)[1])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("read more ...", ("prefix", "read more ")),
        ("... via getty images", ("suffix", " via getty images")),
        ("... sponsored ...", ("contains", " sponsored ")),
        ("loading...", ("prefix", "loading")),
        ("...", ("suffix", "")),
        ("share", ("exact", "share")),
    ],
)
def test_split_marks(line, expected):
    assert split_marks(line) == expected


# --- The shipped lists -----------------------------------------------------------------


def test_the_shipped_lists_load_cleanly():
    lex = Lexicon.load()
    assert lex.languages == ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")
    assert lex.matcher.exact_match("share") == "share"
    assert "the" in lex.stopwords("en") and "der" in lex.stopwords("de")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # Each of these phrases was listed under two removal categories; the category that
        # came first in the old load order (languages, then CATEGORY_CONCEPTS order) kept it,
        # and keeps it now that it is listed there only.
        ("Keep reading", "related"),  # related comes before inline_promo
        ("Leggi anche", "related"),
        ("Читайте также", "related"),
        ("OK", "cookie"),  # en/cookie.txt is read before ru/share.txt
        ("Loading", "navigation"),  # navigation comes before boilerplate
        ("Skip ad", "advertisement"),
        ("View gallery", "caption"),
        ("Open gallery", "caption"),
    ],
)
def test_phrases_once_in_two_categories_keep_the_category_that_won(text, concept):
    assert lexicon.matcher().exact_match(normalise(text)) == concept


def test_phrases_shared_by_languages_still_match():
    # Moved from every language's share.txt to _common/share.txt.
    assert lexicon.matcher().exact_match("whatsapp") == "share"
    assert "newsletter" in lexicon.word_set("pitch")  # moved to _common/pitch.txt


def test_the_module_functions_read_the_default_lexicon():
    lex = default_lexicon()
    assert default_lexicon() is lex
    assert lexicon.matcher() is lex.matcher and lexicon.cut_matcher() is lex.cut_matcher
    assert lexicon.languages() == lex.languages
    assert lexicon.stopwords("en") is lex.stopwords("en")
    assert lexicon.stopwords("xx") == frozenset()  # an unknown language has none
    assert lexicon.word_set("you") is lex.word_sets["you"]
    assert lexicon.months() is lex.months and "october" in lex.months
    assert lexicon.common_words("units") is lex.common_word_sets["units"]
    assert lexicon.credit_words() == tuple(sorted(lex.common_word_sets["credit_words"]))
    assert lexicon.bio_phrases() == dict(lex.bio_phrases)
    assert lexicon.about_phrases() is lex.about_phrases and ("about",) in lex.about_phrases
    assert lexicon.comment_count_phrases() is lex.comment_count_phrases
    assert lex.all_stopwords == frozenset().union(*(lex.stopwords(lang) for lang in lex.languages))


def test_importing_boilerstrip_reads_no_lexicon():
    code = (
        "import sys, boilerstrip, boilerstrip.lexicon as l\n"
        "assert not l._default, 'lexicon loaded at import'\n"
        "assert 'boilerstrip.lexicon_loader' not in sys.modules, 'the loader imported at import'\n"
        "assert 'importlib.resources' not in sys.modules, 'importlib.resources imported at import'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(SRC)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# --- A lexicon of our own ------------------------------------------------------------


def test_a_small_lexicon_loads_with_its_shared_phrases(tmp_path):
    lex = Lexicon.load(
        make_lexicon(
            tmp_path,
            {
                "en/share.txt": "# share rows\nShare this\nshare ...\n",
                "de/share.txt": "Teilen\n",
                "_common/share.txt": "WhatsApp\n",
                "en/stopwords.txt": "the\nand\n",
                "de/stopwords.txt": "und\nthe\n",  # stop words may repeat across languages
                "en/you.txt": "you\n",
                "_common/you.txt": "tu\n",
            },
        )
    )
    assert lex.languages == ("de", "en")
    assert [lex.matcher.exact_match(p) for p in ("share this", "teilen", "whatsapp")] == ["share"] * 3
    assert [m.kind for m in lex.matcher.match("share now")] == ["prefix"]
    assert lex.stopwords("de") == {"und", "the"} and lex.stopwords("en") == {"the", "and"}
    assert lex.word_set("you") == {"you", "tu"}


def test_a_phrase_may_be_in_concepts_that_are_looked_up_apart(tmp_path):
    Lexicon.load(
        make_lexicon(
            tmp_path,
            {
                # A heading that is related links and also ends the article: two matchers.
                "en/related.txt": "more stories\n",
                "en/section_cut.txt": "more stories\n",
                # The same words with other marks are another phrase.
                "en/footer.txt": "more stories ...\n",
                # Word lists are separate sets.
                "en/pitch.txt": "support\n",
                "en/you.txt": "support\n",
            },
        )
    )


def test_a_phrase_in_two_categories_is_an_error(tmp_path):
    e = load_error(tmp_path, {"en/related.txt": "# x\nkeep reading\n", "en/inline_promo.txt": "\nKeep reading!\n"})
    assert (e.file, e.line) == ("en/inline_promo.txt", 2)
    assert "en/related.txt line 2" in str(e)


def test_a_phrase_twice_in_a_concept_is_an_error_after_normalising(tmp_path):
    e = load_error(tmp_path, {"en/share.txt": "share this\nfoo\nShare  this!\n"})
    assert (e.file, e.line) == ("en/share.txt", 3)
    assert "en/share.txt line 1" in str(e)


def test_a_phrase_in_two_languages_of_a_concept_is_an_error(tmp_path):
    e = load_error(tmp_path, {"de/share.txt": "facebook\n", "en/share.txt": "Facebook\n"})
    assert (e.file, e.line) == ("en/share.txt", 1) and "de/share.txt line 1" in str(e)
    e = load_error(tmp_path, {"de/share.txt": "# x\nfacebook\n", "_common/share.txt": "Facebook\n"})  # and in _common
    assert (e.file, e.line) == ("_common/share.txt", 1) and "de/share.txt line 2" in str(e)


def test_a_word_twice_in_a_word_list_is_an_error(tmp_path):
    e = load_error(tmp_path, {"en/stopwords.txt": "the\na\nThe\n"})
    assert (e.file, e.line) == ("en/stopwords.txt", 3)
    e = load_error(tmp_path, {"en/stopwords.txt": "the\n", "en/you.txt": "you\n", "de/you.txt": "you\n"})
    assert (e.file, e.line) == ("en/you.txt", 1)
    e = load_error(tmp_path, {"de/you.txt": "# x\n", "_common/units.txt": "kg\ncm\nKG\n"})
    assert (e.file, e.line) == ("_common/units.txt", 3)


def test_an_unknown_concept_file_is_an_error(tmp_path):
    e = load_error(tmp_path, {"en/shares.txt": "share\n"})
    assert e.file == "en/shares.txt" and e.line is None and "unknown concept" in str(e)
    e = load_error(tmp_path, {"en/shares.txt": None, "en/months.txt": "may\n"})  # a _common-only list
    assert e.file == "en/months.txt"
    e = load_error(tmp_path, {"en/months.txt": None, "_common/stopwords.txt": "the\n"})  # a per-language list
    assert e.file == "_common/stopwords.txt"


@pytest.mark.parametrize("name", ["en/share.txt~", "en/notes.md", "share.txt"])
def test_a_stray_file_is_an_error(tmp_path, name):
    assert load_error(tmp_path, {name: "share\n"}).file == name


@pytest.mark.parametrize("name", ["de/share.txt", "en/stopwords.txt", "_common/months.txt"])
def test_a_missing_file_is_an_error(tmp_path, name):
    e = load_error(tmp_path, {name: None})
    assert e.file == name and "missing" in str(e)


def test_a_missing_folder_is_an_error(tmp_path):
    root = make_lexicon(tmp_path / "a")
    shutil.rmtree(root / "_common")
    with pytest.raises(LexiconError, match="missing folder") as e:
        read_lexicon(root)
    assert e.value.file == "_common"
    with pytest.raises(LexiconError, match="no language folder"):
        read_lexicon(make_lexicon(tmp_path / "b", langs=()))
    with pytest.raises(LexiconError, match="no such lexicon folder"):
        read_lexicon(tmp_path / "c")


@pytest.mark.parametrize(
    ("files", "where", "message"),
    [
        ({"en/about_heading.txt": "about ...\n"}, ("en/about_heading.txt", 1), "takes no '...' marks"),
        ({"en/you.txt": "# you\n... your\n"}, ("en/you.txt", 2), "takes no '...' marks"),
        ({"en/share.txt": "share\n— | —\n"}, ("en/share.txt", 2), "no letters or digits"),
        ({"en/share.txt": "...\n"}, ("en/share.txt", 1), "no letters or digits"),
    ],
)
def test_a_bad_line_is_an_error(tmp_path, files, where, message):
    e = load_error(tmp_path, files)
    assert (e.file, e.line) == where and message in str(e)


def test_a_file_that_is_not_utf8_is_an_error(tmp_path):
    root = make_lexicon(tmp_path)
    (root / "en" / "share.txt").write_bytes("Teilen\nFrançais\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="not UTF-8") as e:
        Lexicon.load(root)
    assert e.value.file == "en/share.txt"


def test_the_error_is_a_boilerstrip_error_and_a_value_error(tmp_path):
    e = load_error(tmp_path, {"en/share.txt": None})
    assert isinstance(e, BoilerstripError) and isinstance(e, ValueError)
    assert str(e).startswith("en/share.txt: missing file")


def test_a_lexicon_loads_from_a_zip_file(tmp_path):
    # What an installed zip (or a wheel on sys.path) gives importlib.resources: no files on disk.
    source = make_lexicon(tmp_path / "src", {"en/share.txt": "share this\n", "_common/months.txt": "january\n"})
    archive = tmp_path / "lists.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("lexpkg/__init__.py", "")
        for path in sorted(source.rglob("*.txt")):
            z.write(path, "lexpkg/lexicons/" + path.relative_to(source).as_posix())
    sys.path.insert(0, str(archive))
    try:
        root = importlib.resources.files("lexpkg") / "lexicons"
        assert not isinstance(root, Path)  # precondition: not read through the file system
        lex = Lexicon.load(root)
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("lexpkg", None)
    assert lex.matcher.exact_match("share this") == "share" and lex.months == {"january"}


def test_the_package_lists_load_when_the_package_is_a_zip_file(tmp_path):
    archive = tmp_path / "boilerstrip.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted((SRC / "boilerstrip").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                z.write(path, path.relative_to(SRC).as_posix())
    code = (
        "import boilerstrip.lexicon as l, boilerstrip.lexicon_layout as layout\n"
        "assert not isinstance(layout.package_folder(), layout.DiskFolder), 'read from disk'\n"
        "lex = l.default_lexicon()\n"
        "assert lex.matcher.exact_match('whatsapp') == 'share' and 'the' in lex.stopwords('en')\n"
        "print(' '.join(lex.languages))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(archive)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"]


def test_the_package_lists_are_read_from_disk_when_the_package_is_a_folder():
    from boilerstrip.lexicon_layout import DiskFolder, package_folder

    folder = package_folder()
    assert isinstance(folder, DiskFolder) and Path(folder.path) == SRC / "boilerstrip" / "lexicons"


# --- Immutable, shareable ---------------------------------------------------------------


def test_a_lexicon_cannot_be_changed(tmp_path):
    lex = Lexicon.load(make_lexicon(tmp_path, {"en/share.txt": "share\n", "en/you.txt": "you\n"}))
    with pytest.raises(AttributeError):
        lex.months = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        lex.word_sets["you"] = frozenset()  # type: ignore[index]
    with pytest.raises(TypeError):
        lex.matcher.exact["share"] = "footer"  # type: ignore[index]
    with pytest.raises(AttributeError):
        lex.matcher._exact = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        lex.bio_phrases["x"] = ()  # type: ignore[index]
    assert lex.matcher.exact_match("share") == "share"


def test_a_pickled_lexicon_is_rebuilt_from_its_folder(tmp_path):
    root = make_lexicon(tmp_path, {"en/share.txt": "share this\n... via email\n"})
    lex = Lexicon.load(root)
    copy = pickle.loads(pickle.dumps(lex))
    assert copy is not lex and copy.root == root
    assert copy.matcher.entries() == lex.matcher.entries() == (("share", "exact", "share this"), ("share", "suffix", "via email"))
    matcher = pickle.loads(pickle.dumps(lex.matcher))  # a matcher alone is rebuilt from its phrases
    assert matcher.entries() == lex.matcher.entries() and matcher.match("sent via email")[0].kind == "suffix"
    # The package's own lists come back as the default lexicon of the process that unpickles.
    assert pickle.loads(pickle.dumps(default_lexicon())) is default_lexicon()
    assert pickle.loads(pickle.dumps(Lexicon.load())) is default_lexicon()
