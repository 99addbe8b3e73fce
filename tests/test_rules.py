"""The lexicon rule (rules.lexicon_rule): word limits of partial phrase hits, and
obvious phrases of the real lexicon."""

from __future__ import annotations

import pytest

from boilerstrip import features, lexicon, rules
from boilerstrip import categories as C
from boilerstrip.classify import text_classes
from boilerstrip.lexicon import PhraseMatcher, normalise
from blocks import CONTENT, MONTHS, measure, content, lex, with_phrase


PARTIAL = [
    ("newsletter", "prefix", "sign up"),
    ("footer", "suffix", "all rights reserved"),
    ("app_promo", "contains", "google play"),
]
CUSTOM = PhraseMatcher(
    [(concept, kind, phrase) for concept, kind, phrase in PARTIAL]
    + [
        ("share", "exact", "share this"),
        ("byline", "prefix", "by"),
        ("inline_promo", "prefix", "watch"),
        ("comments", "prefix", "comments"),
    ]
)





@pytest.mark.parametrize("concept, kind, phrase", PARTIAL, ids=[k for _, k, _ in PARTIAL])
def test_partial_phrase_decides_up_to_max_phrase_words(concept, kind, phrase):
    n = rules.LIMITS.max_phrase_words
    at = with_phrase(kind, phrase, n)
    assert lex(at, CUSTOM) == (concept, f"lexicon:{concept}:{kind}")
    over = with_phrase(kind, phrase, n + 1)
    assert lex(over, CUSTOM) is None
    # No other rule picks the longer block up either.
    assert rules.first_rule(over, measure(over), CUSTOM, MONTHS) is None


def test_exact_phrase_has_no_reason_suffix():
    assert lex("Share this!", CUSTOM) == ("share", "lexicon:share")


def test_byline_prefix_up_to_max_byline_words():
    n = rules.LIMITS.max_byline_words
    assert n < rules.LIMITS.max_phrase_words  # its own, tighter limit
    at = with_phrase("prefix", "by", n)
    assert lex(at, CUSTOM) == ("byline", "lexicon:byline:prefix")
    over = with_phrase("prefix", "by", n + 1)
    assert lex(over, CUSTOM) is None


def test_dated_byline_up_to_max_dated_byline_words():
    # "By Jane Doe | Published 13.02.2025 16:02 | Updated ...": a date allows a longer byline.
    n = rules.LIMITS.max_dated_byline_words
    assert n > rules.LIMITS.max_byline_words
    def dated(words: int) -> str:
        text = " ".join(["By", "Jane", "Doe", "13.02.2025"] + content(words - 6, capitalise=True))
        assert measure(text).words == words
        return text
    assert lex(dated(n), CUSTOM) == ("byline", "lexicon:byline:prefix")
    assert lex(dated(n + 1), CUSTOM) is None
    # Without the date the short limit applies to the same length.
    undated = dated(n).replace("13.02.2025", "Harbour Gazette Staff")
    assert lex(undated, CUSTOM) is None


def test_byline_prefix_on_a_prose_sentence_is_not_a_byline():
    # "By then ..." with a full stop and many stop words is the article talking.
    sentence = "By then the talks of the town ended."  # 8 words, 3 stop words
    assert measure(sentence).words <= rules.LIMITS.max_byline_words
    assert lex(sentence, CUSTOM) is None
    # Same words without the full stop: a byline.
    assert lex(sentence[:-1], CUSTOM) == ("byline", "lexicon:byline:prefix")
    # A full stop but few stop words: still a byline ("By Jane Doe, Reuters.").
    assert lex("By Jane Doe, Reuters.", CUSTOM) == ("byline", "lexicon:byline:prefix")


def test_inline_promo_phrase_up_to_max_promo_words():
    n = rules.LIMITS.max_promo_words
    at = with_phrase("prefix", "watch", n)
    assert lex(at, CUSTOM) == ("inline_promo", "lexicon:inline_promo:prefix")
    over = with_phrase("prefix", "watch", n + 1)
    assert lex(over, CUSTOM) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Share", C.SHARE),
        ("Back to top", C.FOOTER),
        ("Leave a Reply", C.COMMENTS),
    ],
)
def test_obvious_phrases_in_the_real_lexicon(text, expected):
    f = features.measure(text, lexicon.stopwords("en"))
    assert rules.first_rule(text, f, lexicon.matcher(), MONTHS) == (expected, f"lexicon:{expected}")


@pytest.mark.parametrize(
    "text, expected",
    [
        # Comment forms: log in / register to take part, house rules.
        ("Du musst dich einloggen, um hier mitzudiskutieren.", C.COMMENTS),
        ("Bitte beachten Sie unsere Netiquette.", C.COMMENTS),
        ("Melden Sie sich an, um einen Kommentar zu schreiben.", C.COMMENTS),
        ("Para comentar debe iniciar sesión con su cuenta.", C.COMMENTS),
        ("Per commentare devi essere registrato.", C.COMMENTS),
        ("Pour commenter, vous devez être abonné.", C.COMMENTS),
        ("You must be logged in to comment on this story.", C.COMMENTS),
        # Share and follow-us lines.
        ("Diesen Beitrag teilen", C.SHARE),
        ("Siguenos en Instagram y TikTok", C.SHARE),
        ("Suscríbete a nuestro canal de YouTube", C.SHARE),
        # Support, donation and "did you like it" pitches; sign-up leftovers.
        ("Gefällt dir unser Magazin? Dann unterstütze uns!", C.NEWSLETTER),
        ("Hat Ihnen dieser Beitrag gefallen?", C.NEWSLETTER),
        ("Jede kleine Spende hilft uns weiter.", C.NEWSLETTER),
        ("Zapraszamy do subskrypcji naszego kanału.", C.NEWSLETTER),
        ("Sin permanencia: cancela cuando quieras.", C.NEWSLETTER),
        ("Enjoyed this article? Tell us what you think.", C.NEWSLETTER),
        ("Enjoying this story? Our weekly briefing has more.", C.NEWSLETTER),
        ("No thanks", C.NEWSLETTER),
        # Consent placeholders of embedded content.
        ("Externer Inhalt", C.COOKIE),
        ("Wir respektieren Ihre Privatsphäre und laden den Beitrag erst nach Ihrer Zustimmung.", C.COOKIE),
        ("Informujemy, że korzystamy z plików cookie.", C.COOKIE),
        # Image chrome.
        ("Beitragsbild: Ein Leuchtturm an der Ostsee", C.CAPTION),
        ("Der Hafen im Winter (zum Vergrößern anklicken)", C.CAPTION),
        # Footer-like notices and disclaimers.
        ("Alle Angaben ohne Gewähr.", C.FOOTER),
        ("These statements have not been evaluated by the Food and Drug Administration.", C.FOOTER),
        ("We may receive a small commission when you buy through links on this page.", C.ADVERTISEMENT),
        # Navigation: search-term lists, WordPress post meta, tables of contents.
        ("Meist gesucht:", C.NAVIGATION),
        ("Popular searches", C.NAVIGATION),
        ("This entry was posted in News and tagged harbour. Bookmark the permalink.", C.NAVIGATION),
        ("Inhaltsverzeichnis", C.NAVIGATION),
        ("Table of contents", C.NAVIGATION),
        # Related-reading headings.
        ("Mehr Kolumnen aus der Redaktion:", C.RELATED),
        ("Diese Artikel könnten Sie auch interessieren", C.RELATED),
        ("Was this article helpful?", C.BOILERPLATE),
        ("Dir hat der Artikel gefallen? Jetzt teilen und weitersagen!", C.NEWSLETTER),
        ("Wählen Sie Ihren Zugang und lesen Sie weiter:", C.NEWSLETTER),
        ("Zurück zu allen Meldungen", C.NAVIGATION),
        # Browser notices of forum and shop software.
        ("JavaScript ist deaktiviert. Für eine bessere Darstellung aktiviere bitte JavaScript.", C.BOILERPLATE),
        ("Du verwendest einen veralteten Browser. Einige Seiten werden falsch angezeigt.", C.BOILERPLATE),
        ("You are using an out of date browser. It may not display this site correctly.", C.BOILERPLATE),
        ("Vous utilisez un navigateur obsolète, certaines pages peuvent mal s'afficher.", C.BOILERPLATE),
        ("Estás usando un navegador obsoleto. Actualízalo para ver bien esta página.", C.BOILERPLATE),
        ("Ebenfalls lesenswert: Neue Brücke über den Hafen eröffnet", C.INLINE_PROMO),
    ],
)
def test_page_chrome_phrases_in_the_real_lexicon(text, expected):
    f = features.measure(text, frozenset())
    got = rules.first_rule(text, f, lexicon.matcher(), MONTHS)
    assert got is not None and got[0] == expected, got


@pytest.mark.parametrize(
    "text",
    [
        "Das könnte dich auch interessieren",  # already a whole-line heading
        "Dieser Artikel könnte dich auch interessieren:",
        "Diese Themen könnten Sie auch interessieren",
        "Mehr Kolumnen aus der Redaktion",
        "HOUSE RULES",  # the rules of a comment section, as its heading
        "Community Guidelines",
        "Kommentarregeln",
    ],
)
def test_related_headings_end_the_article_in_the_real_lexicon(text):
    assert text_classes.is_cut_heading(features.measure(text, frozenset()), lexicon.cut_matcher())


@pytest.mark.parametrize(
    "text",
    [
        # Article sentences near the new phrases stay undecided by the lexicon.
        "Unterstütze dein Immunsystem im Winter mit viel Obst und Gemüse.",
        "Die Wähler müssen sich bis Freitag im Rathaus anmelden, um abstimmen zu können.",
        "Für eine Spende an das Tierheim bedankte sich die Leiterin herzlich.",
        "The cover image of the report shows the flooded valley in March.",
        "Para comentar la situación, el ministro convocó a la prensa el lunes.",
        "El ministro pidió dos días para poder comentar el informe.",
        "Der Sprecher war am Abend nicht erreichbar, um einen Kommentar abzugeben.",
        "If you enjoy jazz, there is a new album from the harbour quartet you might also like.",
    ],
)
def test_article_sentences_near_new_chrome_phrases_stay(text):
    assert lexicon.matcher().match(normalise(text)) == ()


def test_real_stopwords_hold_the_commonest_english_words():
    stop = lexicon.stopwords("en")
    assert {"the", "of", "and", "to", "in"} <= stop
    # The end-to-end tests below count stop words with STOP; the real list must agree.
    assert not set(CONTENT) & stop


def _loop_over_rules(text, f, matcher, months):
    """The reference: every rule of RULES tried in its order, as RuleChain does with a switch off."""
    for name, rule, _ in rules.RULES:
        hit = rule(text, f, matcher, months, lexicon.default_lexicon())
        if hit is not None:
            return hit
    return None


def test_the_written_out_chain_is_the_rules_table_in_order():
    # Every line of the bundled samples, plus one line made for each shape rule, so that a
    # rule missing from (or moved in) the written-out chain changes some line's label.
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / "samples"
    lines = [line for path in sorted(root.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    lines += [
        "!!! ---",
        "12 comments",
        "![a harbour at dawn](https://example.org/harbour.jpg)",
        "Share Tweet Email",
        "WATCH: the new bridge opens",
        "Photo: Jane Doe/Harbour Agency",
        "A view of the harbour. (Jane Doe/Harbour Agency)",
        "March 3, 2024",
        "https://example.org/story",
        "The council met on Tuesday to discuss the new ...",
        "Subscribe now to get our best stories in your inbox every morning",
        "This site stores cookies on your device; accept them, refuse them or pick which ones stay.",
    ]
    matcher, months = lexicon.matcher(), lexicon.months()
    stop = lexicon.stopwords("en")
    fired = set()
    for text in lines:
        f = features.measure(text, stop)
        expected = _loop_over_rules(text, f, matcher, months)
        assert rules.first_rule(text, f, matcher, months) == expected, text
        if expected is not None:
            fired.add(rules.family_of(expected[1]))
    # The check is only as good as the rules it saw fire.
    assert len(fired) >= 10, sorted(fired)
